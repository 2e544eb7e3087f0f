// An endpoint that only hands the request's content to code that keeps nothing and answers reads
// and writes no stored patient record: record-access auditing does not apply to it, whatever
// clinical words its path and service names carry. Two such endpoints: an AI helper that suggests
// goals from the problems typed into a form (what it sends to the AI service is phi-to-ai's
// matter), and a calculator that scores the values posted to it (a severity score, a drug
// interaction check over the drugs listed in the body). It is such an endpoint when:
// - its path addresses no record (no path parameter) and no request input it reads is keyed to a
//   patient (`clientId`);
// - it writes no SQL and calls no data store itself (data-store-calls.ts) but to read the
//   generator's own settings (a prompt template, the AI model to use);
// - every workspace function it calls reaches no data store, at any depth (the flow hooks across
//   files), and either one of them sends its input to an AI service, or none of them fetches
//   over HTTP or reads any store (a calculator computes from what it is given);
// - any other call it makes names no patient-like resource and fetches nothing over HTTP.

import { calleePath } from '../../model/expressions';
import type { FileFacts } from '../../model/facts';
import { bindingsIn, callsIn, scopeTree } from '../../model/facts-index';
import type { EndpointFact } from '../../model/endpoints';
import type { FlowAnalyzer } from '../flow/flow';
import { tokenize } from '../phi/identifiers';
import { callsOverHttp, usesRecordStore } from './data-store-calls';
import { readsRequestInput } from './request-inputs';
import { keyedResources, pathSegments, resourcesOf } from './resources';
import { isSqlStatement, sqlTexts } from './sql-tables';

/** A class-based view reading its own records (`self.filter_queryset(self.get_queryset())`, `self.get_object()`). */
const FRAMEWORK_RECORD_READS = new Set(['queryset', 'get_queryset', 'filter_queryset', 'paginate_queryset', 'get_object', 'objects']);

export function isStatelessGeneration(endpoint: EndpointFact, handlerScopeId: number, facts: FileFacts, flow: FlowAnalyzer): boolean {
  const dataUseBehind = flow.hooks.dataUseBehind?.bind(flow.hooks);
  const storeReadsBehind = flow.hooks.storeReadsBehind?.bind(flow.hooks);
  if (!dataUseBehind || pathSegments(endpoint.path).some((segment) => segment.param)) return false;
  // `patient_id: int`: a query parameter keyed to a patient (FastAPI, Flask).
  if ((facts.scopes[handlerScopeId]?.params ?? []).some((param) => keyedResources(param.name).length)) return false;
  const scopes = scopeTree(facts, handlerScopeId);
  if (sqlTexts(facts, scopes).some(isSqlStatement)) return false;
  for (const scopeId of scopes) {
    for (const binding of bindingsIn(facts, scopeId)) {
      if (!readsRequestInput(binding.value)) continue;
      const read = calleePath(binding.value) ?? [];
      if ([binding.property ?? binding.name, read[read.length - 1]].some((key) => key && keyedResources(key).length)) return false;
    }
  }
  let sendsToAi = false;
  // Workspace functions reached, and whether any of them fetches over HTTP or reads a store (then only an AI helper is judged stateless).
  let computes = false;
  let readsData = false;
  for (const scopeId of scopes) {
    for (const { call } of callsIn(facts, scopeId)) {
      const path = calleePath(call.callee) ?? [];
      if (usesRecordStore(path) || path.some((segment) => FRAMEWORK_RECORD_READS.has(segment))) return false;
      const behind = dataUseBehind(call.callee, scopeId);
      if (behind) {
        if (behind.usesStore) return false;
        sendsToAi ||= behind.sendsToAi;
        readsData ||= behind.fetches;
        // A store read the callee names by a local object (`db.query(Model)` on a parameter) is still a read.
        const reads = storeReadsBehind?.(call.callee, scopeId);
        if (!reads || reads.records || reads.totals || reads.reference) readsData = true;
        computes = true;
        continue;
      }
      // A call that reaches another service over HTTP: what it fetches is unknown.
      if (callsOverHttp(path)) return false;
      // `getClientChart(id)` from a package: a patient's records, by its name.
      if (path.some((segment) => tokenize(segment).some((token) => resourcesOf(token).length > 0))) return false;
    }
  }
  return sendsToAi || (computes && !readsData);
}

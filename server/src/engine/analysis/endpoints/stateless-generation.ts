// An endpoint that only hands the request's text to a generator and answers (an AI helper that
// suggests goals from the problems typed into a form) reads and writes no stored patient record:
// record-access auditing does not apply to it, whatever clinical words its path and service names
// carry (what it sends to the AI service is phi-to-ai's matter). It is such a helper when:
// - its path addresses no record (no path parameter) and no request input it reads is keyed to a
//   patient (`clientId`);
// - it writes no SQL and calls no data store itself (data-store-calls.ts) but to read the
//   generator's own settings (a prompt template, the AI model to use);
// - every workspace function it calls reaches no data store, at any depth, and one of them sends
//   its input to an AI service (the flow hooks across files);
// - any other call it makes names no patient-like resource and fetches nothing over HTTP.

import { calleePath } from '../../model/expressions';
import type { FileFacts } from '../../model/facts';
import { bindingsIn, callsIn, scopeTree } from '../../model/facts-index';
import type { EndpointFact } from '../../model/endpoints';
import type { FlowAnalyzer } from '../flow/flow';
import { tokenize } from '../phi/identifiers';
import { usesRecordStore } from './data-store-calls';
import { readsRequestInput } from './request-inputs';
import { keyedResources, pathSegments, resourcesOf } from './resources';
import { isSqlStatement, sqlTexts } from './sql-tables';

/** Calls that reach another service over HTTP: what they fetch is unknown, so they keep the endpoint. */
const HTTP_CLIENTS = new Set(['fetch', 'axios', 'got', 'request', 'http', 'https', 'superagent', 'ky', 'httpx', 'requests', 'urlopen']);

export function isStatelessGeneration(endpoint: EndpointFact, handlerScopeId: number, facts: FileFacts, flow: FlowAnalyzer): boolean {
  const dataUseBehind = flow.hooks.dataUseBehind?.bind(flow.hooks);
  if (!dataUseBehind || pathSegments(endpoint.path).some((segment) => segment.param)) return false;
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
  for (const scopeId of scopes) {
    for (const { call } of callsIn(facts, scopeId)) {
      const path = calleePath(call.callee) ?? [];
      if (usesRecordStore(path)) return false;
      const behind = dataUseBehind(call.callee, scopeId);
      if (behind) {
        if (behind.usesStore) return false;
        sendsToAi ||= behind.sendsToAi;
        continue;
      }
      if (path.some((segment) => HTTP_CLIENTS.has(segment))) return false;
      // `getClientChart(id)` from a package: a patient's records, by its name.
      if (path.some((segment) => tokenize(segment).some((token) => resourcesOf(token).length > 0))) return false;
    }
  }
  return sendsToAi;
}

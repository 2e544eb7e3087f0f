// Endpoints that serve only totals or reference rows, when these are read behind a service:
// "touches PHI" leaves out aggregates and reference data (docs/rules/missing-phi-access.md), and a
// dashboard route usually calls a service or controller that counts
// (`prisma.billingHold.groupBy({ _count })`, `SELECT ROUND(AVG(score), 2) FROM surveys`) or lists
// a table of kinds (`referral_sources`) rather than doing it in the handler. What a function reads
// from its data stores is summarised per function (`storeReads`, kept in the workspace summaries);
// an endpoint serves no patient's rows when the handler and every workspace function it reaches
// read only totals and reference rows (at least one), and nothing else it calls names a
// patient-like resource or fetches over HTTP. A patient list beside a count still reads rows, and
// reference rows read for one patient (`/patients/:patientId/preferences`) are that patient's.

import { calleePath } from '../../model/expressions';
import type { FileFacts } from '../../model/facts';
import { bindingsIn, callsIn, scopeTree } from '../../model/facts-index';
import type { FlowAnalyzer } from '../flow/flow';
import type { StoreReads } from '../flow/flow-hooks';
import { tokenize, tokenMatches } from '../phi/identifiers';
import { callsDataStore } from './data-store-calls';
import { keyedResources, namesKindsOf, pathSegments, resourceOfToken, resourcesOf } from './resources';
import { readsRequestInput } from './request-inputs';
import { carriesNoPhiFields, columnClassifier, describesKinds, isSqlStatement, literalText, onlyTotals, readsCatalogue, sqlTables, sqlTexts, type ColumnClassifier } from './sql-tables';
import { aggregatedCalls } from './aggregate-calls';
import { ormCallCarriesNoPhiFields } from './orm-field-lists';

/** Calls of a store that return a total (`count`, Prisma's `aggregate`/`groupBy`, Mongo's counts); not `len`/`length` of rows already read. */
const STORE_TOTALS = new Set(['count', 'countDocuments', 'estimatedDocumentCount', 'aggregate', 'groupBy', 'sum', 'avg', 'exists']);
/** Methods that run an SQL text: what they read is what the text says. */
const SQL_RUNNERS = new Set(['query', 'execute', 'executemany', 'raw', '$queryRaw', '$queryRawUnsafe', 'oneOrNone', 'manyOrNone']);
/** The language's own objects (`Promise.all`, `Object.entries`), never a data store's model. */
const BUILTIN_OBJECTS = new Set(['Promise', 'Object', 'Array', 'Math', 'JSON', 'Date', 'Number', 'String', 'Reflect', 'Intl', 'Buffer']);
/** Calls that reach another service over HTTP: what they fetch is unknown. */
const HTTP_CLIENTS = new Set(['fetch', 'axios', 'got', 'request', 'http', 'https', 'superagent', 'ky', 'httpx', 'requests', 'urlopen']);


/** What the calls and SQL texts of `scopes` read from data stores. */
export function storeReads(facts: FileFacts, scopes: Set<number>, classify: ColumnClassifier): StoreReads {
  const reads: StoreReads = { totals: false, reference: false, records: false, fieldless: false };
  const statements = sqlTexts(facts, scopes).filter(isSqlStatement);
  for (const text of statements) {
    if (onlyTotals(text)) reads.totals = true;
    // `SELECT id FROM patients WHERE id = $1`, `UPDATE claims SET status = $1`: keys and states, none of a record's fields.
    else if (carriesNoPhiFields(text, classify)) reads.fieldless = true;
    else if (readsOnlyKinds(text)) reads.reference = true;
    else reads.records = true;
  }
  const aggregated = aggregatedCalls(facts, scopes);
  for (const scopeId of scopes) {
    for (const { call } of callsIn(facts, scopeId)) {
      const path = calleePath(call.callee);
      const last = path?.[path.length - 1] ?? (call.callee.kind === 'member' ? call.callee.property : '');
      if (aggregated.has(call)) {
        if (STORE_TOTALS.has(last)) reads.totals = true;
        continue;
      }
      if (!path || BUILTIN_OBJECTS.has(path[0]) || !callsDataStore(path)) continue;
      // `prisma.client.findUnique({ where: { id }, select: { id: true, amdSyncStatus: true } })`.
      if (ormCallCarriesNoPhiFields(call, path, classify)) {
        reads.fieldless = true;
        continue;
      }
      // `pool.query(sql, params)`: judged by its SQL text above; one whose text is not in sight reads rows.
      const runsSql = SQL_RUNNERS.has(last) && (statements.length > 0 || call.args.some((arg) => isSqlStatement(literalText(arg.value) ?? '')));
      // `prisma.appointmentType.findMany()`: a model of kinds or settings (sql-tables.ts), the same for every patient.
      const model = path.length > 2 ? path[path.length - 2] : undefined;
      if (model && describesKinds(model) && !runsSql) reads.reference = true;
      else if (!runsSql) reads.records = true;
    }
  }
  return reads;
}

/**
 * Whether the function `handlerScopeId` of this file serves only totals, reference rows and rows'
 * keys and states: its own store reads are totals, tables of kinds or statements of no PHI field,
 * so are those of the workspace functions it calls
 * (the flow hooks across files), at least one is read, and any other call names no patient-like
 * resource and fetches nothing over HTTP.
 */
export function servesNoPatientRows(handlerScopeId: number, path: string, facts: FileFacts, flow: FlowAnalyzer): boolean {
  // Without the workspace index (a file analysed alone) a call to another function is judged by its names.
  const readsBehind = flow.hooks.storeReadsBehind?.bind(flow.hooks);
  const scopes = scopeTree(facts, handlerScopeId);
  const own = storeReads(facts, scopes, columnClassifier(flow.classifier));
  if (own.records) return false;
  // Rows of a kinds table read for one patient (`/patients/:patientId/preferences`) are that patient's.
  const forOnePatient = keyedToPatient(path) || requestKeyedToPatient(facts, scopes);
  if (forOnePatient && own.reference) return false;
  // Keys, states and bookkeeping read or written are no one's data, for one patient too.
  let served = own.totals || own.reference || own.fieldless;
  const aggregated = aggregatedCalls(facts, scopes);
  for (const scopeId of scopes) {
    for (const { call } of callsIn(facts, scopeId)) {
      const path = calleePath(call.callee);
      if (aggregated.has(call) || !path || BUILTIN_OBJECTS.has(path[0]) || callsDataStore(path)) continue;
      const behind = readsBehind?.(call.callee, scopeId);
      if (behind) {
        if (behind.records) return false;
        if (forOnePatient && behind.reference) return false;
        served ||= behind.totals || behind.reference || behind.fieldless;
        continue;
      }
      if (path.some((segment) => HTTP_CLIENTS.has(segment))) return false;
      if (path.some((segment) => namesResource(segment))) return false;
    }
  }
  return served;
}

/** An SQL statement whose every table holds kinds, settings or sources. */
function readsOnlyKinds(text: string): boolean {
  const tables = sqlTables(text);
  return (tables.length > 0 && tables.every(describesKinds)) || readsCatalogue(text);
}

/**
 * Whether a route addresses one patient (`/patients/:patientId/...`, `/:clientId`): a path
 * parameter named for a person. A record of kinds read for it is that patient's.
 */
export function keyedToPatient(path: string): boolean {
  // `{patient_type_id}` keys a kind of patient (namesKindsOf), not a patient.
  return pathSegments(path).some((segment) => segment.param && namesPerson(segment.name) && !namesKindsOf(segment.name));
}

/** `const { patientId } = req.query`: a request input named for a person. */
export function requestKeyedToPatient(facts: FileFacts, scopes: Set<number>): boolean {
  for (const scopeId of scopes) {
    for (const binding of bindingsIn(facts, scopeId)) {
      if (!readsRequestInput(binding.value)) continue;
      const read = calleePath(binding.value) ?? [];
      if ([binding.property ?? binding.name, read[read.length - 1]].some((key) => !!key && keyedResources(key).length > 0 && namesPerson(key))) return true;
    }
  }
  return false;
}

/** `patientId`, `client_id`, `memberId`: the key of a person. */
function namesPerson(name: string): boolean {
  return tokenize(name).some((token) => resourceOfToken(token)?.category === 'demographics' || tokenMatches(token, 'client'));
}

/** `getPatientChart`, `visitService`: a segment naming a patient-like resource. */
export function namesResource(segment: string): boolean {
  if (segment === 'this' || segment === 'self') return false;
  return tokenize(segment).some((token) => resourcesOf(token).length > 0);
}

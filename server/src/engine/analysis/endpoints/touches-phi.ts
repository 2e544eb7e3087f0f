// Does an endpoint touch patient data? Evidence, strongest first: the path names a patient-like
// resource; the handler takes or returns a PHI model (parameter and return annotations,
// `response_model`, DTO types, a request schema of PHI fields) or a request input keyed to a
// patient (`patient_id`); its body reads PHI records or fields (FlowAnalyzer), queries a
// patient-like model or table (SQL), or calls a function whose name says it fetches patient records.

import { calleePath, rootName } from '../../model/expressions';
import type { Expr, FileFacts, ParamFact } from '../../model/facts';
import { identityParams, readsSignedInPatientKey } from './identity-params';
import { keyedToPatient, requestKeyedToPatient } from './totals-only';
import { bindingsIn, callsIn, scopeTree } from '../../model/facts-index';
import type { FlowAnalyzer } from '../flow/flow';
import type { Taint } from '../flow/taint';
import { namesAccountModel } from '../phi/account-models';
import { tokenize } from '../phi/identifiers';
import type { PhiCategory } from '../../model/types';
import { columnClassifier, sqlTableReads, sqlTexts } from './sql-tables';
import { ormCallCarriesNoPhiFields } from './orm-field-lists';
import { readsRequestInput, isRequestSchema, SCHEMA_CHECKS, schemaPhiCategories } from './request-inputs';
import { isNotImplementedStub } from './stub-handler';
import { servesDevelopmentOnly } from '../sinks/debug-only';
import { aggregatedCalls, lastCalleeName } from './aggregate-calls';
import { respondsWithTotalsOnly } from './totals-response';
import { isHealthCheckPath } from './health-checks';
import { isCallerRequestType } from './caller-request-types';
import { isAuditTrailSegment, isReferenceData, keyedResources, namesNoRecord, pathResources, pathSegments, resourcesOf, routeNameResources, uniqueCategories, type ResourceMatch } from './resources';

export interface PhiEvidenceInput {
  path: string;
  /** The handler's function scope, when the handler is a function in this file. */
  handlerScopeId?: number;
  /** Names in the handler's declared types (parameters, return type, `response_model`, DTOs). */
  typeNames: string[];
  /** Names that stand for the route when its path is elsewhere (Django view / DRF class names). */
  nameHints: string[];
  /** Further scopes whose bindings count (a DRF class body: `queryset = Patient.objects.all()`). */
  extraScopeIds?: number[];
  /** When set, only these class attributes of the extra scopes count (`queryset`, `serializer_class`, `model`). */
  classAttributes?: readonly string[];
  /** Further functions read like the handler (a DRF class's `get_queryset` for its inherited actions). */
  dataScopeIds?: number[];
}

export interface PhiEvidence {
  touchesPhi: boolean;
  categories: PhiCategory[];
  why: string[];
  /**
   * Each piece of evidence with the names it rests on, so that a later pass that knows the
   * workspace's models can set aside what rests only on models holding no patient's data
   * (patient-level-models.ts). Empty when the endpoint is quiet.
   */
  items?: EvidenceItem[];
}

/** One piece of evidence: its reason, the categories it found, and the names it rests on (none: it rests on what the handler reads). */
export interface EvidenceItem {
  reason: string;
  categories: PhiCategory[];
  subjects?: string[];
}

const DATA_VERBS = new Set([
  'get', 'load', 'fetch', 'find', 'read', 'query', 'list', 'search', 'lookup', 'retrieve', 'select', 'create',
  'update', 'delete', 'save', 'upsert', 'add', 'remove', 'insert', 'put', 'patch', 'export', 'import', 'sync',
  'upload', 'download', 'count', 'filter', 'all', 'first', 'one', 'many', 'aggregate', 'destroy', 'bulk', 'set',
]);

/** The evidence, computed; finders ask evidence-memo.ts's assessPhi, which remembers it across analyses. */
export function gatherPhiEvidence(given: PhiEvidenceInput, facts: FileFacts, flow: FlowAnalyzer): PhiEvidence {
  // `req: PatientAuthenticatedRequest`: the request of a signed-in caller, not a PHI model (caller-request-types.ts).
  const input = { ...given, typeNames: given.typeNames.filter((name) => !isCallerRequestType(name)) };
  // Weak evidence (names: the path, declared types, view and class names, class attributes) and
  // strong evidence (what the handler's body reads). A handler whose body only aggregates
  // (`.count()`, `values(...).annotate(Count(...))`) returns totals, whatever its names say.
  const weak = evidenceList();
  const strong = evidenceList();

  // A person-shaped word (`clients`) is trusted only where the handler's body is out of sight (resources.ts).
  const personShaped = input.handlerScopeId === undefined;
  const fromPath = pathNamesTotals(input.path) ? [] : pathResources(input.path, personShaped);
  weak.note(`path names ${[...new Set(fromPath.map((match) => match.word))].join(', ')}`, fromPath, false, pathSubjects(input.path));
  // `getMemberStats` on `/members/stats` is totals; `getClientDiagnosisStats` on `/clients/:id/stats` is one patient's.
  const addressesOne = pathSegments(input.path).some((segment) => segment.param);
  // `FacilityPatientStatsHistory`, `PatientCountsOut`: a model named for totals holds totals.
  const modelResources = (name: string) => (!addressesOne && namesTotals(name) ? [] : resourcesOf(name));
  for (const name of input.typeNames) weak.note(`uses the PHI model ${name}`, modelResources(name), false, [name]);
  for (const name of new Set(input.typeNames)) weak.note(`takes ${name}, whose fields are PHI`, schemaPhiCategories(name, facts, flow), false, [name]);
  // `PatientRecordAccessViewSet`: the audit trail of a patient's record, not the record.
  for (const name of input.nameHints) if ((addressesOne || !namesTotals(name)) && !isAuditTrailSegment(name)) weak.note(`view named after ${name}`, routeNameResources(name, personShaped), false, [name]);

  const scopes = input.handlerScopeId === undefined ? new Set<number>() : scopeTree(facts, input.handlerScopeId);
  // A stub answering "not implemented" serves nothing yet.
  if (input.handlerScopeId !== undefined && isNotImplementedStub(facts, scopes)) return { touchesPhi: false, categories: [], why: [] };
  // `if (!isDevHarnessEnabled()) return 403`: a development tool, which serves nothing in production.
  if (input.handlerScopeId !== undefined && servesDevelopmentOnly(facts, facts.scopes[input.handlerScopeId])) return { touchesPhi: false, categories: [], why: [] };
  // A patient portal serving the signed-in patient (`session.patientId`) and no patient the request
  // names: the patient's own record, opened by the patient.
  if (input.handlerScopeId !== undefined && servesSignedInPatientOnly(facts, scopes, input.path)) return { touchesPhi: false, categories: [], why: [] };
  // A handler that counts rows and answers with the counts only serves totals.
  if (input.handlerScopeId !== undefined && respondsWithTotalsOnly(facts, input.handlerScopeId, scopes)) return { touchesPhi: false, categories: [], why: [] };
  for (const id of input.dataScopeIds ?? []) for (const nested of scopeTree(facts, id)) scopes.add(nested);
  // `/audit/analytics?patient_id=`: totals, filtered by patient.
  const keyed = (name: string) => (pathNamesTotals(input.path) ? [] : keyedResources(name));
  if (input.handlerScopeId !== undefined) {
    const handlerScope = facts.scopes[input.handlerScopeId];
    const callersOwn = handlerScope ? identityParams(facts, handlerScope) : new Set<ParamFact>();
    for (const param of handlerScope?.params ?? []) {
      // `patient_id = Depends(current_patient_id)`: the caller's own id, not a patient asked for.
      if (callersOwn.has(param)) continue;
      const kind = flow.classifier.classify(param.name).kind;
      if (kind === 'record') strong.note(`takes a patient record (${param.name})`, resourcesOf(param.name).length ? resourcesOf(param.name) : ['demographics']);
      // A query or path parameter `patient_id` scopes the handler to one patient's records.
      else weak.note(`takes ${param.name}`, keyed(param.name), true, [param.name]);
    }
    // Express/Koa: `const { patientId } = req.query`, `const id = req.params.patientId`.
    for (const binding of bindingsIn(facts, input.handlerScopeId)) {
      if (!readsRequestInput(binding.value)) continue;
      const read = calleePath(binding.value) ?? [];
      for (const key of [binding.property ?? binding.name, read[read.length - 1]]) weak.note(`takes ${key}`, keyed(key), true, [key]);
    }
  }
  const aggregated = aggregatedCalls(facts, scopes);
  // `const analytics = await service.getRevenueAnalytics(range)`: totals by the callee's name, and so is what is passed on of them.
  // `procedures = store.get_procedure_types()`: the kinds a service keeps (or the practice's rooms, staff, settings), named
  // after a resource yet nobody's record; what is passed on of them is not either.
  const totalNames = new Set<string>();
  for (const binding of [...scopes].flatMap((scopeId) => bindingsIn(facts, scopeId))) {
    const called = calledIn(binding.value);
    if (!called || binding.property) continue;
    const callee = lastCalleeName(called);
    if ((!addressesOne && namesTotals(callee)) || namesKindsCall(callee) || namesPracticeThingsCall(callee)) totalNames.add(binding.name);
  }
  for (const scopeId of scopes) {
    for (const call of callsIn(facts, scopeId)) {
      if (aggregated.has(call.call)) continue;
      // `await service.getReferralAnalytics(tenantId)` on `/analytics`: totals by its name, for no one record.
      // `getVitalTrends(req.query.patientId)`: one patient's series, whatever the path says.
      if (!addressesOne && namesTotals(lastCalleeName(call.call)) && !passesPatientKey(call.call)) continue;
      strong.note(...callEvidence(call.call, call.scopeId, flow, aggregated, totalNames));
    }
  }
  for (const text of sqlTexts(facts, scopes)) {
    for (const read of sqlTableReads(text, columnClassifier(flow.classifier))) strong.note(`queries the table ${read.table}`, read.resources, false, [read.table]);
  }
  const bindingScopes = new Set([...scopes, ...(input.extraScopeIds ?? [])]);
  for (const binding of [...bindingScopes].flatMap((scopeId) => bindingsIn(facts, scopeId))) {
    const inHandler = scopes.has(binding.scopeId);
    if (!inHandler && input.classAttributes && !input.classAttributes.includes(binding.name)) continue;
    if (inHandler && totalNames.has(binding.name) && !binding.property) continue;
    const taint = flow.taintOf(binding.value, binding.scopeId);
    const target = inHandler ? strong : weak;
    if (taint && countsAsPatientData(taint, flow) && !heldByAccount([binding.name], taint, flow)) target.note(`reads ${describeTaint(taint)}`, taint.elements.map((e) => e.category));
    if (!inHandler) {
      // Class attributes (`queryset = Patient.objects.all()`, `serializer_class = PatientSerializer`).
      for (const name of namesIn(binding.value)) if (/^[A-Z]/.test(name)) weak.note(`uses the PHI model ${name}`, modelResources(name), false, [name]);
    }
  }
  const onlyTotals = aggregated.size > 0 && strong.categories.length === 0 && !readsRecords(facts, scopes, aggregated);
  // A handler here whose body only builds a response (`NextResponse.json({ status: 'ok' })`) serves
  // static content, a health check or metadata, whatever its route's folder is named.
  const declaresPhi = input.typeNames.some((name) => resourcesOf(name).length > 0);
  const staticContent = input.handlerScopeId !== undefined && strong.categories.length === 0 && !declaresPhi && onlyBuildsResponse(facts, scopes);
  // A code list's endpoint (`ICDViewSet`, `/icd-codes/{id}`) serves no patient unless it reads one.
  const handlerName = input.handlerScopeId === undefined ? undefined : facts.scopes[input.handlerScopeId]?.name;
  const referenceNames = [...input.nameHints, ...(handlerName ? [handlerName] : []), ...pathSegments(input.path).map((segment) => segment.name)];
  // `def get_procedure_types()` on `/procedures`: a handler named for listing kinds, for no one record.
  // Only when its body reads nothing of a patient's and it takes no patient's key.
  const kindsHandler = !!handlerName && namesKindsCall(handlerName) && strong.categories.length === 0 && !pathSegments(input.path).some((segment) => segment.param) && !takesPersonKey(facts, input.handlerScopeId, scopes);
  const reference = (referenceNames.some(isReferenceData) || listsKinds(input.path, input.nameHints, handlerName) || kindsHandler) && !strong.categories.includes('demographics');
  // `POST /smart/consent/{session_id}/approve` taking `patient_id`: an authorization step that
  // records the launch's patient by key, reading and returning nothing of theirs.
  const launchContext = strong.categories.length === 0 && weak.keysOnly() && namesAuthorizationFlow(input.path);
  // `GET /integrity/health` reading a record only to prove the database answers: a probe, not a patient's data.
  const healthCheck = isHealthCheckPath(input.path) && !takesPersonKey(facts, input.handlerScopeId, scopes);
  const quiet = onlyTotals || reference || staticContent || launchContext || healthCheck;
  const categories = quiet ? [] : [...weak.categories, ...strong.categories];
  const why = quiet ? [] : [...weak.why, ...strong.why.filter((reason) => !weak.why.includes(reason))].slice(0, 6);
  const unique = uniqueCategories(categories);
  const items = quiet ? [] : [...weak.items, ...strong.items];
  return { touchesPhi: unique.length > 0, categories: unique, why, items };
}

/** The path's segments (fixed or parameters) that name a resource: what its evidence rests on. */
function pathSubjects(path: string): string[] {
  return pathSegments(path)
    .filter((segment) => resourcesOf(segment.name).length > 0)
    .map((segment) => segment.name);
}

/** A parameter of the handler (`patient_id: int`) or a request input (`req.query.patientId`) is keyed to a person. */
function takesPersonKey(facts: FileFacts, handlerScopeId: number | undefined, scopes: Set<number>): boolean {
  const params = handlerScopeId === undefined ? [] : facts.scopes[handlerScopeId]?.params ?? [];
  return params.some((param) => keyedResources(param.name).length > 0) || requestKeyedToPatient(facts, scopes);
}

/** The handler reads the signed-in patient's key from the session, and no patient key from its path or request inputs. */
function servesSignedInPatientOnly(facts: FileFacts, scopes: Set<number>, path: string): boolean {
  return readsSignedInPatientKey(facts, scopes, path) && !keyedToPatient(path) && !requestKeyedToPatient(facts, scopes);
}

/** Path words of an OAuth or SMART on FHIR authorization flow (`/oauth/authorize`, `/smart/launch`). */
// Not `authorization` alone: a prior authorization is an insurer's approval of a patient's care.
const AUTHORIZATION_FLOW_WORDS = new Set(['oauth', 'oauth2', 'oidc', 'openid', 'smart', 'authorize']);

function namesAuthorizationFlow(path: string): boolean {
  return pathSegments(path).some((segment) => !segment.param && tokenize(segment.name).some((token) => AUTHORIZATION_FLOW_WORDS.has(token)));
}

/** The call a value is (`await x()`, `(x())`), if it is one. */
function calledIn(expr: Expr, depth = 0): (Expr & { kind: 'call' }) | undefined {
  if (expr.kind === 'call') return expr;
  return expr.kind === 'other' && expr.children.length === 1 && depth < 4 ? calledIn(expr.children[0], depth + 1) : undefined;
}

function evidenceList() {
  const categories: PhiCategory[] = [];
  const why: string[] = [];
  const items: EvidenceItem[] = [];
  /** Whether every piece of evidence noted is a key the handler takes (`patient_id`), nothing read. */
  let keysOnly = true;
  const note = (reason: string, found: readonly (ResourceMatch | PhiCategory)[], takesKey = false, subjects?: string[]) => {
    if (!found.length) return;
    keysOnly &&= takesKey;
    const noted = found.map((item) => (typeof item === 'string' ? item : item.category));
    categories.push(...noted);
    items.push({ reason, categories: uniqueCategories(noted), ...(subjects?.length ? { subjects } : {}) });
    if (why.length < 6 && !why.includes(reason)) why.push(reason);
  };
  return { categories, why, items, note, keysOnly: () => keysOnly && why.length > 0 };
}

/**
 * A total passed on (`res.json(await prisma.patient.aggregate(...))`), or what a call named for
 * totals or kinds gave back: not a record. So is an object of such values and constants
 * (`jsonify({'success': True, 'procedures': procedures})`).
 */
function isTotal(expr: Expr, aggregated: Set<Expr>, totalNames?: Set<string>): boolean {
  if (aggregated.has(expr) || (totalNames && expr.kind === 'name' && totalNames.has(expr.name))) return true;
  if (expr.kind === 'object' && totalNames?.size) {
    const values = expr.entries.map((entry) => entry.value);
    return values.some((value) => isTotal(value, aggregated, totalNames)) && values.every((value) => isTotal(value, aggregated, totalNames) || value.kind === 'string' || value.kind === 'literal');
  }
  return expr.kind === 'other' && expr.children.length === 1 && isTotal(expr.children[0], aggregated, totalNames);
}

/** A call given a patient's key (`patientId`, `req.query.patient_id`): it answers for that one patient. */
function passesPatientKey(call: Expr & { kind: 'call' }): boolean {
  return call.args.some((arg) => namesIn(arg.value).some((name) => {
    const tokens = tokenize(name);
    return tokens.includes('patient') && tokens.includes('id');
  }));
}

/** Words of a name that says it returns totals (`getVisitCounts`, `/patients/stats`, `AdmissionStatistics`). */
const TOTAL_WORDS = new Set(['count', 'counts', 'stats', 'statistics', 'totals', 'metrics', 'analytics', 'aggregate', 'aggregates', 'trend', 'trends']);

/** `/stats/admissions`, `/getVisitCounts`: totals, unless the path addresses one record (`/patients/{id}/stats`). */
function pathNamesTotals(path: string): boolean {
  const segments = pathSegments(path);
  if (!segments.some((segment) => !segment.param && namesTotals(segment.name))) return false;
  return !segments.some((segment) => segment.param);
}

/**
 * Last words of a name for the kinds of a thing rather than its records: `/appointment-types`,
 * `/lab-categories`, `getVisitReasons` list what can be booked or ordered, the same for everyone.
 */
const KIND_WORDS = new Set(['type', 'types', 'category', 'categories', 'kind', 'kinds', 'template', 'templates', 'reason', 'reasons', 'option', 'options']);

/**
 * An endpoint that lists kinds: its path addresses no record and its last segment (or, with the
 * path elsewhere, its view's or handler's name) ends with a kind word.
 */
function listsKinds(path: string, nameHints: readonly string[], handlerName: string | undefined): boolean {
  const segments = pathSegments(path);
  if (segments.some((segment) => segment.param)) return false;
  const names = segments.length ? [segments[segments.length - 1].name] : [...nameHints, ...(handlerName ? [handlerName] : [])];
  return names.some((name) => {
    const tokens = tokenize(name);
    // `/visits/by-type` groups records by their kind: not a list of kinds. A kind word alone
    // names a list of kinds under the segments before it (`/drugs/list/categories`).
    const qualified = tokens.length > 1 || segments.length > 1;
    return qualified && tokens[0] !== 'by' && KIND_WORDS.has(tokens[tokens.length - 1]);
  });
}

function namesTotals(name: string): boolean {
  return tokenize(name).some((token) => TOTAL_WORDS.has(token));
}

/** Calls that build or send a response rather than read data. */
const RESPONSE_CALLS = new Set([
  'json', 'send', 'status', 'end', 'code', 'header', 'set', 'type', 'sendStatus', 'Response', 'NextResponse', 'jsonify',
  'JSONResponse', 'JsonResponse', 'HttpResponse', 'PlainTextResponse', 'json_response', 'make_response', 'text', 'html', 'String', 'Boolean', 'Date', 'now',
]);

/** Methods that format a value the handler made (`new Date(Date.now() + 3600000).toISOString()`). */
const FORMATTING_CALLS = new Set(['toISOString', 'toJSON', 'toLocaleString', 'toLocaleDateString', 'toLocaleTimeString', 'toUTCString', 'getTime', 'toFixed']);

/** The handler makes calls, and every one builds the response (a stub or a bare `return x` is not judged). */
function onlyBuildsResponse(facts: FileFacts, scopes: Set<number>): boolean {
  let calls = 0;
  for (const scopeId of scopes) {
    for (const { call } of callsIn(facts, scopeId)) {
      const path = calleePath(call.callee) ?? [];
      // `new Date().toISOString()` in a sample answer; `patient.dob.toISOString()` reads a record.
      const method = call.callee.kind === 'member' ? call.callee.property : '';
      const formatsOwnValue = FORMATTING_CALLS.has(method) && !namesIn(call.callee).slice(0, -1).some((name) => /^[a-z_$]/.test(name));
      if (!formatsOwnValue && !path.some((segment) => RESPONSE_CALLS.has(segment))) return false;
      // `Response({"member": member_id})` passes on what names a patient.
      if (call.args.some((arg) => namesIn(arg.value).some((name) => resourcesOf(name).length > 0))) return false;
      calls++;
    }
  }
  return calls > 0;
}

/** Methods of the language's own lists, strings and sets: called on a local value, they read no store. */
const COLLECTION_METHODS = new Set([
  'push', 'pop', 'shift', 'unshift', 'join', 'concat', 'slice', 'splice', 'includes', 'indexOf', 'map', 'filter', 'forEach',
  'reduce', 'some', 'every', 'sort', 'reverse', 'flat', 'flatMap', 'append', 'extend', 'add', 'has', 'split', 'trim',
  'replace', 'startswith', 'endswith', 'startsWith', 'endsWith', 'toString', 'toLowerCase', 'toUpperCase', 'lower', 'upper',
]);

/** Verbs of a call that fetches rows (`findMany`, `query`, `select`, `fetch_all`, `getRows`). */
const READ_VERBS = new Set(['find', 'fetch', 'load', 'query', 'select', 'search', 'list', 'retrieve', 'read', 'execute', 'raw', 'paginate', 'all', 'filter']);

/** Whether the handler also reads rows besides its totals (then its names still say what it serves). */
function readsRecords(facts: FileFacts, scopes: Set<number>, aggregated: Set<Expr>): boolean {
  for (const scopeId of scopes) {
    for (const { call } of callsIn(facts, scopeId)) {
      if (aggregated.has(call)) continue;
      const tokens = tokenize(lastCalleeName(call));
      if (READ_VERBS.has(tokens[0] ?? '') || (tokens[0] === 'get' && tokens.length > 1)) return true;
    }
  }
  return false;
}

function callEvidence(call: Expr & { kind: 'call' }, scopeId: number, flow: FlowAnalyzer, aggregated: Set<Expr>, totalNames?: Set<string>): [string, readonly (ResourceMatch | PhiCategory)[], boolean?, string[]?] {
  const path = calleePath(call.callee) ?? [];
  const last = path[path.length - 1];
  // `schemas.list_records()`, `metadata.get_fields()`: what records look like, not their rows.
  if (path.slice(0, -1).some((segment) => DESCRIPTION_MODULES.has(segment.toLowerCase()))) return ['', []];
  // A query on a patient-like model: `db.query(Prescription)`, `get_object_or_404(Patient, pk=pk)`.
  for (const arg of call.args) {
    if (arg.value.kind === 'name' && /^[A-Z]/.test(arg.value.name)) {
      const found = resourcesOf(arg.value.name);
      if (found.length) return [`queries ${arg.value.name}`, found, false, [arg.value.name]];
    }
  }
  // `prisma.client.findUnique({ select: { id: true, amdSyncStatus: true } })`: keys and states of the row, none of its fields.
  if (ormCallCarriesNoPhiFields(call, path, columnClassifier(flow.classifier))) return ['', []];
  // `notifyPatientSchema.parse(req.body)`: a request schema of the file checking the body. Named
  // for a patient, it still lets in only its fields: ids and a slot are no patient's data.
  if (path.length === 2 && SCHEMA_CHECKS.has(last ?? '') && isRequestSchema(path[0], flow.facts)) {
    const named = resourcesOf(path[0]);
    return named.length && schemaPhiCategories(path[0], flow.facts, flow).length ? [`calls ${path.join('.')}`, named] : ['', []];
  }
  // `referralService.createReferralSource(...)`, `labService.getLabCategories()`: the kinds a
  // service keeps (the same for every patient), whatever its receiver is named after.
  if (last && namesKindsCall(last)) return ['', []];
  // `patientFlowService.getRooms()`, `patientService.listProviders()`: what the practice keeps
  // (its rooms, its staff, its settings), the same for every patient.
  if (last && namesPracticeThingsCall(last)) return ['', []];
  // `Patient.objects.filter(...)`, `prisma.labResult.findMany()`, `this.patientsService.findOne()`.
  // A constant read (`PatientStats.CSV_MAPPING.copy()`) is not a query.
  const readsConstant = path.some((segment) => /^[A-Z][A-Z0-9_]+$/.test(segment) && segment.length > 2);
  // `conditions.push(sql)`, `records.join(', ')`: a list or a string of the handler's own, not a store.
  const ownCollection = path.length === 2 && COLLECTION_METHODS.has(last ?? '') && /^[a-z_$]/.test(path[0]);
  // `settings.publicBookingStart.split(...)`: members of the configuration, whatever they are named after.
  const ofConfiguration = path.length > 1 && namesNoRecord(path[0]);
  for (const segment of readsConstant || ownCollection || ofConfiguration ? [] : path.slice(0, -1)) {
    // `PatientRecordAccess.objects.filter(...)`: the audit trail's rows, who opened which record.
    if (segment === 'this' || segment === 'self' || isAuditTrailSegment(segment)) continue;
    const found = resourcesOf(segment);
    if (found.length) return [`calls ${path.join('.')}`, found, false, [segment]];
  }
  // `loadLabs(id)`, `get_patient_chart(pid)`, `createPrescription(...)`.
  if (last) {
    const tokens = tokenize(last);
    // `addAuditActionCondition`, `getAuditRecords`: the audit trail's entries, about access, not patients.
    if (tokens.length > 1 && DATA_VERBS.has(tokens[0]) && !tokens.includes('audit')) {
      // Read together, so that the words beside a resource count (`search_doctors_for_booking`: the staff of a booking).
      const found = tokens.slice(1).includes('record') ? tokens.slice(1).flatMap((token) => resourcesOf(token)) : resourcesOf(tokens.slice(1).join('_'));
      if (found.length) return [`calls ${last}`, found, false, [tokens.slice(1).join('_')]];
    }
  }
  if (call.args.length && call.args.every((arg) => isTotal(arg.value, aggregated, totalNames))) return ['', []];
  // `cache.set('revenue', analytics)`: what it gives back of totals (and of constants) is totals too.
  if (totalNames?.size && call.args.some((arg) => isTotal(arg.value, aggregated, totalNames)) && call.args.every((arg) => isTotal(arg.value, aggregated, totalNames) || !flow.taintOf(arg.value, scopeId))) return ['', []];
  const result = flow.taintOf(call, scopeId);
  if (result && countsAsPatientData(result, flow) && !heldByAccount(calleePath(call.callee) ?? [], result, flow)) return [`reads ${describeTaint(result)}`, result.elements.map((e) => e.category)];
  for (const arg of call.args) {
    if (isTotal(arg.value, aggregated, totalNames)) continue;
    const taint = flow.taintOf(arg.value, scopeId);
    if (taint && countsAsPatientData(taint, flow) && !heldByAccount(arg.value.kind === 'name' ? [arg.value.name] : [], taint, flow)) return [`reads ${describeTaint(taint)}`, taint.elements.map((e) => e.category)];
  }
  return ['', []];
}

/** Last words of a call's name for the kinds of a thing or where its patients come from. */
const KIND_CALL_WORDS = new Set(['type', 'types', 'category', 'categories', 'kind', 'kinds', 'template', 'templates', 'source', 'sources']);

/** `getAppointmentTypes`, `create_referral_source`: a data verb, then what it works on, ending with a kind word. */
function namesKindsCall(name: string): boolean {
  const tokens = dataCallTokens(name, KIND_CALL_WORDS);
  return !!tokens && tokens.length > 2;
}

/** Last words of a call's name for what a practice keeps rather than what a patient has. */
const PRACTICE_THING_WORDS = new Set([
  'room', 'rooms', 'location', 'locations', 'facility', 'facilities', 'department', 'departments', 'ward', 'wards',
  'provider', 'providers', 'doctor', 'doctors', 'clinician', 'clinicians', 'physician', 'physicians', 'practitioner',
  'practitioners', 'staff', 'setting', 'settings', 'config',
  'configuration', 'options', 'hours', 'holidays',
]);

/** `getRooms`, `list_providers`: a data verb, then only a thing the practice keeps. */
function namesPracticeThingsCall(name: string): boolean {
  const tokens = dataCallTokens(name, PRACTICE_THING_WORDS);
  return !!tokens && !tokens.slice(1, -1).some((token) => resourcesOf(token).length > 0);
}

/** The words of a call's name that starts with a data verb and ends with one of `lastWords` (`get ... rooms`). */
function dataCallTokens(name: string, lastWords: ReadonlySet<string>): string[] | undefined {
  const tokens = tokenize(name);
  return tokens.length > 1 && DATA_VERBS.has(tokens[0]) && lastWords.has(tokens[tokens.length - 1]) ? tokens : undefined;
}

/** Modules that describe data (its schema, its metadata) rather than hold it. */
const DESCRIPTION_MODULES = new Set(['schema', 'schemas', 'metadata']);

/**
 * Whole records count; a single field counts when it is clinical or billing data, or read from a
 * patient-like record (`patient.dob`), not the signed-in user's own profile (`current_user.email`).
 */
function countsAsPatientData(taint: Taint, flow: FlowAnalyzer): boolean {
  if (taint.record) return true;
  if (taint.elements.some((element) => element.category !== 'demographics')) return true;
  const root = taint.recordRoot ? rootName(taint.recordRoot) : undefined;
  return !!root && (flow.classifier.classify(root).kind === 'record' || resourcesOf(root).length > 0);
}

/**
 * `person = await prisma.person.findUnique(...)`, `{ name: person.name }`, `getActivePerson(id)`
 * where the workspace's `Person` is the app's account of a member (account-models.ts: roles,
 * memberships, no patient field): a member's data, not a patient's. Only demographics read off or
 * held under a name of that model (the value's own name, its callee's, or the record it was read
 * from), and never in a module on the patient's side.
 */
function heldByAccount(names: readonly string[], taint: Taint, flow: FlowAnalyzer): boolean {
  const accounts = flow.traits.accountModels;
  if (!accounts?.size || flow.traits.patientSide || taint.elements.some((element) => element.category !== 'demographics')) return false;
  const root = taint.recordRoot ? rootName(taint.recordRoot) : undefined;
  const held = [...names, ...(root ? [root] : [])];
  return held.length > 0 && held.some((name) => namesAccountModel(name, accounts));
}

function describeTaint(taint: Taint): string {
  return taint.elements.map((element) => (element.element === 'record' ? `${element.category} records` : element.element)).join(', ');
}

/** Every identifier in an expression tree (`List[PatientOut]` -> List, PatientOut). */
export function namesIn(expr: Expr, out: string[] = [], depth = 0): string[] {
  if (depth > 20 || out.length > 64) return out;
  switch (expr.kind) {
    case 'name':
      out.push(expr.name);
      break;
    case 'member':
      namesIn(expr.object, out, depth + 1);
      out.push(expr.property);
      break;
    case 'index':
      namesIn(expr.object, out, depth + 1);
      namesIn(expr.index, out, depth + 1);
      break;
    case 'call':
      namesIn(expr.callee, out, depth + 1);
      for (const arg of expr.args) namesIn(arg.value, out, depth + 1);
      break;
    case 'array':
      for (const item of expr.items) namesIn(item, out, depth + 1);
      break;
    case 'object':
      for (const entry of expr.entries) namesIn(entry.value, out, depth + 1);
      break;
    case 'other':
      for (const child of expr.children) namesIn(child, out, depth + 1);
      break;
  }
  return out;
}

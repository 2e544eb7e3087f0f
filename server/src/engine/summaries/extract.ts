// Pass 1 of flows across functions: one file's facts -> the summaries of its functions.
//
// Each parameter of a summarised function gets a marker taint standing for "whatever the caller
// passes", each call a marker for "whatever this call returns". The file's sink rules then run
// once with those markers: a sink reached by a parameter marker (and by nothing the function
// reads itself) is a sink of that parameter; a return value carrying a marker returns that
// parameter or call result; PHI the function reads by itself is its own. A field the catalogue
// does not name read off a parameter (`p["identifier"]`) turns its marker into a field marker: the
// summary says the parameter flows only through a field. Markers are element names no catalogue
// entry can have, and never leave this module.

import { refusesAsForbidden } from '../analysis/endpoints/access-denial';
import type { CallExpr, CallFact, Expr, FileFacts, ParamFact, ScopeFact } from '../model/facts';
import { calleePath, innerValue } from '../model/expressions';
import type { ResolvedPolicy } from '../model/policy';
import { SUMMARY_MARKER, type PhiElementRef, type Range } from '../model/types';
import { FlowAnalyzer } from '../analysis/flow/flow';
import { union, type Taint } from '../analysis/flow/taint';
import { classifierFor } from '../analysis/phi/classifier-cache';
import { phiFieldTypes, recordHoldingTypes } from '../analysis/flow/record-types';
import { isAccountModule } from '../analysis/phi/account-module';
import { moduleTraits } from '../analysis/phi/module-traits';
import { registeredRules } from '../rules/registry';
import { isNotImplementedStub } from '../analysis/endpoints/stub-handler';
import { namesResource, storeReads } from '../analysis/endpoints/totals-only';
import { columnClassifier } from '../analysis/endpoints/sql-tables';
import { respondsWithTotalsOnly } from '../analysis/endpoints/totals-response';
import { callsDataStore, callsOverHttp } from '../analysis/endpoints/data-store-calls';
import { namesCareRecord } from '../analysis/sinks/reference-codes';
import { loggerOf } from '../analysis/sinks/redacting-loggers';
import { within } from '../model/ranges';
import { runsWithOwner } from './callbacks-run-now';
import { callsIn, childScopes, scopeTree } from '../model/facts-index';
import type { RawFinding, RuleContext } from '../rules/rule';
import type { LoggerReference } from '../model/audit-context';
import type { CallArgument, CallSite, ClassSummary, FileSummary, FunctionSummary, ModuleImport, OwnReturn, ReturnedKey, SinkEffect, SinkRuleId } from './types';
import { isDefinitionTypeName } from '../catalogues/fhir-resources';
import { schemaReferenceFields } from '../analysis/flow/unpopulated-references';
import { mintsClaimNumbers } from '../analysis/sinks/minted-claim-numbers';

const SINK_RULES: ReadonlySet<string> = new Set<SinkRuleId>(['phi-in-log', 'phi-in-error', 'phi-to-third-party', 'phi-to-ai']);
const MARKER = SUMMARY_MARKER;
/** Joins the fields of a path in a field marker and in ParamSink.fields (`data` then `years`). */
export const FIELD_PATH_SEPARATOR = '\u0001';
/** Ends the key of a stored marker (`\0u<key>\u0002<marker>`, storedMarker). */
const STORED_KEY_END = '\u0002';

interface Summarised {
  scope: ScopeFact;
  summary: FunctionSummary;
  /** The call facts made directly in the function, in document order: call site k is calls[k]. */
  calls: CallExpr[];
}

export function summarizeFacts(facts: FileFacts, policy: ResolvedPolicy, filePath: string): FileSummary {
  const classes = new Map<number, ClassSummary>();
  for (const scope of facts.scopes) {
    if (scope.kind === 'class' && scope.name && facts.scopes[scope.parentId ?? -1]?.kind === 'module') {
      classes.set(scope.id, { name: scope.name, bases: scope.bases ?? [] });
    }
  }
  const functions: Summarised[] = [];
  const byScope = new Map<number, number>();
  for (const scope of facts.scopes) {
    if (scope.kind !== 'function' || !scope.name) continue;
    const parent = facts.scopes[scope.parentId ?? -1];
    const owner = parent?.kind === 'class' ? classes.get(parent.id) : undefined;
    if (parent?.kind !== 'module' && !owner) continue;
    byScope.set(scope.id, functions.length);
    functions.push({
      scope,
      calls: [],
      summary: {
        name: owner ? `${owner.name}.${scope.name}` : scope.name,
        ...(owner ? { className: owner.name } : {}),
        params: paramNames(scope.params),
        sinks: [],
        sinksViaCalls: [],
        returnsParams: [],
        returnsCalls: [],
        calls: [],
      },
    });
  }
  const callIndex = new Map<CallExpr, { fn: number; site: number }>();
  const instances = moduleInstances(facts);
  const namespaces = moduleNamespaces(facts);
  const canResolve = resolvableHeads(facts, instances, namespaces);
  for (const fact of facts.calls) {
    const fn = byScope.get(fact.scopeId);
    const callee = calleePath(fact.call.callee);
    if (fn === undefined || !callee || callee.length > 4 || !canResolve(callee)) continue;
    const owner = functions[fn];
    callIndex.set(fact.call, { fn, site: owner.calls.length });
    owner.calls.push(fact.call);
    owner.summary.calls.push({ callee, args: [], ...(namesAuthEvent(fact.call) ? { authEvent: true as const } : {}) });
  }
  recordNestedCalls(facts, functions, byScope, canResolve);
  const paramMarkers = new Map<ParamFact, string>();
  // A name destructured from a parameter (`({ tasks, results }) => ...`) stands for that key of it only.
  functions.forEach((fn, index) => fn.scope.params.forEach((param, i) => paramMarkers.set(param, `${MARKER}${param.key ? 'k' : 'p'}:${index}:${param.position ?? i}${param.key ? `:${param.key}` : ''}`)));

  const classifier = classifierFor(policy);
  const flow = new FlowAnalyzer(facts, classifier, {
    paramTaint: (param, range) => {
      // `item: QuestionnaireItem`: a form's or a catalogue's definition, whatever a caller passes (catalogues/fhir-resources.ts).
      if (param.typeNames.length && param.typeNames.every(isDefinitionTypeName)) return undefined;
      const marker = paramMarkers.get(param);
      return marker ? markerTaint(marker, range) : undefined;
    },
    callResult: (call, _scopeId, builtin) => {
      const site = callIndex.get(call);
      const name = calleePath(call.callee)?.at(-1);
      if (!site || (name && classifier.isSanitizer(name))) return builtin();
      return union([builtin(), markerTaint(`${MARKER}c:${site.fn}:${site.site}`, call.range)]);
    },
    unknownField: (taint, property) => ({ ...taint, elements: taint.elements.flatMap((element) => readField(element, property)) }),
    storedUnder: (taint, key) => ({ ...taint, elements: taint.elements.map((element) => storedMarker(element, key)) }),
    stringForm: (taint) => ({ ...taint, elements: taint.elements.map(stringFormMarker) }),
  }, isAccountModule(filePath), moduleTraits(filePath));

  functions.forEach((fn, index) => {
    fn.summary.calls.forEach((site, k) => {
      site.args = fn.calls[k].args.map((arg, position) => argumentOf(flow, arg.value, fn.scope.id, index, arg.name, arg.spread, position));
    });
  });
  recordReturns(facts, flow, functions, byScope);
  const columns = columnClassifier(classifier);
  for (const fn of functions) {
    const scopes = scopeTree(facts, fn.scope.id);
    if (isNotImplementedStub(facts, scopes)) fn.summary.notImplemented = true;
    if ([...scopes].some((id) => callsIn(facts, id).some(({ call }) => refusesAsForbidden(facts, call)))) fn.summary.refusesForbidden = true;
    if (respondsWithTotalsOnly(facts, fn.scope.id, scopes)) fn.summary.respondsTotals = true;
    const reads = storeReads(facts, scopes, columns);
    if (reads.totals) fn.summary.readsTotals = true;
    if (reads.reference) fn.summary.readsReference = true;
    if (reads.fieldless) fn.summary.readsFieldless = true;
    // A call the index cannot follow (on a local object) named for patient data may fetch rows.
    const unfollowed = [...scopes].some((id) => callsIn(facts, id).some(({ call }) => {
      const callee = calleePath(call.callee);
      return !!callee && !canResolve(callee) && !callsDataStore(callee) && callee.some(namesResource);
    }));
    if (reads.records || unfollowed) fn.summary.readsRecords = true;
    // `fetch(url)`, `requests.get(url)`: what comes back over HTTP is unknown (endpoints/stateless-generation.ts).
    if ([...scopes].some((id) => callsIn(facts, id).some(({ call }) => callsOverHttp(calleePath(call.callee) ?? [])))) fn.summary.fetchesOverHttp = true;
  }
  recordSinks(facts, policy, filePath, flow, functions, byScope);

  const recordTypes = recordHoldingTypes(facts, classifier);
  const fieldTypes = phiFieldTypes(facts, classifier);
  const referenceFields = schemaReferenceFields(facts.models);
  const defaultScope = facts.scopes.find((scope) => scope.exportDefault && scope.name && (scope.kind === 'class' || byScope.has(scope.id)));
  const defaultExport = defaultScope?.name ?? facts.defaultExportName;
  return {
    path: filePath,
    language: facts.language,
    imports: facts.imports.map(moduleImport),
    reexports: (facts.reexports ?? []).map(moduleImport),
    classes: [...classes.values()],
    functions: functions.map((fn) => fn.summary),
    ...(defaultExport ? { defaultExport } : {}),
    ...(instances.size ? { instances: [...instances] } : {}),
    ...(namespaces.size ? { namespaces: [...namespaces] } : {}),
    ...(recordTypes.size ? { recordTypes: [...recordTypes] } : {}),
    ...(fieldTypes.size ? { phiFieldTypes: [...fieldTypes] } : {}),
    ...(referenceFields.size ? { referenceFields: [...referenceFields] } : {}),
    ...(mintsClaimNumbers(facts, (expr, scopeId) => flow.taintOf(expr, scopeId)) ? { mintsClaimNumbers: true as const } : {}),
  };
}

/** Words of a sign-in or session event, in a call's own strings (`'Session expired'`, `SESSION_TIMEOUT`, `LOGIN_FAILED`). */
const AUTH_EVENT = /(?:^|[^a-z])(?:session|login|logout|log[ -]in|log[ -]out|sign[ -]?in|sign[ -]?out|mfa|password|authenticat)/i;

/** A call whose string arguments, or the string values of its object-literal arguments, name an authentication event. */
function namesAuthEvent(call: CallExpr): boolean {
  const texts: string[] = [];
  for (const arg of call.args) {
    const value = arg.value;
    if (value.kind === 'string') texts.push(value.value);
    else if (value.kind === 'object') for (const entry of value.entries) if (entry.value.kind === 'string') texts.push(entry.value.value);
  }
  return texts.some((text) => AUTH_EVENT.test(text));
}

/**
 * Whether a callee path can name a workspace function: its first name is imported, defined at the
 * top of the file, or `self` / `cls` / `this`. Other calls (`db.get(...)` on a parameter, builtins)
 * are left out of the summary: they never resolve, and their names need not be kept.
 */
function resolvableHeads(facts: FileFacts, instances: ReadonlyMap<string, string>, namespaces: ReadonlyMap<string, [string, string][]>): (callee: string[]) => boolean {
  const heads = new Set(['self', 'cls', 'this', ...instances.keys(), ...namespaces.keys()]);
  let wildcard = false;
  for (const fact of facts.imports) {
    if (fact.names.size === 0) wildcard = true;
    for (const local of fact.names.keys()) heads.add(local);
  }
  for (const scope of facts.scopes) {
    if (scope.name && scope.kind !== 'module' && facts.scopes[scope.parentId ?? -1]?.kind === 'module') heads.add(scope.name);
  }
  return (callee) => heads.has(callee[0]) || (wildcard && facts.language === 'python' && callee.length === 1);
}

/**
 * Module-level names bound once, to a call of a plain name (`service = PatientService()`,
 * `export const svc = new Svc()`): the index resolves `svc.m()` to the method when that name is a
 * workspace class. A name bound more than once at module level is left out (which value is unknown).
 */
function moduleInstances(facts: FileFacts): Map<string, string> {
  const instances = new Map<string, string>();
  const rebound = new Set<string>();
  for (const binding of facts.bindings) {
    if (binding.scopeId !== 0) continue;
    if (instances.has(binding.name) || rebound.has(binding.name)) {
      instances.delete(binding.name);
      rebound.add(binding.name);
      continue;
    }
    if (binding.kind === 'assign' && binding.value.kind === 'call' && binding.value.callee.kind === 'name') instances.set(binding.name, binding.value.callee.name);
    else rebound.add(binding.name);
  }
  return instances;
}

/**
 * Module-level objects that gather functions by name (`export const DiagnosisService = {
 * createDiagnosis, update: updateDiagnosis }`), as object name -> [member, name in the module]: the
 * index resolves `DiagnosisService.update()` to what `updateDiagnosis` names there, and an inline
 * method or arrow function (`async getX(id) {...}`) to itself. Other entries (calls, values) are
 * left out; so is a name bound more than once.
 */
function moduleNamespaces(facts: FileFacts): Map<string, [string, string][]> {
  const namespaces = new Map<string, [string, string][]>();
  const seen = new Set<string>();
  for (const binding of facts.bindings) {
    if (binding.scopeId !== 0) continue;
    if (seen.has(binding.name)) {
      namespaces.delete(binding.name);
      continue;
    }
    seen.add(binding.name);
    if (binding.kind !== 'assign' || binding.value.kind !== 'object' || facts.language !== 'ts') continue;
    const members = binding.value.entries.flatMap((entry): [string, string][] => (!entry.spread && entry.key && entry.value.kind === 'name' ? [[entry.key, entry.value.name]] : []));
    // `async getX(id) {...}`, `getY: async (id) => ...`: functions defined in the object, summarised under their names.
    for (const scope of childScopes(facts, 0)) {
      if (scope.kind === 'function' && scope.name && within(scope.range, binding.value.range)) members.push([scope.name, scope.name]);
    }
    if (members.length) namespaces.set(binding.name, members);
  }
  return namespaces;
}

/** Parameter names by position (a destructured TS/JS parameter: its first name; only Python passes arguments by name). */
function paramNames(params: ParamFact[]): string[] {
  const names: string[] = [];
  params.forEach((param, i) => {
    const position = param.position ?? i;
    names[position] ??= param.name;
  });
  return Array.from(names, (name) => name ?? '');
}

function moduleImport(fact: { module: string; names: Map<string, string> }): ModuleImport {
  return { module: fact.module, names: [...fact.names] };
}

function markerTaint(marker: string, range: Range): Taint {
  return { elements: [{ element: marker, category: 'demographics' }], record: false, origin: range, steps: [] };
}

/**
 * A caller's value stored under a key of a container (`var_obj["phenotypes"] = case_obj[...]`),
 * read as the whole container: `\0u<key>\u0002<its marker>`. A value stored again keeps the outer
 * key only (reading that key gives the whole value back, the safe side). Call results and the
 * function's own PHI stay as they are.
 */
function storedMarker(element: PhiElementRef, key: string): PhiElementRef {
  const inner = storedInner(element) ?? element;
  if (!/^\u0000s?[pkf]:/.test(inner.element) || key.includes(STORED_KEY_END)) return inner;
  return { ...inner, element: `${MARKER}u${key}${STORED_KEY_END}${inner.element.slice(1)}` };
}

/** The marker a stored marker wraps, with the key it was stored under; undefined for any other element. */
function storedParts(element: PhiElementRef): { key: string; inner: PhiElementRef } | undefined {
  if (!element.element.startsWith(`${MARKER}u`)) return undefined;
  const end = element.element.indexOf(STORED_KEY_END);
  if (end < 0) return undefined;
  return { key: element.element.slice(2, end), inner: { ...element, element: `${MARKER}${element.element.slice(end + 1)}` } };
}

function storedInner(element: PhiElementRef): PhiElementRef | undefined {
  return storedParts(element)?.inner;
}

/** A field read off a marked value: the value stored under that key, nothing of what was stored under another; else a field marker. */
function readField(element: PhiElementRef, property: string): PhiElementRef[] {
  const stored = storedParts(element);
  if (stored) return stored.key === property ? [stored.inner] : [];
  return [fieldMarker(element, property)];
}

/** A parameter's marker printed by its string form (`\0sp:…`); a call's result stays as it is. */
function stringFormMarker(element: PhiElementRef): PhiElementRef {
  return /^\u0000[pkf]:/.test(element.element) ? { ...element, element: `${MARKER}s${element.element.slice(1)}` } : element;
}

/**
 * A parameter marker read through an unknown field becomes a field marker naming that field
 * (`\0f:fn:param:field`); a deeper read adds to its path (`data.years`); other elements stay.
 */
function fieldMarker(element: PhiElementRef, property: string): PhiElementRef {
  if (element.element.startsWith(`${MARKER}p:`)) return { ...element, element: `${MARKER}f:${element.element.slice(3)}:${property}` };
  if (element.element.startsWith(`${MARKER}k:`)) return { ...element, element: `${MARKER}f:${element.element.slice(3)}${FIELD_PATH_SEPARATOR}${property}` };
  if (element.element.startsWith(`${MARKER}f:`)) return { ...element, element: `${element.element}${FIELD_PATH_SEPARATOR}${property}` };
  return element;
}

interface Markers {
  params: number[];
  /** Parameters carried only through a field read of them (not also whole). */
  fields: number[];
  /** For each of `fields`, the fields read off it (`params.alertType` -> alertType). */
  fieldNames: Map<number, Set<string>>;
  calls: number[];
  own: PhiElementRef[];
  /** Parameters (whole or by field) carried only by their string form. */
  stringOnly: Set<number>;
  /** Parameters carried only inside containers, under these keys (storedMarker). */
  storedKeys: Map<number, Set<string>>;
}

/**
 * Which of function `fn`'s parameters and call results a taint carries, and what PHI of its own.
 * A destructured name is the field of its parameter under its key; `keysAsWhole` counts it as the
 * parameter itself (a returned `data` of `({ data }) => data` is what the caller put under that key).
 */
function markersOf(taint: Pick<Taint, 'elements'> | undefined, fn: number, keysAsWhole = false): Markers {
  const found: Markers = { params: [], fields: [], fieldNames: new Map(), calls: [], own: [], stringOnly: new Set(), storedKeys: new Map() };
  const printed = new Set<number>();
  const raw = new Set<number>();
  const unstored = new Set<number>();
  for (const wrapped of taint?.elements ?? []) {
    const stored = storedParts(wrapped);
    const element = stored?.inner ?? wrapped;
    if (!element.element.startsWith(MARKER)) {
      found.own.push(element);
      continue;
    }
    const [written, owner, index, ...field] = element.element.slice(1).split(':');
    if (Number(owner) !== fn) continue;
    const asString = written.length === 2 && written[0] === 's';
    const marked = asString ? written[1] : written;
    if (marked !== 'c') (asString ? printed : raw).add(Number(index));
    if (marked !== 'c' && stored) found.storedKeys.set(Number(index), (found.storedKeys.get(Number(index)) ?? new Set<string>()).add(stored.key));
    else if (marked !== 'c') unstored.add(Number(index));
    const kind = marked === 'k' ? (keysAsWhole ? 'p' : 'f') : marked;
    addAll(kind === 'p' ? found.params : kind === 'f' ? found.fields : found.calls, [Number(index)]);
    if (kind === 'f') {
      const names = found.fieldNames.get(Number(index)) ?? new Set<string>();
      found.fieldNames.set(Number(index), names.add(field.join(':')));
    }
  }
  found.fields = found.fields.filter((param) => !found.params.includes(param));
  for (const param of printed) if (!raw.has(param)) found.stringOnly.add(param);
  for (const param of unstored) found.storedKeys.delete(param);
  return found;
}

function argumentOf(flow: FlowAnalyzer, value: Expr, scopeId: number, fn: number, name: string | undefined, spread: boolean | undefined, position: number): CallArgument {
  return {
    ...(name === undefined && !spread ? { position } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(spread ? { spread: true } : {}),
    ...carriedBy(flow, value, scopeId, fn, 0),
  };
}

/** What an argument value carries of the function's parameters and calls, by key when it is an object literal. */
function carriedBy(flow: FlowAnalyzer, value: Expr, scopeId: number, fn: number, depth: number): Omit<CallArgument, 'position' | 'name' | 'spread'> {
  const markers = markersOf(flow.taintOf(value, scopeId), fn);
  const keyed = value.kind === 'object' && depth < MAX_KEY_DEPTH && value.entries.length > 0 && value.entries.every((entry) => !entry.spread && entry.key !== undefined);
  return {
    params: markers.params,
    ...(markers.fields.length ? { paramFields: markers.fields, fieldNames: markers.fields.map((param) => [...(markers.fieldNames.get(param) ?? [])]) } : {}),
    calls: markers.calls,
    ...(markers.storedKeys.size ? { storedKeys: [...markers.storedKeys].map(([param, keys]): [number, string[]] => [param, [...keys]]) } : {}),
    ...(keyed ? { keys: value.entries.map((entry) => ({ key: entry.key!, ...carriedBy(flow, entry.value, scopeId, fn, depth + 1) })) } : {}),
  };
}

/** How deep object literals in an argument are kept by key (`{ data: { horizon } }` is two). */
const MAX_KEY_DEPTH = 3;

function recordReturns(facts: FileFacts, flow: FlowAnalyzer, functions: Summarised[], byScope: Map<number, number>): void {
  const values: { fn: number; value: Expr }[] = [];
  for (const returned of facts.returns ?? []) {
    const fn = byScope.get(returned.scopeId);
    if (fn !== undefined && returned.value) values.push({ fn, value: returned.value });
  }
  functions.forEach((fn, index) => {
    if (fn.scope.expressionBody) values.push({ fn: index, value: fn.scope.expressionBody });
  });
  for (const { fn, value } of values) {
    const taint = flow.taintOf(value, functions[fn].scope.id);
    if (!taint) continue;
    const summary = functions[fn].summary;
    const markers = markersOf(taint, fn, true);
    addAll(summary.returnsParams, markers.params);
    if (markers.fields.length) summary.returnsParamFields = [...(summary.returnsParamFields ?? []), ...markers.fields];
    addAll(summary.returnsCalls, markers.calls);
    if (markers.own.length) {
      const own = summary.returnsOwn ?? { elements: [], record: false };
      for (const element of markers.own) {
        if (!own.elements.some((e) => e.element === element.element && e.category === element.category)) own.elements.push(element);
      }
      own.record ||= taint.record;
      summary.returnsOwn = own;
    }
  }
  recordReturnKeys(flow, functions, values);
  for (const { summary } of functions) {
    if (!summary.returnsParamFields) continue;
    const fields = [...new Set(summary.returnsParamFields)].filter((param) => !summary.returnsParams.includes(param));
    if (fields.length) summary.returnsParamFields = fields;
    else delete summary.returnsParamFields;
  }
}

/**
 * `return { totalStaff, compliantStaff, staffDetails }`: when every return of a function is an
 * object literal with the same keys and no spread, what each key holds of the function's own PHI
 * (FunctionSummary.returnsOwnByKey). A key holding a caller's value or another call's result is
 * marked open: what it holds is the whole result's, as before.
 */
function recordReturnKeys(flow: FlowAnalyzer, functions: Summarised[], values: { fn: number; value: Expr }[]): void {
  const byFunction = new Map<number, Expr[]>();
  for (const { fn, value } of values) byFunction.set(fn, [...(byFunction.get(fn) ?? []), value]);
  for (const [fn, returned] of byFunction) {
    const literals = returned.map((value) => innerValue(value)).filter((value): value is Extract<Expr, { kind: 'object' }> => value?.kind === 'object');
    if (literals.length !== returned.length || literals.some((literal) => literal.entries.some((entry) => entry.spread || entry.key === undefined))) continue;
    const byKey = new Map<string, ReturnedKey>();
    for (const literal of literals) {
      for (const entry of literal.entries) {
        const returnedKey = byKey.get(entry.key!) ?? { key: entry.key!, own: { elements: [], record: false } };
        byKey.set(entry.key!, returnedKey);
        const taint = flow.taintOf(entry.value, functions[fn].scope.id);
        if (!taint) continue;
        const markers = markersOf(taint, fn, true);
        if (taint.elements.some((element) => element.element.startsWith(MARKER))) returnedKey.open = true;
        const own = returnedKey.own;
        for (const element of markers.own) if (!own.elements.some((e) => e.element === element.element && e.category === element.category)) own.elements.push(element);
        own.record ||= taint.record;
      }
    }
    // A key some return leaves out may be read as undefined there: it holds what the others give.
    functions[fn].summary.returnsOwnByKey = [...byKey.values()];
  }
}

/** Runs the sink rules with the markers; a sink reached by markers only belongs to the callers. */
function recordSinks(facts: FileFacts, policy: ResolvedPolicy, filePath: string, flow: FlowAnalyzer, functions: Summarised[], byScope: Map<number, number>): void {
  const context: RuleContext = { facts, policy, filePath, flow, suppressions: [] };
  for (const rule of registeredRules()) {
    if (!SINK_RULES.has(rule.metadata.id) || !rule.metadata.languages.includes(facts.languageId)) continue;
    let findings: RawFinding[];
    try {
      findings = rule.check(context);
    } catch {
      // The rule's own run reports its failure; a summary without its sinks only follows less.
      continue;
    }
    for (const finding of findings) {
      const sinkStep = finding.flow.at(-1);
      if (!sinkStep) continue;
      const scope = innermostFunction(facts.scopes, sinkStep.range);
      const fn = scope === undefined ? undefined : byScope.get(scope);
      if (fn === undefined) continue;
      const markers = markersOf({ elements: finding.phi }, fn);
      if (markers.own.length || finding.phi.some((e) => !e.element.startsWith(MARKER))) continue;
      const effect: SinkEffect = { ruleId: rule.metadata.id as SinkRuleId, sink: finding.sink ?? rule.metadata.id, path: filePath, range: sinkStep.range };
      if (rule.metadata.id !== 'phi-to-ai' && rule.metadata.id !== 'phi-to-third-party' && !sinkNamesCareRecord(facts, sinkStep.range)) effect.namesNoCareRecord = true;
      const logger = rule.metadata.id === 'phi-in-log' ? loggerOfSinkAt(facts, sinkStep.range) : undefined;
      if (logger) effect.logger = logger;
      const summary = functions[fn].summary;
      const printed = (param: number) => (markers.stringOnly.has(param) ? { stringForm: true as const } : {});
      for (const param of markers.params) summary.sinks.push({ param, effect, ...printed(param) });
      for (const param of markers.fields) summary.sinks.push({ param, effect, viaField: true, fields: [...(markers.fieldNames.get(param) ?? [])], ...printed(param) });
      for (const call of markers.calls) summary.sinksViaCalls.push({ call, effect });
    }
  }
}

/** The log or error call whose callee is at `range` names a patient or a record of care (analysis/sinks/reference-codes.ts). */
function sinkNamesCareRecord(facts: FileFacts, range: Range): boolean {
  const fact = sinkCallAt(facts, range);
  return !fact || namesCareRecord(facts, fact, fact.call.args);
}

/** The logger of the log call whose callee is at `range`. */
function loggerOfSinkAt(facts: FileFacts, range: Range): LoggerReference | undefined {
  const fact = sinkCallAt(facts, range);
  return fact && loggerOf(fact, facts);
}

function sinkCallAt(facts: FileFacts, range: Range): CallFact | undefined {
  return facts.calls.find(({ call }) => call.callee.range.start.line === range.start.line && call.callee.range.start.character === range.start.character);
}

/** The innermost function scope holding `range`. */
function innermostFunction(scopes: ScopeFact[], range: Range): number | undefined {
  let best: ScopeFact | undefined;
  for (const scope of scopes) {
    if (scope.kind !== 'function' || !contains(scope.range, range)) continue;
    if (!best || contains(best.range, scope.range)) best = scope;
  }
  return best?.id;
}

function contains(outer: Range, inner: Range): boolean {
  const startsAfter = inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character);
  const endsBefore = inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character);
  return startsAfter && endsBefore;
}

function addAll(target: number[], values: number[]): void {
  for (const value of values) if (!target.includes(value)) target.push(value);
}

export type { CallSite };

/** How many callees of nested functions a summary keeps: enough for a middleware factory's body. */
const MAX_NESTED_CALLS = 64;

/** The calls of unsummarised functions nested in a summarised one, kept on the nearest summarised ancestor. */
function recordNestedCalls(facts: FileFacts, functions: Summarised[], byScope: Map<number, number>, canResolve: (callee: string[]) => boolean): void {
  for (const fact of facts.calls) {
    if (byScope.has(fact.scopeId)) continue;
    let scope = facts.scopes[fact.scopeId];
    let owner: number | undefined;
    for (let depth = 0; scope && depth < 50 && owner === undefined; depth++) {
      scope = facts.scopes[scope.parentId ?? -1];
      if (scope) owner = byScope.get(scope.id);
    }
    const callee = calleePath(fact.call.callee);
    if (owner === undefined || !callee || callee.length > 4 || !canResolve(callee)) continue;
    const summary = functions[owner].summary;
    summary.nestedCalls ??= [];
    if (summary.nestedCalls.length < MAX_NESTED_CALLS) summary.nestedCalls.push(callee);
    // `tracer.startActiveSpan('x', async (span) => ...)`: a callback run before the function answers.
    // A sign-in event audited there is no record's access audit (as for the function's own calls).
    if (!namesAuthEvent(fact.call) && runsWithOwner(facts, fact.scopeId, functions[owner].scope.id)) {
      summary.runNowCalls ??= [];
      if (summary.runNowCalls.length < MAX_NESTED_CALLS) summary.runNowCalls.push(callee);
    }
  }
}

// Does an endpoint touch patient data? Evidence, strongest first: the path names a patient-like
// resource; the handler takes or returns a PHI model (parameter and return annotations,
// `response_model`, DTO types); its body reads PHI records or fields (FlowAnalyzer), queries a
// patient-like model, or calls a function whose name says it fetches patient records.

import { calleePath, rootName } from '../../model/expressions';
import type { Expr, FileFacts } from '../../model/facts';
import { bindingsIn, callsIn } from '../../model/facts-index';
import type { FlowAnalyzer, Taint } from '../flow/flow';
import { tokenize } from '../phi/identifiers';
import type { PhiCategory } from '../../model/types';
import { pathResources, resourcesOf, uniqueCategories, type ResourceMatch } from './resources';

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
}

export interface PhiEvidence {
  touchesPhi: boolean;
  categories: PhiCategory[];
  why: string[];
}

const DATA_VERBS = new Set([
  'get', 'load', 'fetch', 'find', 'read', 'query', 'list', 'search', 'lookup', 'retrieve', 'select', 'create',
  'update', 'delete', 'save', 'upsert', 'add', 'remove', 'insert', 'put', 'patch', 'export', 'import', 'sync',
  'upload', 'download', 'count', 'filter', 'all', 'first', 'one', 'many', 'aggregate', 'destroy', 'bulk', 'set',
]);

/** The evidence, computed; finders ask evidence-memo.ts's assessPhi, which remembers it across analyses. */
export function gatherPhiEvidence(input: PhiEvidenceInput, facts: FileFacts, flow: FlowAnalyzer): PhiEvidence {
  const categories: PhiCategory[] = [];
  const why: string[] = [];
  const note = (reason: string, found: readonly (ResourceMatch | PhiCategory)[]) => {
    if (!found.length) return;
    for (const item of found) categories.push(typeof item === 'string' ? item : item.category);
    if (why.length < 6 && !why.includes(reason)) why.push(reason);
  };

  const fromPath = pathResources(input.path);
  note(`path names ${[...new Set(fromPath.map((match) => match.word))].join(', ')}`, fromPath);
  for (const name of input.typeNames) note(`uses the PHI model ${name}`, resourcesOf(name));
  for (const name of input.nameHints) note(`view named after ${name}`, resourcesOf(name));

  const scopes = input.handlerScopeId === undefined ? new Set<number>() : scopeTree(facts, input.handlerScopeId);
  if (input.handlerScopeId !== undefined) {
    for (const param of facts.scopes[input.handlerScopeId]?.params ?? []) {
      const kind = flow.classifier.classify(param.name).kind;
      if (kind === 'record') note(`takes a patient record (${param.name})`, resourcesOf(param.name).length ? resourcesOf(param.name) : ['demographics']);
    }
  }
  const aggregated = aggregatedCalls(facts, scopes);
  for (const scopeId of scopes) {
    for (const call of callsIn(facts, scopeId)) {
      if (aggregated.has(call.call)) continue;
      note(...callEvidence(call.call, call.scopeId, flow));
    }
  }
  const bindingScopes = new Set([...scopes, ...(input.extraScopeIds ?? [])]);
  for (const binding of [...bindingScopes].flatMap((scopeId) => bindingsIn(facts, scopeId))) {
    const taint = flow.taintOf(binding.value, binding.scopeId);
    if (taint && countsAsPatientData(taint, flow)) note(`reads ${describeTaint(taint)}`, taint.elements.map((e) => e.category));
    if (!scopes.has(binding.scopeId)) {
      // Class attributes (`queryset = Patient.objects.all()`, `serializer_class = PatientSerializer`).
      for (const name of namesIn(binding.value)) if (/^[A-Z]/.test(name)) note(`uses the PHI model ${name}`, resourcesOf(name));
    }
  }
  const unique = uniqueCategories(categories);
  return { touchesPhi: unique.length > 0, categories: unique, why };
}

const AGGREGATES = new Set(['count', 'exists', 'len', 'length', 'size', 'countDocuments', 'estimatedDocumentCount']);

/** Queries whose result is only counted (`db.query(Patient).filter(...).count()`): no record leaves. */
function aggregatedCalls(facts: FileFacts, scopes: Set<number>): Set<Expr> {
  const found = new Set<Expr>();
  const mark = (expr: Expr | undefined) => {
    for (let current = expr, i = 0; current && current.kind === 'call' && i < 20; i++) {
      found.add(current);
      current = current.callee.kind === 'member' ? current.callee.object : undefined;
    }
  };
  for (const { call } of [...scopes].flatMap((scopeId) => callsIn(facts, scopeId))) {
    const name = call.callee.kind === 'member' ? call.callee.property : call.callee.kind === 'name' ? call.callee.name : '';
    if (!AGGREGATES.has(name)) continue;
    found.add(call);
    if (call.callee.kind === 'member') mark(call.callee.object);
    else mark(call.args[0]?.value);
  }
  return found;
}

function callEvidence(call: Expr & { kind: 'call' }, scopeId: number, flow: FlowAnalyzer): [string, readonly (ResourceMatch | PhiCategory)[]] {
  const path = calleePath(call.callee) ?? [];
  const last = path[path.length - 1];
  // A query on a patient-like model: `db.query(Prescription)`, `get_object_or_404(Patient, pk=pk)`.
  for (const arg of call.args) {
    if (arg.value.kind === 'name' && /^[A-Z]/.test(arg.value.name)) {
      const found = resourcesOf(arg.value.name);
      if (found.length) return [`queries ${arg.value.name}`, found];
    }
  }
  // `Patient.objects.filter(...)`, `prisma.labResult.findMany()`, `this.patientsService.findOne()`.
  for (const segment of path.slice(0, -1)) {
    if (segment === 'this' || segment === 'self') continue;
    const found = resourcesOf(segment);
    if (found.length) return [`calls ${path.join('.')}`, found];
  }
  // `loadLabs(id)`, `get_patient_chart(pid)`, `createPrescription(...)`.
  if (last) {
    const tokens = tokenize(last);
    if (tokens.length > 1 && DATA_VERBS.has(tokens[0])) {
      const found = tokens.slice(1).flatMap((token) => resourcesOf(token));
      if (found.length) return [`calls ${last}`, found];
    }
  }
  const result = flow.taintOf(call, scopeId);
  if (result && countsAsPatientData(result, flow)) return [`reads ${describeTaint(result)}`, result.elements.map((e) => e.category)];
  for (const arg of call.args) {
    const taint = flow.taintOf(arg.value, scopeId);
    if (taint && countsAsPatientData(taint, flow)) return [`reads ${describeTaint(taint)}`, taint.elements.map((e) => e.category)];
  }
  return ['', []];
}

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

function describeTaint(taint: Taint): string {
  return taint.elements.map((element) => (element.element === 'record' ? `${element.category} records` : element.element)).join(', ');
}

/** The scope and every scope nested in it. */
export function scopeTree(facts: FileFacts, rootId: number): Set<number> {
  const ids = new Set<number>([rootId]);
  // Scopes are recorded in document order, nested ones right after their parent.
  for (let id = rootId + 1; id < facts.scopes.length; id++) {
    const scope = facts.scopes[id];
    if (scope.parentId === undefined || !ids.has(scope.parentId)) break;
    ids.add(scope.id);
  }
  return ids;
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
    case 'other':
      for (const child of expr.children) namesIn(child, out, depth + 1);
      break;
  }
  return out;
}

// A handler that reads patients' rows to count them and answers with the counts only
// (`res.json({ totalActive: clients.length, ageGroups, genderDistribution })`): "touches PHI"
// leaves out aggregates (docs/rules/missing-phi-access.md), and what leaves over HTTP here is
// totals computed in the handler. Strict on purpose: every response the handler sends is made of
// counts, sums and constants (a name counts only when each value it is given is one), at least
// one is a count, and the handler writes nothing. A response holding rows, ids or a value read
// off a record is not totals.

import { calleePath, rootName } from '../../model/expressions';
import type { Expr, FileFacts, ScopeFact } from '../../model/facts';
import { namesPersonField } from './group-keys';
import { bindingsIn, callsIn, scopeTree } from '../../model/facts-index';
import { aggregatedCalls } from './aggregate-calls';
import { tokenize } from '../phi/identifiers';

/** Members that are a count or a sum of what they are read off (`rows.length`, `set.size`). */
const TOTAL_MEMBERS = new Set(['length', 'size', 'count', 'total', 'sum', 'avg', 'average', 'mean', 'percent', 'percentage', 'rate', 'ratio']);
/** Functions that turn numbers into numbers. */
const NUMBER_FUNCTIONS = new Set(['Number', 'parseInt', 'parseFloat', 'round', 'floor', 'ceil', 'abs', 'min', 'max', 'toFixed', 'trunc']);
/** First words of calls that change records: a handler that writes serves more than totals. */
const WRITE_VERBS = new Set(['create', 'update', 'upsert', 'delete', 'remove', 'destroy', 'insert', 'save', 'patch', 'put', 'bulk']);
const ARITHMETIC = new Set(['+', '-', '*', '/', '%', '||', '??', '**']);
const MAX_DEPTH = 8;

/** Whether the Express-style handler `handlerScopeId` (`(req, res) => ...`) answers with totals only. */
export function respondsWithTotalsOnly(facts: FileFacts, handlerScopeId: number, scopes?: Set<number>): boolean {
  const handler = facts.scopes[handlerScopeId];
  const response = handler?.params[1]?.name;
  if (!handler || facts.language !== 'ts' || !response) return false;
  scopes ??= scopeTree(facts, handlerScopeId);
  const payloads: { value: Expr; scopeId: number }[] = [];
  for (const scopeId of scopes) {
    for (const { call } of callsIn(facts, scopeId)) {
      const path = calleePath(call.callee) ?? [];
      const last = path[path.length - 1] ?? '';
      if (WRITE_VERBS.has(tokenize(last)[0] ?? '')) return false;
      const sentThroughResponse = (last === 'json' || last === 'send') && rootName(call.callee) === response;
      const sentByHelper = /^(send|respond|reply)/i.test(last) && call.args[0]?.value.kind === 'name' && call.args[0].value.name === response;
      if (sentThroughResponse) payloads.push(...call.args.map((arg) => ({ value: arg.value, scopeId })));
      else if (sentByHelper) payloads.push(...call.args.slice(1).map((arg) => ({ value: arg.value, scopeId })));
    }
  }
  const walk: Walk = { facts, scopes, handlerScopeId, aggregated: aggregatedCalls(facts, scopes), countFound: false, visiting: new Set() };
  return payloads.length > 0 && payloads.every(({ value }) => isTotal(value, walk, 0)) && walk.countFound;
}

interface Walk {
  facts: FileFacts;
  /** The handler's scopes. */
  scopes: Set<number>;
  /** Its calls that return a total (`prisma.patient.count()`). */
  aggregated: Set<Expr>;
  /** A count or a sum was met (a response of constants only is not a report of totals). */
  countFound: boolean;
  /** Names whose values are being checked: a store reading the name back (`g[k] = g[k] + 1`) adds nothing new. */
  visiting: Set<string>;
  /** The handler's scope (its first parameter is the request). */
  handlerScopeId: number;
  /** Inside the callback mapping a map of running totals: its key and value names and the total fields. */
  group?: { key: string; value: string; totals: Set<string> };
}

/** `req.query.from`, `startDate` destructured from `req.query`, literals: values the request gives, no record's. */
function readsRequestOnly(expr: Expr, walk: Walk, depth: number): boolean {
  if (depth > 4) return false;
  const request = walk.facts.scopes[walk.handlerScopeId]?.params[0]?.name;
  if (!request) return false;
  switch (expr.kind) {
    case 'literal':
    case 'string':
      return true;
    case 'member':
    case 'index':
      return rootName(expr) === request;
    case 'other':
      return expr.children.every((child) => readsRequestOnly(child, walk, depth + 1));
    case 'name': {
      const bindings = [...walk.scopes].flatMap((scopeId) => bindingsIn(walk.facts, scopeId)).filter((binding) => binding.name === expr.name);
      return bindings.length > 0 && bindings.every((binding) => rootName(binding.value) === request);
    }
    default:
      return false;
  }
}

/**
 * A date the handler makes from the request or the clock (`new Date(startDate as string)`, `new
 * Date(new Date().getFullYear(), 0, 1)`, either by a condition on the request), no record's.
 */
function isRequestDate(expr: Expr, walk: Walk, depth: number): boolean {
  if (depth > 4) return false;
  const inner = unwrapped(expr);
  if (inner.kind === 'call' && inner.isNew && calleePath(inner.callee)?.join('.') === 'Date') return inner.args.every((arg) => readsRequestOnly(arg.value, walk, depth + 1) || isClockValue(arg.value, walk, depth + 1));
  if (inner.kind === 'other' && inner.children.length > 1) return inner.children.some((child) => isRequestDate(child, walk, depth + 1)) && inner.children.every((child) => isRequestDate(child, walk, depth + 1) || readsRequestOnly(child, walk, depth + 1));
  return false;
}

/** `new Date().getFullYear()`, `Date.now()`, numbers: the clock's values. */
function isClockValue(expr: Expr, walk: Walk, depth: number): boolean {
  const inner = unwrapped(expr);
  if (inner.kind === 'literal') return true;
  if (inner.kind === 'binary') return isClockValue(inner.left, walk, depth) && isClockValue(inner.right, walk, depth);
  if (inner.kind !== 'call') return false;
  if (calleePath(inner.callee)?.join('.') === 'Date.now') return true;
  return inner.callee.kind === 'member' && isRequestDate(inner.callee.object, walk, depth + 1) && inner.args.every((arg) => isClockValue(arg.value, walk, depth + 1));
}

/** Methods that answer the array they are called on, reordered or cut. */
const REORDERING_METHODS = new Set(['sort', 'slice', 'reverse', 'filter']);

/**
 * `Array.from(byModality.entries()).map(([modality, data]) => ({ modality, sessionCount:
 * data.sessionCount, uniqueClients: data.clients.size }))`: totals per group, computed in the
 * handler. The map must be filled with `m.set(key, { sessionCount: 0, clients: new Set() })` only
 * (each field a running total starting at a number, or a collection that is only counted), its key
 * must name no person (group-keys.ts), and each value the callback answers is the key, a running
 * total, a count or a number computed from them.
 */
function groupTotals(call: Expr & { kind: 'call' }, walk: Walk, depth: number): boolean {
  if (call.callee.kind !== 'member' || walk.group) return false;
  const map = entriesOf(call.callee.object);
  const callback = map ? callbackScope(walk.facts, walk.scopes, call.args[0]?.value) : undefined;
  const body = callback?.expressionBody && unwrapped(callback.expressionBody);
  if (!map || !callback || body?.kind !== 'object' || callback.params.length !== 2) return false;
  const [key, value] = [...callback.params].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character).map((param) => param.name);
  const totals = runningTotals(walk, map);
  if (!totals) return false;
  walk.group = { key, value, totals };
  try {
    return body.entries.every((entry) => !entry.spread && isTotal(entry.value, walk, depth + 1));
  } finally {
    walk.group = undefined;
  }
}

/** `Array.from(m.entries())`, `[...m.entries()]`: the map whose entries these are. */
function entriesOf(expr: Expr): string | undefined {
  const inner = unwrapped(expr);
  const from = inner.kind === 'call' && calleePath(inner.callee)?.join('.') === 'Array.from' ? inner.args[0]?.value : inner.kind === 'array' && inner.items.length === 1 ? inner.items[0] : undefined;
  const entries = from && unwrapped(from);
  if (entries?.kind !== 'call' || entries.args.length) return undefined;
  const path = calleePath(entries.callee);
  return path?.length === 2 && path[1] === 'entries' ? path[0] : undefined;
}

/** The function written as a call's argument (`([k, v]) => ({ ... })`), among the handler's scopes. */
function callbackScope(facts: FileFacts, scopes: Set<number>, arg: Expr | undefined): ScopeFact | undefined {
  if (!arg) return undefined;
  const start = arg.range.start;
  for (const scopeId of scopes) {
    const scope = facts.scopes[scopeId];
    if (scope?.kind === 'function' && scope.range.start.line === start.line && scope.range.start.character === start.character) return scope;
  }
  return undefined;
}

/**
 * The fields of a map's values that are running totals (`{ revenue: 0, count: 0 }`), when every
 * `m.set(key, value)` of the handler gives an object of number literals and empty collections and
 * a key that names no person; undefined otherwise.
 */
function runningTotals(walk: Walk, map: string): Set<string> | undefined {
  const totals = new Set<string>();
  let set = false;
  for (const scopeId of walk.scopes) {
    for (const { call } of callsIn(walk.facts, scopeId)) {
      const path = calleePath(call.callee);
      if (path?.length !== 2 || path[0] !== map || path[1] !== 'set') continue;
      const [keyArg, valueArg] = call.args.map((arg) => arg.value);
      const value = valueArg && unwrapped(valueArg);
      if (!keyArg || value?.kind !== 'object' || keyNamesPerson(keyArg, walk)) return undefined;
      for (const entry of value.entries) {
        if (entry.spread || !entry.key) return undefined;
        if (entry.value.kind === 'literal' && /^-?\d/.test(walk.facts.text.slice(offsetOf(walk.facts, entry.value.range.start), offsetOf(walk.facts, entry.value.range.end)))) totals.add(entry.key);
        else if (!isEmptyCollection(entry.value)) return undefined;
      }
      set = true;
    }
  }
  return set ? totals : undefined;
}

/** `[]`, `new Set()`, `new Map()`: a collection that starts empty (counted by its `.size` / `.length`). */
function isEmptyCollection(expr: Expr): boolean {
  if (expr.kind === 'array') return expr.items.length === 0;
  return expr.kind === 'call' && expr.isNew && expr.args.length === 0 && ['Set', 'Map'].includes(calleePath(expr.callee)?.join('.') ?? '');
}

/** Whether a group's key, or a value its name is given, reads a person's name, contact or key (`p.lastName`, `row.patientId`). */
function keyNamesPerson(key: Expr, walk: Walk): boolean {
  const values = key.kind === 'name' ? givenValues(walk.facts, walk.scopes, key.name) ?? [key] : [key];
  return (values.length ? values : [key]).some((value) => namesPersonField(value, 0));
}

function unwrapped(expr: Expr): Expr {
  let current = expr;
  for (let i = 0; i < 4 && current.kind === 'other' && current.children.length === 1; i++) current = current.children[0];
  return current;
}

function offsetOf(facts: FileFacts, position: { line: number; character: number }): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) offset = facts.text.indexOf('\n', offset) + 1;
  return offset + position.character;
}

function isTotal(expr: Expr, walk: Walk, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const next = (child: Expr) => isTotal(child, walk, depth + 1);
  switch (expr.kind) {
    case 'literal':
    case 'test':
    case 'string':
      return true;
    case 'member':
      // `data.revenue` of a group whose running totals start at 0 (`m.set(key, { revenue: 0 })`).
      if (walk.group && expr.object.kind === 'name' && expr.object.name === walk.group.value && walk.group.totals.has(expr.property)) {
        walk.countFound = true;
        return true;
      }
      if (!TOTAL_MEMBERS.has(expr.property)) return false;
      walk.countFound = true;
      return true;
    case 'index':
      // An entry of a table of totals (`ageGroups[key]`).
      return next(expr.object);
    case 'call': {
      const path = calleePath(expr.callee) ?? [];
      const last = path[path.length - 1] ?? '';
      if (walk.aggregated.has(expr) || (last === 'reduce' && expr.args[1]?.value.kind === 'literal')) {
        walk.countFound = true;
        return true;
      }
      // `rows.sort(...)`, `.slice(0, 10)`: the same totals, reordered or cut.
      // `new Date(startDate as string)`: the report's period, made from the request, not read off a record.
      if (expr.isNew && last === 'Date') return isRequestDate(expr, walk, 0);
      // (`calleePath` has no name for a chain on a call's result: the member's own name is the method.)
      const method = expr.callee.kind === 'member' ? expr.callee.property : last;
      if (REORDERING_METHODS.has(method) && expr.callee.kind === 'member') return next(expr.callee.object);
      // `Array.from(byDiagnosis.entries()).map(([diagnosis, data]) => ({ diagnosis, count: data.count }))`.
      if (method === 'map' && expr.callee.kind === 'member') return groupTotals(expr, walk, depth);
      // `Math.round(x)`, `Number(x)`, `(a / b).toFixed(1)`: a number of numbers.
      const onNumber = expr.callee.kind !== 'member' || (expr.callee.object.kind === 'name' && (expr.callee.object.name === 'Math' || expr.callee.object.name === 'Number')) || next(expr.callee.object);
      return NUMBER_FUNCTIONS.has(last) && onNumber && expr.args.every((arg) => next(arg.value));
    }
    case 'binary':
      return ARITHMETIC.has(expr.operator) && next(expr.left) && next(expr.right);
    case 'template':
      return expr.parts.every((part) => 'text' in part || next(part.expr));
    case 'object':
      return expr.entries.every((entry) => !entry.spread && next(entry.value));
    case 'array':
      return expr.items.every(next);
    case 'other':
      return expr.children.every(next);
    case 'name': {
      // The label of a group of totals (`diagnosis` of `([diagnosis, data]) => ...`).
      if (walk.group && expr.name === walk.group.key) return true;
      // Each value the name is given in the handler: `const ageGroups = { '0-17': 0 }` then
      // `ageGroups[key] = ageGroups[key] + 1` in a callback.
      if (walk.visiting.has(expr.name)) return true;
      const given = givenValues(walk.facts, walk.scopes, expr.name);
      if (!given?.length) return false;
      // `const start = startDate ? new Date(startDate) : new Date(new Date().getFullYear(), 0, 1)`.
      if (given.every((value) => isRequestDate(value, walk, 0))) return true;
      walk.visiting.add(expr.name);
      const totals = given.every(next);
      walk.visiting.delete(expr.name);
      return totals;
    }
    default:
      return false;
  }
}

/**
 * The values a name is given anywhere in the handler (assignments and stores into it); undefined
 * when it is destructured or iterated, whose values are parts of something else.
 */
function givenValues(facts: FileFacts, scopes: Set<number>, name: string): Expr[] | undefined {
  const values: Expr[] = [];
  for (const scopeId of scopes) {
    for (const binding of bindingsIn(facts, scopeId)) {
      if (binding.name !== name && binding.name !== `${name}[]`) continue;
      if (binding.kind === 'destructure' || binding.kind === 'iterate' || binding.kind === 'rest') return undefined;
      values.push(binding.value);
    }
  }
  return values;
}

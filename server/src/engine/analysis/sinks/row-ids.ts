// An identifier the same function looks a row up by is that row's key, whatever its name says
// (docs/rules/phi-in-error.md, "What stays quiet"): after
// `prisma.insuranceInformation.findUnique({ where: { id: data.insuranceId } })`,
// `throw new Error(\`Insurance ${data.insuranceId} not found\`)` names the row by its primary key,
// an opaque id like `patient_id`, not the member number printed on an insurance card. Elements
// that are ids by name (`insurance_id`, `member_id`) are read this way after any key lookup. A value
// of another name given whole to a method that takes nothing but a primary key (`findById(x)`) is
// that key too, whatever its name says: after `Patient.findById(patient)`,
// `` `Patient not found with ID: ${patient}` `` prints the id the caller passed. A record, a name or
// a number read otherwise keeps the call reported.

import type { Argument, CallFact, Expr, FileFacts } from '../../model/facts';
import { enclosingFunctions } from '../../model/facts-index';
import { exprLabel } from '../flow/expr-label';
import { phiParts, type TaintOf } from './message-parts';

const MAX_DEPTH = 8;

/** Methods that look one row up by its primary key, given as their first argument. */
const BY_KEY_LOOKUPS = new Set(['findById', 'findByPk', 'findByIdAndUpdate', 'findByIdAndDelete', 'get_object_or_404']);

/** Of those, the ORM methods whose argument can be nothing but a primary key (Django's `get_object_or_404` takes a model and filters). */
const PRIMARY_KEY_ONLY = new Set(['findById', 'findByPk', 'findByIdAndUpdate', 'findByIdAndDelete']);

/** Every PHI part of the call's arguments is an id element that the enclosing function passes as a row's `id` to a query. */
export function onlyRowKeysLookedUp(facts: FileFacts, fact: CallFact, args: readonly Argument[], taintOf: TaintOf): boolean {
  const parts = args.flatMap((arg) => phiParts(arg.value, taintOf));
  if (!parts.length) return false;
  const keys = rowKeysOf(facts, fact);
  return parts.every(({ expr, taint }) => {
    const label = exprLabel(expr);
    if (keys.byKeyOnly.has(label) && (expr.kind === 'name' || expr.kind === 'member')) return true;
    return !taint.record && taint.elements.every((element) => /(?:^|_)id$/.test(element.element)) && keys.any.has(label);
  });
}

interface RowKeys {
  /** Every expression passed as a row's key: `where: { id: x }`, `findById(x)`. */
  any: Set<string>;
  /** Those passed to a method that takes only a primary key (`findById(x)`). */
  byKeyOnly: Set<string>;
}

/** The expressions (by their text) the function around `fact` passes as a row's key: `where: { id: x }`, `findById(x)`. */
function rowKeysOf(facts: FileFacts, fact: CallFact): RowKeys {
  const fn = enclosingFunctions(facts, fact.scopeId)[0]?.id;
  const keys = new Set<string>();
  const byKeyOnly = new Set<string>();
  if (fn === undefined) return { any: keys, byKeyOnly };
  for (const call of facts.calls) {
    if (call === fact || enclosingFunctions(facts, call.scopeId)[0]?.id !== fn) continue;
    const callee = call.call.callee;
    const method = callee.kind === 'member' ? callee.property : callee.kind === 'name' ? callee.name : undefined;
    const first = call.call.args[0];
    if (method && BY_KEY_LOOKUPS.has(method) && first && !first.name && !first.spread) {
      keys.add(exprLabel(first.value));
      if (PRIMARY_KEY_ONLY.has(method)) byKeyOnly.add(exprLabel(first.value));
    }
    for (const arg of call.call.args) collectWhereIds(arg.value, keys, 0);
  }
  return { any: keys, byKeyOnly };
}

/** `{ where: { id: x } }` at any depth of a query's options. */
function collectWhereIds(expr: Expr, keys: Set<string>, depth: number): void {
  if (depth > MAX_DEPTH || expr.kind !== 'object') return;
  for (const entry of expr.entries) {
    if (entry.key === 'where' && entry.value.kind === 'object') {
      for (const condition of entry.value.entries) if (condition.key === 'id' && !condition.spread) keys.add(exprLabel(condition.value));
    } else collectWhereIds(entry.value, keys, depth + 1);
  }
}

// Calls whose result is a total rather than records (docs/rules/missing-phi-access.md, "touches
// PHI" leaves out aggregates): what the endpoint analyses share to tell a count from a query.

import { calleePath } from '../../model/expressions';
import type { Expr, FileFacts } from '../../model/facts';
import { callsIn } from '../../model/facts-index';

/**
 * Calls whose result is a total, not records: `.count()`, Django's `.aggregate(...)`, Prisma's
 * `count`/`aggregate`/`groupBy`, Sequelize's `sum`/`max`/`min`, Mongo's counts.
 */
const AGGREGATES = new Set([
  'count', 'exists', 'len', 'length', 'size', 'countDocuments', 'estimatedDocumentCount', 'aggregate', 'groupBy', 'sum', 'avg',
]);
/** Aggregate functions of an annotation (`annotate(total=Count("id"))`). */
const AGGREGATE_FUNCTIONS = new Set(['Count', 'Sum', 'Avg', 'Max', 'Min', 'StdDev', 'Variance']);

/** Queries whose result is only counted (`db.query(Patient).filter(...).count()`): no record leaves. */
export function aggregatedCalls(facts: FileFacts, scopes: Set<number>): Set<Expr> {
  const found = new Set<Expr>();
  const mark = (expr: Expr | undefined) => {
    for (let current = expr, i = 0; current && current.kind === 'call' && i < 20; i++) {
      found.add(current);
      current = current.callee.kind === 'member' ? current.callee.object : undefined;
    }
  };
  for (const { call } of [...scopes].flatMap((scopeId) => callsIn(facts, scopeId))) {
    const name = call.callee.kind === 'member' ? call.callee.property : call.callee.kind === 'name' ? call.callee.name : '';
    if (AGGREGATE_FUNCTIONS.has(name)) found.add(call);
    if (!AGGREGATES.has(name) && !isGroupByTotal(call)) continue;
    found.add(call);
    if (call.callee.kind === 'member') mark(call.callee.object);
    else mark(call.args[0]?.value);
  }
  return found;
}

/**
 * `Patient.objects.values("ward").annotate(total=Count("id"))`: totals per group. An annotation on
 * whole rows (`Patient.objects.annotate(n=Count("visits"))`) still returns the patients.
 */
function isGroupByTotal(call: Expr & { kind: 'call' }): boolean {
  if (call.callee.kind !== 'member' || call.callee.property !== 'annotate' || !call.args.length) return false;
  if (!call.args.every((arg) => arg.value.kind === 'call' && AGGREGATE_FUNCTIONS.has(lastCalleeName(arg.value)))) return false;
  for (let current: Expr = call.callee.object, i = 0; current.kind === 'call' && current.callee.kind === 'member' && i < 20; i++) {
    if (current.callee.property === 'values' || current.callee.property === 'values_list') return true;
    current = current.callee.object;
  }
  return false;
}

export function lastCalleeName(call: Expr & { kind: 'call' }): string {
  const path = calleePath(call.callee);
  return path?.[path.length - 1] ?? '';
}


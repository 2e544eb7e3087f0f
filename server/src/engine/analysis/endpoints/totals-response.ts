// A handler that reads patients' rows to count them and answers with the counts only
// (`res.json({ totalActive: clients.length, ageGroups, genderDistribution })`): "touches PHI"
// leaves out aggregates (docs/rules/missing-phi-access.md), and what leaves over HTTP here is
// totals computed in the handler. Strict on purpose: every response the handler sends is made of
// counts, sums and constants (a name counts only when each value it is given is one), at least
// one is a count, and the handler writes nothing. A response holding rows, ids or a value read
// off a record is not totals.

import { calleePath, rootName } from '../../model/expressions';
import type { Expr, FileFacts } from '../../model/facts';
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
  const walk: Walk = { facts, scopes, aggregated: aggregatedCalls(facts, scopes), countFound: false, visiting: new Set() };
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
      // Each value the name is given in the handler: `const ageGroups = { '0-17': 0 }` then
      // `ageGroups[key] = ageGroups[key] + 1` in a callback.
      if (walk.visiting.has(expr.name)) return true;
      const given = givenValues(walk.facts, walk.scopes, expr.name);
      if (!given?.length) return false;
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

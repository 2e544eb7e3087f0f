// An error body that carries the view the file's success responses send (docs/rules/phi-in-error.md,
// "What stays quiet"): `res.status(400).json({ error: 'Bill is already paid', bill: publicBillPayload(bill) })`
// where the lookup route answers `res.json({ bill: publicBillPayload(bill) })`. The function builds
// what this API shows its client; the same client receives it on success, so the error adds no
// disclosure (who may call the endpoint is missing-phi-access's matter). A record, a field read
// off one, or a view no success response sends keeps the error body reported.

import type { Argument, Expr, FileFacts } from '../../model/facts';
import { sourceOf } from '../../model/text';
import { lastName } from '../flow/taint';
import type { TaintOf } from './message-parts';

const MAX_DEPTH = 8;
/** The methods that write a response body (`res.json`, `reply.send`). */
const BODY_METHODS = new Set(['json', 'send', 'jsonp']);

/** Every PHI part of an error body is a call of a function the file's success responses also send. */
export function onlySuccessViews(facts: FileFacts, args: readonly Argument[], taintOf: TaintOf): boolean {
  const parts = args.flatMap((arg) => bodyParts(arg.value, taintOf, 0));
  if (!parts.length || parts.some(({ expr, taint }) => taint.record || expr.kind !== 'call')) return false;
  const views = successViews(facts);
  return parts.every(({ expr }) => {
    const name = lastName(expr);
    return !!name && views.has(name);
  });
}

/** The PHI-carrying values of a body: an object's entries, one by one; else the value itself. */
function bodyParts(expr: Expr, taintOf: TaintOf, depth: number): { expr: Expr; taint: NonNullable<ReturnType<TaintOf>> }[] {
  if (depth <= MAX_DEPTH && expr.kind === 'object') return expr.entries.flatMap((entry) => (entry.spread ? [] : bodyParts(entry.value, taintOf, depth + 1)));
  if (depth <= MAX_DEPTH && expr.kind === 'other' && expr.children.length === 1) return bodyParts(expr.children[0], taintOf, depth + 1);
  const taint = taintOf(expr);
  return taint ? [{ expr, taint }] : [];
}

const viewsByFile = new WeakMap<FileFacts, Set<string>>();

/** The functions whose result the file's success responses send: `res.json({ bill: publicBillPayload(bill) })`, `res.status(200).json(view(x))`. */
function successViews(facts: FileFacts): Set<string> {
  let views = viewsByFile.get(facts);
  if (views) return views;
  views = new Set();
  for (const fact of facts.calls) {
    const callee = fact.call.callee;
    if (callee.kind !== 'member' || !BODY_METHODS.has(callee.property) || !isSuccessResponse(callee.object, facts)) continue;
    for (const arg of fact.call.args) collectCalls(arg.value, views, 0);
  }
  viewsByFile.set(facts, views);
  return views;
}

/** `res` (a body with the default 200), or `res.status(2xx)`. */
function isSuccessResponse(target: Expr, facts: FileFacts): boolean {
  if (target.kind === 'name') return /^(?:res|response|reply|ctx)$/.test(target.name);
  if (target.kind !== 'call' || target.callee.kind !== 'member' || (target.callee.property !== 'status' && target.callee.property !== 'code')) return false;
  const status = target.args[0]?.value;
  return !!status && /^2\d\d$/.test(sourceOf(facts, status.range).trim());
}

function collectCalls(expr: Expr, views: Set<string>, depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (expr.kind === 'call') {
    const name = lastName(expr);
    if (name) views.add(name);
    return;
  }
  if (expr.kind === 'object') for (const entry of expr.entries) collectCalls(entry.value, views, depth + 1);
  if (expr.kind === 'other' && expr.children.length === 1) collectCalls(expr.children[0], views, depth + 1);
}

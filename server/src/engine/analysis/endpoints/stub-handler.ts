// A handler that only answers "not implemented" (HTTP 501, `NOT_IMPLEMENTED`, `NotImplementedError`)
// touches no patient data, whatever its route or name says: every call it makes validates the
// request or builds the answer, and after the answer only an error path logs and answers. Any
// other call (a service, a query), before or after, keeps the handler a real one.

import { calleePath } from '../../model/expressions';
import type { CallExpr, Expr, FileFacts } from '../../model/facts';
import { callsIn } from '../../model/facts-index';
import { sourceOf } from '../../model/text';

const NOT_IMPLEMENTED_TEXT = /\bnot[\s_-]*(yet[\s_-]*)?implemented\b/i;
const NOT_IMPLEMENTED_CALLS = new Set(['NotImplementedError', 'NotImplemented', 'HTTPNotImplemented', 'NotImplementedException']);
/** Calls that check the request or shape the answer, never reach stored data. */
const REQUEST_AND_RESPONSE_CALLS = new Set([
  'safeParse', 'safeParseAsync', 'parse', 'parseAsync', 'validate', 'validateSync', 'validationResult', 'isEmpty', 'array',
  'map', 'join', 'json', 'status', 'send', 'set', 'header', 'end', 'code', 'String', 'Number', 'trim', 'toString', 'isArray',
]);
const RESPONSE_OBJECTS = new Set(['res', 'reply', 'response', 'ctx']);

/** Files that can hold a stub at all: the summaries ask of every function in every file. */
const mayHoldStubs = new WeakMap<FileFacts, boolean>();

/** Whether the function scope `scopeId` (with the scopes nested in it) is a not-implemented stub. */
export function isNotImplementedStub(facts: FileFacts, scopeIds: ReadonlySet<number>): boolean {
  let possible = mayHoldStubs.get(facts);
  if (possible === undefined) mayHoldStubs.set(facts, (possible = /501|implemented/i.test(facts.text)));
  if (!possible) return false;
  const calls = [...scopeIds].flatMap((id) => callsIn(facts, id)).map((fact) => fact.call);
  const marker = calls.filter((call) => marksNotImplemented(facts, call)).sort(byStart)[0];
  if (!marker) return false;
  // After the answer only its error path runs (`catch`: log, describe the error, answer 500).
  return calls.every((call) => within(marker, call) || answersOrValidates(call) || (!before(call, marker) && handlesAnError(call)));
}

function handlesAnError(call: CallExpr): boolean {
  const path = calleePath(call.callee) ?? [];
  const last = path[path.length - 1] ?? '';
  return path.some((segment) => /^(logger|log|logging|console)$/i.test(segment)) || /Error/.test(last);
}

function marksNotImplemented(facts: FileFacts, call: CallExpr): boolean {
  const path = calleePath(call.callee) ?? [];
  if (NOT_IMPLEMENTED_CALLS.has(path[path.length - 1] ?? '')) return true;
  return call.args.some(({ value }) => isNotImplementedValue(facts, value));
}

function isNotImplementedValue(facts: FileFacts, value: Expr): boolean {
  if (value.kind === 'literal') return sourceOf(facts, value.range).trim() === '501';
  if (value.kind === 'string') return NOT_IMPLEMENTED_TEXT.test(value.value);
  if (value.kind === 'object') return value.entries.some((entry) => isNotImplementedValue(facts, entry.value));
  return false;
}

function answersOrValidates(call: CallExpr): boolean {
  const path = calleePath(call.callee) ?? [];
  const last = path[path.length - 1] ?? '';
  // `sendValidationError(res, ...)`, `res.status(400).json(...)`.
  return REQUEST_AND_RESPONSE_CALLS.has(last) || /^send[A-Z]?/.test(last) || path.some((segment) => RESPONSE_OBJECTS.has(segment));
}

function byStart(a: CallExpr, b: CallExpr): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

function before(call: CallExpr, marker: CallExpr): boolean {
  return byStart(call, marker) < 0;
}

function within(outer: CallExpr, inner: CallExpr): boolean {
  return byStart(outer, inner) <= 0 && (inner.range.end.line < outer.range.end.line || (inner.range.end.line === outer.range.end.line && inner.range.end.character <= outer.range.end.character));
}

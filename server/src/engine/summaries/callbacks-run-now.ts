// Callbacks a function hands to a call that runs them before it answers: a tracing span
// (`return tracer.startActiveSpan('endVisit', async (span) => { ...; await this.createAuditLog(...) })`)
// or a database transaction (`prisma.$transaction(async (tx) => { ... })`). What such a callback
// calls, the function calls: its audit record is written on every call of the function, as one
// written in the function's own body is. Other nested functions (the middleware a factory returns,
// an event handler registered for later) are not run by the function itself.

import type { FileFacts, ScopeFact } from '../model/facts';
import { calleePath } from '../model/expressions';
import { callsIn } from '../model/facts-index';
import { within } from '../model/ranges';

/** Last names of calls that run the callback they are given before they return (spans, transactions). */
const RUNS_CALLBACK_NOW = new Set([
  'startActiveSpan', 'startSpan', 'withSpan', 'inSpan', '$transaction', 'transaction', 'withTransaction', 'runInTransaction',
  'inTransaction', 'atomic',
]);

/** Whether a function scope is a callback passed to a call, in its parent scope, that runs it right away. */
export function runsNowIn(facts: FileFacts, scope: ScopeFact): boolean {
  if (scope.kind !== 'function' || scope.parentId === undefined) return false;
  return callsIn(facts, scope.parentId).some(({ call }) => {
    const name = calleePath(call.callee)?.at(-1);
    return !!name && RUNS_CALLBACK_NOW.has(name) && within(scope.range, call.argsRange);
  });
}

/**
 * Whether the calls of `scopeId` run when the function `ownerId` runs: every function between
 * them is a callback run right away (`ownerId` itself excluded).
 */
export function runsWithOwner(facts: FileFacts, scopeId: number, ownerId: number): boolean {
  let scope: ScopeFact | undefined = facts.scopes[scopeId];
  for (let depth = 0; scope && scope.id !== ownerId && depth < 50; depth++) {
    if (!runsNowIn(facts, scope)) return false;
    scope = facts.scopes[scope.parentId ?? -1];
  }
  return scope?.id === ownerId;
}

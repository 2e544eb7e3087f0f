// An audit call inside the handler (`audit_log.record(...)`, `this.auditService.log(...)`, names
// from the policy's `audit.*.calls`, or a call that writes an audit record by its names:
// `prisma.auditLog.create(...)`, `pool.query('INSERT INTO audit_log ...')`, names.ts) counts as the endpoint's audit control when it runs before
// the data leaves: not after a `return` (or an Express/Fastify send) of its own block, where it is
// unreachable or too late. A function the handler defines and calls to answer counts with its own
// audit call.

import type { AuditControl } from '../../../model/endpoints';
import type { CallFact, Expr, FileFacts, ScopeFact } from '../../../model/facts';
import { callsIn } from '../../../model/facts-index';
import { calleePath } from '../../../model/expressions';
import { insertedAuditTable, literalText } from '../sql-tables';
import { argumentNames, callNamed, literalKeys, marksAuditEntry, recordsActionOnRecord, writesAuditRecord, writesChangeHistory } from './names';

/** A statement that hands the response back: `return ...`, `res.json(...)`, `reply.send(...)`. */
const RETURN_LINE = /^\s*(return\b|(res|response|reply|ctx)\.(json|send|end|render|redirect|sendFile)\s*\()/;

/**
 * What a call's callee leads to (flow hooks across files): the audit call a workspace function it
 * resolves to makes, directly or through its own resolved calls.
 */
export type AuditCallBehind = (callee: Expr, scopeId: number, names: readonly string[]) => string | undefined;

export function auditCallIn(facts: FileFacts, scope: ScopeFact, names: readonly string[], behind?: AuditCallBehind): AuditControl | undefined {
  const reached = callsIn(facts, scope.id).filter((fact) => reachedBeforeReturn(facts, scope, fact));
  for (const fact of reached) {
    const path = calleePath(fact.call.callee) ?? [];
    const args = fact.call.args.map((arg) => ({ name: arg.name, keys: literalKeys(arg.value) }));
    const history = writesChangeHistory(path, args.flatMap((arg) => arg.keys)) || recordsActionOnRecord(path, argumentNames(args)) || marksAuditEntry(path, argumentNames(args));
    const name = callNamed(fact.call.callee, names) ?? (writesAuditRecord(path) || history ? path.join('.') : undefined) ?? auditTableWritten(fact);
    if (name) return { kind: 'call', name, level: 'endpoint', range: fact.call.range, existing: true };
  }
  // `await appointmentService.create(...)`, whose service writes `auditLogger.info(...)`.
  for (const fact of behind ? reached : []) {
    const name = behind!(fact.call.callee, fact.scopeId, names);
    if (name) return { kind: 'call', name, level: 'endpoint', range: fact.call.range, existing: true };
  }
  // `const finish = async (payload) => { await logAccess(...); return NextResponse.json(payload); }`,
  // called to answer: a function of the handler's own runs its audit call when the handler calls it.
  const calledLocally = new Set(reached.flatMap((fact) => (fact.call.callee.kind === 'name' ? [fact.call.callee.name] : [])));
  for (const inner of facts.scopes) {
    if (inner.parentId !== scope.id || inner.kind !== 'function' || !inner.name || !calledLocally.has(inner.name)) continue;
    const found = auditCallIn(facts, inner, names, behind);
    if (found) return found;
  }
  return undefined;
}

/** `pool.query('INSERT INTO audit_log ...')`: the audit table an SQL statement in the call inserts into. */
function auditTableWritten(fact: CallFact): string | undefined {
  const sql = fact.call.args[0] ? literalText(fact.call.args[0].value) : undefined;
  return sql === undefined ? undefined : insertedAuditTable(sql);
}

/**
 * Whether no return before the call, in the handler, ends the block the call is in: a return
 * whose indentation is at most the call's, with no line between them indented less than the
 * return (which would close its block).
 */
function reachedBeforeReturn(facts: FileFacts, scope: ScopeFact, fact: CallFact): boolean {
  const callLine = fact.call.range.start.line;
  const lines = facts.text.split('\n', callLine + 1);
  const indentOf = (line: string) => line.length - line.trimStart().length;
  const callIndent = indentOf(lines[callLine] ?? '');
  for (let line = scope.range.start.line + 1; line < callLine; line++) {
    const text = lines[line] ?? '';
    if (!RETURN_LINE.test(text)) continue;
    const returnIndent = indentOf(text);
    if (returnIndent > callIndent) continue;
    let closed = false;
    for (let between = line + 1; between < callLine && !closed; between++) {
      const other = lines[between] ?? '';
      if (other.trim() && indentOf(other) < returnIndent) closed = true;
    }
    if (!closed) return false;
  }
  return true;
}

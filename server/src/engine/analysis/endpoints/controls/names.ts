// Matching the names the policy's `audit` lists give against what the code writes, and finding
// an endpoint's handler among the file's scopes.

import { calleePath } from '../../../model/expressions';
import type { Expr, FileFacts, ScopeFact } from '../../../model/facts';
import { sameRange, within, type Range } from '../../../model/ranges';
import type { EndpointFact } from '../../../model/endpoints';
import { tokenize } from '../../phi/identifiers';
import { isAuditTrailSegment } from '../resources';

/** `clinic.audit.AuditedPatientAccess` -> AuditedPatientAccess. */
export function lastSegment(name: string): string {
  const parts = name.split('.');
  return parts[parts.length - 1];
}

/**
 * Whether a class, dependency, guard, wrapper or middleware expression is one the policy names:
 * by its last name, the import path being the project's business (`security.audit_phi` in the
 * policy matches `audit_phi` and `deps.audit_phi` in the code).
 */
export function namesOne(expr: Expr, names: readonly string[]): string | undefined {
  const target = expr.kind === 'call' ? expr.callee : expr;
  const path = calleePath(target);
  const last = path?.[path.length - 1];
  if (!last) return undefined;
  return names.find((name) => lastSegment(name) === last);
}

/**
 * Whether a call's callee ends with the segments of an audit call the policy names:
 * `audit_log.record` matches `audit_log.record(...)` and `self.audit_log.record(...)`, never a
 * bare `record(...)` or another receiver's `record`.
 */
export function callNamed(callee: Expr, names: readonly string[]): string | undefined {
  const path = calleePath(callee);
  if (!path) return undefined;
  return names.find((name) => {
    const segments = name.split('.');
    if (segments.length > path.length) return false;
    const tail = path.slice(path.length - segments.length);
    return tail.every((segment, index) => segment === segments[index]);
  });
}

/** First words of a method that writes an entry (`create`, `insertOne`, `logEvent`, `recordAccess`). */
const ENTRY_WRITES = new Set(['create', 'insert', 'save', 'add', 'bulk', 'record', 'write', 'log']);

/**
 * Whether a call writes an audit record whatever the policy calls it: an entry written to a
 * store or service named for auditing (`prisma.auditLog.create`, `AuditLog.objects.create`,
 * `this.auditService.log`, `auditTrailRepository.save`) or for the access trail of records (who
 * opened which record when: `PatientRecordAccess.objects.create`, `accessLog.create`). Reads of
 * the audit log (`auditLog.findMany`) are not, and neither is a bare function named for auditing
 * (`auditLog(...)`): what it does is read where it is defined, or named in the policy.
 */
export function writesAuditRecord(path: readonly string[]): boolean {
  if (path.length < 2) return false;
  const last = tokenize(path[path.length - 1]);
  if (!ENTRY_WRITES.has(last[0] ?? '')) return false;
  return path.slice(0, -1).some((segment) => tokenize(segment).includes('audit') || isAuditTrailSegment(segment));
}

/** An object literal's keys as a summary keeps them, nested literals included (`{ data: { changedBy } }`). */
export interface WrittenKeys {
  key: string;
  keys?: readonly WrittenKeys[];
}

/** Words of a store that keeps the changes made to records (`diagnosisHistory`, `chart_revisions`, `provenance`). */
const CHANGE_STORE_WORDS = new Set(['history', 'histories', 'revision', 'revisions', 'provenance', 'changelog']);
/** Verbs of a field naming who made a change (`changedBy`, `modified_by`, `performedBy`); `createdBy` is any record's. */
const ACTOR_VERBS = new Set(['changed', 'modified', 'updated', 'deleted', 'performed', 'edited', 'imported', 'amended', 'actioned']);
/** Fields describing the change itself (`changeType`, `action`, `oldValues`, `previous_value`). */
const CHANGE_WORDS = new Set(['change', 'changes', 'action', 'old', 'previous', 'before', 'diff', 'operation']);

/**
 * Whether a call writes a change-history entry naming who made the change: an entry written to
 * a store named for keeping changes (`prisma.diagnosisHistory.create`) whose data names the actor
 * (`changedBy`, `actorId`) and the change (`changeType`, `oldValues`). An audit trail under
 * another name; a patient's medical history (`medicalHistory.create({ data: { condition } })`)
 * names neither.
 */
export function writesChangeHistory(path: readonly string[], written: readonly WrittenKeys[]): boolean {
  if (path.length < 2 || !ENTRY_WRITES.has(tokenize(path[path.length - 1])[0] ?? '')) return false;
  if (!path.slice(0, -1).some((segment) => tokenize(segment).some((token) => CHANGE_STORE_WORDS.has(token)))) return false;
  const keys = allKeys(written, 0).map((key) => tokenize(key));
  const actor = keys.some((tokens) => tokens.includes('actor') || (tokens[tokens.length - 1] === 'by' && ACTOR_VERBS.has(tokens[0] ?? '')));
  return actor && keys.some((tokens) => CHANGE_WORDS.has(tokens[0] ?? ''));
}

/** First words of a function that records an event (`log_crud_action`, `recordAccess`, `trackActivity`, `writeAudit`); a bare `log` is any logger's. */
const EVENT_RECORDERS = new Set(['log', 'record', 'track', 'write']);
const ACTOR_WORDS = new Set(['user', 'actor', 'performer', 'username']);
const ACTION_WORDS = new Set(['action', 'operation', 'activity']);
const RECORD_WORDS = new Set(['entity', 'table', 'resource', 'record', 'target']);

/**
 * Whether a call records who did what to which record (`log_crud_action(action=..., user=...,
 * table=..., entity_id=...)`, `recordAccess({ userId, action, resourceId })`): an audit entry under
 * another name. Its keyword arguments' names or its object argument's keys name the actor, the
 * action and the record, and its function's name starts with a word of recording.
 */
export function recordsActionOnRecord(path: readonly string[], argumentNames: readonly string[]): boolean {
  const last = tokenize(path[path.length - 1] ?? '');
  if (last.length < 2 || !EVENT_RECORDERS.has(last[0])) return false;
  const names = argumentNames.map((name) => tokenize(name));
  const named = (words: Set<string>) => names.some((tokens) => tokens.some((token) => words.has(token)));
  return named(ACTOR_WORDS) && named(ACTION_WORDS) && named(RECORD_WORDS);
}

/** Logger methods that write an entry at a level kept in production (not `debug`). */
const KEPT_LOG_LEVELS = new Set(['info', 'log', 'notice', 'warn', 'warning']);
/** Keys that flag a structured log entry as an audit record (`audit: true`, `isAudit`, `auditEvent`). */
const AUDIT_FLAG_KEYS = new Set(['audit', 'is audit', 'audit event', 'audit log', 'audit trail']);

/**
 * Whether a logger call writes an entry the project flags as an audit record, naming the action
 * and the record (`logger.info({ action: 'INTAKE_SUBMITTED', patientId, consultId, audit: true })`):
 * the project's audit trail kept in its structured log. A log line without the flag (`logger.info({
 * action, patientId })`) is any log's, and a flag without an action or a record says nothing of
 * what was done to which record.
 */
export function marksAuditEntry(path: readonly string[], argumentNames: readonly string[]): boolean {
  if (path.length < 2 || !KEPT_LOG_LEVELS.has(path[path.length - 1])) return false;
  const names = argumentNames.map((name) => tokenize(name));
  const flagged = names.some((tokens) => AUDIT_FLAG_KEYS.has(tokens.join(' ')));
  const action = names.some((tokens) => tokens.some((token) => ACTION_WORDS.has(token)));
  const record = names.some((tokens) => tokens.length > 1 && /^(id|ids|uuid)$/.test(tokens[tokens.length - 1]));
  return flagged && action && record;
}

/** The keys of an object literal written in the code, as a summary keeps them. */
/** The names a call's arguments give what they pass: keyword arguments' names and the keys of object literals. */
export function argumentNames(args: ReadonlyArray<{ name?: string; keys?: readonly WrittenKeys[] }>): string[] {
  return args.flatMap((arg) => [...(arg.name ? [arg.name] : []), ...(arg.keys ?? []).map((entry) => entry.key)]);
}

export function literalKeys(expr: Expr, depth = 0): WrittenKeys[] {
  if (expr.kind !== 'object' || depth > 4) return [];
  return expr.entries.flatMap((entry) => (entry.key === undefined ? [] : [{ key: entry.key, keys: literalKeys(entry.value, depth + 1) }]));
}

function allKeys(written: readonly WrittenKeys[], depth: number): string[] {
  return depth > 4 ? [] : written.flatMap((entry) => [entry.key, ...allKeys(entry.keys ?? [], depth + 1)]);
}

/** The handler's function (or, for an endpoint reported at its class, the class) scope. */
/** The routers a handler's decorators are called on: `router` of `@router.get("/x")`, `bp` of `@bp.route(...)`. */
export function decoratorReceivers(scope: ScopeFact | undefined): string[] {
  return (scope?.decorators ?? []).flatMap((decorator) => {
    const receiver = decorator.expr.kind === 'call' ? calleePath(decorator.expr.callee)?.slice(0, -1) : undefined;
    return receiver?.length === 1 ? receiver : [];
  });
}

export function handlerScope(facts: FileFacts, endpoint: EndpointFact): ScopeFact | undefined {
  const range = endpoint.handler.range;
  const exact = facts.scopes.find((scope) => scope.kind !== 'module' && scope.nameRange && sameRange(scope.nameRange, range));
  if (exact) return exact;
  // An inline handler (`app.get('/x', async (req, res) => ...)`): the function written in its argument.
  const inline = facts.scopes.find((scope) => scope.kind === 'function' && within(scope.range, range));
  if (inline) return inline;
  // A handler passed by name: the function of that name in the file.
  const name = endpoint.handler.name.split('.').pop() ?? '';
  return facts.scopes.find((scope) => scope.kind === 'function' && scope.name === name);
}

/** `[A, B]`, `(A, B)`, `A & B`, `A | B`: the names written in a list of classes. */
export function namesInList(expr: Expr, depth = 0): Expr[] {
  if (depth > 8) return [];
  switch (expr.kind) {
    case 'name':
    case 'member':
    case 'call':
      return [expr];
    case 'array':
      return expr.items.flatMap((item) => namesInList(item, depth + 1));
    case 'binary':
      return [...namesInList(expr.left, depth + 1), ...namesInList(expr.right, depth + 1)];
    case 'other':
      return expr.children.flatMap((child) => namesInList(child, depth + 1));
    default:
      return [];
  }
}

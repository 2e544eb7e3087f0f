// ORM calls that name every field they read or write (`prisma.client.findUnique({ where: { id },
// select: { id: true, amdSyncStatus: true } })`, `prisma.appointment.update({ where: { id },
// data: { status } })` with a `select`): judged like an SQL statement whose columns are all named
// (sql-tables.ts carriesNoPhiFields). Without a `select`, a Prisma read or write returns the whole
// row, and an `include` brings related rows: neither is such a call.

import type { CallExpr, Expr, ObjectEntry } from '../../model/facts';
import { columnIsClean, type ColumnClassifier } from './sql-tables';

/** Prisma's methods that read or write rows and take `select` (not `delete`: a record removed). */
const FIELD_LISTING_METHODS = new Set(['findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany', 'update', 'updateMany', 'create', 'upsert']);

/** Whether an ORM call reads and writes only fields that are keys, states or bookkeeping. */
export function ormCallCarriesNoPhiFields(call: CallExpr, path: readonly string[], classify: ColumnClassifier): boolean {
  const method = path[path.length - 1] ?? '';
  if (path.length < 3 || !FIELD_LISTING_METHODS.has(method)) return false;
  const options = call.args[0]?.value;
  if (options?.kind !== 'object' || options.entries.some((entry) => entry.spread || !entry.key)) return false;
  const entry = (key: string) => options.entries.find((candidate) => candidate.key === key);
  if (entry('include')) return false;
  // `updateMany` returns a count; every other method returns the fields of its `select`.
  const select = entry('select');
  if (method !== 'updateMany' && !(select && listsCleanFields(select, classify))) return false;
  for (const key of ['where', 'data', 'create', 'update']) {
    const given = entry(key);
    if (given && !listsCleanFields(given, classify)) return false;
  }
  return true;
}

/** `{ id: true, status: 'read' }`: an object literal whose every key is a clean field and whose values nest no further list of fields. */
function listsCleanFields(entry: ObjectEntry, classify: ColumnClassifier): boolean {
  const value: Expr = entry.value;
  if (value.kind !== 'object' || value.entries.length === 0) return false;
  return value.entries.every((field) => !field.spread && !!field.key && field.value.kind !== 'object' && field.value.kind !== 'array' && columnIsClean(field.key, classify));
}

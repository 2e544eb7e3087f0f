// The tables an SQL statement written in a handler reads or writes (`pool.query(\`SELECT ... FROM
// wounds w JOIN patients p ...\`)`): a handler that queries a patient-like table touches patient
// data, whatever its route is called. Statements that only count (`SELECT COUNT(*) FROM patients`,
// group-by totals) return totals, not records.

import type { Expr, FileFacts } from '../../model/facts';
import { bindingsIn, callsIn } from '../../model/facts-index';
import { tokenize } from '../phi/identifiers';
import { resourcesOf, type ResourceMatch } from './resources';

const MAX_SQL = 20_000;
/** A statement, not prose that happens to say "from" (`'Failed to load from cache'`). */
const SQL_STATEMENT = /\b(select\s+(?!from\b)\S[\s\S]*?\bfrom|insert\s+into|update\s+[\w."]+\s+set|delete\s+from)\s/i;
const TABLE_REFERENCE = /\b(?:from|join|into|update)\s+([A-Za-z_"][\w."]*)/gi;
/** An aggregate column once its parentheses are emptied: `COUNT() FILTER ()::int AS total`. */
const AGGREGATE_CALL = /\b(count|sum|avg|min|max)\s*\(\)(\s*filter\s*\(\))?(::\w+)?(\s+as\s+"?\w+"?)?/gi;

export interface SqlTableRead {
  table: string;
  resources: readonly ResourceMatch[];
}

/** Whether a text is an SQL statement (of any table). */
export function isSqlStatement(text: string): boolean {
  return SQL_STATEMENT.test(text.slice(0, MAX_SQL));
}

/** Every table an SQL statement reads or writes (`FROM referral_sources`, `JOIN patients p`). */
export function sqlTables(text: string): string[] {
  return [...text.slice(0, MAX_SQL).matchAll(TABLE_REFERENCE)].map((match) => match[1].replace(/"/g, '').split('.').pop() ?? '');
}

/** The patient-like tables an SQL text names; empty for other text and for totals. */
export function sqlTableReads(text: string): SqlTableRead[] {
  const sql = text.slice(0, MAX_SQL);
  if (!SQL_STATEMENT.test(sql) || onlyTotals(sql) || readsCatalogue(sql) || selectsOnlyKeys(sql)) return [];
  const reads: SqlTableRead[] = [];
  for (const match of sql.matchAll(TABLE_REFERENCE)) {
    const table = match[1].replace(/"/g, '').split('.').pop() ?? '';
    const resources = describesKinds(table) ? [] : resourcesOf(table);
    if (resources.length && !reads.some((read) => read.table === table)) reads.push({ table, resources });
  }
  return reads;
}

/**
 * Words of tables that hold kinds, settings, totals or content written for patients in general
 * rather than a patient's rows (`appointment_types`, `lab_vendors`, `lab_order_sets`,
 * `procedure_categories`, `patient_sms_preferences`, `encounter_metrics`, `patient_handouts`,
 * `referral_sources`, `marketing_campaigns`).
 */
const KIND_TABLE_WORDS = new Set([
  'type', 'types', 'category', 'categories', 'vendor', 'vendors', 'interface', 'interfaces', 'set', 'sets', 'template',
  'templates', 'setting', 'settings', 'config', 'configs', 'configuration', 'configurations', 'metric', 'metrics',
  'preference', 'preferences', 'status', 'statuses', 'reason', 'reasons', 'option', 'options', 'stats', 'statistics',
  'handout', 'handouts', 'education', 'source', 'sources', 'marketing',
]);

export function describesKinds(table: string): boolean {
  return tokenize(table).some((token) => KIND_TABLE_WORDS.has(token));
}

/** Words of a column that only a catalogue of drugs or codes has (`ndc`, `rxnorm_code`, `manufacturer`, `generic_name`). */
const CATALOGUE_COLUMN_TOKENS = new Set(['ndc', 'rxnorm', 'rxcui', 'hcpcs', 'loinc', 'snomed', 'manufacturer', 'labeler', 'generic', 'brand']);
/** Keys a catalogue row may be filtered by: the practice's own, not a record's. */
const OWNER_KEY_TOKENS = new Set(['tenant', 'org', 'organization', 'organisation', 'practice', 'clinic', 'facility', 'location', 'account']);

/**
 * `SELECT id, name, generic_name, brand_name, strength, ndc, manufacturer FROM medications WHERE
 * name ILIKE $1`: a drug or code catalogue searched by name, though its table is named like a
 * patient's list. A SELECT is such a read when two or more of its columns are a catalogue's, and
 * the statement names no person column and is keyed to no record (`encounter_id = $1`) but the
 * practice's own (`tenant_id`).
 */
export function readsCatalogue(statement: string): boolean {
  const sql = mainQuery(statement);
  const select = /\bselect\s+([\s\S]*?)\bfrom\b/i.exec(sql);
  if (!select || /\b(insert|update|delete)\b/i.test(sql.slice(0, select.index))) return false;
  const words = (text: string) => text.match(/[A-Za-z_]\w*/g) ?? [];
  const catalogueColumns = new Set(words(select[1]).filter((word) => tokenize(word).some((token) => CATALOGUE_COLUMN_TOKENS.has(token))));
  if ((catalogueColumns.size < 2 && !readsCatalogueTableByKey(sql, select.index + select[0].length)) || namesPerson(sql)) return false;
  // `WHERE m.encounter_id = $1`, `JOIN prescriptions p ON p.visit_id = ...`: one record's rows.
  return !words(sql.slice(select.index + select[0].length)).some((word) => {
    const tokens = tokenize(word);
    return tokens.length > 1 && /^(id|ids|uuid)$/.test(tokens[tokens.length - 1]) && !tokens.slice(0, -1).every((token) => OWNER_KEY_TOKENS.has(token));
  });
}

/** Table words only a catalogue of drugs or codes is named with (`drug_interactions`, `formulary`, `icd_codes`). */
const CATALOGUE_TABLE_TOKENS = new Set(['drug', 'drugs', 'formulary', 'formularies', 'catalog', 'catalogue', 'terminology', 'rxnorm', 'ndc', 'loinc', 'snomed', 'icd', 'icd10', 'cpt', 'hcpcs']);

/**
 * `SELECT * FROM drug_interactions WHERE drug1_rxcui = $1 OR drug2_rxcui = $1`: a table named for a
 * drug or code catalogue, read by a catalogue key (whatever its columns). A patient's list filtered
 * by a drug (`FROM prescriptions WHERE ndc = $1`) is no such read: its table is not named so.
 */
function readsCatalogueTableByKey(sql: string, fromIndex: number): boolean {
  const rest = sql.slice(fromIndex);
  const table = /^\s*([A-Za-z_][\w.]*)/.exec(rest)?.[1];
  if (!table || /\bjoin\b/i.test(rest) || !tokenize(table.split('.').pop() ?? table).some((token) => CATALOGUE_TABLE_TOKENS.has(token))) return false;
  const where = /\bwhere\b([\s\S]*)$/i.exec(rest)?.[1];
  return !!where && (where.match(/[A-Za-z_]\w*/g) ?? []).some((word) => tokenize(word).some((token) => CATALOGUE_COLUMN_TOKENS.has(token)));
}

/** `SELECT COUNT(*) FROM ...`, `SELECT status, COUNT(*) ... GROUP BY status`: totals. */
export function onlyTotals(statement: string): boolean {
  // `WITH aged AS (SELECT ... FROM claims) SELECT bucket, COUNT(*) FROM aged GROUP BY bucket`: what
  // is returned is the main query's columns; the common table expressions are its inputs.
  const sql = mainQuery(statement);
  const select = /\bselect\s+([\s\S]*?)\bfrom\b/i.exec(sql);
  if (!select || /\b(insert|update|delete)\b/i.test(sql.slice(0, select.index))) return false;
  const columns = emptyParentheses(select[1]);
  const aggregated = columns.replace(AGGREGATE_CALL, '');
  if (aggregated === columns) return false;
  if (/^[\s,]*(distinct\s*)?[\s,]*$/i.test(aggregated)) return true;
  // Totals per group, unless a group is a person (`p.id AS "patientId", p.email, SUM(...) ... GROUP BY p.id`).
  if (/\bgroup\s+by\b/i.test(sql) && !aggregated.includes('*')) return !namesPerson(aggregated);
  return topLevelColumns(select[1]).every(isComputedTotal);
}

/** Words of a key column that make the key itself an identifier of a person (`mrn_id`, `insurance_member_id`). */
const IDENTIFIER_KEY_TOKENS = new Set(['mrn', 'ssn', 'medicare', 'medicaid', 'nhs', 'insurance', 'member', 'subscriber', 'policy', 'license', 'licence', 'passport', 'driver', 'tax', 'national', 'social', 'hospital', 'medical', 'record', 'chart', 'account']);
/** One column of a select list that is a row's key (`id`, `p.patient_id`, `"clientId" AS client`) or a constant (`1`). */
const KEY_COLUMN = /^\s*(?:distinct\s+)?(?:"?\w+"?\.)?"?(\w+)"?(?:\s+(?:as\s+)?"?\w+"?)?\s*$/i;

/**
 * `SELECT id FROM patients WHERE id = $1 AND tenant_id = $2`: a check that a record exists, or the
 * keys of rows, without any of their fields. A key is no patient's data (it is what a log shows
 * instead of PHI); an identifier that is itself PHI (`mrn_id`) is not such a key.
 */
export function selectsOnlyKeys(statement: string): boolean {
  const sql = mainQuery(statement);
  const select = /\bselect\s+([\s\S]*?)\bfrom\b/i.exec(sql);
  if (!select || /\b(insert|update|delete)\b/i.test(sql.slice(0, select.index)) || /\bselect\b/i.test(sql.slice(select.index + 6))) return false;
  return topLevelColumns(select[1]).every((column) => {
    const name = KEY_COLUMN.exec(column)?.[1];
    if (!name) return false;
    if (name === '1') return true;
    const tokens = tokenize(name);
    const last = tokens[tokens.length - 1];
    return (last === 'id' || last === 'ids' || last === 'uuid' || last === 'pk') && !tokens.some((token) => IDENTIFIER_KEY_TOKENS.has(token));
  });
}

/** The statement after its `WITH name AS (...), ...` clauses (the whole statement when it has none). */
function mainQuery(sql: string): string {
  if (!/^\s*with\b/i.test(sql)) return sql;
  let index = 0;
  for (let clauses = 0; clauses < 20; clauses++) {
    const as = /\bas\s*(?:not\s+)?(?:materialized\s*)?\(/gi;
    as.lastIndex = index;
    const found = as.exec(sql);
    if (!found) return sql;
    let depth = 0;
    let end = found.index + found[0].length - 1;
    for (; end < sql.length; end++) {
      if (sql[end] === '(') depth++;
      else if (sql[end] === ')' && --depth === 0) break;
    }
    if (end >= sql.length) return sql;
    index = end + 1;
    if (!/^\s*,/.test(sql.slice(index))) return sql.slice(index);
  }
  return sql;
}

/** Words of a column that holds a person's key or contact (`patient_id`, `"clientId"`, `email`, `dob`). */
const PERSON_COLUMN_WORDS = new Set(['patient', 'patients', 'client', 'clients', 'member', 'members', 'mrn', 'ssn', 'dob', 'birth', 'email', 'phone']);

function namesPerson(columns: string): boolean {
  return (columns.match(/[A-Za-z_]\w*/g) ?? []).some((word) => tokenize(word).some((token) => PERSON_COLUMN_WORDS.has(token)));
}

/** Scalar functions that turn a total into another number (`ROUND(AVG(score), 2)`, `COALESCE(SUM(x), 0)`). */
const TOTAL_WRAPPERS = /\b(?:round|coalesce|nullif|cast|floor|ceil|ceiling|abs|trunc|greatest|least)?\s*\(([^()]*)\)/gi;
const INNERMOST_AGGREGATE = /\b(?:count|sum|avg|min|max)\s*\([^()]*\)/gi;
/** Words a computed total may still hold once its aggregates are gone: casts, CASE, literals. */
const TOTAL_WORDS = new Set([
  'as', 'distinct', 'numeric', 'decimal', 'int', 'integer', 'bigint', 'float', 'real', 'double', 'precision', 'text', 'case',
  'when', 'then', 'else', 'end', 'null', 'and', 'or', 'not', 'is', 'true', 'false',
]);

/**
 * `ROUND(AVG(overall_score), 2) AS avg_score`, `COUNT(*) FILTER (WHERE nps >= 9) AS promoters`,
 * `SUM(a) * 100.0 / NULLIF(COUNT(*), 0)`: a number computed from aggregates only. A column that
 * still names a field of the rows (`name`, `ROUND(score)`) is not.
 */
function isComputedTotal(column: string): boolean {
  let text = withoutFilters(column).replace(/::\w+/g, '').replace(/\s+as\s+"?\w+"?\s*$/i, '');
  let found = false;
  for (let i = 0; i < 10 && /[()]/.test(text); i++) {
    const before = text;
    text = text.replace(INNERMOST_AGGREGATE, () => ((found = true), ' 0 ')).replace(TOTAL_WRAPPERS, ' $1 ');
    if (text === before) return false;
  }
  if (!found || /[()]/.test(text)) return false;
  // A bare alias after the total (`COUNT(*) total`).
  const words = text.replace(/'[^']*'/g, ' ').match(/[A-Za-z_]\w*/g) ?? [];
  const trailingAlias = /[\d)]\s+"?[A-Za-z_]\w*"?\s*$/.test(text) ? 1 : 0;
  return words.slice(0, words.length - trailingAlias).every((word) => TOTAL_WORDS.has(word.toLowerCase()));
}

/** `COUNT(*) FILTER (WHERE ...)` -> `COUNT(*)`: the filter picks rows, it is not a column. */
function withoutFilters(column: string): string {
  let text = column;
  for (let start = text.search(/\bfilter\s*\(/i); start >= 0; start = text.search(/\bfilter\s*\(/i)) {
    let depth = 0;
    let end = text.indexOf('(', start);
    for (; end < text.length; end++) {
      if (text[end] === '(') depth++;
      else if (text[end] === ')' && --depth === 0) break;
    }
    text = `${text.slice(0, start)} ${text.slice(end + 1)}`;
  }
  return text;
}

/** The columns of a select list, split at the commas outside parentheses. */
function topLevelColumns(list: string): string[] {
  const columns: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    if (list[i] === '(') depth++;
    else if (list[i] === ')') depth--;
    else if (list[i] === ',' && depth === 0) {
      columns.push(list.slice(start, i));
      start = i + 1;
    }
  }
  columns.push(list.slice(start));
  return columns;
}

/** `COUNT(*) FILTER (WHERE s IN ('a'))` -> `COUNT() FILTER ()`: what is inside a call says nothing of its kind. */
function emptyParentheses(text: string): string {
  let current = text;
  for (let i = 0; i < 8 && /\([^()]*\)/.test(current); i++) current = current.replace(/\([^()]*\)/g, '\u0001');
  return current.replace(/\u0001/g, '()');
}

/** `INSERT INTO audit_log (...)`, `insert into "public"."audit_events"`: the table a statement inserts into. */
const INSERT_TABLE = /\binsert\s+into\s+([A-Za-z_"][\w."]*)/gi;

/**
 * The audit-named table an SQL statement inserts into (`INSERT INTO audit_log ...`): an audit
 * record written in SQL, as `prisma.auditLog.create` is one written through an ORM. Reading the
 * audit log (`SELECT ... FROM audit_log`) is not.
 */
export function insertedAuditTable(sql: string): string | undefined {
  for (const match of sql.slice(0, MAX_SQL).matchAll(INSERT_TABLE)) {
    const table = match[1].replace(/"/g, '').split('.').pop() ?? '';
    if (tokenize(table).includes('audit')) return table;
  }
  return undefined;
}

/** The text of a string or template literal (its fixed parts); undefined for other expressions. */
export function literalText(expr: Expr): string | undefined {
  if (expr.kind === 'string') return expr.value;
  if (expr.kind === 'template') return expr.parts.map((part) => ('text' in part ? part.text : ' ? ')).join('');
  if (expr.kind === 'binary' && expr.operator === '+') {
    const left = literalText(expr.left);
    const right = literalText(expr.right);
    return left === undefined && right === undefined ? undefined : `${left ?? ' ? '}${right ?? ' ? '}`;
  }
  if (expr.kind === 'other' && expr.children.length === 1) return literalText(expr.children[0]);
  return undefined;
}

/** The string literals of the handler that may be SQL: call arguments and bound values (`let query = \`SELECT ...\``). */
export function sqlTexts(facts: FileFacts, scopes: Set<number>): string[] {
  const texts: string[] = [];
  for (const scopeId of scopes) {
    for (const { call } of callsIn(facts, scopeId)) for (const arg of call.args) texts.push(literalText(arg.value) ?? '');
    for (const binding of bindingsIn(facts, scopeId)) texts.push(literalText(binding.value) ?? '');
  }
  return texts.filter((text) => text.length > 10);
}

// The tables an SQL statement written in a handler reads or writes (`pool.query(\`SELECT ... FROM
// wounds w JOIN patients p ...\`)`): a handler that queries a patient-like table touches patient
// data, whatever its route is called. Statements that only count (`SELECT COUNT(*) FROM patients`,
// group-by totals) return totals, not records.

import type { Expr, FileFacts } from '../../model/facts';
import { bindingsIn, callsIn } from '../../model/facts-index';
import { tokenize } from '../phi/identifiers';
import type { PhiClassifier } from '../phi/classify';
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

/** The patient-like tables an SQL text names; empty for other text, for totals and for statements of no PHI field. */
export function sqlTableReads(text: string, classify?: ColumnClassifier): SqlTableRead[] {
  const sql = text.slice(0, MAX_SQL);
  if (!SQL_STATEMENT.test(sql) || onlyTotals(sql) || readsCatalogue(sql) || (classify && carriesNoPhiFields(sql, classify))) return [];
  const reads: SqlTableRead[] = [];
  const counted = countedOnlyAliases(sql);
  for (const match of sql.matchAll(TABLE_REFERENCE)) {
    const table = match[1].replace(/"/g, '').split('.').pop() ?? '';
    // `LEFT JOIN registry_members rm ... SELECT rc.*, COUNT(rm.id)`: its rows are counted, not returned.
    const alias = aliasAfter(sql, (match.index ?? 0) + match[0].length) ?? table;
    if (counted.has(alias.toLowerCase())) continue;
    const resources = describesKinds(table) ? [] : resourcesOf(table);
    if (resources.length && !reads.some((read) => read.table === table)) reads.push({ table, resources });
  }
  return reads;
}

/** Words that may follow a table where an alias would (`FROM a WHERE`, `JOIN b ON`). */
const NOT_ALIASES = new Set([
  'on', 'where', 'left', 'right', 'inner', 'outer', 'full', 'cross', 'natural', 'join', 'group', 'order', 'limit', 'offset',
  'using', 'set', 'values', 'lateral', 'having', 'union', 'returning', 'window', 'for', 'as',
]);

/** The alias written after a table (`registry_members rm`, `patients AS p`), if any. */
function aliasAfter(sql: string, index: number): string | undefined {
  const found = /^\s+(?:as\s+)?"?([A-Za-z_]\w*)"?/i.exec(sql.slice(index, index + 80))?.[1];
  return found && !NOT_ALIASES.has(found.toLowerCase()) ? found : undefined;
}

/**
 * The tables (by alias or name, lower case) a single SELECT reads only inside aggregates
 * (`SELECT rc.*, COUNT(rm.id) AS "memberCount" FROM registry_cohorts rc LEFT JOIN registry_members
 * rm ...`): joined to be counted, their rows are not returned. Every other column must name its
 * table (`rc.name`, `rc.*`): a bare column or `*` may be any table's, and then none is.
 */
function countedOnlyAliases(statement: string): Set<string> {
  const counted = new Set<string>();
  const sql = statement.replace(/'[^']*'/g, "''");
  if ((sql.match(/\bselect\b/gi) ?? []).length !== 1) return counted;
  const select = /^\s*select\s+([\s\S]*?)\bfrom\b/i.exec(sql);
  if (!select) return counted;
  const insideAggregates = new Set<string>();
  const rest = select[1].replace(/\b(?:count|sum|avg|min|max)\s*\(([^()]*)\)/gi, (_call, inner: string) => {
    for (const qualifier of inner.matchAll(/\b([A-Za-z_]\w*)\s*\.\s*\w+/g)) insideAggregates.add(qualifier[1].toLowerCase());
    return ' 0 ';
  });
  const returned = new Set<string>();
  for (const column of topLevelColumns(rest)) {
    // The column without its alias (`rc.name AS "cohortName"`, `0 AS "memberCount"`).
    const text = column.trim().replace(/\s+(?:as\s+)?"?\w+"?$/i, '');
    if (/^(?:0|\d+|''|null|true|false)?$/i.test(text)) continue;
    const qualified = /^"?([A-Za-z_]\w*)"?\s*\.\s*(?:"?\w+"?|\*)$/.exec(text);
    if (!qualified) return counted;
    returned.add(qualified[1].toLowerCase());
  }
  for (const alias of insideAggregates) if (!returned.has(alias)) counted.add(alias);
  return counted;
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
  // Totals per group, unless a group is a person (`p.id AS "patientId", p.email, SUM(...) ... GROUP BY p.id`)
  // or the rows are one person's (`medication_name, COUNT(*) ... WHERE patient_id = $1 GROUP BY medication_name`).
  if (/\bgroup\s+by\b/i.test(sql) && !aggregated.includes('*')) return !namesPerson(aggregated) && !(/\w/.test(aggregated) && filtersOnePerson(sql));
  return topLevelColumns(select[1]).every(isComputedTotal);
}

/** Words of bookkeeping columns every table has (`is_active`, `created_at`, `updated_by`, `read_by_staff_at`). */
const BOOKKEEPING_TOKENS = new Set([
  'id', 'ids', 'uuid', 'pk', 'key', 'fk', 'is', 'has', 'active', 'enabled', 'deleted', 'archived', 'read', 'created',
  'updated', 'modified', 'at', 'by', 'on', 'version', 'sort', 'order', 'position', 'tenant', 'staff', 'user', 'status',
  'state', 'timestamp',
]);

/** Words of an amount of money (`total_cents`, `amount_paid`): safe in a log line alone, a patient's billing data in their rows. */
const MONEY_TOKENS = new Set(['amount', 'amounts', 'total', 'totals', 'cents', 'price', 'cost', 'paid', 'due', 'charge', 'charges', 'fee', 'fees', 'balance', 'payment', 'payments', 'refund', 'owed']);

/** Answers whether a column (or the alias it is returned as) names PHI. */
export type ColumnClassifier = (column: string) => 'phi' | 'safe' | 'unknown';

/** Last words of a column holding a row's key (`x12_claim_id`, `PatientId`): a key, whatever it keys. */
export const KEY_COLUMN_TOKENS = new Set(['id', 'ids', 'uuid', 'pk', 'key', 'fk']);

/**
 * Columns judged by the policy's PHI catalogue: an element or a record is PHI, and so is a column
 * with a clinical or billing word in it (`copay_amount_cents`, `diagnosis_codes`) unless it is a
 * key; a name the catalogue knows to be safe is not.
 */
export function columnClassifier(classifier: PhiClassifier): ColumnClassifier {
  let made = columnClassifiers.get(classifier);
  if (!made) columnClassifiers.set(classifier, (made = makeColumnClassifier(classifier)));
  return made;
}

/** One per classifier: endpoints ask for it per call. */
const columnClassifiers = new WeakMap<PhiClassifier, ColumnClassifier>();

function makeColumnClassifier(classifier: PhiClassifier): ColumnClassifier {
  return (column) => {
    const found = classifier.classify(column);
    if (found.kind === 'element' || found.kind === 'record') return 'phi';
    const tokens = tokenize(column);
    if (!KEY_COLUMN_TOKENS.has(tokens[tokens.length - 1] ?? '')) {
      for (const token of tokens) {
        const part = classifier.classify(token);
        if ((part.kind === 'element' || part.kind === 'record') && part.category !== 'demographics') return 'phi';
      }
    }
    return found.kind === 'safe' ? 'safe' : 'unknown';
  };
}

/**
 * `SELECT cs.id, cs.status, cs.error_code, cc.name AS "clearinghouseName" FROM claim_submissions
 * ...`, `UPDATE appointments SET status = $1 WHERE id = $2`, `INSERT INTO referral_events
 * (source_id, campaign_id) VALUES (...)`: a statement whose every column is named and is a key, a
 * state, bookkeeping or a name the catalogue knows to be safe; a PHI column, or one the catalogue
 * does not know (it may hold free text, a card's digits, anything), is neither. What it reads or
 * writes of a patient's row is keys and states, not their data. A `*`, a nested SELECT, an
 * `INSERT ... SELECT` or a DELETE (a record removed) is never such a statement.
 */
export function carriesNoPhiFields(statement: string, classify: ColumnClassifier): boolean {
  // `WITH rows AS (SELECT ... FROM claims) SELECT id FROM rows`: what the main query returns is the rows' own.
  if (/^\s*with\b/i.test(statement)) return false;
  const sql = statement.slice(0, MAX_SQL);
  const columns = statementColumns(sql);
  return !!columns && columns.length > 0 && columns.every((column) => columnIsClean(column, classify)) && !filtersByPhi(sql, classify);
}

/** `SELECT id FROM patients WHERE phone = $1`: a patient found by their phone number uses it, whatever is returned. */
function filtersByPhi(sql: string, classify: ColumnClassifier): boolean {
  const where = /\bwhere\b([\s\S]*)$/i.exec(sql.replace(/'[^']*'/g, "''"))?.[1] ?? '';
  return (where.match(/[A-Za-z_]\w*/g) ?? []).some((word) => classify(word) === 'phi');
}

/** The named columns a statement reads or writes (with their aliases), or undefined when they cannot all be named. */
function statementColumns(sql: string): string[] | undefined {
  if (/\bdelete\s+from\b/i.test(sql) || (sql.match(/\bselect\b/gi) ?? []).length > 1) return undefined;
  const returning = /\breturning\s+([\s\S]*?)\s*;?\s*$/i.exec(sql);
  const returned = returning ? topLevelColumns(returning[1]) : [];
  const insert = /^\s*insert\s+into\s+[\w."]+\s*\(([^)]*)\)\s*values\b/i.exec(sql);
  if (insert) return [...insert[1].split(','), ...returned];
  const update = /^\s*update\s+[\w."]+(?:\s+(?:as\s+)?\w+)?\s+set\s+([\s\S]*?)(?:\bwhere\b|\bfrom\b|\breturning\b|$)/i.exec(sql);
  if (update) return [...topLevelColumns(update[1]).map((assignment) => assignment.split('=')[0]), ...returned];
  const select = /^\s*select\s+([\s\S]*?)\bfrom\b/i.exec(sql);
  if (select) return topLevelColumns(emptyParentheses(select[1]).replace(AGGREGATE_CALL, ' 0 '));
  return undefined;
}

/**
 * A column (`amdSyncStatus`, `cs.status_code`), with its alias (`cc.name AS "clearinghouseName"`:
 * the alias says what it is), that is a key, a state, bookkeeping or a name the catalogue knows
 * to be safe; not PHI, money on a patient's row, or a column the catalogue does not know.
 */
export function columnIsClean(column: string, classify: ColumnClassifier): boolean {
  const text = column.trim();
  if (!text || text.includes('*') || text.includes('(')) return false;
  const match = /^(?:distinct\s+)?(?:"?\w+"?\.)?"?(\w+)"?(?:\s*(?:::\w+))?(?:\s+(?:as\s+)?"?(\w+)"?)?$/i.exec(text);
  if (!match) return /^(?:\$\d+|\?|'[^']*'|\d+|true|false|null|now|current_timestamp)$/i.test(text);
  const [, name, alias] = match;
  const named = alias ?? name;
  const verdict = classify(named);
  if (verdict === 'phi' || (alias && classify(name) === 'phi' && verdict !== 'safe')) return false;
  const tokens = tokenize(named);
  // Money on a patient's row (`total_cents` of their claim) is their billing data.
  if (tokens.some((token) => MONEY_TOKENS.has(token))) return false;
  // A column the catalogue does not know (`last_four`, `frequency`, `body`) may hold anything.
  return verdict === 'safe' || tokens.every((token) => BOOKKEEPING_TOKENS.has(token));
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

/** `WHERE patient_id = $1`, `AND p.client_id = ?`: the rows of one person. */
const ONE_PERSON_FILTER = /\b(?:\w+\.)?"?\w*(?:patient|client|member)\w*"?\s*=\s*(?:\$\d+|\?|:\w+|@\w+)/i;

function filtersOnePerson(sql: string): boolean {
  const where = /\bwhere\b([\s\S]*)$/i.exec(sql)?.[1];
  return !!where && ONE_PERSON_FILTER.test(where);
}

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

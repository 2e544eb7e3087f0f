// Small helpers shared by the templates.

import type { ResourceNames } from '../names';
import { ACTION_OF_OPERATION } from '../types';
import type { OperationShape } from './operations';

/** A Python literal for the role map: `{"clinician": ("clinical", "demographics"), ...}`. */
export function pythonRoleMap(roleMap: Record<string, string[]>, indent: string): string {
  const entries = Object.entries(roleMap).map(([role, categories]) => `${indent}    ${JSON.stringify(role)}: (${categories.map((c) => JSON.stringify(c)).join(', ')}${categories.length === 1 ? ',' : ''}),`);
  return entries.length ? `{\n${entries.join('\n')}\n${indent}}` : '{}';
}

/** A JavaScript/TypeScript literal for the role map, single-quoted. */
export function jsRoleMap(roleMap: Record<string, string[]>, indent: string): string {
  const entries = Object.entries(roleMap).map(([role, categories]) => `${indent}  ${jsKey(role)}: [${categories.map(jsString).join(', ')}],`);
  return entries.length ? `{\n${entries.join('\n')}\n${indent}}` : '{}';
}

export function jsString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function jsKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : jsString(key);
}

export function pyList(values: readonly string[]): string {
  return `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;
}

export function jsList(values: readonly string[]): string {
  return `[${values.map(jsString).join(', ')}]`;
}

/** A role the test uses for the denied case: one from the role map that the endpoint does not allow, else an unknown one. */
export function forbiddenRole(roleMap: Record<string, string[]>, allowed: readonly string[]): string {
  const fromMap = Object.keys(roleMap).find((role) => !allowed.includes(role));
  if (fromMap) return fromMap;
  let candidate = 'receptionist';
  while (allowed.includes(candidate) || candidate in roleMap) candidate += '_x';
  return candidate;
}

/** Relative import specifier from one file to another (POSIX), without the extension. */
export function relativeModule(fromFile: string, toFile: string, keepExtension: boolean): string {
  const from = fromFile.split('/').slice(0, -1);
  const to = toFile.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const ups = from.length - common;
  const rest = to.slice(common).join('/');
  const spec = `${ups ? '../'.repeat(ups) : './'}${rest}`;
  return keepExtension ? spec : spec.replace(/\.(c|m)?(j|t)s$/, '');
}

/**
 * The generated JavaScript tests' reading of the audit log (`auditEvents`) and the assertion of
 * one event's fields (`assertAuditEvent`), the same for every JavaScript framework.
 */
export function jsAuditAssertionLines(category: string): string[] {
  return [
    '/** @returns {Record<string, any>[]} */',
    'function auditEvents() {',
    '  if (!fs.existsSync(auditLog)) return [];',
    "  return fs.readFileSync(auditLog, 'utf8').split('\\n').filter(Boolean).map((line) => JSON.parse(line));",
    '}',
    '',
    '/**',
    ' * @param {Record<string, any>} event',
    ' * @param {{ action: string, outcome: string, patientId: string | null }} expected',
    ' */',
    'function assertAuditEvent(event, expected) {',
    '  for (const field of AUDIT_FIELDS) assert.ok(field in event);',
    '  assert.equal(event.action, expected.action);',
    '  assert.equal(event.outcome, expected.outcome);',
    '  assert.equal(event.patient_id, expected.patientId);',
    `  assert.equal(event.data_category, ${jsString(category)});`,
    '  assert.equal(event.user_id, USER_ID);',
    '  assert.ok(event.ip_address);',
    '  assert.match(event.timestamp, /^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$/);',
    '}',
  ];
}

/** How one JavaScript framework's generated test makes a request and reads its answer. */
export interface JsTestDialect {
  /** The awaited request of an operation as `role` (undefined: a caller without identity). */
  call(op: OperationShape, role: string | undefined): string;
  /** The response's status (`response.status`, `response.statusCode`). */
  status: string;
  /** The returned record's id (`response.body.id`, `(await response.json()).id`). */
  bodyId: string;
  /** The repository's list of calls (`repository.calls`). */
  calls: string;
  /** The runtime audits the refused anonymous call too (Express and Fastify do; the Next.js wrapper does not). */
  auditsAnonymous: boolean;
}

/**
 * The generated JavaScript tests of each operation (an allowed role served and audited once, a
 * forbidden one refused and audited), then the anonymous caller refused: the same for every
 * JavaScript framework but for how a request is made and its answer read.
 */
export function jsAuditTestCases(operations: readonly OperationShape[], isPatient: boolean, dialect: JsTestDialect): string[] {
  const { call, status, bodyId, calls } = dialect;
  const expectedPatient = (op: OperationShape): string => (isPatient ? (op.item ? 'existing.id' : 'null') : 'PATIENT_ID');
  const lines: string[] = [];
  for (const op of operations) {
    const action = jsString(ACTION_OF_OPERATION[op.operation]);
    lines.push(
      '',
      `test('${op.verb}: an allowed role is served and audited once', async () => {`,
      ...(op.item ? ['  const existing = await seed();'] : []),
      `  const response = ${call(op, 'ALLOWED_ROLE')};`,
      `  assert.equal(${status}, ${op.status});`,
      ...(op.status === 200 ? [`  assert.equal(${bodyId}, existing.id);`] : op.status === 201 ? [`  assert.ok(${bodyId});`] : []),
      `  assert.deepEqual(${calls}, [${jsString(op.operation === 'read' ? 'get' : op.operation)}]);`,
      '  const events = auditEvents();',
      '  assert.equal(events.length, 1);',
      `  assertAuditEvent(events[0], { action: ${action}, outcome: 'allowed', patientId: ${expectedPatient(op)} });`,
      '});',
      '',
      `test('${op.verb}: a forbidden role is refused and audited, the handler never runs', async () => {`,
      ...(op.item ? ['  const existing = await seed();'] : []),
      `  const response = ${call(op, 'FORBIDDEN_ROLE')};`,
      `  assert.equal(${status}, 403);`,
      `  assert.deepEqual(${calls}, []);`,
      '  const events = auditEvents();',
      '  assert.equal(events.length, 1);',
      `  assertAuditEvent(events[0], { action: ${action}, outcome: 'denied', patientId: ${expectedPatient(op)} });`,
      '});',
    );
  }
  const first = operations[0];
  lines.push(
    '',
    "test('a caller without identity is refused', async () => {",
    ...(first.item ? ['  const existing = await seed();'] : []),
    `  const response = ${call(first, undefined)};`,
    `  assert.equal(${status}, 401);`,
    `  assert.deepEqual(${calls}, []);`,
    ...(dialect.auditsAnonymous ? ["  assert.deepEqual(auditEvents().map((event) => event.outcome), ['denied']);"] : []),
    '});',
    '',
  );
  return lines;
}

/** How one JavaScript framework's generated handler reads the request and answers. */
export interface JsCrudDialect {
  /** The handler body's indentation. */
  indent: string;
  /** The repository expression (`repository`, `patients.repository`). */
  repository: string;
  /** The log call (`logger.info`, `console.info`). */
  log: string;
  /** The record's fields from the request (`fieldsFrom(req.body)`). */
  requestFields: string;
  /** The 404 answer, indented one level deeper than the body. */
  notFound: readonly string[];
  /** Answering with a record, unindented (`res.json(found);`, `return found;`). */
  send(variable: string): string[];
  /** Answering a create with the record and 201, and a delete with 204, unindented. */
  created: readonly string[];
  deleted: readonly string[];
}

/**
 * A generated JavaScript handler's body for one operation: the repository call, a 404 when the
 * record is missing, a log line with ids only (the record's id too when `logRecordId`), the answer.
 */
export function jsCrudBody(op: OperationShape, n: ResourceNames, id: string, keyArgs: string, logRecordId: boolean, dialect: JsCrudDialect): string[] {
  const { indent: I, repository, log, requestFields, notFound } = dialect;
  const ids = n.isPatient || !logRecordId ? '{ patientId }' : `{ patientId, ${id} }`;
  const logged = (event: string, fields: string) => `${I}${log}(${jsString(`${n.snake} ${event}`)}, ${fields});`;
  const oneRecord = (variable: string, call: string, event: string) => [
    `${I}const ${variable} = await ${call};`,
    `${I}if (!${variable}) {`,
    ...notFound,
    `${I}}`,
    logged(event, ids),
    ...dialect.send(variable).map((line) => I + line),
  ];
  switch (op.operation) {
    case 'read':
      return oneRecord('found', `${repository}.get(${keyArgs})`, 'read');
    case 'create':
      return [
        `${I}const created = await ${repository}.create(${n.isPatient ? '' : 'patientId, '}${requestFields});`,
        logged('created', n.isPatient ? '{ patientId: created.id }' : logRecordId ? `{ patientId, ${id}: created.id }` : '{ patientId }'),
        ...dialect.created.map((line) => I + line),
      ];
    case 'update':
      return oneRecord('updated', `${repository}.update(${keyArgs}, ${requestFields})`, 'updated');
    case 'delete':
      return [`${I}if (!(await ${repository}.delete(${keyArgs}))) {`, ...notFound, `${I}}`, logged('deleted', ids), ...dialect.deleted.map((line) => I + line)];
  }
}

/** The TypeScript runtimes' audit event type: one access decision, identifiers only. */
export const TS_AUDIT_EVENT_LINES: readonly string[] = [
  '/** One access decision. Identifiers only, never PHI values. */',
  'export interface AuditEvent {',
  '  timestamp: string;',
  '  user_id: string | null;',
  '  role: string | null;',
  '  patient_id: string | null;',
  '  action: PhiAction;',
  '  data_category: DataCategory;',
  "  outcome: 'allowed' | 'denied';",
  '  ip_address: string | null;',
  '  method: string;',
  '  route: string;',
  '}',
];

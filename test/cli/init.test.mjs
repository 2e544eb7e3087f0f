// `phi-guard init`: writes the starter policy, refuses to overwrite without --force.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'jsonc-parser';
import { emptyTempDir, runCli } from './run-cli.mjs';
import { validatePolicyText } from '../../dist/engine.js';

test('init writes a valid starter phi-guard.json', () => {
  const cwd = emptyTempDir('init');
  const { status, stdout } = runCli(['init'], { cwd });
  assert.equal(status, 0);
  assert.match(stdout, /Created phi-guard\.json/);
  const file = path.join(cwd, 'phi-guard.json');
  assert.ok(existsSync(file));
  const errors = [];
  const policy = parse(readFileSync(file, 'utf8'), errors, { allowTrailingComma: false });
  assert.deepEqual(errors, []);
  assert.equal(typeof policy, 'object');
  // The starter file itself is a valid policy: a scan next to it reports no policy problem.
  writeFileSync(path.join(cwd, 'app.py'), 'count = 0\n');
  const scan = runCli(['scan'], { cwd });
  assert.equal(scan.status, 0, scan.stderr);
  assert.equal(scan.stderr, '');
});

test('init refuses to overwrite an existing file; --force does', () => {
  const cwd = emptyTempDir('init');
  const file = path.join(cwd, 'phi-guard.json');
  writeFileSync(file, '{ "ignore": ["legacy/**"] }\n');
  const refused = runCli(['init'], { cwd });
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /already exists.*--force/);
  assert.equal(readFileSync(file, 'utf8'), '{ "ignore": ["legacy/**"] }\n');

  const forced = runCli(['init', '--force'], { cwd });
  assert.equal(forced.status, 0);
  assert.notEqual(readFileSync(file, 'utf8'), '{ "ignore": ["legacy/**"] }\n');
});

test('init takes no paths', () => {
  const cwd = emptyTempDir('init');
  assert.equal(runCli(['init', 'somewhere'], { cwd }).status, 2);
  assert.ok(!existsSync(path.join(cwd, 'phi-guard.json')));
});

test('init proposes the audit controls the folder seems to have, as commented entries saying where they were found', () => {
  const cwd = emptyTempDir('init');
  const write = (name, text) => {
    mkdirSync(path.dirname(path.join(cwd, name)), { recursive: true });
    writeFileSync(path.join(cwd, name), text);
  };
  write('app/routers/patients.py', [
    'from fastapi import APIRouter, Depends',
    'from app.deps import audit_phi, get_db',
    'router = APIRouter(dependencies=[Depends(audit_phi), Depends(get_db)])',
    '',
  ].join('\n'));
  write('clinic/settings.py', [
    'MIDDLEWARE = [',
    '    "django.middleware.security.SecurityMiddleware",',
    '    "clinic.audit.middleware.PHIAuditMiddleware",',
    '    # "clinic.audit.middleware.OldAuditMiddleware",',
    ']',
    '',
  ].join('\n'));
  write('api/views.py', 'class PatientViewSet(ViewSet):\n    permission_classes = [IsAuthenticated, AuditedPatientAccess]\n');
  write('src/server.ts', "import express from 'express';\nconst app = express();\napp.use(auditPatientAccess);\napp.get('/p/:id', authenticate, (req, res) => { auditService.log('read'); res.json({}); });\n");
  write('src/patients.controller.ts', "@UseGuards(AuthGuard, PhiAuditGuard)\nexport class PatientsController {}\n");

  const { status } = runCli(['init'], { cwd });
  assert.equal(status, 0);
  const text = readFileSync(path.join(cwd, 'phi-guard.json'), 'utf8');
  for (const [name, file] of [
    ['audit_phi', 'app/routers/patients.py'],
    ['clinic.audit.middleware.PHIAuditMiddleware', 'clinic/settings.py'],
    ['AuditedPatientAccess', 'api/views.py'],
    ['auditPatientAccess', 'src/server.ts'],
    ['auditService.log', 'src/server.ts'],
    ['PhiAuditGuard', 'src/patients.controller.ts'],
  ]) {
    const line = text.split('\n').find((candidate) => candidate.includes(`"${name}"`));
    assert.ok(line, `${name} is proposed`);
    assert.match(line, /^\s*\/\//, `${name} is commented out`);
    assert.ok(line.endsWith(`// found in ${file}`), `${name} says where it was found: ${line}`);
  }
  // Names without "audit", and a commented-out middleware, are not proposed; no source text is copied.
  for (const absent of ['get_db', 'IsAuthenticated', 'authenticate', 'AuthGuard', 'OldAuditMiddleware', 'SecurityMiddleware', 'res.json']) {
    assert.ok(!text.includes(absent), `${absent} is not in the file`);
  }
  // Still valid JSON with comments, with no trailing comma, and exactly the defaults: a scan reports no policy problem.
  const errors = [];
  parse(text, errors, { allowTrailingComma: false });
  assert.deepEqual(errors, []);
  const scan = runCli(['scan', 'app'], { cwd });
  assert.doesNotMatch(scan.stderr, /phi-guard\.json/);

  // Uncommented, the proposals are valid entries of the policy, and in force.
  const uncommented = text.replace(/^(\s*)\/\/\s*(?=["{[,])/gm, '$1');
  const loaded = validatePolicyText(uncommented, path.join(cwd, 'phi-guard.json'));
  assert.deepEqual(loaded.diagnostics.map((d) => d.code), ['extends-not-found']);
  const { python, typescript } = loaded.policy.audit;
  assert.deepEqual(python.dependencies, ['audit_phi']);
  assert.deepEqual(python.permissionClasses, ['AuditedPatientAccess']);
  assert.deepEqual(python.middleware, ['clinic.audit.middleware.PHIAuditMiddleware']);
  assert.equal(typescript.middleware, 'phiAccess', 'the middleware fixes insert stays first');
  assert.deepEqual(typescript.otherMiddleware, ['auditPatientAccess']);
  assert.deepEqual(typescript.guards, ['PhiAuditGuard']);
  assert.deepEqual(typescript.calls, ['auditService.log']);
});

test('init proposes the audit functions the project defines, and nothing found in its tests or mocks', () => {
  const cwd = emptyTempDir('init');
  const write = (name, text) => {
    mkdirSync(path.dirname(path.join(cwd, name)), { recursive: true });
    writeFileSync(path.join(cwd, name), text);
  };
  write('src/services/audit.ts', [
    'export async function auditLog(tenantId: string, action: string) { await db.insert(action); }',
    'export const recordAuditEntry = async (entry: Entry) => db.insert(entry);',
    'export async function getAuditLogs(tenantId: string) { return db.select(); }',
    'export function generateAuditReport() { return []; }',
    '',
  ].join('\n'));
  write('src/routes/registerRoutes.ts', "auditRouter.get('/logs', handler);\nauditLogs.forEach((entry) => entry);\n");
  write('app/audit.py', 'def audit_access(user, patient_id):\n    pass\n\ndef get_audit_trail(patient_id):\n    pass\n');
  // An audit module's writer under another name; the same name in another module is not proposed.
  write('src/services/practice/auditLog.js', 'export const logAction = async (actionType, userId, details = {}) => pool.query(insertAudit);\nexport const getActionLog = async () => [];\n');
  write('src/services/practice/activity.js', 'export const logActivity = async (audit) => pool.query(insertActivity);\n');
  write('src/routes/__tests__/patients.test.ts', "auditMock.mockReset();\napp.use(auditTestMiddleware);\nexport function auditFixture() {}\n");
  write('src/services/mocks/MockAudit.ts', 'export function auditMockWrite() {}\n');

  assert.equal(runCli(['init'], { cwd }).status, 0);
  const text = readFileSync(path.join(cwd, 'phi-guard.json'), 'utf8');
  for (const [name, file] of [['auditLog', 'src/services/audit.ts'], ['recordAuditEntry', 'src/services/audit.ts'], ['audit_access', 'app/audit.py'], ['logAction', 'src/services/practice/auditLog.js']]) {
    const line = text.split('\n').find((candidate) => candidate.includes(`"${name}"`));
    assert.ok(line, `${name} is proposed`);
    assert.ok(line.endsWith(`// found in ${file}`), `${name} says where it was found: ${line}`);
  }
  // Readers, reports, route registrations, iterations, and anything in tests or mocks are not proposed.
  for (const absent of ['getAuditLogs', 'generateAuditReport', 'get_audit_trail', 'auditRouter.get', 'auditLogs.forEach', 'auditMock', 'auditTestMiddleware', 'auditFixture', 'auditMockWrite', 'getActionLog', 'logActivity']) {
    assert.ok(!text.includes(absent), `${absent} is not proposed`);
  }
});

test('init proposes the middleware of well-known history libraries, also when settings are given in code', () => {
  const cwd = emptyTempDir('init');
  const write = (name, text) => {
    mkdirSync(path.dirname(path.join(cwd, name)), { recursive: true });
    writeFileSync(path.join(cwd, name), text);
  };
  write('runtests.py', [
    'from django.conf import settings',
    'settings.configure(',
    '    MIDDLEWARE=(',
    "        'django.contrib.sessions.middleware.SessionMiddleware',",
    "        'reversion.middleware.RevisionMiddleware'",
    '    ),',
    ')',
    '',
  ].join('\n'));
  write('clinic/settings.py', 'MIDDLEWARE = [\n    "simple_history.middleware.HistoryRequestMiddleware",\n    "django.middleware.common.CommonMiddleware",\n]\n');
  assert.equal(runCli(['init'], { cwd }).status, 0);
  const text = readFileSync(path.join(cwd, 'phi-guard.json'), 'utf8');
  for (const [name, file] of [['reversion.middleware.RevisionMiddleware', 'runtests.py'], ['simple_history.middleware.HistoryRequestMiddleware', 'clinic/settings.py']]) {
    const line = text.split('\n').find((candidate) => candidate.includes(`"${name}"`));
    assert.ok(line, `${name} is proposed`);
    assert.match(line, /^\s*\/\//, `${name} is commented out`);
    assert.ok(line.endsWith(`// found in ${file}`), `${name} says where it was found: ${line}`);
  }
  for (const absent of ['SessionMiddleware', 'CommonMiddleware']) assert.ok(!text.includes(absent), `${absent} is not proposed`);
});

test('init proposes the vendors the code sends to, commented with "baa": "none", and none found only in tests', () => {
  const cwd = emptyTempDir('init');
  const write = (name, text) => {
    mkdirSync(path.dirname(path.join(cwd, name)), { recursive: true });
    writeFileSync(path.join(cwd, name), text);
  };
  write('src/sms.ts', "import twilio from 'twilio';\nexport const client = twilio(sid, token);\n");
  write('src/mail.js', "const sgMail = require('@sendgrid/mail');\n");
  write('src/push.ts', "import * as AWS from 'aws-sdk';\nconst sns = new AWS.SNS({ region });\n");
  write('app/notify.py', 'import boto3\nses = boto3.client("ses", region_name="us-east-1")\n');
  write('app/errors.py', 'import sentry_sdk\n');
  write('app/events.py', 'import requests\nrequests.post("https://api.mixpanel.com/track", json=event)\n');
  write('app/ai.py', 'from langchain_core.prompts import ChatPromptTemplate\nfrom langchain_openai import ChatOpenAI\n');
  write('tests/test_alerts.py', 'from slack_sdk import WebClient\n');
  write('src/local.ts', "import { track } from './analytics';\n// import * as Sentry from '@sentry/react';\n");
  write('app/old.py', '# import rollbar\nimport os, json\n');

  const { status } = runCli(['init'], { cwd });
  assert.equal(status, 0);
  const text = readFileSync(path.join(cwd, 'phi-guard.json'), 'utf8');
  for (const [id, file] of [
    ['twilio', 'src/sms.ts'],
    ['sendgrid', 'src/mail.js'],
    ['aws-sns', 'src/push.ts'],
    ['aws-ses', 'app/notify.py'],
    ['sentry', 'app/errors.py'],
    ['mixpanel', 'app/events.py'],
    ['openai', 'app/ai.py'],
  ]) {
    const line = text.split('\n').find((candidate) => candidate.includes(`"id": "${id}"`));
    assert.ok(line, `${id} is proposed`);
    assert.match(line, /^\s*\/\/ \{ "id": /, `${id} is commented out`);
    assert.match(line, /"baa": "none" \},/, `${id} has no BAA until the team says so`);
    assert.ok(line.endsWith(`// found in ${file}`), `${id} says where it was found: ${line}`);
  }
  // A framework in front of providers, a vendor used only in tests, and a local module named like one are not proposed; the generic examples give way.
  for (const absent of ['"langchain"', '"slack"', '"segment"', '"datadog"', '"rollbar"', 'src/local.ts', 'gpt-4.1']) assert.ok(!text.includes(absent), `${absent} is not in the file`);
  const errors = [];
  parse(text, errors, { allowTrailingComma: false });
  assert.deepEqual(errors, []);

  // Uncommented, the proposals are valid vendor entries, none of them covered.
  const uncommented = text.replace(/^(\s*)\/\/\s*(?=["{[,])/gm, '$1');
  const loaded = validatePolicyText(uncommented, path.join(cwd, 'phi-guard.json'));
  assert.deepEqual(loaded.diagnostics.map((d) => d.code), ['extends-not-found']);
  assert.deepEqual(loaded.policy.vendors.map((vendor) => [vendor.id, vendor.baa]).sort(), [
    ['aws-ses', 'none'], ['aws-sns', 'none'], ['mixpanel', 'none'], ['openai', 'none'], ['sendgrid', 'none'], ['sentry', 'none'], ['twilio', 'none'],
  ]);
});

test('init proposes the seed scripts and fixture folders as commented phi.syntheticData entries', () => {
  const cwd = emptyTempDir('init');
  const write = (name, text) => {
    mkdirSync(path.dirname(path.join(cwd, name)), { recursive: true });
    writeFileSync(path.join(cwd, name), text);
  };
  write('backend/scripts/seedCongoData.js', "const patients = [{ firstName: 'Mbuyi' }];\n");
  write('prisma/seed.ts', 'export {};\n');
  write('tests/fixtures/patients.json', '[]\n');
  write('tests/fixtures/visits.json', '[]\n');
  write('backend/scripts/migrate.js', 'module.exports = {};\n');
  write('src/randomness.ts', 'export const value = 4;\n');

  const { status } = runCli(['init'], { cwd });
  assert.equal(status, 0);
  const text = readFileSync(path.join(cwd, 'phi-guard.json'), 'utf8');
  const section = text.slice(text.indexOf('"syntheticData"'), text.indexOf(']', text.indexOf('"syntheticData"')));
  const proposed = [...section.matchAll(/^\s*\/\/ ("[^"]+"),$/gm)].map((match) => JSON.parse(match[1])).sort();
  assert.deepEqual(proposed, ['backend/scripts/seedCongoData.js', 'prisma/seed.ts', 'tests/fixtures/**']);
  // Commented: the team says which hold made-up records; uncommented, they are valid globs.
  const uncommented = text.replace(/^(\s*)\/\/\s*(?=["{[,])/gm, '$1');
  const loaded = validatePolicyText(uncommented, path.join(cwd, 'phi-guard.json'));
  assert.deepEqual(loaded.diagnostics.map((d) => d.code), ['extends-not-found']);
  assert.deepEqual([...loaded.policy.phi.syntheticData].sort(), proposed);
});

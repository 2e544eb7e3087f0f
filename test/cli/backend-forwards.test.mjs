// A Next.js route handler that only forwards the request to the project's own back end (a base
// URL from the environment plus a path) is covered by the back end's audit middleware when the
// back end is in the workspace and mounts the router that path reaches after that middleware
// (docs/rules/missing-phi-access.md). A forward to another party's server, to a path no audited
// mount serves, or a handler that also reads records itself, is still reported.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingLines, tempProject } from './run-cli.mjs';

const policy = JSON.stringify({ audit: { typescript: { middleware: ['auditLogger'] } } });

const backend = (order) => ({
  'api/src/routes/patients.js': [
    "const express = require('express');",
    'const router = express.Router();',
    "router.get('/:id', async (req, res) => {",
    '  const patient = await db.patient.findUnique({ where: { id: req.params.id } });',
    '  res.json({ name: patient.name, ssn: patient.ssn, diagnosis: patient.diagnosis });',
    '});',
    'module.exports = router;',
    '',
  ].join('\n'),
  'api/src/routes/fhir.js': [
    "const express = require('express');",
    'const router = express.Router();',
    "router.get('/Patient/:id', async (req, res) => {",
    '  const patient = await db.patient.findUnique({ where: { id: req.params.id } });',
    '  res.json({ name: patient.name, birthDate: patient.birthDate });',
    '});',
    'module.exports = router;',
    '',
  ].join('\n'),
  'api/src/index.js': [
    "const express = require('express');",
    "const auditLogger = require('./middleware/audit-logger');",
    "const patientRoutes = require('./routes/patients');",
    "const fhirRoutes = require('./routes/fhir');",
    'const app = express();',
    "const FHIR_BASE = '/fhir/R4';",
    ...(order === 'audit first'
      ? ['app.use(auditLogger());', "app.use('/api/patients', patientRoutes);", 'app.use(FHIR_BASE, fhirRoutes);']
      : ["app.use('/api/patients', patientRoutes);", 'app.use(FHIR_BASE, fhirRoutes);', 'app.use(auditLogger());']),
    'app.listen(8000);',
    '',
  ].join('\n'),
  'api/src/middleware/audit-logger.js': 'module.exports = () => (req, res, next) => next();\n',
});

const route = (url, extra = []) =>
  [
    "import { NextRequest, NextResponse } from 'next/server';",
    "const API_URL = process.env.NEXT_PUBLIC_API_URL || 'http://localhost:8000';",
    'export async function GET(request: NextRequest, { params }: { params: { id: string } }) {',
    ...extra,
    `  const response = await fetch(${url}, { headers: { Accept: 'application/json' } });`,
    '  return NextResponse.json(await response.json());',
    '}',
    '',
  ].join('\n');

const FILE = 'web/src/app/api/patients/[id]/route.ts';
const missing = (files) => findingLines(tempProject('backend-forwards', { ...files, 'phi-guard.json': policy }), 'missing-phi-access');

test('a forward to a back-end route mounted after the audit middleware is covered by it (a literal mount path, or one held in a constant)', () => {
  assert.deepEqual(missing({ ...backend('audit first'), [FILE]: route('`${API_URL}/api/patients/${params.id}`') }), []);
  assert.deepEqual(missing({ ...backend('audit first'), [FILE]: route('`${API_URL}/fhir/R4/Patient/${params.id}`') }), []);
  // The URL built first, in a helper of the same file.
  const helper = [
    "import { NextRequest, NextResponse } from 'next/server';",
    'const BASE = process.env.API_URL;',
    'export async function GET(request: NextRequest, { params }: { params: { id: string } }) {',
    '  return proxy(request, params.id);',
    '}',
    'async function proxy(request: NextRequest, id: string) {',
    '  const url = `${BASE}/fhir/R4/Patient/${id}`;',
    '  const response = await fetch(url, { headers: { Authorization: request.headers.get("authorization") ?? "" } });',
    '  return new NextResponse(await response.text(), { status: response.status });',
    '}',
    '',
  ].join('\n');
  assert.deepEqual(missing({ ...backend('audit first'), [FILE]: helper }), []);
});

test('still reported: the back end mounts the route before its audit middleware, or no audited mount serves the path', () => {
  assert.deepEqual(missing({ ...backend('routes first'), [FILE]: route('`${API_URL}/api/patients/${params.id}`') }), ['api/src/routes/fhir.js:3', 'api/src/routes/patients.js:3', `${FILE}:3`]);
  assert.deepEqual(missing({ ...backend('audit first'), [FILE]: route('`${API_URL}/api/visits/${params.id}`') }), [`${FILE}:3`]);
  assert.deepEqual(missing({ ...backend('audit first'), [FILE]: route('`${API_URL}/${params.id}`') }), [`${FILE}:3`], 'a path that starts with a parameter reaches no known mount');
});

test("still reported: a forward to another party's server, or a handler that also reads records itself", () => {
  assert.deepEqual(missing({ ...backend('audit first'), [FILE]: route('`https://fhir.example-vendor.com/api/patients/${params.id}`') }), [`${FILE}:3`]);
  const vendorBase = route('`${VENDOR}/api/patients/${params.id}`').replace("const API_URL = process.env.NEXT_PUBLIC_API_URL || 'http://localhost:8000';", "const VENDOR = process.env.VENDOR_URL || 'https://api.example-vendor.com';");
  assert.deepEqual(missing({ ...backend('audit first'), [FILE]: vendorBase }), [`${FILE}:3`], 'a fallback to a remote host is not the project\'s own back end');
  const alsoReads = route('`${API_URL}/api/patients/${params.id}`', ['  const local = await prisma.patient.findUnique({ where: { id: params.id } });']);
  assert.deepEqual(missing({ ...backend('audit first'), [FILE]: alsoReads }), [`${FILE}:3`]);
});

// An Express audit middleware `use`d on the app in one file covers the routes of routers mounted
// on that app in another (docs/policy.md, `audit.typescript.middleware`), where it runs.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingLines, tempProject } from './run-cli.mjs';

const project = (files) => tempProject('express-mounts', files);

const missing = (cwd, jobs) => findingLines(cwd, 'missing-phi-access', jobs);

const router = (name) =>
  [
    "import { Router } from 'express';",
    `export const ${name} = Router();`,
    `${name}.get('/:id', async (req, res) => {`,
    '  const patient = await db.patient.findUnique({ where: { id: req.params.id } });',
    '  res.json({ name: patient.name, ssn: patient.ssn, diagnosis: patient.diagnosis });',
    '});',
    '',
  ].join('\n');

const routes = {
  'src/routes/encounters.ts': router('encountersRouter'),
  'src/routes/wounds.ts': router('woundsRouter'),
  'src/routes/registerRoutes.ts': [
    "import type { Express } from 'express';",
    "import { encountersRouter } from './encounters';",
    "import { woundsRouter } from './wounds';",
    'export function registerRoutes(app: Express) {',
    "  app.use('/api/encounters', encountersRouter);",
    "  app.use('/api/wounds', woundsRouter);",
    '}',
    '',
  ].join('\n'),
};

const policy = JSON.stringify({ audit: { typescript: { middleware: ['phiAccess', 'phiAccessAuditMiddleware'] } } });

const index = (lines) => ["import express from 'express';", "import { registerRoutes } from './routes/registerRoutes';", "import { phiAccessAuditMiddleware } from './middleware/audit';", 'const app = express();', ...lines, ''].join('\n');

test('app.use(auditMiddleware) before registerRoutes(app) covers the routers that function mounts', () => {
  const cwd = project({ ...routes, 'src/index.ts': index(['app.use(phiAccessAuditMiddleware);', 'registerRoutes(app);']), 'phi-guard.json': policy });
  assert.deepEqual(missing(cwd), []);
  assert.deepEqual(missing(cwd, '2'), [], 'worker threads see the other files too');
});

test('not without the policy naming it, not when the routes are registered first, not outside its path', () => {
  const unnamed = project({ ...routes, 'src/index.ts': index(['app.use(phiAccessAuditMiddleware);', 'registerRoutes(app);']) });
  assert.deepEqual(missing(unnamed), ['src/routes/encounters.ts:3', 'src/routes/wounds.ts:3']);
  const late = project({ ...routes, 'src/index.ts': index(['registerRoutes(app);', 'app.use(phiAccessAuditMiddleware);']), 'phi-guard.json': policy });
  assert.deepEqual(missing(late), ['src/routes/encounters.ts:3', 'src/routes/wounds.ts:3']);
  const prefixed = project({ ...routes, 'src/index.ts': index(["app.use('/api/encounters', phiAccessAuditMiddleware);", 'registerRoutes(app);']), 'phi-guard.json': policy });
  assert.deepEqual(missing(prefixed), ['src/routes/wounds.ts:3'], 'the middleware under /api/encounters does not run for /api/wounds');
});

test('a middleware in the mounting call, before the router, covers it; the router mounted elsewhere without it does not', () => {
  const cwd = project({
    ...routes,
    'src/routes/registerRoutes.ts': [
      "import type { Express } from 'express';",
      "import { encountersRouter } from './encounters';",
      "import { woundsRouter } from './wounds';",
      "import { phiAccessAuditMiddleware } from '../middleware/audit';",
      'export function registerRoutes(app: Express) {',
      "  app.use('/api/encounters', phiAccessAuditMiddleware, encountersRouter);",
      "  app.use('/api/wounds', woundsRouter);",
      '}',
      '',
    ].join('\n'),
    'src/index.ts': index(['registerRoutes(app);']),
    'phi-guard.json': policy,
  });
  assert.deepEqual(missing(cwd), ['src/routes/wounds.ts:3']);
});

test('a middleware that audits only the paths it lists covers the routes under them, under whatever name the router is exported', () => {
  const aliased = (name) =>
    ["import { Router } from 'express';", 'const router = Router();', "router.get('/:id', async (req, res) => {", '  const patient = await db.patient.findUnique({ where: { id: req.params.id } });', '  res.json({ name: patient.name, ssn: patient.ssn, diagnosis: patient.diagnosis });', '});', name === 'default' ? 'export default router;' : `export const ${name} = router;`, ''].join('\n');
  const cwd = project({
    'src/routes/encounters.ts': aliased('encountersRouter'),
    'src/routes/wounds.ts': aliased('default'),
    'src/routes/waitlist.ts': aliased('waitlistRouter'),
    'src/routes/registerRoutes.ts': [
      "import type { Express } from 'express';",
      "import { encountersRouter } from './encounters';",
      "import woundsRouter from './wounds';",
      "import { waitlistRouter } from './waitlist';",
      'export function registerRoutes(app: Express) {',
      "  app.use('/api/encounters', encountersRouter);",
      "  app.use('/api/wounds', woundsRouter);",
      "  app.use('/api/waitlist', waitlistRouter);",
      '}',
      '',
    ].join('\n'),
    'src/middleware/audit.ts': [
      "const PHI_ROUTE_PREFIXES = ['/api/encounters', '/api/wounds', '/api/notes'];",
      'export function phiAccessAuditMiddleware(req, res, next) {',
      '  if (!PHI_ROUTE_PREFIXES.some((prefix) => req.path.startsWith(prefix))) return next();',
      "  res.on('finish', () => createAuditLog({ path: req.path, user: req.user }));",
      '  next();',
      '}',
      '',
    ].join('\n'),
    'src/index.ts': index(['app.use(phiAccessAuditMiddleware);', 'registerRoutes(app);']),
    'phi-guard.json': policy,
  });
  assert.deepEqual(missing(cwd), ['src/routes/waitlist.ts:3'], '/api/waitlist is not in the list');
  const unlisted = project({
    'src/routes/encounters.ts': aliased('encountersRouter'),
    'src/routes/registerRoutes.ts': ["import { encountersRouter } from './encounters';", 'export function registerRoutes(app) {', "  app.use('/api/encounters', encountersRouter);", '}', ''].join('\n'),
    'src/index.ts': index(['app.use(phiAccessAuditMiddleware);', 'registerRoutes(app);']),
    'phi-guard.json': policy,
  });
  assert.deepEqual(missing(unlisted), [], 'without a path list, the middleware runs for every router mounted after it, whatever its exported name');
});

test('CommonJS: a router or a router factory assigned to module.exports, mounted after app.use(auditLogger()), is covered', () => {
  const body = ["router.get('/patients/:id', async (req, res) => {", '  const patient = await db.patient.findUnique({ where: { id: req.params.id } });', '  res.json({ name: patient.name, ssn: patient.ssn, diagnosis: patient.diagnosis });', '});'];
  const files = {
    'src/routes/billing.js': ["const express = require('express');", 'const router = express.Router();', ...body, 'module.exports = router;', ''].join('\n'),
    'src/routes/obgyn.js': ["const express = require('express');", 'const router = express.Router();', 'function initializeObGynRoutes(pool) {', ...body, '  return router;', '}', 'module.exports = initializeObGynRoutes;', ''].join('\n'),
    'src/middleware/audit-logger.js': ['function auditLogger() { return (req, res, next) => next(); }', 'module.exports = auditLogger;', ''].join('\n'),
    'phi-guard.json': JSON.stringify({ audit: { typescript: { middleware: ['auditLogger'] } } }),
  };
  const app = (lines) => ["const express = require('express');", "const auditLogger = require('./middleware/audit-logger');", "const billingRoutes = require('./routes/billing');", "const initializeObGynRoutes = require('./routes/obgyn');", 'const app = express();', ...lines, ''].join('\n');
  const mounts = ["app.use('/api/billing', billingRoutes);", "app.use('/api', initializeObGynRoutes(pool));"];
  assert.deepEqual(missing(project({ ...files, 'src/index.js': app(['app.use(auditLogger());', ...mounts]) })), []);
  assert.deepEqual(missing(project({ ...files, 'src/index.js': app([...mounts, 'app.use(auditLogger());']) })), ['src/routes/billing.js:3', 'src/routes/obgyn.js:4'], 'used after the mounts, it does not run first');
});

test('CommonJS: a router required inside the mounting call itself is mounted there, after app.use(auditLogger()) or before it', () => {
  const files = {
    'src/routes/visits.js': ["const router = require('express').Router();", "router.get('/patients/:id', async (req, res) => {", '  const patient = await db.patient.findUnique({ where: { id: req.params.id } });', '  res.json({ name: patient.name, ssn: patient.ssn });', '});', 'module.exports = router;', ''].join('\n'),
    'src/routes/labs.js': ["const router = require('express').Router();", "router.get('/patients/:id/labs', async (req, res) => {", '  const patient = await db.patient.findUnique({ where: { id: req.params.id } });', '  res.json({ name: patient.name, diagnosis: patient.diagnosis });', '});', 'module.exports = { router };', ''].join('\n'),
    'src/middleware/audit-logger.js': ['exports.auditLogger = (req, res, next) => next();', ''].join('\n'),
    'phi-guard.json': JSON.stringify({ audit: { typescript: { middleware: ['auditLogger'] } } }),
  };
  const app = (lines) => ["const express = require('express');", "const { auditLogger } = require('./middleware/audit-logger');", 'const app = express();', ...lines, ''].join('\n');
  const mounts = ["app.use('/api/visits', require('./routes/visits'));", "app.use('/api/labs', require('./routes/labs').router);"];
  assert.deepEqual(missing(project({ ...files, 'src/index.js': app(['app.use(auditLogger);', ...mounts]) })), []);
  assert.deepEqual(missing(project({ ...files, 'src/index.js': app([...mounts, 'app.use(auditLogger);']) })), ['src/routes/labs.js:2', 'src/routes/visits.js:2'], 'mounted before the audit middleware: not covered');
});

test('a router module no module imports is never mounted: its routes are not reported; an imported one still is', () => {
  const files = {
    ...routes,
    'src/routes/labs.ts': router('labsRouter'),
    'src/index.ts': index(['registerRoutes(app);', 'app.listen(3000);']),
  };
  assert.deepEqual(missing(project(files)), ['src/routes/encounters.ts:3', 'src/routes/wounds.ts:3']);
  // Imported anywhere (here by a path alias), or loaded by a computed name: it may be mounted.
  const aliased = { ...files, 'src/routes/extra.ts': ["import { labsRouter } from '@/routes/labs';", 'export const extra = [labsRouter];', ''].join('\n') };
  assert.deepEqual(missing(project(aliased)), ['src/routes/encounters.ts:3', 'src/routes/labs.ts:3', 'src/routes/wounds.ts:3']);
  const loaded = { ...files, 'src/routes/load.ts': ['export const load = (name) => require(`./${name}`);', ''].join('\n') };
  assert.deepEqual(missing(project(loaded)), ['src/routes/encounters.ts:3', 'src/routes/labs.ts:3', 'src/routes/wounds.ts:3']);
  // The word `import (` in a block comment, or a require written inside a string, loads nothing.
  const prose = { ...files, 'src/routes/docs.ts': ['/**', ' * Payment import (CSV or JSON)', ' */', "export const example = 'const x = require(\\'./labs\\')';", ''].join('\n') };
  assert.deepEqual(missing(project(prose)), ['src/routes/encounters.ts:3', 'src/routes/wounds.ts:3']);
  // A literal specifier on its own line (`await import(\n './x'\n)`) is not a computed name; a computed one there still is.
  const spread = (specifier) => ({ ...files, 'src/routes/lazy.ts': ['export async function lazy() {', '  return import(', `    ${specifier}`, '  );', '}', ''].join('\n') });
  assert.deepEqual(missing(project(spread("'./encounters'"))), ['src/routes/encounters.ts:3', 'src/routes/wounds.ts:3']);
  assert.deepEqual(missing(project(spread('`./${name}`'))), ['src/routes/encounters.ts:3', 'src/routes/labs.ts:3', 'src/routes/wounds.ts:3']);
  // A test that imports the router mounts it on its own app: still never served.
  const tested = { ...files, 'src/routes/__tests__/labs.test.ts': ["import { labsRouter } from '../labs';", 'test("labs", () => labsRouter);', ''].join('\n') };
  assert.deepEqual(missing(project(tested)), ['src/routes/encounters.ts:3', 'src/routes/wounds.ts:3']);
});

test('a copy kept aside (`labs_fixed.ts`, `labs_new.ts`) outside the mounted routers\' folder, nothing importing it, is never mounted; a router of another name there still is reported', () => {
  const files = {
    ...routes,
    'src/labs_fixed.ts': router('labsRouter'),
    'src/labs_new.ts': router('labsRouter'),
    'src/labs.ts': router('labsRouter'),
    'src/index.ts': index(['registerRoutes(app);', 'app.listen(3000);']),
  };
  assert.deepEqual(missing(project(files)), ['src/labs.ts:3', 'src/routes/encounters.ts:3', 'src/routes/wounds.ts:3']);
});

test('a router mounted into a barrel router is covered by the audit middleware used on the app before the barrel is mounted', () => {
  const files = {
    'src/routes/billing/claims.js': ["import express from 'express';", 'const router = express.Router();', "router.get('/claims/:id', async (req, res) => {", '  const patient = await db.patient.findUnique({ where: { id: req.params.id } });', '  res.json({ name: patient.name, ssn: patient.ssn });', '});', 'export default router;', ''].join('\n'),
    'src/routes/billing/index.js': ["import express from 'express';", "import claimRoutes from './claims.js';", 'const router = express.Router();', 'router.use(requireAuth);', "router.use('/', claimRoutes);", 'export default router;', ''].join('\n'),
    'src/middleware/audit-logger.js': ['export const auditLogger = (req, res, next) => next();', ''].join('\n'),
    'phi-guard.json': JSON.stringify({ audit: { typescript: { middleware: ['auditLogger'] } } }),
  };
  const app = (lines) => ["import express from 'express';", "import { auditLogger } from './middleware/audit-logger.js';", "import billingRoutes from './routes/billing/index.js';", 'const app = express();', ...lines, ''].join('\n');
  assert.deepEqual(missing(project({ ...files, 'src/server.js': app(['app.use(auditLogger);', "app.use('/api/billing', billingRoutes);"]) })), []);
  assert.deepEqual(missing(project({ ...files, 'src/server.js': app(["app.use('/api/billing', billingRoutes);", 'app.use(auditLogger);']) })), ['src/routes/billing/claims.js:3'], 'used after the barrel is mounted, it does not run first');
  assert.deepEqual(missing(project({ ...files, 'src/server.js': app(["app.use('/api/other', auditLogger);", "app.use('/api/billing', billingRoutes);"]) })), ['src/routes/billing/claims.js:3'], 'under another path it does not run for the barrel');
});

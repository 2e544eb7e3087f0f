// The language server's audit context (server/src/lsp/auditContexts.ts): a Django middleware in a
// settings module's MIDDLEWARE covers the views of that project in the editor as in the CLI, and
// editing the settings module (unsaved) changes the views' diagnostics at once.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startServer } from './lspClient.mjs';

const SETTINGS = 'MIDDLEWARE = [\n    "django.middleware.security.SecurityMiddleware",\n    "clinic.audit.middleware.PHIAuditMiddleware",\n]\n';
const VIEW = 'from .models import Patient\n\n\ndef patient_detail(request, pk):\n    return Patient.objects.get(pk=pk)\n';

describe('audit context in the editor', () => {
  let client;
  let dir;
  const write = (name, text) => {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  };
  const uri = (name) => pathToFileURL(path.join(dir, name)).href;
  const missing = (items) => items.filter((d) => d.code === 'missing-phi-access').length;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'phi-guard-lsp-audit-'));
    write('phi-guard.json', JSON.stringify({ audit: { python: { middleware: ['clinic.audit.middleware.PHIAuditMiddleware'] } } }));
    write('clinic/manage.py', '');
    write('clinic/clinic/__init__.py', '');
    write('clinic/clinic/settings.py', SETTINGS);
    write('clinic/patients/views.py', VIEW);
    write('billing/manage.py', '');
    write('billing/invoices/views.py', VIEW);
    client = await startServer({ pull: true, workspaceDir: dir });
  });
  after(async () => {
    await client?.shutdown();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the settings of the project holding the view cover it; another project is still reported', async () => {
    await client.open(uri('clinic/patients/views.py'), VIEW);
    await client.open(uri('billing/invoices/views.py'), VIEW);
    const billing = await client.pullUntil(uri('billing/invoices/views.py'), (items) => missing(items) === 1);
    assert.equal(missing(billing.items), 1);
    const clinic = await client.pullUntil(uri('clinic/patients/views.py'));
    assert.equal(missing(clinic.items), 0);
  });

  it('removing the middleware from the open settings module reports the view', async () => {
    const settingsUri = uri('clinic/clinic/settings.py');
    await client.open(settingsUri, SETTINGS.replace('    "clinic.audit.middleware.PHIAuditMiddleware",\n', ''));
    await client.pullUntil(settingsUri);
    const clinic = await client.pullUntil(uri('clinic/patients/views.py'), (items) => missing(items) === 1);
    assert.equal(missing(clinic.items), 1);
  });
});

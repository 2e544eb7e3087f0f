// The requests behind the editor's AI Tools view, *Export BAA Report*, *Create Policy File* and
// *Scaffold PHI endpoint*: the server reads the policy, builds the model, renders the report and
// writes the files (never through a symbolic link); the client only asks and shows.

import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { repoRoot, startServer } from './lspClient.mjs';

const skipLinks = process.platform === 'win32' ? 'creating symbolic links needs extra rights on Windows' : false;
const CLINE = { id: 'saoudrizwan.claude-dev', name: 'Cline' };

describe('editor requests', () => {
  let client;
  const dirs = [];
  before(async () => {
    client = await startServer({ pull: true });
  });
  after(async () => {
    await client?.shutdown();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const tempDir = (name) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), `phi-guard-lsp-${name}-`));
    dirs.push(dir);
    return dir;
  };
  const uri = (file) => pathToFileURL(file).href;
  const send = (method, params) => client.connection.sendRequest(method, params);

  describe('phiGuard/aiTools and phiGuard/baaReport', () => {
    let folder;
    before(() => {
      folder = tempDir('ai-tools');
      copyFileSync(path.join(repoRoot, 'test', 'fixtures', 'tools', 'phi-guard.json'), path.join(folder, 'phi-guard.json'));
    });

    it('builds the model of the folder\'s policy and the installed extensions', async () => {
      const result = await send('phiGuard/aiTools', { folder: uri(folder), installedExtensions: [CLINE, { id: 'ms-python.python' }], builtinAiFeaturesEnabled: false });
      assert.equal(result.model.hasPolicy, true);
      assert.equal(result.model.policyFile, path.join(folder, 'phi-guard.json'));
      assert.deepEqual(result.policyFiles, [uri(path.join(folder, 'phi-guard.json'))]);
      assert.deepEqual(result.model.installed.map((entry) => [entry.extensionId, entry.status, entry.flagged]), [[CLINE.id, 'prohibited', true]]);
      assert.ok(result.model.tools.every((tool) => typeof tool.phiText === 'string' && tool.phiText.length > 0));
    });

    it('reads the policy as it is on disk now: a policy created a moment ago counts', async () => {
      const fresh = tempDir('ai-tools-fresh');
      const before = await send('phiGuard/aiTools', { folder: uri(fresh), installedExtensions: [], builtinAiFeaturesEnabled: false });
      assert.equal(before.model.hasPolicy, false);
      copyFileSync(path.join(folder, 'phi-guard.json'), path.join(fresh, 'phi-guard.json'));
      const after = await send('phiGuard/aiTools', { folder: uri(fresh), installedExtensions: [], builtinAiFeaturesEnabled: false });
      assert.equal(after.model.hasPolicy, true);
    });

    it('without a folder: the defaults, nothing approved', async () => {
      const result = await send('phiGuard/aiTools', { installedExtensions: [CLINE], builtinAiFeaturesEnabled: true });
      assert.equal(result.model.hasPolicy, false);
      assert.deepEqual(result.policyFiles, []);
      assert.equal(result.model.installed.length, 2, 'Cline and the built-in AI features');
    });

    it('renders the BAA report with the policy path relative to the folder', async () => {
      const report = await send('phiGuard/baaReport', { folder: uri(folder), installedExtensions: [CLINE], builtinAiFeaturesEnabled: false });
      assert.equal(report.hasPolicy, true);
      assert.match(report.markdown, /^# AI Tools & BAA report/);
      assert.match(report.markdown, /- Policy: `phi-guard\.json`/);
      assert.match(report.markdown, /## Installed in this editor/);
    });
  });

  describe('phiGuard/createPolicyFile', () => {
    it('writes the starter policy, then says it exists, then replaces it when told to', async () => {
      const folder = tempDir('create-policy');
      const file = path.join(folder, 'phi-guard.json');
      const first = await send('phiGuard/createPolicyFile', { folder: uri(folder), overwrite: false });
      assert.deepEqual(first, { status: 'written', uri: uri(file) });
      assert.match(readFileSync(file, 'utf8'), /"\$schema"/);
      writeFileSync(file, '{}\n');
      const second = await send('phiGuard/createPolicyFile', { folder: uri(folder), overwrite: false });
      assert.deepEqual(second, { status: 'exists', uri: uri(file) });
      assert.equal(readFileSync(file, 'utf8'), '{}\n', 'nothing written without leave to replace');
      const third = await send('phiGuard/createPolicyFile', { folder: uri(folder), overwrite: true });
      assert.equal(third.status, 'written');
      assert.match(readFileSync(file, 'utf8'), /"\$schema"/);
    });

    it('never writes through a symbolic link, even when told to replace', { skip: skipLinks }, async () => {
      const folder = tempDir('create-policy-link');
      const outside = tempDir('create-policy-outside');
      writeFileSync(path.join(outside, 'target.json'), 'unchanged\n');
      symlinkSync(path.join(outside, 'target.json'), path.join(folder, 'phi-guard.json'));
      const result = await send('phiGuard/createPolicyFile', { folder: uri(folder), overwrite: true });
      assert.equal(result.status, 'refused');
      assert.equal(result.reason, "'phi-guard.json' is a symbolic link; files are never written through a link");
      assert.equal(readFileSync(path.join(outside, 'target.json'), 'utf8'), 'unchanged\n');
    });

    it('refuses a folder that is not on disk', async () => {
      const result = await send('phiGuard/createPolicyFile', { folder: 'vscode-vfs://github/org/repo', overwrite: false });
      assert.equal(result.status, 'refused');
    });
  });

  describe('phiGuard/scaffold/*', () => {
    let workspace;
    let project;
    before(() => {
      workspace = tempDir('scaffold');
      project = path.join(workspace, 'service');
      mkdirSync(path.join(project, 'app', 'api'), { recursive: true });
      writeFileSync(path.join(project, 'requirements.txt'), 'fastapi==0.110\n');
    });
    const target = (folder = project) => ({ folder: uri(folder), workspaceFolder: uri(workspace) });
    const answers = { framework: 'fastapi', resource: 'lab_result', operations: ['read', 'create'], category: 'clinical', roles: ['clinician'] };

    it('options: the project\'s framework first-hand, and the policy\'s roles per category', async () => {
      const options = await send('phiGuard/scaffold/options', target(path.join(project, 'app')));
      assert.deepEqual(options.detected, ['fastapi']);
      assert.deepEqual(options.frameworks, ['fastapi', 'express', 'fastify', 'nestjs', 'nextjs']);
      assert.deepEqual(options.operations, ['read', 'create', 'update', 'delete']);
      assert.deepEqual(options.roles.clinical, { permitted: ['clinician', 'admin'], defaults: ['clinician'] });
      assert.deepEqual(options.roleMap.admin, ['*']);
    });

    it('resource: the generator\'s name rules and the suggested category', async () => {
      assert.deepEqual(await send('phiGuard/scaffold/resource', { resource: 'lab_result' }), { suggestedCategory: 'clinical' });
      assert.match((await send('phiGuard/scaffold/resource', { resource: 'lab_result_id' })).problem, /Name the record, not its id/);
      assert.match((await send('phiGuard/scaffold/resource', { resource: '../x' })).problem, /cannot contain a path/);
    });

    it('runtime: where the audit control would go, under the policy\'s name', async () => {
      const runtime = await send('phiGuard/scaffold/runtime', { ...target(), framework: 'fastapi' });
      assert.deepEqual(runtime, { path: 'app/security/audit.py', control: 'phi_access' });
    });

    it('write: the files into the project, then "exists" until told to overwrite', async () => {
      const result = await send('phiGuard/scaffold/write', { ...target(), answers, withRuntime: true, overwrite: false });
      assert.equal(result.status, 'written');
      const router = path.join(project, 'app', 'routers', 'lab_results.py');
      assert.equal(result.primary, uri(router));
      assert.equal(result.test, uri(path.join(project, 'tests', 'test_lab_results.py')));
      assert.match(result.testCommand, /pytest tests\/test_lab_results\.py/);
      for (const file of result.files) assert.ok(existsSync(new URL(file)), file);
      assert.ok(existsSync(path.join(project, 'app', 'security', 'audit.py')));
      assert.equal((readFileSync(router, 'utf8').match(/@phi_access\(/g) ?? []).length, 2);

      writeFileSync(router, '# edited\n');
      const again = await send('phiGuard/scaffold/write', { ...target(), answers, withRuntime: false, overwrite: false });
      assert.deepEqual(again, { status: 'exists', files: ['service/app/routers/lab_results.py', 'service/tests/test_lab_results.py'] });
      assert.equal(readFileSync(router, 'utf8'), '# edited\n');
      const forced = await send('phiGuard/scaffold/write', { ...target(), answers, withRuntime: false, overwrite: true });
      assert.equal(forced.status, 'written');
      assert.match(readFileSync(router, 'utf8'), /@phi_access\(/);
    });

    it('write: a folder chosen below the project gets the router', async () => {
      const result = await send('phiGuard/scaffold/write', { ...target(path.join(project, 'app', 'api')), answers: { ...answers, resource: 'allergy' }, withRuntime: false, overwrite: false });
      assert.equal(result.status, 'written');
      assert.equal(result.primary, uri(path.join(project, 'app', 'api', 'allergies.py')));
    });

    it('write: invalid answers are refused with the generator\'s words, nothing written', async () => {
      const result = await send('phiGuard/scaffold/write', { ...target(), answers: { ...answers, resource: 'visit', roles: ['billing'] }, withRuntime: false, overwrite: false });
      assert.equal(result.status, 'refused');
      assert.match(result.problems.join('\n'), /Role 'billing' may not access clinical data/);
      assert.ok(!existsSync(path.join(project, 'app', 'routers', 'visits.py')));
    });

    it('write: a symbolic link in the way refuses the whole scaffold before any write', { skip: skipLinks }, async () => {
      const linked = path.join(workspace, 'linked');
      const outside = tempDir('scaffold-outside');
      mkdirSync(path.join(linked, 'app'), { recursive: true });
      writeFileSync(path.join(linked, 'requirements.txt'), 'fastapi\n');
      symlinkSync(outside, path.join(linked, 'app', 'routers'));
      const result = await send('phiGuard/scaffold/write', { ...target(linked), answers, withRuntime: true, overwrite: true });
      assert.deepEqual(result, { status: 'refused', problems: ["'linked/app/routers' is a symbolic link; files are never written through a link"] });
      assert.ok(!existsSync(path.join(linked, 'tests')), 'nothing half-scaffolded');
      assert.ok(!existsSync(path.join(linked, 'app', 'security')), 'nothing half-scaffolded');
    });
  });
});

// No leak from the tool itself (docs/reliability.md, "No leak from the tool itself"; docs/architecture.md, "Privacy"):
// files full of unique canary values are scanned with everything turned up — the server with
// `$/setTrace verbose`, the client's verbose trace redaction, the CLI in every format — and the
// canaries must never appear in anything the tool writes.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../cli/run-cli.mjs';
import { repoRoot, startServer, waitFor } from './lspClient.mjs';

const require = createRequire(import.meta.url);

/** Values that exist nowhere else: if one shows up in output, it was copied from the source. */
const CANARIES = ['078-05-1120', 'Zebulon Quuxworth', 'Quuxworth', '1931-02-28', '02/28/1931', 'MRN-77310442', 'zebulon.q@example.org'];

const PYTHON = `import logging
import requests

logger = logging.getLogger(__name__)
TEST_SSN = "078-05-1120"
patient_name = "Zebulon Quuxworth"
DOB = "1931-02-28"


def handler(patient, db):
    patient.ssn = "078-05-1120"
    patient.email = "zebulon.q@example.org"
    logger.info("Looking up Zebulon Quuxworth %s", patient.ssn)
    logger.info("record " + patient.name + " 078-05-1120 " + TEST_SSN)
    logger.warning(f"MRN-77310442 dob 02/28/1931 {patient.dob}")
    requests.post("https://api.example.com/zebulon", json={"ssn": "078-05-1120", "name": patient.name})
    raise ValueError(f"bad dob 1931-02-28 for {patient.dob} Zebulon Quuxworth")
`;

const TYPESCRIPT = `import express from 'express';

const app = express();
const TEST_SSN = '078-05-1120';
const patientName = 'Zebulon Quuxworth';

app.get('/patients/:id', async (req, res) => {
  const patient = await db.find(req.params.id);
  patient.ssn = '078-05-1120';
  console.log('Zebulon Quuxworth 078-05-1120', patient.ssn, patient.dateOfBirth);
  console.error(\`MRN-77310442 \${patient.name} 1931-02-28\`);
  throw new Error('no record for Zebulon Quuxworth ' + patient.email + ' 078-05-1120');
});
`;

const POLICY = JSON.stringify({ rules: { 'phi-in-log': 'error' } });

/** SARIF without `fixes` (checked on their own, below). */
function withoutFixes(sarifText) {
  const log = JSON.parse(sarifText);
  for (const run of log.runs) for (const item of run.results ?? []) delete item.fixes;
  return JSON.stringify(log);
}

function assertNoCanary(output, where) {
  for (const canary of CANARIES) {
    const at = output.indexOf(canary);
    assert.equal(at, -1, `${where} contains the canary '${canary}': …${output.slice(Math.max(0, at - 80), at + 80)}…`);
  }
}

let workspace;
before(() => {
  workspace = mkdtempSync(path.join(os.tmpdir(), 'phi-guard-no-leak-'));
  mkdirSync(path.join(workspace, 'app'));
  writeFileSync(path.join(workspace, 'phi-guard.json'), POLICY);
  writeFileSync(path.join(workspace, 'app', 'handlers.py'), PYTHON);
  writeFileSync(path.join(workspace, 'app', 'routes.ts'), TYPESCRIPT);
  // A file with a syntax error and one the engine skips: the notices must not quote them either.
  writeFileSync(path.join(workspace, 'app', 'broken.py'), `def f(:\n    logger.info("Zebulon Quuxworth %s", patient.ssn\n`);
  writeFileSync(path.join(workspace, 'app', 'bundle.min.js'), `var s='078-05-1120';${'console.log(p.ssn);'.repeat(2000)}`);
});
after(() => {
  rmSync(workspace, { recursive: true, force: true });
});

describe('the CLI', () => {
  const scans = {};
  // bundle.min.js is not analysed on purpose (its notice must not quote it either): allowed here.
  const scan = (format) => (scans[format] ??= runCli(['scan', '.', '--format', format, '--fail-on', 'never', '--allow-unanalysed'], { cwd: workspace }));

  it('writes no canary in text, JSON or SARIF output, nor on stderr', () => {
    for (const format of ['text', 'json', 'sarif']) {
      const result = scan(format);
      assert.equal(result.status, 0, result.stderr);
      assert.ok(result.stdout.includes(format === 'text' ? 'phi-in-log' : '"phi-in-log"'), `the ${format} report has findings`);
      assertNoCanary(format === 'sarif' ? withoutFixes(result.stdout) : result.stdout, `scan --format ${format} (stdout)`);
      assertNoCanary(result.stderr, `scan --format ${format} (stderr)`);
    }
  });

  // The phi-in-log fix keeps the call's static message, which here holds PHI values: such a fix
  // stays out of SARIF, and the run says how many were left out.
  it('SARIF fixes repeat no canary', () => {
    const run = JSON.parse(scan('sarif').stdout).runs[0];
    const fixes = run.results.flatMap((item) => item.fixes ?? []);
    assertNoCanary(JSON.stringify(fixes), 'SARIF fixes');
    const omitted = run.invocations[0].toolExecutionNotifications.filter((n) => n.descriptor?.id === 'fixes-omitted');
    assert.equal(omitted.length, 1, 'one notification counts the fixes left out');
    assert.match(omitted[0].message.text, /^\d+ fix(es were| was) left out/);
  });

  it('SARIF has no snippets or context regions by default', () => {
    const result = scan('sarif');
    const log = JSON.parse(result.stdout);
    const results = log.runs[0].results;
    assert.ok(results.length > 0);
    for (const item of results) {
      for (const location of item.locations ?? []) {
        assert.equal(location.physicalLocation?.region?.snippet, undefined, 'no snippet');
        assert.equal(location.physicalLocation?.contextRegion, undefined, 'no context region');
      }
    }
  });

  it('writes no canary to the --output file, nor in the coverage report', () => {
    const out = path.join(workspace, 'report.sarif');
    runCli(['scan', '.', '--format', 'sarif', '--output', out, '--fail-on', 'never'], { cwd: workspace });
    assertNoCanary(withoutFixes(readFileSync(out, 'utf8')), 'the SARIF --output file');
    rmSync(out);
    for (const format of ['json']) {
      const result = runCli(['coverage', '.', '--format', format], { cwd: workspace });
      assertNoCanary(result.stdout + result.stderr, `coverage --format ${format}`);
    }
  });
});

describe('the language server, traced verbosely', () => {
  let client;
  const exchanged = [];

  before(async () => {
    client = await startServer({ pull: false, configuration: true, settings: () => ({ maxFileSizeKb: 1024 }) });
    await client.connection.sendNotification('$/setTrace', { value: 'verbose' });
  });
  after(async () => {
    await client?.shutdown();
  });

  it('logs and traces no canary while it analyses, hovers, fixes and is edited', async () => {
    const files = [
      ['app/handlers.py', PYTHON, 'python'],
      ['app/routes.ts', TYPESCRIPT, 'typescript'],
      ['app/broken.py', readFileSync(path.join(workspace, 'app', 'broken.py'), 'utf8'), 'python'],
      ['app/bundle.min.js', readFileSync(path.join(workspace, 'app', 'bundle.min.js'), 'utf8'), 'javascript'],
    ];
    for (const [relative, text, languageId] of files) {
      const uri = pathToFileURL(path.join(workspace, relative)).href;
      const open = { textDocument: { uri, languageId, version: 1, text } };
      exchanged.push(['didOpen', open]);
      await client.open(uri, text, languageId);
    }
    const uri = pathToFileURL(path.join(workspace, 'app', 'handlers.py')).href;
    const diagnostics = await client.waitForPublished(uri, { predicate: (items) => items.some((d) => d.code === 'phi-in-log') });
    for (const diagnostic of diagnostics) {
      const hover = await client.hover(uri, diagnostic.range.start);
      exchanged.push(['hover', hover]);
      assertNoCanary(JSON.stringify(hover ?? null), 'a hover');
      const actions = await client.codeActions(uri, diagnostic.range, [diagnostic]);
      exchanged.push(['codeAction', actions]);
    }
    exchanged.push(['fixAll', await client.codeActions(uri, diagnostics[0].range, [], ['source.fixAll.phiGuard'])]);
    const changes = [{ range: { start: { line: 5, character: 16 }, end: { line: 5, character: 16 } }, text: ' Zebulon Quuxworth' }];
    const version = await client.change(uri, changes);
    exchanged.push(['didChange', { contentChanges: changes }]);
    await client.waitForPublished(uri, { version });
    for (const [relative] of files) {
      const published = client.published.get(pathToFileURL(path.join(workspace, relative)).href);
      exchanged.push(['publishDiagnostics', published]);
      assertNoCanary(JSON.stringify(published?.diagnostics.map((d) => [d.message, d.relatedInformation]) ?? []), `diagnostic messages of ${relative}`);
    }
    await waitFor(() => client.logs.some((line) => /analysed .*handlers\.py/.test(line)), { message: 'trace lines for the analysis' });
    assert.ok(client.logs.length > 3, 'the server did log');
    assertNoCanary([...client.logs, client.stderr].join('\n'), 'the server log, trace and stderr');
  });

  it("the client's verbose trace, after redaction, carries no canary either", async () => {
    // vscode-languageclient prints each message as `Params: ${JSON.stringify(params, null, 4)}`;
    // the extension routes those lines through redactSourceText (client/src/redactingChannel.ts).
    const esbuild = await import('esbuild');
    const bundle = await esbuild.build({
      entryPoints: [path.join(repoRoot, 'client', 'src', 'redactingChannel.ts')],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      external: ['vscode'],
    });
    const module = { exports: {} };
    new Function('module', 'exports', 'require', bundle.outputFiles[0].text)(module, module.exports, require);
    const { redactSourceText } = module.exports;
    assert.ok(exchanged.length > 5);
    for (const [method, params] of exchanged) {
      const traced = `Received/sending '${method}'.\nParams: ${JSON.stringify(params, null, 4)}`;
      assertNoCanary(redactSourceText(traced), `the client trace of ${method}`);
    }
  });
});

// The e2e scenarios' core checks, in the extension host through the VS Code API: activation,
// diagnostics with the rule code, hover, the quick fix, Fix All, the policy file diagnostic and
// the registered commands. The workspace is a temp copy of test/e2e/workspace/.

const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');

const EXTENSION_ID = 'phi-guard.phi-guard';
const workspace = process.env.PHI_GUARD_TEST_WORKSPACE;
const uriOf = (relative) => vscode.Uri.file(path.join(workspace, ...relative.split('/')));

const codeOf = (diagnostic) => (typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code);
const ours = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'phi-guard');

/** Resolves with the phi-guard diagnostics of `uri` once `predicate` holds for them. */
function waitForDiagnostics(uri, predicate, timeout = 30_000) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const diagnostics = ours(uri);
      if (predicate(diagnostics)) {
        cleanup();
        resolve(diagnostics);
      }
    };
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out waiting for diagnostics on ${uri.fsPath}: ${JSON.stringify(ours(uri).map((d) => [codeOf(d), d.message]))}`));
    }, timeout);
    function cleanup() {
      clearTimeout(timer);
      listener.dispose();
    }
    check();
  });
}

async function open(relative) {
  const document = await vscode.workspace.openTextDocument(uriOf(relative));
  await vscode.window.showTextDocument(document);
  return document;
}

describe('PHI Guard in VS Code ' + vscode.version, function () {
  this.timeout(90_000);

  before(async () => {
    assert.ok(workspace, 'PHI_GUARD_TEST_WORKSPACE is set by runTest.mjs');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    await extension.activate();
  });

  it('registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['phiGuard.restartServer', 'phiGuard.showOutput', 'phiGuard.fixAllInFile']) {
      assert.ok(commands.includes(id), `${id} is registered`);
    }
  });

  it('reports phi-in-log on the PHI expression in Python, and nothing in the clean file', async () => {
    const clean = await open('app/clean_report.py');
    const document = await open('app/patient_lookup.py');
    const [finding] = await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'phi-in-log'), 60_000);
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(finding.range.start.line, 6);
    assert.match(document.getText(finding.range), /patient\.name/);
    assert.ok(typeof finding.code === 'object' && String(finding.code.target).length > 0, 'a codeDescription link to the rule docs');
    assert.deepEqual(ours(clean.uri), []);
  });

  it('explains the finding on hover (rule, source → sink)', async () => {
    const document = await open('app/patient_lookup.py');
    const [finding] = await waitForDiagnostics(document.uri, (d) => d.length > 0);
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, finding.range.start);
    const text = hovers
      .flatMap((hover) => hover.contents)
      .map((content) => (typeof content === 'string' ? content : content.value))
      .join('\n');
    assert.match(text, /phi-in-log/);
    assert.match(text, /→/);
  });

  it('offers "Log patient_id instead" as the preferred quick fix, which removes the finding', async () => {
    const document = await open('app/patient_lookup.py');
    const [finding] = await waitForDiagnostics(document.uri, (d) => d.length > 0);
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', document.uri, finding.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((action) => action.title === 'Log patient_id instead');
    assert.ok(fix, `offered: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitForDiagnostics(document.uri, (d) => d.length === 0);
    const line = document.lineAt(6).text;
    assert.match(line, /patient_id/);
    assert.doesNotMatch(line, /patient\.name|patient\.dob/);
  });

  it('fixes every finding of a TSX file with "Fix All PHI Issues in File"', async () => {
    const document = await open('web/PatientCard.tsx');
    await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'phi-in-log'), 60_000);
    await vscode.commands.executeCommand('phiGuard.fixAllInFile');
    await waitForDiagnostics(document.uri, (d) => d.length === 0);
    assert.doesNotMatch(document.getText(), /console\.log\(patient\)/);
  });

  it('reports an error in a broken phi-guard.json', async () => {
    const document = await open('policy-broken/phi-guard.json');
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'invalid-json'));
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Error);
  });

  it('restarts the server and diagnoses again', async () => {
    await vscode.commands.executeCommand('phiGuard.restartServer');
    const document = await open('app/patient_lookup.py');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(document.lineCount, 0), "\ndef again(patient):\n    logger.info('ssn ' + patient.ssn)\n");
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'phi-in-log'), 60_000);
  });
});

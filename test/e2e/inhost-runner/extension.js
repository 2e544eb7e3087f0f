// Runs the @vscode/test-electron suite (test/vscode/suite) in code-server's extension host, where
// VS Code itself cannot be downloaded. Activated only by the marker file the e2e harness writes
// into a dedicated workspace; the marker says where the suite is and where to write the result.

const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const vscode = require('vscode');

exports.activate = async function activate() {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return;
  const marker = path.join(folder.uri.fsPath, '.phi-guard-inhost-tests');
  // `after`: more modules with the same `run({ log, ...options })` shape, run once the suite passed
  // (the Fix All race check, test/e2e/stress/fixAllStress.cjs).
  const { suite, results, options, after = [] } = JSON.parse(fs.readFileSync(marker, 'utf8'));
  process.env.PHI_GUARD_TEST_WORKSPACE = folder.uri.fsPath;

  const output = [];
  const log = (...args) => output.push(util.format(...args));
  let ok = false;
  let error;
  let stats;
  try {
    stats = await require(suite).run({ log, options });
    for (const extra of after) {
      log(`\n${path.basename(extra.module)}`);
      await require(extra.module).run({ log, ...extra.options });
    }
    ok = true;
  } catch (e) {
    error = String(e?.stack || e);
  }
  fs.writeFileSync(results, JSON.stringify({ ok, error, stats, version: vscode.version, output: output.join('\n') }, null, 2));
};

exports.deactivate = function deactivate() {};

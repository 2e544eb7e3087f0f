// Run by the in-host runner in a window whose workspace gives PHI Guard no reason to activate
// (no Python, TypeScript, Prisma or phi-guard.json): activates it through the API and times it
// as VS Code counts activation (loading the extension's code and running its activate()), after
// timing the same for an extension that does nothing (test/e2e/noop-extension): the baseline.
const vscode = require('vscode');

const EXTENSION_ID = 'phi-guard.phi-guard';
const BASELINE_ID = 'phi-guard-test.phi-guard-noop';

async function timeActivation(id) {
  const extension = vscode.extensions.getExtension(id);
  if (!extension) throw new Error(`${id} is not installed`);
  if (extension.isActive) throw new Error(`${id} was already active: its activation could not be timed`);
  const started = performance.now();
  await extension.activate();
  const ms = performance.now() - started;
  if (!extension.isActive) throw new Error(`${id} did not activate`);
  return ms;
}

exports.run = async function run({ log }) {
  const baselineMs = await timeActivation(BASELINE_ID);
  const activationMs = await timeActivation(EXTENSION_ID);
  log(`activation: ${activationMs.toFixed(1)} ms (no-op extension: ${baselineMs.toFixed(1)} ms)`);
  return { activationMs, baselineMs };
};

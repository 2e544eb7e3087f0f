// Run by the in-host runner in a window whose workspace gives PHI Guard no reason to activate
// (no Python, TypeScript, Prisma or phi-guard.json): activates it through the API and times it
// as VS Code counts activation (loading the extension's code and running its activate()), after
// an extension that does nothing (test/e2e/noop-extension): VS Code's own cost, the baseline. A
// second no-op extension right after shows how long PHI Guard's deferred start (the language
// client's bundle, spawning the server) keeps the extension host busy once activate() returned.
const vscode = require('vscode');

const EXTENSION_ID = 'phi-guard.phi-guard';
const BASELINE_IDS = ['phi-guard-test.phi-guard-noop', 'phi-guard-test.phi-guard-noop-after'];

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

/** The window's own start-up (built-in extensions activating, indexing) would be timed too: let it settle. */
const SETTLE_MS = 4000;

exports.run = async function run({ log }) {
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const baselineMs = await timeActivation(BASELINE_IDS[0]);
  const activationMs = await timeActivation(EXTENSION_ID);
  const afterMs = await timeActivation(BASELINE_IDS[1]);
  log(`activation: ${activationMs.toFixed(1)} ms (no-op extension: ${baselineMs.toFixed(1)} ms before it, ${afterMs.toFixed(1)} ms right after it)`);
  return { activationMs, baselineMs, afterMs };
};

// The scan step of the GitHub Action (action.yml): runs `phi-guard scan` once, printing the
// findings as workflow-command annotations and writing SARIF for code scanning, then reports to
// the runner through GITHUB_OUTPUT (findings, exit-code, sarif-file) and GITHUB_STEP_SUMMARY (counts
// by rule and severity; never source text).
//
// It exits 0 whenever the scan ran, so the SARIF upload step can run first; the action's last
// step fails the job on the `exit-code` output.
//
// Inputs come as INPUT_* variables (action.yml maps them); the CLI is dist/cli.js beside this
// script unless PHI_GUARD_CLI names another.

import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const env = process.env;
const input = (name, fallback = '') => (env[`INPUT_${name}`] ?? '').trim() || fallback;

function fail(message) {
  process.stderr.write(`::error title=PHI Guard::${message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`);
  process.exit(2);
}

const [major] = process.versions.node.split('.').map(Number);
if (major < 20) fail(`PHI Guard needs Node 20 or newer on the runner; this is Node ${process.versions.node} (use actions/setup-node first)`);

const workspace = env.GITHUB_WORKSPACE || process.cwd();
const cwd = path.resolve(workspace, input('WORKING_DIRECTORY', '.'));
if (!existsSync(cwd)) fail(`working-directory does not exist: ${input('WORKING_DIRECTORY')}`);
const cli = env.PHI_GUARD_CLI || path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');
if (!existsSync(cli)) fail('the PHI Guard CLI is not built (the action runs `npm ci` in its own folder first)');

const failOn = input('FAIL_ON', 'error');
if (!['error', 'warning', 'never'].includes(failOn)) fail(`fail-on must be error, warning or never, not '${failOn}'`);
const sarifFile = path.resolve(cwd, input('SARIF_FILE', 'phi-guard.sarif'));
const paths = input('PATHS', '.').split(/\s+/).filter(Boolean);
const args = ['scan', ...paths, '--format', 'github', '--sarif-output', sarifFile, '--fail-on', failOn];
if (input('POLICY')) args.push('--policy', input('POLICY'));
if (input('BASELINE')) args.push('--baseline', input('BASELINE'));

const result = spawnSync(process.execPath, [cli, ...args], { cwd, env: { ...env, GITHUB_WORKSPACE: workspace }, stdio: ['ignore', 'inherit', 'inherit'] });
if (result.error) fail(`could not run phi-guard: ${result.error.message}`);
const exitCode = result.status ?? 2;

// What the SARIF report says (missing when the scan stopped on a usage error).
let results = [];
let ruleTitles = new Map();
if (existsSync(sarifFile)) {
  const run = JSON.parse(readFileSync(sarifFile, 'utf8')).runs?.[0];
  results = (run?.results ?? []).filter((r) => !(r.suppressions?.length > 0));
  ruleTitles = new Map((run?.tool?.driver?.rules ?? []).map((rule) => [rule.id, rule.shortDescription?.text ?? rule.id]));
}

if (env.GITHUB_OUTPUT) {
  const lines = [`findings=${results.length}`, `exit-code=${exitCode}`, `sarif-file=${existsSync(sarifFile) ? sarifFile : ''}`];
  appendFileSync(env.GITHUB_OUTPUT, `${lines.join('\n')}\n`);
}

if (env.GITHUB_STEP_SUMMARY) {
  const verdict = {
    0: '✅ No finding at or above the `fail-on` level',
    1: `❌ Findings at or above \`${failOn}\``,
    2: '❌ A file could not be analysed, or a usage or policy error (see the log)',
  }[exitCode] ?? `❌ phi-guard exited with ${exitCode}`;
  const counts = new Map();
  for (const r of results) {
    const key = `${r.ruleId}\u0000${r.level ?? 'warning'}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rows = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([key, n]) => {
    const [rule, level] = key.split('\u0000');
    return `| \`${rule}\` | ${ruleTitles.get(rule) ?? ''} | ${level} | ${n} |`;
  });
  const summary = [
    '## PHI Guard',
    '',
    verdict,
    '',
    `${results.length} finding(s)${input('BASELINE') ? ` not present in the baseline \`${input('BASELINE')}\`` : ''}.`,
    ...(rows.length > 0 ? ['', '| rule | | level | findings |', '|---|---|---|---|', ...rows] : []),
    '',
  ];
  appendFileSync(env.GITHUB_STEP_SUMMARY, `${summary.join('\n')}\n`);
}

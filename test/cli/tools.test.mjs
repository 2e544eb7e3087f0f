// `phi-guard tools`: the AI tools and vendors table (text, json, markdown), BAA expiry judged on a
// calendar day, --fail-on-expired, and policy discovery.
// Run after `node esbuild.mjs`: node --test test/cli/tools.test.mjs

import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ROOT, emptyTempDir, runCli } from './run-cli.mjs';

const FIXTURE_DIR = path.join(ROOT, 'test', 'fixtures', 'tools');
const POLICY = path.join(FIXTURE_DIR, 'phi-guard.json');

function toolsJson(args, options = { cwd: FIXTURE_DIR }) {
  const result = runCli(['tools', ...args, '--format', 'json'], options);
  return { ...result, report: JSON.parse(result.stdout) };
}

const vendor = (report, id) => report.vendors.find((entry) => entry.id === id);

describe('phi-guard tools', () => {
  test('json: the statuses of every tool and vendor as of a day', () => {
    const { status, report, stderr } = toolsJson(['--policy', POLICY, '--today', '2026-06-15']);
    assert.equal(status, 0, stderr);
    assert.equal(report.policy, 'phi-guard.json');
    assert.equal(report.today, '2026-06-15');
    assert.equal(report.expiryWarningDays, 30);
    assert.deepEqual(
      report.tools.map((tool) => [tool.id, tool.status, tool.baa, tool.phi]),
      [
        ['copilot-business', 'approved', 'signed', 'never'],
        ['openai-assistant', 'approved', 'expired', 'allowed'],
        ['claude-code-team', 'restricted', 'signed', 'deidentified-only'],
        ['cline', 'prohibited', 'none', 'never'],
        ['chatgpt-consumer', 'prohibited', 'none', 'never'],
      ],
    );
    assert.deepEqual(report.tools[0].useCases, ['code completion', 'chat about code']);
    assert.deepEqual(report.tools[0].extensionIds, ['GitHub.copilot', 'GitHub.copilot-chat']);
    assert.deepEqual(
      report.vendors.map((entry) => [entry.id, entry.kind, entry.baa, entry.expires ?? null, entry.expiringSoon, entry.flagged]),
      [
        ['github', 'ai', 'signed', '2099-12-31', false, false],
        ['openai', 'ai', 'expired', '2025-01-31', false, true],
        ['anthropic', 'ai', 'signed', '2026-07-01', true, true],
        ['datadog', 'observability', 'none', null, false, false],
        ['sentry', 'observability', 'pending', null, false, false],
      ],
    );
    assert.deepEqual(vendor(report, 'anthropic').daysUntilExpiry, 16);
    assert.deepEqual(vendor(report, 'openai').allow, ['clinical', 'demographics']);
    assert.deepEqual(vendor(report, 'openai').models, ['gpt-4.1', 'gpt-4.1-mini']);
    assert.deepEqual(report.summary, { approved: 2, restricted: 1, prohibited: 2, vendors: 5, expiredBaas: 1, expiringBaas: 1 });
    assert.deepEqual(report.problems, []);
    assert.equal('installed' in report, false, 'the CLI does not know the editor');
  });

  test('an expired BAA is reported as expired on its date: valid through it, expired the next day', () => {
    const onTheDay = vendor(toolsJson(['--policy', POLICY, '--today', '2025-01-31']).report, 'openai');
    assert.deepEqual([onTheDay.baa, onTheDay.baaText, onTheDay.daysUntilExpiry], ['signed', 'signed, until 2025-01-31', 0]);
    const dayAfter = vendor(toolsJson(['--policy', POLICY, '--today', '2025-02-01']).report, 'openai');
    assert.deepEqual([dayAfter.baa, dayAfter.baaDeclared, dayAfter.expires, dayAfter.baaText, dayAfter.daysUntilExpiry], ['expired', 'signed', '2025-01-31', 'expired on 2025-01-31', -1]);
  });

  test('without --today, today decides (the 2025 BAA has expired)', () => {
    const { report } = toolsJson([]);
    assert.equal(vendor(report, 'openai').baa, 'expired');
    assert.equal(vendor(report, 'github').baa, 'signed');
  });

  test('--fail-on-expired: exit 1 when a BAA has expired, 0 otherwise', () => {
    const expired = runCli(['tools', '--fail-on-expired', '--today', '2026-06-15'], { cwd: FIXTURE_DIR });
    assert.equal(expired.status, 1);
    assert.match(expired.stderr, /1 vendor BAA\(s\) expired as of 2026-06-15/);
    const valid = runCli(['tools', '--fail-on-expired', '--today', '2025-01-31'], { cwd: FIXTURE_DIR });
    assert.equal(valid.status, 0, valid.stderr);
    assert.equal(runCli(['tools', '--today', '2026-06-15'], { cwd: FIXTURE_DIR }).status, 0, 'without the flag, listing is not failing');
  });

  test('text: aligned tables of tools and vendors, and what needs attention', () => {
    const { status, stdout } = runCli(['tools', '--today', '2026-06-15'], { cwd: FIXTURE_DIR });
    assert.equal(status, 0);
    assert.match(stdout, /^AI tools & BAA — policy: phi-guard\.json, as of 2026-06-15\n/);
    assert.match(stdout, /\n {2}STATUS {6}TOOL {2,}VENDOR {2,}BAA {2,}PHI {2,}USE CASES\n/);
    assert.match(stdout, /\n {2}approved {4}GitHub Copilot Business {2,}github {2,}signed, until 2099-12-31 {2,}PHI never {2,}code completion, chat about code\n/);
    assert.match(stdout, /\n {2}OpenAI API ! {2,}openai {2,}ai {2,}expired on 2025-01-31 /);
    assert.match(stdout, /signed, until 2026-07-01 \(16 days left\)/);
    assert.match(stdout, /Needs attention\n {2}! Vendor OpenAI API: BAA expired on 2025-01-31\.\n/);
    assert.match(stdout, /2 approved, 1 restricted, 2 prohibited AI tool\(s\); 5 vendor\(s\), 1 BAA\(s\) expired, 1 expiring within 30 days\.\n$/);
    assert.doesNotMatch(stdout, /\x1b\[/, 'no colour when piped');
  });

  test('markdown: the BAA report', () => {
    const { status, stdout } = runCli(['tools', '--format', 'markdown', '--today', '2026-06-15'], { cwd: FIXTURE_DIR });
    assert.equal(status, 0);
    assert.match(stdout, /^# AI Tools & BAA report\n/);
    assert.match(stdout, /\| Tool \| Status \| Vendor \| BAA \| PHI \| Approved use cases \| Extensions \| Notes \|/);
    assert.match(stdout, /\| OpenAI API ⚠ \| `openai` \| ai \| expired \| 2025-01-31 \|/);
    assert.doesNotMatch(stdout, /Installed in this editor/);
  });

  test('finds the nearest phi-guard.json from a subfolder', () => {
    const dir = emptyTempDir('tools-nearest');
    writeFileSync(path.join(dir, 'phi-guard.json'), '{ "vendors": [{ "id": "x", "name": "X", "baa": "pending" }] }');
    mkdirSync(path.join(dir, 'src', 'api'), { recursive: true });
    const { status, report } = toolsJson([], { cwd: path.join(dir, 'src', 'api') });
    assert.equal(status, 0);
    assert.equal(report.policy, '../../phi-guard.json');
    assert.deepEqual(report.vendors.map((entry) => [entry.id, entry.baa]), [['x', 'pending']]);
  });

  test('no policy file: the defaults (nothing approved, nothing covered), exit 0', () => {
    const dir = emptyTempDir('tools-none');
    const { status, report, stderr } = toolsJson([], { cwd: dir });
    assert.equal(status, 0);
    assert.equal(report.policy, undefined);
    assert.deepEqual([report.tools, report.vendors], [[], []]);
    assert.match(stderr, /no phi-guard\.json found here or above/);
  });

  test('an invalid policy: problems on stderr and in json, valid entries still listed, exit 2', () => {
    const dir = emptyTempDir('tools-invalid');
    writeFileSync(
      path.join(dir, 'phi-guard.json'),
      '{\n  "vendors": [{ "id": "a", "baa": "maybe" }, { "id": "b", "baa": "signed" }],\n  "aiTools": [{ "id": "t", "status": "approved", "phi": "allowed" }]\n}\n',
    );
    const { status, report, stderr } = toolsJson(['--fail-on-expired'], { cwd: dir });
    assert.equal(status, 2);
    assert.match(stderr, /phi-guard\.json:2:35: error: `vendors\[0\]\.baa` must be one of: signed, pending, none, expired/);
    assert.match(stderr, /phi-guard\.json:3:57: warning: .*\[phi-without-baa\]/);
    assert.deepEqual(report.vendors.map((entry) => entry.id), ['b']);
    assert.deepEqual(report.problems.map((problem) => [problem.line, problem.severity, problem.code]), [[2, 'error', 'schema'], [3, 'warning', 'phi-without-baa']]);
  });

  test('usage errors: exit 2', () => {
    assert.equal(runCli(['tools', '--policy', 'missing.json'], { cwd: FIXTURE_DIR }).status, 2);
    const badDay = runCli(['tools', '--today', '2026-02-30'], { cwd: FIXTURE_DIR });
    assert.equal(badDay.status, 2);
    assert.match(badDay.stderr, /invalid value '2026-02-30' for '--today'/);
    assert.equal(runCli(['tools', '--format', 'sarif'], { cwd: FIXTURE_DIR }).status, 2);
    assert.equal(runCli(['tools', 'extra'], { cwd: FIXTURE_DIR }).status, 2);
  });

  test('help lists the options', () => {
    const { status, stdout } = runCli(['tools', '--help']);
    assert.equal(status, 0);
    for (const option of ['--policy', '--format', '--fail-on-expired', '--today']) assert.ok(stdout.includes(option), option);
    assert.match(runCli(['--help']).stdout, /\n {2}tools +List the AI tools and vendors/);
  });
});

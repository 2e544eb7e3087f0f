// `phi-guard report`: the auditor's compliance report on the demo workspace and on a throwaway git
// repository: its sections, the same coverage numbers as `phi-guard coverage`, suppressions with
// their reason and author, policy overrides, the BAA timeline — and no source text, no PHI value,
// nothing fetched from the network.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';
import { ROOT, runCli } from './run-cli.mjs';

const dirs = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(label) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `phi-guard-report-${label}-`));
  dirs.push(dir);
  return dir;
}

function copyDemo() {
  const dir = tempDir('demo');
  cpSync(path.join(ROOT, 'examples', 'demo-clinic'), dir, { recursive: true });
  return dir;
}

function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The HTML of one `<section id=...>`. */
function section(html, id) {
  const match = new RegExp(`<section id="${id}"[^>]*>([\\s\\S]*?)</section>`).exec(html);
  assert.ok(match, `section #${id} is in the report`);
  return match[1];
}

/** The cells of each table row of a section, tags stripped. */
function rows(html) {
  return [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)]
    .map((row) => [...row[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((cell) => cell[1].replace(/<[^>]+>/g, '').trim()))
    .filter((cells) => cells.length > 0);
}

function sourceFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== '.git' && entry.name !== 'node_modules') out.push(...sourceFiles(full));
    else if (entry.isFile() && /\.(py|tsx?|jsx?|prisma)$/.test(entry.name)) out.push(full);
  }
  return out;
}

/**
 * Every line of the scanned sources with real content (not a brace, a keyword alone or a short
 * word that could be a name the report lists) is absent from the report, raw and HTML-escaped.
 */
function assertNoSourceText(report, dir, minimum = 20) {
  let checked = 0;
  for (const file of sourceFiles(dir)) {
    for (const raw of readFileSync(file, 'utf8').split(/\r?\n/)) {
      const line = raw.trim();
      if (line.length < 12 || !/[A-Za-z]{3,}/.test(line)) continue;
      checked++;
      assert.ok(!report.includes(line), `source line of ${path.relative(dir, file)} in the report: ${line}`);
      assert.ok(!report.includes(escapeHtml(line)), `escaped source line of ${path.relative(dir, file)} in the report: ${line}`);
    }
  }
  assert.ok(checked >= minimum, `enough source lines checked (${checked})`);
}

function assertSelfContained(html) {
  assert.doesNotMatch(html, /https?:\/\//i, 'no http(s) URL at all');
  assert.doesNotMatch(html, /<(link|script|img|iframe|object|embed|source|video|audio|base)\b/i, 'no element that loads a resource (and no script)');
  assert.doesNotMatch(html, /\s(src|href|xlink:href|srcset)\s*=/i, 'no src/href attribute');
  assert.doesNotMatch(html, /url\(|@import|@font-face/i, 'no CSS that loads anything');
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
}

function git(args, cwd, env = {}) {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

describe('phi-guard report on the demo workspace', () => {
  const demo = copyDemo();
  const run = runCli(['report', '--output', 'compliance.html'], { cwd: demo });
  const html = existsSync(path.join(demo, 'compliance.html')) ? readFileSync(path.join(demo, 'compliance.html'), 'utf8') : '';
  rmSync(path.join(demo, 'compliance.html'), { force: true });

  test('writes one HTML page with every section and says what it describes', () => {
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /compliance report written to compliance\.html: audit coverage 71\.4%, 7 findings, 1 suppression, 0 policy overrides/);
    assert.match(html, /^<!DOCTYPE html>/);
    for (const id of ['overview', 'coverage', 'findings', 'suppressions', 'policy-overrides', 'vendors', 'ai-tools']) section(html, id);
    // A copy outside any repository: the report says so instead of naming a commit.
    assert.match(html, /<dd id="revision">not a git repository<\/dd>/);
    assert.match(html, /<dt>Generated<\/dt><dd>\d{4}-\d\d-\d\dT\d\d:\d\d/);
    assert.match(html, /@media print/);
  });

  test('the coverage numbers, overall and per service, are those of `phi-guard coverage --format json`', () => {
    const coverage = runCli(['coverage', '--format', 'json'], { cwd: demo });
    assert.equal(coverage.status, 0, coverage.stderr);
    const json = JSON.parse(coverage.stdout);
    const table = rows(section(html, 'coverage'));
    const asNumbers = (summary) => [summary.endpoints, summary.phiEndpoints, summary.covered, summary.mismatched, summary.missing, summary.suppressed].map(String);
    const total = table.find((cells) => cells[0] === 'All endpoints');
    assert.deepEqual(total.slice(1, 7), asNumbers(json.summary));
    assert.equal(total[7], `${json.summary.percent}% (${json.summary.covered}/${json.summary.phiEndpoints - json.summary.suppressed})`);
    // The demo's two services: the FastAPI app and the Express server.
    for (const service of ['app', 'web']) {
      const endpoints = json.endpoints.filter((endpoint) => endpoint.file.startsWith(`${service}/`));
      const phi = endpoints.filter((endpoint) => endpoint.touchesPhi);
      const row = table.find((cells) => cells[0] === `${service}/`);
      assert.ok(row, `a row for ${service}/`);
      assert.equal(row[1], String(endpoints.length));
      assert.equal(row[2], String(phi.length));
      assert.equal(row[3], String(phi.filter((endpoint) => endpoint.covered).length));
      assert.equal(row[5], String(phi.filter((endpoint) => endpoint.status === 'missing').length));
    }
    assert.equal(table.length, 1 + 2 + 1, 'header, total, two services');
    // The bar chart: one bar per row, labelled.
    const chart = /<svg class="chart" role="img" aria-label="Audit coverage[^"]*"[\s\S]*?<\/svg>/.exec(section(html, 'coverage'));
    assert.ok(chart, 'the coverage chart is an inline SVG');
    assert.equal([...chart[0].matchAll(/class="track"/g)].length, 3);
  });

  test('findings by rule and severity match the scan', () => {
    const scan = runCli(['scan', '--format', 'json', '--fail-on', 'never'], { cwd: demo });
    const findings = JSON.parse(scan.stdout).findings;
    const table = rows(section(html, 'findings'));
    const counts = {};
    for (const finding of findings) counts[finding.ruleId] = (counts[finding.ruleId] ?? 0) + 1;
    for (const [rule, count] of Object.entries(counts)) {
      const row = table.find((cells) => cells[0] === rule);
      assert.ok(row, `a row for ${rule}`);
      assert.deepEqual([row[1], row[4]], [String(count), String(count)], `${rule}: all errors`);
    }
    assert.deepEqual(table.find((cells) => cells[0] === 'All rules').slice(1), ['7', '0', '0', '7']);
    assert.ok(!table.some((cells) => cells[0] === 'phi-access-mismatch'), 'a rule without findings has no row');
  });

  test('the suppression is listed with its reason; vendors with the BAA timeline; AI tools by status', () => {
    const [, suppression] = rows(section(html, 'suppressions'));
    assert.equal(suppression[0], 'app/routers/patients.py:64');
    assert.equal(suppression[1], 'phi-in-log');
    assert.equal(suppression[2], 'records-retention reconciles erasures by MRN; audit.erasure writes only to the access-controlled audit store');
    assert.equal(suppression[3], '1');
    assert.match(suppression[4], /not in a git repository/);

    const vendors = section(html, 'vendors');
    assert.match(vendors, /<svg class="chart" role="img" aria-label="BAA expiry timeline per vendor"/);
    assert.equal([...vendors.matchAll(/<circle class="baa-valid"/g)].length, 2, 'OpenAI API and GitHub have dates; Sentry (pending) has none');
    const vendorRows = rows(vendors);
    assert.deepEqual(vendorRows.find((cells) => cells[0] === 'Sentry').slice(0, 3), ['Sentry', 'observability', 'pending']);
    assert.deepEqual(vendorRows.find((cells) => cells[0] === 'OpenAI API').slice(2, 4), ['signed, until 2028-03-31', '2028-03-31']);

    const tools = rows(section(html, 'ai-tools'));
    assert.deepEqual(
      tools.slice(1).map((cells) => [cells[0], cells[1]]),
      [['approved', 'GitHub Copilot Business'], ['restricted', 'OpenAI API (clinical notes summary)'], ['prohibited', 'ChatGPT (consumer app)']],
    );
    assert.match(section(html, 'policy-overrides'), /No rule is turned off/);
  });

  test('holds no source line of the scanned files, and loads nothing from the network', () => {
    assertNoSourceText(html, demo);
    assert.ok(!html.includes('patient.mrn') && !html.includes('patient.name'), 'no expression of the code');
    assertSelfContained(html);
  });

  test('--format markdown has the same sections and numbers, and no source text', () => {
    const md = runCli(['report', '--format', 'markdown'], { cwd: demo });
    assert.equal(md.status, 0, md.stderr);
    for (const heading of ['# PHI Guard compliance report', '## Audit coverage', '## Findings by rule and severity', '## Suppressions', '## Policy overrides', '## Vendors and BAA status', '## AI tools']) {
      assert.ok(md.stdout.includes(`\n${heading}\n`) || md.stdout.startsWith(`${heading}\n`), heading);
    }
    assert.match(md.stdout, /\| \*\*All endpoints\*\* \| 9 \| 7 \| 5 \| 0 \| 2 \| 0 \| 71\.4% \(5\/7\) \|/);
    assert.match(md.stdout, /\| `app\/routers\/patients\.py:64` \| `phi-in-log` \| records-retention reconciles erasures by MRN;/);
    assert.match(md.stdout, /- Describes: not a git repository/);
    assertNoSourceText(md.stdout, demo);
  });
});

describe('phi-guard report in a git repository', () => {
  const repo = tempDir('git');
  const author = { GIT_AUTHOR_NAME: 'Dana Auditor', GIT_AUTHOR_EMAIL: 'dana@example.test', GIT_COMMITTER_NAME: 'Dana Auditor', GIT_COMMITTER_EMAIL: 'dana@example.test', GIT_AUTHOR_DATE: '2026-03-04T10:00:00Z' };
  git(['init', '-q', '-b', 'main'], repo);
  mkdirSync(path.join(repo, 'billing'));
  // A file name and a reason an attacker or a careless colleague could write: escaped, never markup.
  const oddName = '<i>odd<i>.py';
  writeFileSync(
    path.join(repo, 'billing', oddName),
    [
      'import logging',
      '',
      'logger = logging.getLogger(__name__)',
      '',
      '',
      'def charge(patient):',
      '    # phi-guard: ignore[phi-in-log] -- billing run log goes to the <b>restricted</b> store & is purged after 7 days',
      '    logger.info("Charging patient %s", patient.ssn)',
      '',
    ].join('\n'),
  );
  writeFileSync(
    path.join(repo, 'phi-guard.json'),
    JSON.stringify({
      rules: { 'phi-in-error': 'off', 'unencrypted-phi-field': 'info' },
      vendors: [{ id: 'stripe', name: 'Stripe', kind: 'payments', baa: 'signed', expires: '2024-01-31' }],
    }),
  );
  git(['add', '-A'], repo);
  git(['commit', '-q', '-m', 'billing'], repo, author);
  const head = git(['rev-parse', 'HEAD'], repo);
  // A second suppression not committed yet.
  writeFileSync(
    path.join(repo, 'billing', 'refunds.py'),
    ['import logging', '', 'logger = logging.getLogger(__name__)', '', '', 'def refund(patient):', '    # phi-guard: ignore[phi-in-log] -- refund ledger reconciliation', '    logger.info("Refund for %s", patient.name)', ''].join('\n'),
  );

  const run = runCli(['report', '-o', 'out/report.html'], { cwd: repo });
  const html = existsSync(path.join(repo, 'out', 'report.html')) ? readFileSync(path.join(repo, 'out', 'report.html'), 'utf8') : '';

  test('names the commit it describes, and that the tree has changes beyond it only when tracked files changed', () => {
    assert.equal(run.status, 0, run.stderr);
    assert.match(html, new RegExp(`<dd id="revision">commit ${head} \\(branch main\\)</dd>`), 'an untracked file is not an uncommitted change of a tracked one');
    writeFileSync(path.join(repo, 'phi-guard.json'), `${readFileSync(path.join(repo, 'phi-guard.json'), 'utf8')}\n`);
    const dirty = runCli(['report'], { cwd: repo });
    assert.match(dirty.stdout, new RegExp(`commit ${head} \\(branch main\\) with uncommitted changes`));
    git(['checkout', '--', 'phi-guard.json'], repo);
  });

  test('each suppression has its reason (escaped) and the author and commit that added it', () => {
    const table = rows(section(html, 'suppressions'));
    const committed = table.find((cells) => cells[0].startsWith('billing/'));
    assert.equal(committed[0], 'billing/&lt;i&gt;odd&lt;i&gt;.py:7');
    assert.equal(committed[2], 'billing run log goes to the &lt;b&gt;restricted&lt;/b&gt; store &amp; is purged after 7 days');
    assert.equal(committed[4], `Dana Auditor, 2026-03-04, commit ${head.slice(0, 12)}`);
    const uncommitted = table.find((cells) => cells[0] === 'billing/refunds.py:7');
    assert.equal(uncommitted[2], 'refund ledger reconciliation');
    assert.equal(uncommitted[4], 'not committed yet');
    assert.ok(!html.includes('<b>restricted</b>') && !html.includes('<i>odd'), 'no markup from the repository');
    assert.ok(!html.includes('dana@example.test'), 'names, not e-mail addresses');
  });

  test('a shallow clone says its authors may be those of its oldest commit', () => {
    const clone = tempDir('shallow');
    git(['clone', '-q', '--depth', '1', pathToFileURL(repo).href, clone], os.tmpdir());
    const html = runCli(['report'], { cwd: clone }).stdout;
    assert.match(html, new RegExp(`<dd id="revision">commit ${head} \\(branch main\\) \\(a shallow clone: lines older than its history are attributed to its oldest commit\\)</dd>`));
    assert.doesNotMatch(runCli(['report'], { cwd: repo }).stdout, /shallow/);
  });

  test('the Markdown variant has the same author, and the reason as text (no markup, no link)', () => {
    const md = runCli(['report', '--format', 'markdown'], { cwd: repo });
    assert.equal(md.status, 0, md.stderr);
    const line = md.stdout.split('\n').find((l) => l.startsWith('| `billing/<i>odd<i>.py:7`'));
    assert.ok(line, md.stdout);
    assert.match(line, /\| billing run log goes to the &lt;b>restricted&lt;\/b> store & is purged after 7 days \| 1 \| Dana Auditor, 2026-03-04, commit [0-9a-f]{12} \|$/);
    assert.doesNotMatch(md.stdout, /<b>/, 'markup outside a code span is an entity');
  });

  test('a repository without a commit yet is named so, its suppressions not committed', () => {
    const fresh = tempDir('fresh');
    git(['init', '-q'], fresh);
    writeFileSync(path.join(fresh, 'svc.py'), 'import logging\n\n\ndef f(patient):\n    # phi-guard: ignore[phi-in-log] -- [see runbook](javascript:alert(1)) for the *purge*\n    logging.info(patient.name)\n');
    const html = runCli(['report'], { cwd: fresh }).stdout;
    assert.match(html, /<dd id="revision">a git repository with no commit yet<\/dd>/);
    assert.equal(rows(section(html, 'suppressions'))[1][4], 'not committed yet');
    const md = runCli(['report', '--format', 'markdown'], { cwd: fresh }).stdout;
    assert.ok(md.includes('| \\[see runbook\\](javascript:alert(1)) for the \\*purge\\* |'), md);
  });

  test('every rule the policy turns off or down is listed with the file that did it', () => {
    const table = rows(section(html, 'policy-overrides'));
    assert.deepEqual(table.slice(1).map((cells) => cells.slice(0, 4)).sort(), [
      ['phi-in-error', 'off', 'error', 'phi-guard.json'],
      ['unencrypted-phi-field', 'info', 'error', 'phi-guard.json'],
    ]);
  });

  test('an expired BAA is flagged and drawn as expired on the timeline', () => {
    const vendors = section(html, 'vendors');
    assert.match(vendors, /<circle class="baa-expired"/);
    assert.doesNotMatch(vendors, /<circle class="baa-valid"/);
    const row = rows(vendors).find((cells) => cells[0] === 'Stripe');
    assert.equal(row[2], 'expired on 2024-01-31');
    assert.match(row[4], /BAA expired on 2024-01-31/);
  });

  test('no source text, nothing external', () => {
    assertNoSourceText(html, repo, 8);
    assert.ok(!html.includes('patient.ssn'));
    assertSelfContained(html);
  });
});

describe('phi-guard report: output and usage', () => {
  test('--output never writes through a symbolic link', () => {
    const dir = copyDemo();
    const victim = path.join(tempDir('victim'), 'profile');
    writeFileSync(victim, 'keep me\n');
    symlinkSync(victim, path.join(dir, 'report.html'));
    const run = runCli(['report', '--output', 'report.html'], { cwd: dir });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /not writing the report to 'report\.html'/);
    assert.equal(readFileSync(victim, 'utf8'), 'keep me\n');
    assert.ok(statSync(victim).size > 0);
  });

  test('an unknown format is a usage error; --help lists the formats', () => {
    const run = runCli(['report', '--format', 'pdf'], { cwd: copyDemo() });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /html|markdown/);
    const help = runCli(['report', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /phi-guard report \[paths\.\.\.\] \[--format html\|markdown\] \[--output FILE\]/);
    assert.match(runCli(['--help']).stdout, /report\s+Write the compliance report/);
  });
});

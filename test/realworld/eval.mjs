// `npm run eval:real`: PHI Guard's accuracy on real healthcare repositories, judged by hand.
//
// Each `<owner>__<repo>.json` beside this file names a repository, the commit it was judged at,
// and hand-judged findings (`file`, `line`, `rule`, `verdict`: "true" or "false", `why`) plus
// judged misses (leaks PHI Guard should report but did not), and optionally `policy`: the audit
// controls `phi-guard init` proposes on that checkout, uncommented (only those of init's
// proposals that really write an audit record or audit access; never names init does not
// propose), i.e. the phi-guard.json its team would write on day one. The scan is given that
// policy (a temporary file passed with `--policy`); `--no-policy` scans with the defaults. The checkouts live outside this
// repository, in PHI_GUARD_REALWORLD_DIR (default ~/.cache/phi-guard-realworld/<owner>__<repo>);
// a missing one is named and skipped, never a failure. The scan uses the built dist/cli.js.
//
//   node test/realworld/eval.mjs [--no-policy] [--only REPO]
//                                                per-rule precision and recall, and every line that disagrees
//   node test/realworld/eval.mjs sample RULE[,RULE...] N SEED [--exclude-judged]
//                                                N findings of RULE drawn at random (fixed seed) across
//                                                the present checkouts, for judging
//   node test/realworld/eval.mjs findings REPO   the current findings of one repository (rule, file, line, message)
//
// Precision of a rule: among the current findings that were judged, the share judged true.
// Recall of a rule: among the judged leaks (findings judged true, and judged misses), the share
// the current scan reports. A finding matches a judgement by repository, file, rule and line.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
// PHI_GUARD_CLI: another build's cli.js (e.g. a checkout of the previous release, to compare).
const cli = process.env.PHI_GUARD_CLI ?? path.join(root, 'dist', 'cli.js');
const cacheDir = process.env.PHI_GUARD_REALWORLD_DIR ?? path.join(os.homedir(), '.cache', 'phi-guard-realworld');
const flags = process.argv.slice(2);
/** Scan every repository with the default policy, ignoring the judgement files' `policy`. */
const withoutPolicy = flags.includes('--no-policy');
/** Only this repository (`<owner>__<repo>`), for a quicker look. */
const only = flags.includes('--only') ? flags[flags.indexOf('--only') + 1] : undefined;

export function loadJudgements() {
  return readdirSync(here)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ id: file.replace(/\.json$/, ''), ...JSON.parse(readFileSync(path.join(here, file), 'utf8')) }))
    .filter((entry) => !only || entry.id === only);
}

/** The checkout of a judged repository, or why it cannot be used. */
function checkoutOf(entry) {
  const dir = path.join(cacheDir, entry.id);
  if (!existsSync(dir)) return { missing: `not found at ${dir}` };
  const head = spawnSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' });
  if (head.status === 0 && head.stdout.trim() !== entry.commit) return { missing: `${dir} is at ${head.stdout.trim().slice(0, 12)}, not the judged commit ${entry.commit.slice(0, 12)}` };
  return { dir };
}

const scans = new Map();
/** The findings of the current build on one checkout (paths relative to it), under the entry's policy. */
function scan(dir, policy) {
  if (scans.has(dir)) return scans.get(dir);
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first');
  const args = [cli, 'scan', '.', '--format', 'json', '--fail-on', 'never', '--allow-unanalysed'];
  // The policy lives outside the checkout, so the checkout stays as judged.
  const policyDir = policy && !withoutPolicy ? mkdtempSync(path.join(os.tmpdir(), 'phi-guard-eval-')) : undefined;
  if (policyDir) {
    const policyFile = path.join(policyDir, 'phi-guard.json');
    writeFileSync(policyFile, JSON.stringify(policy));
    args.push('--policy', policyFile);
  }
  let result;
  try {
    result = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  } finally {
    if (policyDir) rmSync(policyDir, { recursive: true, force: true });
  }
  if (result.status !== 0) throw new Error(`phi-guard scan failed in ${dir} (exit ${result.status})`);
  const report = JSON.parse(result.stdout);
  const findings = report.findings.map((f) => ({ file: f.file, line: f.line, rule: f.ruleId, message: f.message }));
  scans.set(dir, findings);
  return findings;
}

const key = (repo, file, rule, line) => `${repo}\0${file}\0${rule}\0${line}`;

function evaluate() {
  const perRule = new Map();
  const stats = (rule) => {
    if (!perRule.has(rule)) perRule.set(rule, { judgedFindings: 0, truePositives: 0, leaks: 0, found: 0 });
    return perRule.get(rule);
  };
  const disagreements = [];
  const missing = [];
  let unjudged = 0;
  for (const entry of loadJudgements()) {
    const checkout = checkoutOf(entry);
    if (checkout.missing) {
      missing.push(`${entry.repository}: ${checkout.missing}`);
      continue;
    }
    const current = new Set(scan(checkout.dir, entry.policy).map((f) => key(entry.id, f.file, f.rule, f.line)));
    const judgedKeys = new Set();
    for (const judged of entry.findings ?? []) {
      const k = key(entry.id, judged.file, judged.rule, judged.line);
      judgedKeys.add(k);
      const reported = current.has(k);
      const s = stats(judged.rule);
      if (reported) {
        s.judgedFindings++;
        if (judged.verdict === 'true') s.truePositives++;
        else disagreements.push(`false positive still reported  ${entry.id} ${judged.file}:${judged.line} ${judged.rule} — ${judged.why}`);
      }
      if (judged.verdict === 'true') {
        s.leaks++;
        if (reported) s.found++;
        else disagreements.push(`judged leak no longer reported ${entry.id} ${judged.file}:${judged.line} ${judged.rule} — ${judged.why}`);
      }
    }
    for (const miss of entry.misses ?? []) {
      const s = stats(miss.rule);
      s.leaks++;
      if (current.has(key(entry.id, miss.file, miss.rule, miss.line))) s.found++;
      else disagreements.push(`missed leak                    ${entry.id} ${miss.file}:${miss.line} ${miss.rule} — ${miss.why}`);
    }
    for (const k of current) if (!judgedKeys.has(k)) unjudged++;
  }
  return { perRule, disagreements, missing, unjudged };
}

function ratio(numerator, denominator) {
  return denominator ? (numerator / denominator).toFixed(2) : '—';
}

function printEvaluation() {
  const { perRule, disagreements, missing, unjudged } = evaluate();
  for (const line of missing) console.log(`absent: ${line}`);
  console.log('');
  console.log('rule                    precision (judged findings)   recall (judged leaks)');
  const totals = { judgedFindings: 0, truePositives: 0, leaks: 0, found: 0 };
  for (const [rule, s] of [...perRule.entries()].sort()) {
    for (const k of Object.keys(totals)) totals[k] += s[k];
    console.log(`${rule.padEnd(24)}${`${ratio(s.truePositives, s.judgedFindings)} (${s.truePositives}/${s.judgedFindings})`.padEnd(30)}${ratio(s.found, s.leaks)} (${s.found}/${s.leaks})`);
  }
  console.log(`${'all'.padEnd(24)}${`${ratio(totals.truePositives, totals.judgedFindings)} (${totals.truePositives}/${totals.judgedFindings})`.padEnd(30)}${ratio(totals.found, totals.leaks)} (${totals.found}/${totals.leaks})`);
  console.log(withoutPolicy ? 'policy: the defaults (--no-policy)' : 'policy: each repository\'s `policy` (the audit controls init proposes, uncommented), else the defaults');
  console.log(`\n${unjudged} current findings are not judged (draw a sample with \`sample\` to judge them).`);
  if (disagreements.length) console.log(`\n${disagreements.join('\n')}`);
}

/** A small seeded generator (mulberry32), so a sample can be drawn again. */
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function printSample(rule, count, seed, excludeJudged) {
  const pool = [];
  for (const entry of loadJudgements()) {
    const checkout = checkoutOf(entry);
    if (checkout.missing) continue;
    const judged = new Set((entry.findings ?? []).map((j) => key(entry.id, j.file, j.rule, j.line)));
    for (const finding of scan(checkout.dir, entry.policy)) {
      if (finding.rule !== rule) continue;
      if (excludeJudged && judged.has(key(entry.id, finding.file, finding.rule, finding.line))) continue;
      pool.push({ repo: entry.id, ...finding });
    }
  }
  pool.sort((a, b) => (a.repo + a.file + a.line).localeCompare(b.repo + b.file + b.line));
  const random = seeded(seed);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  console.log(`${rule}: ${Math.min(count, pool.length)} of ${pool.length} findings (seed ${seed})`);
  for (const f of pool.slice(0, count)) console.log(`${f.repo}\t${f.file}:${f.line}\t${f.message}`);
}

function printFindings(id) {
  const entry = loadJudgements().find((e) => e.id === id);
  if (!entry) throw new Error(`no test/realworld/${id}.json`);
  const checkout = checkoutOf(entry);
  if (checkout.missing) throw new Error(checkout.missing);
  for (const f of scan(checkout.dir, entry.policy)) console.log(`${f.rule}\t${f.file}:${f.line}\t${f.message}`);
}

const [command, ...rest] = flags.filter((flag, index) => !flag.startsWith('--') && flags[index - 1] !== '--only' || ['--exclude-judged'].includes(flag));
if (!command) printEvaluation();
// Several rules at once (`sample phi-in-log,phi-in-error 20 7`) scan each checkout once.
else if (command === 'sample') for (const rule of rest[0].split(',')) printSample(rule, Number(rest[1] ?? 20), Number(rest[2] ?? 1), rest.includes('--exclude-judged'));
else if (command === 'findings') printFindings(rest[0]);
else {
  console.error('usage: eval.mjs [sample RULE N SEED [--exclude-judged] | findings REPO]');
  process.exit(2);
}

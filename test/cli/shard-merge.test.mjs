// `phi-guard scan --shard K/N` and `phi-guard merge` (docs/ci.md, "Splitting a scan across CI
// jobs"): the shards of a project with flows across files, merged, give byte for byte the report
// of a single run (JSON, SARIF, text), with its exit code; reports that do not belong together
// are refused, saying why.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { emptyTempDir, ROOT, runCli, sarifSchemaErrors } from './run-cli.mjs';

const SHARDS = 3;

/** The Python and TypeScript flows fixtures in one tree, with a policy override, a suppression naming no rule and a file with syntax errors. */
function project() {
  const dir = emptyTempDir('shard');
  cpSync(path.join(ROOT, 'test/fixtures/flows/python'), dir, { recursive: true });
  cpSync(path.join(ROOT, 'test/fixtures/flows/ts'), path.join(dir, 'web'), { recursive: true });
  mkdirSync(path.join(dir, 'legacy'));
  writeFileSync(path.join(dir, 'legacy/phi-guard.json'), JSON.stringify({ rules: { 'phi-in-log': 'warning' } }));
  writeFileSync(
    path.join(dir, 'legacy/notes.py'),
    'import logging\nlogger = logging.getLogger(__name__)\n\ndef show(patient):\n    logger.info("ssn %s", patient.ssn)\n    total = 1  # phi-guard: ignore[not-a-rule]\n    return total\n',
  );
  writeFileSync(path.join(dir, 'broken.py'), 'def broken(:\n    return 1\n');
  return dir;
}

/** Runs every shard with `args`, writing each shard's report (and SARIF) outside the scanned tree. */
function scanShards(dir, args, out = emptyTempDir('shard-out')) {
  const shards = [];
  for (let k = 1; k <= SHARDS; k++) {
    const json = path.join(out, `shard-${k}.json`);
    const sarif = path.join(out, `shard-${k}.sarif`);
    const run = runCli(['scan', ...args, '--shard', `${k}/${SHARDS}`, '--format', 'json', '--output', json, '--sarif-output', sarif], { cwd: dir });
    assert.ok(run.status === 0 || run.status === 1 || run.status === 2, run.stderr);
    shards.push({ status: run.status, json, sarif, report: JSON.parse(readFileSync(json, 'utf8')) });
  }
  return shards;
}

const filesOf = (report) => report.files.map((f) => f.file);

describe('scan --shard and merge', () => {
  test('three shards merged give the single run JSON report, byte for byte, and its exit code', () => {
    const dir = project();
    const single = runCli(['scan', '--format', 'json'], { cwd: dir });
    const shards = scanShards(dir, []);
    // Every file is in exactly one shard, and the split is not trivial.
    const all = JSON.parse(single.stdout);
    assert.deepEqual(shards.flatMap((s) => filesOf(s.report)).sort(), filesOf(all).sort());
    assert.ok(shards.filter((s) => s.report.files.length > 0).length >= 2, 'at least two shards have files');
    // A shard reports the leak through a helper that lives in another shard: it follows calls into the whole tree.
    // The split is a fixed function of the relative path (sha256): pinned, since caches and mixed runs rely on it.
    const pinned = ['clinic/intake.py', 'clinic/audit.py', 'web/src/visits.ts'];
    assert.deepEqual(shards.map((s) => pinned.filter((f) => filesOf(s.report).includes(f))), [[], ['clinic/intake.py'], ['clinic/audit.py', 'web/src/visits.ts']]);
    const caller = shards.find((s) => filesOf(s.report).includes('clinic/intake.py'));
    assert.ok(!filesOf(caller.report).includes('clinic/audit.py'), 'the fixture puts the caller and the helper in different shards');
    assert.ok(caller.report.findings.some((f) => f.file === 'clinic/intake.py' && f.flow.at(-1).file === 'clinic/audit.py'));
    // Every shard repeats the tree's policy override; no shard repeats another's file notices.
    for (const s of shards) assert.deepEqual(s.report.policyOverrides, all.policyOverrides);
    assert.ok(all.policyOverrides.length > 0 && all.notices.some((n) => n.kind === 'unknown-suppression-rule') && all.notices.some((n) => n.kind === 'syntax-errors'));

    const merged = runCli(['merge', ...[...shards].reverse().map((s) => s.json)], { cwd: dir });
    assert.equal(merged.stderr, '');
    assert.equal(merged.stdout, single.stdout);
    assert.equal(merged.status, single.status);
    assert.equal(merged.status, 1);
    assert.ok(!('shard' in JSON.parse(merged.stdout)));
  });

  test('the shards’ SARIF logs merge into the single run’s SARIF log; text comes from the JSON reports', () => {
    const dir = project();
    const shards = scanShards(dir, []);
    const single = runCli(['scan', '--format', 'sarif'], { cwd: dir });
    const written = path.join(emptyTempDir('merged'), 'merged.sarif');
    const merged = runCli(['merge', ...shards.map((s) => s.sarif), '--output', written], { cwd: dir });
    assert.equal(merged.status, 1);
    assert.equal(merged.stdout, '');
    assert.equal(readFileSync(written, 'utf8'), single.stdout);
    const toStdout = runCli(['merge', ...shards.map((s) => s.sarif)], { cwd: dir });
    assert.equal(toStdout.stdout, single.stdout);
    const log = JSON.parse(toStdout.stdout);
    assert.deepEqual(sarifSchemaErrors(log), []);
    assert.equal(log.runs[0].properties, undefined);
    // Each shard's own log is valid SARIF too (the merge information sits in the run's property bag).
    assert.deepEqual(sarifSchemaErrors(JSON.parse(readFileSync(shards[0].sarif, 'utf8'))), []);

    const text = runCli(['scan'], { cwd: dir });
    const mergedText = runCli(['merge', ...shards.map((s) => s.json), '--format', 'text'], { cwd: dir });
    assert.equal(mergedText.stdout, text.stdout);
    assert.equal(mergedText.status, text.status);
    assert.match(mergedText.stderr, /legacy\/notes\.py:6:\d+: warning: suppression names an unknown rule id 'not-a-rule'/);
  });

  test('--fail-on and files not analysed give the exit code of a single run', () => {
    const dir = project();
    symlinkSync('gone.py', path.join(dir, 'clinic/dangling.py'));
    const shards = scanShards(dir, []);
    const single = runCli(['scan', '--format', 'json'], { cwd: dir });
    assert.equal(single.status, 2);
    const merged = runCli(['merge', ...shards.map((s) => s.json)], { cwd: dir });
    assert.equal(merged.stdout, single.stdout);
    assert.equal(merged.status, 2);
    const text = runCli(['merge', ...shards.map((s) => s.json), '--format', 'text'], { cwd: dir });
    assert.equal(text.stdout, runCli(['scan'], { cwd: dir }).stdout);
    assert.match(text.stdout, /1 file not analysed \(1 unreadable\)/);
    assert.equal(text.status, 2);
    // --fail-on cannot excuse a file nobody analysed.
    assert.equal(runCli(['merge', ...shards.map((s) => s.sarif), '--fail-on', 'never'], { cwd: dir }).status, 2);

    const allowed = scanShards(dir, ['--allow-unanalysed']);
    const singleAllowed = runCli(['scan', '--format', 'json', '--allow-unanalysed'], { cwd: dir });
    const mergedAllowed = runCli(['merge', ...allowed.map((s) => s.json)], { cwd: dir });
    assert.equal(mergedAllowed.stdout, singleAllowed.stdout);
    assert.equal(mergedAllowed.status, 1);
    assert.equal(runCli(['merge', ...allowed.map((s) => s.json), '--fail-on', 'never'], { cwd: dir }).status, 0);
    assert.equal(runCli(['merge', ...allowed.map((s) => s.sarif), '--fail-on', 'never'], { cwd: dir }).status, 0);
    // Shards of a run with --allow-unanalysed and of one without do not mix.
    const mixed = runCli(['merge', allowed[0].json, shards[1].json, shards[2].json], { cwd: dir });
    assert.equal(mixed.status, 2);
    assert.match(mixed.stderr, /different options|--allow-unanalysed/);
  });

  test('a clean tree merges clean', () => {
    const dir = emptyTempDir('shard-clean');
    for (const name of ['a.py', 'b.py', 'c.py', 'd.py', 'e.py']) writeFileSync(path.join(dir, name), 'def add(a, b):\n    return a + b\n');
    const shards = scanShards(dir, []);
    const single = runCli(['scan', '--format', 'json'], { cwd: dir });
    const merged = runCli(['merge', ...shards.map((s) => s.json)], { cwd: dir });
    assert.equal(merged.stdout, single.stdout);
    assert.equal(merged.status, 0);
  });

  test('the split depends on the relative paths only: a copy of the tree elsewhere splits alike', () => {
    const dir = project();
    const elsewhere = emptyTempDir('shard-elsewhere');
    cpSync(dir, elsewhere, { recursive: true });
    const here = scanShards(dir, []);
    const there = scanShards(elsewhere, []);
    assert.deepEqual(there.map((s) => filesOf(s.report)), here.map((s) => filesOf(s.report)));
    // Reports of the same tree contents from two folders merge.
    const merged = runCli(['merge', here[0].json, there[1].json, here[2].json], { cwd: dir });
    assert.equal(merged.status, 1, merged.stderr);
  });

  test('shards sharing a --cache folder each keep a file there, and a second run is served from it', () => {
    const dir = project();
    const cache = `${emptyTempDir('shard-cache')}/`;
    scanShards(dir, ['--cache', '--cache-location', cache]);
    const files = readdirSync(cache).sort();
    assert.deepEqual(files.map((f) => f.replace(/^\.phi-guard-cache-[0-9a-f]+/, '')), ['.shard-1-of-3', '.shard-2-of-3', '.shard-3-of-3']);
    // The caller's shard cached the summary of the helper it imports from another shard.
    const callerShard = scanShards(dir, []).findIndex((s) => filesOf(s.report).includes('clinic/intake.py')) + 1;
    const callerCache = JSON.parse(readFileSync(path.join(cache, files.find((f) => f.endsWith(`.shard-${callerShard}-of-3`))), 'utf8'));
    assert.ok(Object.keys(callerCache.summaries).some((file) => file.endsWith(path.join('clinic', 'audit.py'))));

    const warm = scanShards(dir, ['--cache', '--cache-location', cache]);
    for (const s of warm) assert.equal(s.report.summary.cache.misses, 0);
    const merged = JSON.parse(runCli(['merge', ...warm.map((s) => s.json)], { cwd: dir }).stdout);
    const single = JSON.parse(runCli(['scan', '--format', 'json'], { cwd: dir }).stdout);
    assert.deepEqual(merged.summary.cache, { hits: single.summary.filesScanned, misses: 0 });
    delete merged.summary.cache;
    assert.deepEqual(merged, single);
  });

  test('--baseline REF: the merged shards report the findings a branch adds, as a single run does', () => {
    const dir = emptyTempDir('shard-baseline');
    const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: os.devNull };
    const git = (...args) => assert.equal(spawnSync('git', args, { cwd: dir, env }).status, 0, `git ${args.join(' ')}`);
    const header = 'import logging\nlogger = logging.getLogger(__name__)\n\n';
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    for (const name of names) writeFileSync(path.join(dir, `${name}.py`), `${header}def show(patient):\n    logger.info(patient.ssn)\n`);
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '-m', 'old leaks');
    // Every other file gains a second leak.
    for (const name of names.filter((_, i) => i % 2 === 0)) {
      writeFileSync(path.join(dir, `${name}.py`), `${header}def show(patient):\n    logger.info(patient.ssn)\n\ndef born(patient):\n    logger.info(patient.date_of_birth)\n`);
    }
    const single = runCli(['scan', '--baseline', 'main', '--format', 'json'], { cwd: dir });
    assert.equal(JSON.parse(single.stdout).findings.length, 3);
    const shards = scanShards(dir, ['--baseline', 'main']);
    const merged = runCli(['merge', ...shards.map((s) => s.json)], { cwd: dir });
    assert.equal(merged.stdout, single.stdout);
    assert.equal(merged.status, 1);
  });

  test('reports that are not the shards of one run are refused, saying why', () => {
    const dir = project();
    const shards = scanShards(dir, []);
    const refuse = (args, pattern) => {
      const run = runCli(['merge', ...args], { cwd: dir });
      assert.equal(run.status, 2, run.stderr);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, pattern);
    };
    refuse([shards[0].json, shards[2].json], /shard 2\/3 is missing/);
    refuse([shards[0].json], /shards 2\/3, 3\/3 are missing/);
    refuse([shards[0].json, shards[1].json, shards[1].json, shards[2].json], /shard 2\/3 is given twice/);
    refuse([shards[0].json, shards[1].sarif, shards[2].json], /is a JSON report but .* is a SARIF log/);
    refuse([...shards.map((s) => s.sarif), '--format', 'json'], /SARIF logs merge into SARIF only/);
    refuse([...shards.map((s) => s.json), '--format', 'sarif'], /merge the shards' SARIF logs/);
    refuse([], /no reports to merge/);
    refuse([path.join(dir, 'nope.json')], /cannot read .*nope\.json \(ENOENT\)/);
    refuse([path.join(dir, 'broken.py')], /broken\.py is not JSON/);

    const out = emptyTempDir('plain');
    const plain = path.join(out, 'plain.json');
    writeFileSync(plain, runCli(['scan', '--format', 'json'], { cwd: dir }).stdout);
    refuse([plain], /plain\.json is not a shard's report: write each shard with `phi-guard scan --shard K\/N`/);

    const four = path.join(out, 'four.json');
    runCli(['scan', '--shard', '1/4', '--format', 'json', '--output', four], { cwd: dir });
    refuse([four, shards[1].json, shards[2].json], /shard-2\.json is shard 2\/3 but .*four\.json is shard 1\/4: the shards of one run share N/);

    const version = path.join(out, 'version.json');
    writeFileSync(version, JSON.stringify({ ...shards[0].report, version: '0.0.1' }));
    refuse([version, shards[1].json, shards[2].json], /version\.json was written by PHI Guard 0\.0\.1, this is /);

    const edited = path.join(out, 'edited.json');
    const cut = structuredClone(shards.find((s) => s.report.findings.length > 0).report);
    cut.findings.pop();
    writeFileSync(edited, JSON.stringify(cut));
    refuse([edited, ...shards.filter((s) => s.report.shard.index !== cut.shard.index).map((s) => s.json)], /edited\.json: \d+ findings where its shard information counts \d+: the report was edited/);

    const bigger = path.join(out, 'bigger.json');
    runCli(['scan', '--shard', '1/3', '--max-file-size-kb', '5', '--format', 'json', '--output', bigger], { cwd: dir });
    refuse([bigger, shards[1].json, shards[2].json], /were scanned with different options/);

    // The same --policy file, edited between the shards' runs.
    const policyFile = path.join(out, 'team-policy.json');
    writeFileSync(policyFile, JSON.stringify({ rules: { 'phi-in-error': 'warning' } }));
    const withPolicy = [2, 3].map((k) => {
      const file = path.join(out, `policy-${k}.json`);
      runCli(['scan', '--policy', policyFile, '--shard', `${k}/3`, '--format', 'json', '--output', file], { cwd: dir });
      return file;
    });
    writeFileSync(policyFile, JSON.stringify({ rules: { 'phi-in-error': 'off' } }));
    const edited1 = path.join(out, 'policy-1.json');
    runCli(['scan', '--policy', policyFile, '--shard', '1/3', '--format', 'json', '--output', edited1], { cwd: dir });
    refuse([edited1, ...withPolicy], /policy-2\.json and .*policy-1\.json were scanned with different policies/);

    // The same files with one changed: another tree, though every path is the same.
    const other = project();
    writeFileSync(path.join(other, 'clinic/base.py'), `${readFileSync(path.join(other, 'clinic/base.py'), 'utf8')}\n# edited\n`);
    const otherShards = scanShards(other, []);
    refuse([otherShards[0].json, shards[1].json, shards[2].json], /are reports of different trees \(the files, or their contents, differ\)/);
  });

  test('--shard takes K/N with 1 <= K <= N', () => {
    const dir = project();
    for (const [value, pattern] of [
      ['0/3', /the shard must be 1 to 3/],
      ['5/3', /the shard must be 1 to 3/],
      ['1/0', /the number of shards must be 1 to 256/],
      ['x', /expected K\/N, e.g. 2\/4/],
      ['2', /expected K\/N/],
      ['-1/3', /expected K\/N|needs a value/],
    ]) {
      const run = runCli(['scan', '--shard', value], { cwd: dir });
      assert.equal(run.status, 2, value);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, pattern, value);
    }
    // One shard of one is the whole run.
    const whole = runCli(['scan', '--shard', '1/1', '--format', 'json'], { cwd: dir });
    const { shard, ...report } = JSON.parse(whole.stdout);
    assert.equal(shard.index, 1);
    assert.deepEqual(report, JSON.parse(runCli(['scan', '--format', 'json'], { cwd: dir }).stdout));
  });

  test('help names the shard option and the merge command', () => {
    assert.match(runCli(['scan', '--help']).stdout, /--shard K\/N .*phi-guard merge/);
    assert.match(runCli(['--help']).stdout, /\n {2}merge +Join the reports of `scan --shard K\/N`/);
    const help = runCli(['merge', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: phi-guard merge <reports\.\.\.> \[--format json\|sarif\|text\]/);
    assert.match(help.stdout, /--fail-on error\|warning\|never/);
    assert.match(help.stdout, /docs\/ci\.md/);
  });
});

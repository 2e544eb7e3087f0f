// `npm run bench`: PHI Guard's speed and memory, each measured side by side with baselines in
// the same run on the same generated tree, printed as a table and written to bench/results.json.
// Benchmarks are not tests: nothing here asserts a time (docs/architecture.md, "Tests mirror the layers").
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';
import { measureIndexBuild, measureIndexedLatency, measureLiveLatency, measureServerMemory } from './lsp-bench.mjs';
import { measureParseVsRules } from './engine-bench.mjs';
import { percentile } from './sample-source.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Outside the repository: the CLI honours .gitignore, and a tree inside this checkout would be
// ignored (or would need a flag no user passes).
const generatedDir = process.env.BENCH_DIR ?? path.join(os.tmpdir(), 'phi-guard-bench');
const sizes = (process.env.BENCH_SIZES ?? '50000,500000,2000000').split(',').map(Number);
const repeats = Number(process.env.BENCH_REPEATS ?? 3);
const liveSizes = (process.env.BENCH_LIVE_LINES ?? '1000,5000,10000').split(',').map(Number);
// The workspace index: built by the server on the trees up to this size; keystrokes with it loaded at these file sizes.
const indexMaxLines = Number(process.env.BENCH_INDEX_MAX_LINES ?? 500_000);
const indexedLiveSizes = (process.env.BENCH_INDEXED_LIVE_LINES ?? '1000,5000').split(',').map(Number);
// The last full run before the workspace index: the bounds are relative to it.
const beforeIndex = JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'baselines/before-index.json'), 'utf8'));

function log(message) {
  process.stderr.write(`${message}\n`);
}

/** Runs a command `repeats` times; returns the median wall time (ms) and the child's peak RSS. */
function timeCommand(command, args, { env = {}, mustSucceed = false } = {}) {
  const walls = [];
  let peakRssKb;
  for (let i = 0; i < repeats; i++) {
    const rssFile = path.join(os.tmpdir(), `phi-guard-bench-rss-${process.pid}-${i}`);
    const started = performance.now();
    const result = spawnSync(command, args, {
      cwd: root,
      env: { ...process.env, ...env, PHI_GUARD_BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    walls.push(performance.now() - started);
    if (result.error) throw result.error;
    // A run that failed (a refused option, a crash) took no time worth reporting.
    if (mustSucceed && result.status !== 0) throw new Error(`${path.basename(command)} ${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
    if (existsSync(rssFile)) peakRssKb = Math.max(peakRssKb ?? 0, Number(readFileSync(rssFile, 'utf8')));
  }
  return { ms: percentile(walls, 50), peakRssKb };
}

function findRipgrep() {
  const which = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' });
  if (which.status === 0) return which.stdout.trim();
  // The npm package downloads its binary from outside the registry; Debian ships ripgrep.
  if (process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0) {
    log('installing ripgrep from Debian for the lexical baseline…');
    let install = spawnSync('apt-get', ['install', '-y', '-q', 'ripgrep'], { stdio: 'ignore' });
    if (install.status !== 0) {
      spawnSync('apt-get', ['update', '-q'], { stdio: 'ignore' });
      install = spawnSync('apt-get', ['install', '-y', '-q', 'ripgrep'], { stdio: 'ignore' });
    }
    if (install.status === 0) return 'rg';
  }
  return undefined;
}

const PHI_WORDS = 'patient|first_?name|last_?name|full_?name|dob|date_?of_?birth|birth_?date|ssn|mrn|diagnos[ie]s|email|phone|address|insurance|medication|prescription|allerg|lab_?result|symptom|clinical_?notes';
const RIPGREP_PATTERN = `(?i)(print|console\\.\\w+|log(ger|ging)?\\.\\w+)\\(.*(${PHI_WORDS})`;

function countLines(dir) {
  let lines = 0;
  const stack = [dir];
  while (stack.length) {
    const current = stack.pop();
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (/\.(py|ts|tsx|js|jsx)$/.test(entry.name)) lines += readFileSync(full, 'utf8').split('\n').length - 1;
    }
  }
  return lines;
}

function formatMs(ms) {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

async function main() {
  if (!existsSync(path.join(root, 'dist/cli.js'))) throw new Error('run `npm run build` first');
  mkdirSync(generatedDir, { recursive: true });
  const rg = findRipgrep();
  const astGrep = path.join(root, 'node_modules/.bin/ast-grep');
  const results = { date: new Date().toISOString(), machine: { cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverageAtStart: os.loadavg().map((l) => +l.toFixed(2)) }, scan: [], index: [], live: [], liveIndexed: [], memory: {}, notes: [] };
  if (!rg) results.notes.push('ripgrep not available: the lexical baseline was skipped');

  for (const size of sizes) {
    const dir = path.join(generatedDir, `tree-${size}`);
    log(`generating ~${size} lines…`);
    const tree = generate(dir, size);
    const lines = countLines(dir);
    log(`scanning ${tree.files} files, ${lines} lines…`);
    // A regular file: `--output` refuses anything else (/dev/null included), and a refused run would be timed instead of the scan.
    const report = path.join(os.tmpdir(), `phi-guard-bench-report-${process.pid}.json`);
    const phiGuard = timeCommand(process.execPath, ['--require', path.join(root, 'bench/rss-probe.cjs'), 'dist/cli.js', 'scan', dir, '--format', 'json', '--output', report, '--fail-on', 'never'], { mustSucceed: true });
    // The warm cache: one run fills it, the timed runs hit it (an unchanged tree, as in CI re-runs).
    const cacheArgs = ['dist/cli.js', 'scan', dir, '--format', 'json', '--output', report, '--fail-on', 'never', '--cache', '--cache-location', path.join(os.tmpdir(), `phi-guard-bench-cache-${size}`)];
    spawnSync(process.execPath, cacheArgs, { cwd: root, stdio: 'ignore' });
    const cached = timeCommand(process.execPath, cacheArgs, { mustSucceed: true });
    const astGrepRun = existsSync(astGrep) ? timeCommand(astGrep, ['scan', '--rule', 'bench/baselines/ast-grep-phi-logs.yml', dir, '--json=compact']) : undefined;
    const rgRun = rg ? timeCommand(rg, ['--count-matches', '--no-messages', '-e', RIPGREP_PATTERN, dir]) : undefined;
    results.scan.push({
      lines,
      files: tree.files,
      phiGuardMs: phiGuard.ms,
      phiGuardLinesPerSecond: Math.round(lines / (phiGuard.ms / 1000)),
      phiGuardPeakRssMb: phiGuard.peakRssKb ? Math.round(phiGuard.peakRssKb / 1024) : undefined,
      phiGuardCachedMs: cached.ms,
      astGrepMs: astGrepRun?.ms,
      ripgrepMs: rgRun?.ms,
      ratioVsAstGrep: astGrepRun ? +(phiGuard.ms / astGrepRun.ms).toFixed(2) : undefined,
      ratioVsRipgrep: rgRun ? +(phiGuard.ms / rgRun.ms).toFixed(2) : undefined,
    });
  }

  for (const size of sizes.filter((size) => size <= indexMaxLines)) {
    log(`building the editor's workspace index of the ~${size}-line tree…`);
    const build = await measureIndexBuild({ root, workspace: path.join(generatedDir, `tree-${size}`) });
    results.index.push({ lines: results.scan.find((scan) => scan.lines >= size * 0.9)?.lines ?? size, ...build, loadAverage: +os.loadavg()[0].toFixed(2) });
  }

  log('measuring live latency through the language server…');
  const liveSource = path.join(generatedDir, `tree-${sizes[0]}`);
  for (const language of ['python', 'typescript']) {
    for (const lineCount of liveSizes) {
      // Each run starts a fresh server; the median run's p50 and p95 are reported (a 2-core machine is noisy).
      const runs = [];
      for (let i = 0; i < repeats; i++) runs.push(await measureLiveLatency({ root, sourceDir: liveSource, language, lineCount, edits: 200 }));
      const live = { p50Ms: percentile(runs.map((run) => run.p50Ms), 50), p95Ms: percentile(runs.map((run) => run.p95Ms), 50), runsP95Ms: runs.map((run) => +run.p95Ms.toFixed(1)) };
      const split = await measureParseVsRules({ root, sourceDir: liveSource, language, lineCount, edits: 200 });
      results.live.push({ language, lines: lineCount, ...live, ...split });
    }
  }
  log('measuring live latency with the workspace index loaded…');
  for (const language of ['python', 'typescript']) {
    for (const lineCount of indexedLiveSizes) {
      const runs = [];
      for (let i = 0; i < repeats; i++) runs.push(await measureIndexedLatency({ root, workspace: liveSource, sourceDir: liveSource, language, lineCount, edits: 200 }));
      const p95Ms = percentile(runs.map((run) => run.p95Ms), 50);
      const before = beforeIndex.live.find((row) => row.language === language && row.lines === lineCount)?.p95Ms;
      results.liveIndexed.push({
        language,
        lines: lineCount,
        p50Ms: percentile(runs.map((run) => run.p50Ms), 50),
        p95Ms,
        runsP95Ms: runs.map((run) => +run.p95Ms.toFixed(1)),
        callerRepublished: runs.map((run) => run.callerRepublished),
        p95BeforeIndexMs: before === undefined ? undefined : +before.toFixed(1),
        ratioToBeforeIndex: before === undefined ? undefined : +(p95Ms / before).toFixed(2),
        loadAverage: +os.loadavg()[0].toFixed(2),
      });
    }
  }
  log('measuring server memory after 200 open files…');
  results.memory.server = await measureServerMemory({ root, sourceDir: path.join(generatedDir, `tree-${sizes[sizes.length - 1]}`), files: 200 });
  results.memory.cliPeakRssMbLargestTree = results.scan[results.scan.length - 1]?.phiGuardPeakRssMb;
  const vsix = readdirSync(root).find((file) => file.endsWith('.vsix'));
  if (vsix) results.vsixKb = Math.round(statSync(path.join(root, vsix)).size / 1024);
  // Activation is timed in a real VS Code (code-server) by the e2e harness's activation-time scenario.
  const activation = path.join(root, 'test/e2e/artifacts/activation.json');
  if (existsSync(activation)) results.activation = { ...JSON.parse(readFileSync(activation, 'utf8')), source: 'npm run test:e2e (activation-time)' };
  else results.notes.push('extension activation: run `npm run test:e2e` first (its activation-time scenario measures it in code-server)');
  results.targets = targets(results);

  writeFileSync(path.join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  printTable(results);
}

/** The targets, each with what this run measured (reported, never asserted). */
function targets(results) {
  const closest = (lines) => [...results.scan].sort((a, b) => Math.abs(a.lines - lines) - Math.abs(b.lines - lines))[0];
  const live = (lines) => results.live.filter((row) => row.lines === lines);
  const worstP95 = (lines) => (live(lines).length ? Math.max(...live(lines).map((row) => row.p95Ms)) : undefined);
  const scan = closest(500_000);
  const rows = [
    { target: `scan wall time <= ast-grep's (${scan?.lines ?? '?'} lines)`, measured: scan?.ratioVsAstGrep, unit: '×', limit: 1 },
    { target: `scan wall time <= 10× ripgrep's (${scan?.lines ?? '?'} lines)`, measured: scan?.ratioVsRipgrep, unit: '×', limit: 10 },
    { target: 'live p95 <= 50 ms on a 5k-line file (worst language)', measured: worstP95(5000), unit: ' ms', limit: 50 },
    { target: 'live p95 <= 15 ms on a 1k-line file (worst language)', measured: worstP95(1000), unit: ' ms', limit: 15 },
    { target: `server RSS <= 200 MB after ${results.memory.server?.files ?? 200} files`, measured: results.memory.server?.rssMb, unit: ' MB', limit: 200 },
    ...results.liveIndexed.map((row) => ({ target: `indexed ${row.language} ${row.lines / 1000}k p95 <= 1.2× before the index (${row.p95BeforeIndexMs} ms)`, measured: row.ratioToBeforeIndex, unit: '×', limit: 1.2 })),
    ...coldRatioBounds(results),
    { target: '.vsix <= 3 MB', measured: results.vsixKb === undefined ? undefined : +(results.vsixKb / 1024).toFixed(2), unit: ' MB', limit: 3 },
    { target: 'extension activation <= 50 ms', measured: results.activation?.activationMs, unit: ' ms', limit: 50 },
  ];
  return rows.map((row) => ({
    ...row,
    measured: row.measured === undefined ? undefined : Math.round(row.measured * 10) / 10,
    met: row.measured === undefined ? undefined : row.measured <= row.limit,
  }));
}

/** The cold scan's ratio to ast-grep against the same ratio before the workspace index (bound: 1.2× it). */
function coldRatioBounds(results) {
  return results.scan.flatMap((scan) => {
    const before = beforeIndex.scan.find((row) => Math.abs(row.lines - scan.lines) / row.lines < 0.1)?.ratioVsAstGrep;
    if (before === undefined || scan.ratioVsAstGrep === undefined) return [];
    return [{ target: `cold ratio to ast-grep <= 1.2× before the index (${scan.lines} lines: ${before}×)`, measured: scan.ratioVsAstGrep / before, unit: '×', limit: 1.2 }];
  });
}

function printTable(results) {
  const rows = [['lines', 'files', 'PHI Guard', 'lines/s', 'warm cache', 'ast-grep', 'ripgrep', 'PG/ast-grep', 'PG/rg', 'peak RSS']];
  for (const scan of results.scan) {
    rows.push([
      String(scan.lines), String(scan.files), formatMs(scan.phiGuardMs), String(scan.phiGuardLinesPerSecond), formatMs(scan.phiGuardCachedMs),
      scan.astGrepMs ? formatMs(scan.astGrepMs) : '–', scan.ripgrepMs ? formatMs(scan.ripgrepMs) : '–',
      scan.ratioVsAstGrep ? `${scan.ratioVsAstGrep}×` : '–', scan.ratioVsRipgrep ? `${scan.ratioVsRipgrep}×` : '–',
      scan.phiGuardPeakRssMb ? `${scan.phiGuardPeakRssMb} MB` : '–',
    ]);
  }
  console.log('\nCLI scan (median of runs; same tree, same run)');
  printRows(rows);
  const live = [['language', 'lines', 'p50', 'p95', 'parse share', 'parse p50', 'analysis p50']];
  for (const row of results.live) {
    live.push([row.language, String(row.lines), `${row.p50Ms.toFixed(1)} ms`, `${row.p95Ms.toFixed(1)} ms`, `${Math.round(row.parseShare * 100)}%`, `${row.parseP50Ms.toFixed(1)} ms`, `${row.analysisP50Ms.toFixed(1)} ms`]);
  }
  console.log(`\nLive latency: didChange -> diagnostics for that version (200 single-character edits, analysis delay 0; median of ${repeats} runs)`);
  printRows(live);
  if (results.index.length) {
    const index = [['lines', 'files', 'index build', 'server RSS before', 'after', 'load']];
    for (const row of results.index) index.push([String(row.lines), String(row.files), formatMs(row.buildMs), `${row.rssBeforeMb} MB`, `${row.rssAfterMb} MB`, String(row.loadAverage)]);
    console.log('\nWorkspace index in the language server (initialized -> end of its $/progress; RSS with the index loaded)');
    printRows(index);
  }
  if (results.liveIndexed.length) {
    const indexed = [['language', 'lines', 'p50', 'p95', 'p95 before the index', 'ratio', 'caller re-published', 'load']];
    for (const row of results.liveIndexed) {
      indexed.push([row.language, String(row.lines), `${row.p50Ms.toFixed(1)} ms`, `${row.p95Ms.toFixed(1)} ms`, row.p95BeforeIndexMs === undefined ? '–' : `${row.p95BeforeIndexMs} ms`, row.ratioToBeforeIndex === undefined ? '–' : `${row.ratioToBeforeIndex}×`, row.callerRepublished.join('/'), String(row.loadAverage)]);
    }
    console.log(`\nLive latency with the workspace index loaded (the ~${sizes[0]}-line tree): edits to a helper with an open caller (median of ${repeats} runs)`);
    printRows(indexed);
  }
  console.log(`\nServer RSS after ${results.memory.server.files} open files: ${results.memory.server.rssMb} MB`);
  if (results.memory.cliPeakRssMbLargestTree) console.log(`CLI peak RSS on the largest tree: ${results.memory.cliPeakRssMbLargestTree} MB`);
  if (results.vsixKb) console.log(`.vsix size: ${results.vsixKb} KB`);
  if (results.activation) {
    const { activationMs, baselineMs, noopRightAfterMs, date } = results.activation;
    console.log(`Extension activation (last e2e run, ${date}): ${activationMs} ms; a no-op extension: ${baselineMs ?? '?'} ms before it, ${noopRightAfterMs ?? '?'} ms right after it (the server's deferred start)`);
  }
  console.log('\nTargets');
  const rows2 = [['target', 'measured', '']];
  for (const row of results.targets) {
    rows2.push([row.target, row.measured === undefined ? 'not measured' : `${row.measured}${row.unit}`, row.met === undefined ? '' : row.met ? 'met' : 'NOT met']);
  }
  printRows(rows2);
  for (const note of results.notes) console.log(`note: ${note}`);
}

function printRows(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  for (const row of rows) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});


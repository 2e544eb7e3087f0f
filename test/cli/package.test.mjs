// The npm package: `npm pack` of this checkout installs into an empty prefix and its `phi-guard`
// binary scans the demo with nothing but Node on the PATH, and the files the package and the
// .vsix ship are the run-time files only (one `files` whitelist serves both: vsce refuses a
// .vscodeignore next to it).
//
// `npm test` has just bundled dist/, so the pack skips lifecycle scripts: `prepare` would rebuild
// dist/ while other test files run dist/cli.js.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { ROOT } from './run-cli.mjs';

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const temp = mkdtempSync(path.join(os.tmpdir(), 'phi-guard-pack-'));
after(() => rmSync(temp, { recursive: true, force: true }));

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 120_000, ...options });
  if (result.error) throw result.error;
  assert.equal(result.status, 0, `${command} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

// What either package may ship: bundles, grammars, schema, snippets, docs and the top-level files.
const SHIPPABLE = /^(dist\/[a-z-]+\.(js|wasm)|schemas\/.+\.json|snippets\/.+\.json|docs\/.+\.(md|png)|icon\.png|package\.json|README\.md|CHANGELOG\.md|LICENSE)$/;

test('manifest: public package with the fields npm and the marketplaces show', () => {
  assert.ok(!manifest.private, 'the package can be packed and published');
  for (const field of ['name', 'version', 'description', 'license', 'homepage', 'keywords']) assert.ok(manifest[field], `${field} is set`);
  assert.match(manifest.repository?.url ?? '', /^git\+https:\/\/github\.com\/[^/]+\/[^/]+\.git$/);
  assert.match(manifest.bugs?.url ?? '', /^https:\/\/github\.com\/[^/]+\/[^/]+\/issues$/);
  assert.ok(manifest.keywords.length <= 30, 'the VS Code marketplace accepts at most 30 keywords');
  assert.ok(!manifest.dependencies || Object.keys(manifest.dependencies).length === 0, 'everything the CLI runs is bundled: no run-time dependency');
  assert.ok(!existsSync(path.join(ROOT, '.vscodeignore')), 'vsce refuses .vscodeignore together with "files"');
  // pre-commit installs a `language: node` hook with `npm pack` and takes its stdout as the file name.
  assert.match(readFileSync(path.join(ROOT, '.npmrc'), 'utf8'), /^loglevel=silent$/m);
  assert.ok(!manifest.scripts.prepack, 'a prepack script would print into `npm pack` output and rebuild on every pack');
});

test('the .vsix holds the same run-time files (vsce ls)', () => {
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const files = run(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT }).split(/\r?\n/).filter(Boolean);
  for (const required of ['dist/extension.js', 'dist/client-language.js', 'dist/server.js', 'dist/server-main.js', 'dist/cli.js', 'dist/scan-worker.js', 'dist/web-tree-sitter.wasm', 'package.json', 'icon.png']) {
    assert.ok(files.includes(required), `the .vsix ships ${required}`);
  }
  for (const file of files) assert.match(file, SHIPPABLE, `the .vsix must not ship ${file}`);
  assert.ok(!files.includes('dist/engine.js'), 'the test-only engine bundle never ships');
});

test('npm pack installs into an empty prefix and the installed phi-guard scans the demo', () => {
  const packed = JSON.parse(run(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', temp], { cwd: ROOT }));
  const files = packed[0].files.map((file) => file.path);
  for (const required of ['dist/cli.js', 'dist/scan-worker.js', 'dist/web-tree-sitter.wasm', 'dist/tree-sitter-python.wasm', 'dist/tree-sitter-tsx.wasm', 'LICENSE', 'README.md']) {
    assert.ok(files.includes(required), `the tarball ships ${required}`);
  }
  for (const file of files) assert.match(file, SHIPPABLE, `the tarball must not ship ${file}`);

  const prefix = path.join(temp, 'prefix');
  const tarball = path.join(temp, packed[0].filename);
  // Offline: the package has no dependencies, so nothing is fetched.
  run(npm, ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', '--cache', path.join(temp, 'npm-cache'), tarball], { cwd: temp });

  // Only Node and the installed binary on the PATH, run from a folder outside this checkout (no
  // node_modules above it to borrow from).
  const bin = process.platform === 'win32' ? prefix : path.join(prefix, 'bin');
  const env = { PATH: [bin, path.dirname(process.execPath)].join(path.delimiter), NO_COLOR: '1', HOME: temp };
  const shell = process.platform === 'win32';
  const version = run('phi-guard', ['--version'], { cwd: temp, env, shell });
  assert.equal(version.trim(), manifest.version);

  // `npx --package ./phi-guard-<v>.tgz phi-guard ...`, without installing.
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const viaNpx = run(npx, ['--yes', '--offline', '--cache', path.join(temp, 'npx-cache'), '--package', tarball, 'phi-guard', '--version'], {
    cwd: temp,
    env: { ...env, PATH: `${env.PATH}${path.delimiter}${path.dirname(process.execPath)}` },
    shell,
  });
  assert.equal(viaNpx.trim(), manifest.version);

  const demo = path.join(temp, 'demo-clinic');
  cpSync(path.join(ROOT, 'examples', 'demo-clinic'), demo, { recursive: true });
  const scan = spawnSync('phi-guard', ['scan', '.', '--format', 'json', '--jobs', '2'], { cwd: demo, env, shell, encoding: 'utf8', timeout: 120_000 });
  assert.equal(scan.status, 1, `findings fail the scan: ${scan.stderr}`);
  const report = JSON.parse(scan.stdout);
  assert.equal(report.version, manifest.version);
  assert.ok(report.summary.filesAnalysed >= 10, 'the demo is analysed');
  assert.equal(report.summary.filesNotAnalysed, 0);
  assert.ok(report.summary.errors >= 5, `the demo's leaks are found (${report.summary.errors})`);
  const rules = new Set(report.findings.map((finding) => finding.ruleId));
  for (const rule of ['phi-in-log', 'phi-in-error', 'missing-phi-access']) assert.ok(rules.has(rule), `finds ${rule}`);
});

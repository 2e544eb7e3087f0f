// Shared by the CLI tests: run the bundled `dist/cli.js` as a child process on a private copy of a
// fixture folder, and validate SARIF against the official 2.1.0 schema (shipped in the
// @microsoft/jest-sarif package, so nothing is fetched at test time).

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'cli');

if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `node esbuild.mjs` first');

/** Runs `phi-guard ARGS` in `cwd`; colours off unless the test sets them. */
export function runCli(args, { cwd = ROOT, env = {} } = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...env },
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function runJson(args, options) {
  const result = runCli([...args, '--format', 'json'], options);
  return { ...result, report: JSON.parse(result.stdout) };
}

const tempDirs = [];
process.on('exit', () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * A private copy of `test/fixtures/cli/NAME` in the temp folder (outside any git repository or
 * policy file of this project). `gitignore.txt` files become `.gitignore` there: committed as
 * real .gitignore files they would hide the fixtures from this repository's own git.
 */
export function copyFixture(name) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `phi-guard-cli-${name}-`));
  tempDirs.push(dir);
  cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  renameGitignores(dir);
  return dir;
}

export function emptyTempDir(label = 'empty') {
  const dir = mkdtempSync(path.join(os.tmpdir(), `phi-guard-cli-${label}-`));
  tempDirs.push(dir);
  return dir;
}

/** A temp project holding `files` (relative path -> text), folders made as needed. */
export function tempProject(label, files) {
  const dir = emptyTempDir(label);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function renameGitignores(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) renameGitignores(full);
    else if (entry.name === 'gitignore.txt') renameSync(full, path.join(dir, '.gitignore'));
  }
}

let sarifValidator;
/** Returns the schema errors of a SARIF log (empty when valid). */
export function sarifSchemaErrors(log) {
  if (!sarifValidator) {
    // The official schema is JSON Schema draft-04 and uses patterns that are not valid with the
    // `u` flag, hence ajv-draft-04 and unicodeRegExp: false.
    const Ajv = require('ajv-draft-04');
    const addFormats = require('ajv-formats');
    const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    sarifValidator = ajv.compile(schema);
  }
  return sarifValidator(log) ? [] : sarifValidator.errors;
}

/** Findings of the JSON report as `file:line rule-id` strings, for readable assertions. */
export function findingKeys(report) {
  return report.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`);
}

/** `file:line` of each finding of one rule in a scan of `cwd` (sorted), with `jobs` workers. */
export function findingLines(cwd, ruleId, jobs = '1') {
  const { stdout } = runCli(['scan', '.', '--format', 'json', '--fail-on', 'never', '--jobs', jobs], { cwd });
  return JSON.parse(stdout)
    .findings.filter((finding) => finding.ruleId === ruleId)
    .map((finding) => `${finding.file}:${finding.line}`)
    .sort();
}

// Help, version, and usage errors: exit code 2 with a clear message, never a silent default.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { copyFixture, ROOT, runCli } from './run-cli.mjs';

const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

test('--version prints the package version', () => {
  const { status, stdout } = runCli(['--version']);
  assert.equal(status, 0);
  assert.equal(stdout.trim(), version);
});

test('--help lists the commands and exit codes', () => {
  const { status, stdout } = runCli(['--help']);
  assert.equal(status, 0);
  for (const command of ['scan', 'fix', 'init', 'help']) assert.match(stdout, new RegExp(`^  ${command}\\s`, 'm'));
  assert.match(stdout, /Exit codes/);
});

test('help <command> and <command> --help show the command options', () => {
  for (const args of [['help', 'scan'], ['scan', '--help'], ['scan', '-h']]) {
    const { status, stdout } = runCli(args);
    assert.equal(status, 0, args.join(' '));
    assert.match(stdout, /Usage: phi-guard scan/);
    for (const option of ['--format', '--output', '--policy', '--fail-on', '--max-file-size-kb']) assert.ok(stdout.includes(option), option);
  }
  assert.match(runCli(['help', 'fix']).stdout, /--dry-run/);
  assert.match(runCli(['help', 'init']).stdout, /--force/);
});

test('no command is a usage error', () => {
  const { status, stderr } = runCli([]);
  assert.equal(status, 2);
  assert.match(stderr, /Usage: phi-guard <command>/);
});

for (const [label, args, message] of [
  ['an unknown command', ['scna'], /unknown command 'scna'/],
  ['an unknown flag', ['scan', '--fial-on', 'error'], /unknown option '--fial-on'/],
  ['an unknown short flag', ['scan', '-x'], /unknown option '-x'/],
  ['an invalid --format', ['scan', '--format', 'xml'], /invalid value 'xml' for '--format'/],
  ['an invalid --fail-on', ['scan', '--fail-on=warnings'], /invalid value 'warnings' for '--fail-on'/],
  ['a missing option value', ['scan', '--output'], /option '--output' needs a value/],
  ['a bad --max-file-size-kb', ['scan', '--max-file-size-kb', 'lots'], /--max-file-size-kb/],
  ['a value for a boolean flag', ['fix', '--dry-run=yes'], /takes no value/],
  ['a path that does not exist', ['scan', 'no/such/folder'], /no such file or folder: no\/such\/folder/],
  ['a --policy file that does not exist', ['scan', '--policy', 'missing.json'], /policy file not found: missing\.json/],
  ['an unknown global option', ['--verbose'], /unknown option '--verbose'/],
]) {
  test(`${label} exits 2 with a clear message`, () => {
    const cwd = copyFixture('clean');
    const { status, stderr, stdout } = runCli(args, { cwd });
    assert.equal(status, 2, stderr);
    assert.match(stderr, message);
    assert.match(stderr, /Run 'phi-guard help/);
    assert.equal(stdout, '');
  });
}

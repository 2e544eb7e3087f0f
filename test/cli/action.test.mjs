// The GitHub Action (action.yml): its scan step, scripts/action-scan.mjs, run here with the
// environment a runner gives a composite step (GITHUB_WORKSPACE, GITHUB_OUTPUT,
// GITHUB_STEP_SUMMARY, the INPUT_* variables action.yml maps), on the demo and on a pull-request
// branch with a baseline.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { emptyTempDir, ROOT } from './run-cli.mjs';

const SCRIPT = path.join(ROOT, 'scripts', 'action-scan.mjs');
const action = readFileSync(path.join(ROOT, 'action.yml'), 'utf8');

function runStep(workspace, inputs) {
  const runner = emptyTempDir('runner');
  const output = path.join(runner, 'output');
  const summary = path.join(runner, 'summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('INPUT_') && !key.startsWith('GITHUB_')));
  const result = spawnSync(process.execPath, [SCRIPT], {
    cwd: workspace,
    encoding: 'utf8',
    env: {
      ...baseEnv,
      NO_COLOR: '1',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_ACTION_PATH: ROOT,
      ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase().replace(/-/g, '_')}`, value])),
    },
    timeout: 120_000,
  });
  if (result.error) throw result.error;
  const outputs = Object.fromEntries(
    readFileSync(output, 'utf8').split('\n').filter(Boolean).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { ...result, outputs, summary: readFileSync(summary, 'utf8') };
}

test('action.yml: a composite action whose scan step gets every input through INPUT_* variables', () => {
  assert.match(action, /^runs:\n  using: composite$/m);
  assert.match(action, /run: npm ci --no-audit --no-fund/, 'installs PHI Guard from its own checkout');
  assert.match(action, /working-directory: \$\{\{ github\.action_path \}\}/);
  assert.match(action, /run: node "\$GITHUB_ACTION_PATH\/scripts\/action-scan\.mjs"/);
  assert.match(action, /uses: github\/codeql-action\/upload-sarif@v3/);
  const inputs = [...action.matchAll(/^ {2}([a-z-]+):\n {4}description:/gm)].map((m) => m[1]);
  for (const name of ['paths', 'policy', 'fail-on', 'baseline']) assert.ok(inputs.includes(name), `input ${name}`);
  const script = readFileSync(SCRIPT, 'utf8');
  for (const [, name] of script.matchAll(/input\('([A-Z_]+)'/g)) {
    const inputName = name.toLowerCase().replace(/_/g, '-');
    assert.ok(inputs.includes(inputName), `the script's ${name} is an input of action.yml`);
    assert.ok(action.includes(`INPUT_${name}: \${{ inputs.${inputName} }}`), `action.yml maps inputs.${inputName} to INPUT_${name}`);
  }
  // The job fails on the scan's exit code, after the SARIF upload.
  assert.ok(action.indexOf('upload-sarif') < action.indexOf("if: steps.scan.outputs.exit-code != '0'"));
});

test('the scan step on the demo: annotations, SARIF, outputs and a step summary; the exit code is an output', () => {
  const workspace = emptyTempDir('action-demo');
  cpSync(path.join(ROOT, 'examples', 'demo-clinic'), workspace, { recursive: true });
  const { status, stdout, outputs, summary } = runStep(workspace, { paths: '.', 'fail-on': 'error', 'sarif-file': 'out/phi-guard.sarif' });
  assert.equal(status, 0, 'the step itself passes so the SARIF upload runs');
  assert.equal(outputs['exit-code'], '1');
  const annotations = stdout.split('\n').filter((line) => /^::(error|warning|notice) file=/.test(line));
  assert.equal(String(annotations.length), outputs.findings);
  assert.ok(annotations.length >= 5);
  assert.ok(annotations.some((line) => line.startsWith('::error file=app/routers/patients.py,line=')));
  assert.equal(outputs['sarif-file'], path.join(workspace, 'out', 'phi-guard.sarif'));
  const sarif = JSON.parse(readFileSync(outputs['sarif-file'], 'utf8'));
  assert.equal(sarif.runs[0].results.filter((r) => !r.suppressions?.length).length, annotations.length);
  assert.match(summary, /^## PHI Guard$/m);
  assert.match(summary, /❌ Findings at or above `error`/);
  assert.match(summary, /\| `phi-in-log` \| PHI in log output \| error \| 3 \|/);

  const never = runStep(workspace, { 'fail-on': 'never' });
  assert.equal(never.outputs['exit-code'], '0');
  assert.match(never.summary, /✅/);
});

test('the scan step on a pull-request branch with baseline: only the finding the branch adds', () => {
  const workspace = emptyTempDir('action-pr');
  const git = (...args) => {
    const result = spawnSync('git', args, {
      cwd: workspace,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid', GIT_CONFIG_GLOBAL: os.devNull },
    });
    assert.equal(result.status, 0, result.stderr);
  };
  const header = 'import logging\nlogger = logging.getLogger(__name__)\n\n';
  git('init', '-q', '-b', 'main');
  writeFileSync(path.join(workspace, 'app.py'), `${header}def a(patient):\n    logger.info(patient.ssn)\n`);
  git('add', '.');
  git('commit', '-q', '-m', 'base');
  git('checkout', '-q', '-b', 'pr');
  writeFileSync(path.join(workspace, 'app.py'), `${header}def b(patient):\n    logger.info(patient.date_of_birth)\n\ndef a(patient):\n    logger.info(patient.ssn)\n`);
  git('commit', '-q', '-am', 'pr');
  const { outputs, stdout, summary } = runStep(workspace, { baseline: 'main' });
  assert.equal(outputs.findings, '1');
  assert.equal(outputs['exit-code'], '1');
  assert.match(stdout, /^::error file=app\.py,line=5,/m);
  assert.match(summary, /1 finding\(s\) not present in the baseline `main`/);

  // A ref the shallow checkout does not have: exit code 2, no SARIF to upload.
  const missing = runStep(workspace, { baseline: 'origin/main', 'sarif-file': 'missing.sarif' });
  assert.equal(missing.outputs['exit-code'], '2');
  assert.equal(missing.outputs['sarif-file'], '');
  assert.ok(!existsSync(path.join(workspace, 'missing.sarif')));
});

// YAML through Python's PyYAML (Debian's python3-yaml, which the pre-commit package brings), so no
// YAML parser is added to the dependencies.
const python = ['python3', '/usr/bin/python3'].find((exe) => spawnSync(exe, ['-c', 'import yaml'], { encoding: 'utf8' }).status === 0);
const noYaml = !python && process.env.CI !== 'true' ? 'no python3 with PyYAML (apt-get install python3-yaml); CI=true makes this a failure' : false;

test('action.yml and .pre-commit-hooks.yaml parse as YAML, with the steps and inputs GitHub reads', { skip: noYaml }, () => {
  assert.ok(python, 'CI needs python3 with PyYAML (the pre-commit package brings it)');
  const load = (file) => {
    const result = spawnSync(python, ['-c', 'import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))', path.join(ROOT, file)], { encoding: 'utf8' });
    assert.equal(result.status, 0, `${file}: ${result.stderr}`);
    return JSON.parse(result.stdout);
  };
  const parsed = load('action.yml');
  assert.equal(parsed.runs.using, 'composite');
  for (const [name, spec] of Object.entries(parsed.inputs)) assert.equal(typeof spec.description, 'string', name);
  const scan = parsed.runs.steps.find((step) => step.id === 'scan');
  assert.equal(scan.shell, 'bash');
  for (const name of ['paths', 'policy', 'fail-on', 'baseline']) {
    assert.equal(scan.env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`], `\${{ inputs.${name} }}`);
  }
  for (const step of parsed.runs.steps) assert.ok(step.uses || step.shell, `${step.name}: a composite run step needs a shell`);
  const [hook] = load('.pre-commit-hooks.yaml');
  assert.equal(hook.id, 'phi-guard');
  assert.equal(hook.language, 'node');
});

// The rule registry is the one list of rules: RULE_IDS, package.json's `phiGuard.rules`, the
// policy schema's `rules` and docs/rules/README.md are generated from it by `npm run gen`, and
// every registered rule has its docs page and its fixture test.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { RULE_IDS, registeredRules } from '../../dist/engine.js';
import { repoRoot } from '../support/engine.mjs';

const metadata = registeredRules().map((rule) => rule.metadata);

test('the committed generated files are what `npm run gen` writes from the registry', () => {
  const run = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/gen.mjs'), '--check'], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(run.status, 0, `${run.stderr}${run.stdout}`);
});

test('RULE_IDS is the registry, in order, each id once', () => {
  assert.deepEqual([...RULE_IDS], metadata.map((rule) => rule.id));
  assert.equal(new Set(RULE_IDS).size, RULE_IDS.length);
  for (const id of RULE_IDS) assert.match(id, /^[a-z]+(?:-[a-z]+)*$/, 'rule ids are lower-case words joined by dashes');
});

test('every rule has metadata for the settings, the schema, SARIF and the docs index', () => {
  for (const rule of metadata) {
    assert.ok(rule.title && rule.description && rule.hipaa, `${rule.id}: title, description, HIPAA reference`);
    assert.ok(['error', 'warning', 'info'].includes(rule.defaultSeverity), `${rule.id}: default severity`);
    assert.equal(rule.helpUri, `https://phi-guard.dev/rules/${rule.id}`);
    assert.ok(rule.languages.length > 0, `${rule.id}: languages`);
  }
});

test('every registered rule has its docs page, its default severity there, and no page is left without a rule', () => {
  const pages = readdirSync(path.join(repoRoot, 'docs/rules')).filter((file) => file.endsWith('.md') && file !== 'README.md');
  assert.deepEqual(pages.map((file) => file.replace(/\.md$/, '')).sort(), [...RULE_IDS].sort());
  for (const rule of metadata) {
    const page = readFileSync(path.join(repoRoot, 'docs/rules', `${rule.id}.md`), 'utf8');
    assert.match(page, new RegExp(`^# \`${rule.id}\``), `${rule.id}.md starts with the rule id`);
    assert.match(page, new RegExp(`^\\| Default severity \\| ${rule.defaultSeverity} \\|$`, 'm'), `${rule.id}.md states the default severity`);
  }
  const index = readFileSync(path.join(repoRoot, 'docs/rules/README.md'), 'utf8');
  for (const id of RULE_IDS) assert.ok(index.includes(`(${id}.md)`), `the docs index links ${id}.md`);
});

test('every registered rule has its fixture test in test/rules', () => {
  for (const id of RULE_IDS) {
    assert.ok(existsSync(path.join(repoRoot, 'test/rules', `${id}.test.mjs`)), `test/rules/${id}.test.mjs`);
    assert.ok(existsSync(path.join(repoRoot, 'test/rules', id)), `test/rules/${id}/ holds its fixtures`);
  }
});

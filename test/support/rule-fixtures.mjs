// Per-rule fixture tests in the style of rust-analyzer's check_fix(before, after): each case of
// test/rules/<rule-id>/ is a whole file `<case>.before.<ext>` and the whole file `<case>.after.<ext>`
// that fixing it gives. Findings are marked in both with trailing `expect:` comments
// (expectations.mjs): the before-file's are what the analysis must report, the after-file's what
// is left once fixed. Fixing is `phi-guard fix` (the CLI's fix runner) with only the rule under
// test switched on; a case can instead apply one fix kind the editor offers. Every fixed Python
// file must also parse as Python 3.8.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { actualFindings, withoutMarkers } from './expectations.mjs';
import { engine, loadEngine, repoRoot } from './engine.mjs';
import { fixText, loadFixRunner } from './fix-runner.mjs';
import { assertParsesAsPython38 } from './python-check.mjs';

const CASE_FILE = /^(.+)\.(before|after)\.([a-z]+)$/;

/**
 * Declares the fixture tests of one rule. `cases` holds options for the cases that need them:
 * - `path`: the file name the engine sees (default `<case>.<ext>`; Django views must be `views.py`);
 * - `policy(defaults)`: the policy to analyse with (default: the built-in defaults);
 * - `apply`: instead of `phi-guard fix`, apply one fix of each finding of the rule, as the editor
 *   does: a fix kind (`'secure-debug'`, `'suppress'`), or `'first'` for the preferred fix of the
 *   first finding only.
 */
export function ruleFixtureSuite(ruleId, cases = {}) {
  const dir = path.join(repoRoot, 'test/rules', ruleId);
  const files = readdirSync(dir).filter((file) => CASE_FILE.test(file));
  const names = [...new Set(files.map((file) => CASE_FILE.exec(file)[1]))].sort();
  for (const name of Object.keys(cases)) assert.ok(names.includes(name), `${ruleId}: options for a case with no fixture: ${name}`);

  before(async () => {
    await loadEngine();
    await loadFixRunner();
  });

  describe(`${ruleId}: before/after fixtures`, () => {
    const fixedPython = [];
    let reported = 0;
    for (const name of names) {
      test(name, () => {
        const pair = files.filter((file) => CASE_FILE.exec(file)[1] === name);
        const beforeFile = pair.find((file) => CASE_FILE.exec(file)[2] === 'before');
        const afterFile = pair.find((file) => CASE_FILE.exec(file)[2] === 'after');
        assert.ok(beforeFile && afterFile, `${name}: needs both a .before and an .after file`);
        const { result, fixed } = checkCase(ruleId, dir, beforeFile, afterFile, cases[name] ?? {});
        if (result.findings.some((finding) => finding.ruleId === ruleId)) reported++;
        if (engine().languageFromPath(beforeFile) === 'python') fixedPython.push({ name: `${ruleId}/${name}`, text: fixed });
      });
    }

    test(`some case reports ${ruleId}`, () => assert.ok(reported > 0, `no fixture of ${ruleId} reports it`));

    test('every fixed Python file parses as Python 3.8 (python3, ast feature_version)', () => assertParsesAsPython38(assert, fixedPython));
  });
}

function checkCase(ruleId, dir, beforeFile, afterFile, options) {
  const e = engine();
  const [, name, , ext] = CASE_FILE.exec(beforeFile);
  const filePath = options.path ?? `${name}.${ext}`;
  const languageId = e.languageFromPath(filePath);
  assert.ok(languageId, `${filePath}: not a language PHI Guard analyses`);
  const policy = options.policy ? options.policy(e.defaultPolicy()) : e.defaultPolicy();
  const before = withoutMarkers(readFileSync(path.join(dir, beforeFile), 'utf8'));
  const after = withoutMarkers(readFileSync(path.join(dir, afterFile), 'utf8'));

  const result = e.analyze({ text: before.source, path: filePath }, policy);
  assert.deepEqual(result.ruleFailures, []);
  assert.deepEqual(actualFindings(result), before.expected, `${beforeFile}: findings`);

  const fixed = options.apply ? applyOneFixEach(result, ruleId, before.source, options.apply) : fixWithRuleOnly(ruleId, before.source, filePath, policy);
  assert.equal(fixed, after.source, `${afterFile}: the whole fixed file`);
  assert.ok(e.countSyntaxErrors(fixed, languageId) <= e.countSyntaxErrors(before.source, languageId), `${name}: the fix adds a syntax error`);

  const again = e.analyze({ text: fixed, path: filePath }, policy);
  assert.deepEqual(again.ruleFailures, []);
  assert.deepEqual(actualFindings(again), after.expected, `${afterFile}: findings left after the fix`);
  return { result, fixed };
}

/** `phi-guard fix` with every other rule off: the rule's preferred fixes, re-analysed until none is left. */
function fixWithRuleOnly(ruleId, text, filePath, policy) {
  const others = Object.fromEntries(engine().RULE_IDS.filter((id) => id !== ruleId).map((id) => [id, 'off']));
  const outcome = fixText(text, filePath, policy, { ruleSeverity: others });
  assert.equal(outcome.refused, 0, 'a fix was refused: its result would not parse as well as the original');
  return outcome.text;
}

function applyOneFixEach(result, ruleId, text, apply) {
  const findings = result.findings.filter((finding) => finding.ruleId === ruleId);
  assert.ok(findings.length > 0, `no ${ruleId} finding to apply a fix of`);
  const chosen = apply === 'first' ? [findings[0].fixes.find((fix) => fix.isPreferred)] : findings.map((finding) => finding.fixes.find((fix) => fix.kind === apply));
  assert.ok(chosen.every(Boolean), `every ${ruleId} finding offers a ${apply} fix`);
  return engine().applyTextEdits(text, chosen.flatMap((fix) => fix.edits));
}

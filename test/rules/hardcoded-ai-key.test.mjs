// hardcoded-ai-key: each case of test/rules/hardcoded-ai-key/ is analysed, fixed and compared
// whole with its after-file (a case without findings stays as it is); the key never appears in
// what the finding reports; and the rule's docs page shows what it flags.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { engine, repoRoot } from '../support/engine.mjs';
import { ruleFixtureSuite } from '../support/rule-fixtures.mjs';

ruleFixtureSuite('hardcoded-ai-key');

const analyze = (text, file) => engine().analyze({ text, path: file }, engine().defaultPolicy());

test('never prints the key: message, fix titles, flow, sink', () => {
  const KEY = 'sk-proj-Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6J7k8L9z0';
  const result = analyze(`from openai import OpenAI\nclient = OpenAI(api_key="${KEY}")\n`, 'a.py');
  const json = JSON.stringify(result.findings.map((f) => ({ ...f, fixes: f.fixes.map((x) => x.title) })));
  assert.equal(result.findings.length, 1);
  assert.ok(!json.includes(KEY.slice(0, 12)), 'the key is in the finding');
  assert.match(result.findings[0].message, /\(sk-p…\)/);
});

test('docs/rules/hardcoded-ai-key.md: every flagged example is flagged, every fixed one is not', () => {
  const doc = readFileSync(path.join(repoRoot, 'docs/rules/hardcoded-ai-key.md'), 'utf8');
  const blocks = [...doc.matchAll(/^(Python|TypeScript) — (flagged|fixed):\n\n```\w+\n([\s\S]*?)```/gm)];
  assert.equal(blocks.length, 4);
  for (const [, language, kind, code] of blocks) {
    const rules = analyze(code, language === 'Python' ? 'a.py' : 'a.ts').findings.map((f) => f.ruleId);
    assert.deepEqual(rules, kind === 'flagged' ? ['hardcoded-ai-key'] : [], `${language} ${kind}`);
  }
});

// hardcoded-ai-key: each case of test/rules/hardcoded-ai-key/ is analysed, fixed and compared
// whole with its after-file (a case without findings stays as it is); and the key never appears
// in what the finding reports.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { engine } from '../support/engine.mjs';
import { ruleFixtureSuite } from '../support/rule-fixtures.mjs';

ruleFixtureSuite('hardcoded-ai-key');

test('never prints the key: message, fix titles, flow, sink', () => {
  const KEY = 'sk-proj-Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6J7k8L9z0';
  const result = engine().analyze({ text: `from openai import OpenAI\nclient = OpenAI(api_key="${KEY}")\n`, path: 'a.py' }, engine().defaultPolicy());
  const json = JSON.stringify(result.findings.map((f) => ({ ...f, fixes: f.fixes.map((x) => x.title) })));
  assert.equal(result.findings.length, 1);
  assert.ok(!json.includes(KEY.slice(0, 12)), 'the key is in the finding');
  assert.match(result.findings[0].message, /\(sk-p…\)/);
});

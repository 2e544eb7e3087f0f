// Engine unit tests: the conformance corpora (expect: markers), every preferred fix applied and
// re-checked, and the policy's effect on analysis. Each rule's fix texts, before and after, are
// in test/rules.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { actualFindings, expectedFindings, readFixture } from '../support/expectations.mjs';
import { engine, loadEngine, repoRoot } from '../support/engine.mjs';
import { assertParsesAsPython38 } from '../support/python-check.mjs';
import { assertSpecExamplesPresent, SPEC_EXAMPLES, specExamplesPresent } from '../support/spec-examples.mjs';

before(loadEngine);

const corpora = [
  path.join(repoRoot, 'test/fixtures/engine'),
  path.join(repoRoot, 'test/fixtures/engine-policy/vendors'),
  ...(specExamplesPresent() ? [SPEC_EXAMPLES, path.join(SPEC_EXAMPLES, 'next')] : []),
];

/** The files of a corpus folder (examples/next/ also holds the multi-file flow examples, as folders, tested in flows-summaries). */
const filesOf = (dir) => readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name).sort();

function analyze(text, file, policy = engine().defaultPolicy()) {
  return engine().analyze({ text, path: file }, policy);
}

/** A corpus file analysed with the policy of its own folder (defaults when it has none). */
function analyzeFixture(dir, file, text) {
  const loaded = engine().loadPolicyForFile(path.join(dir, file), { stopAt: dir });
  assert.deepEqual(loaded.diagnostics.filter((d) => d.severity === 'error'), []);
  return analyze(text, file, loaded.policy);
}

describe('conformance corpora', () => {
  test("the product contract's conformance examples are present", assertSpecExamplesPresent);

  for (const dir of corpora) {
    for (const file of filesOf(dir)) {
      test(`${path.basename(dir)}/${file}`, (t) => {
        const e = engine();
        if (!e.languageFromPath(file)) return t.skip('not a supported language');
        const implemented = new Set(e.registeredRules().map((rule) => rule.metadata.id));
        const text = readFixture(path.join(dir, file));
        const expected = expectedFindings(text).filter((key) => implemented.has(key.split(':')[1]));
        const result = analyzeFixture(dir, file, text);
        assert.deepEqual(result.ruleFailures, []);
        assert.deepEqual(actualFindings(result), expected);
      });
    }
  }
});

describe('every preferred fix', () => {
  // Every fix of every Python fixture, applied on its own; checked by python3 in one batch below.
  const fixedPython = [];
  for (const dir of corpora) {
    for (const file of filesOf(dir)) {
      test(`${path.basename(dir)}/${file}: parses, removes its finding, keeps the rest`, (t) => {
        const e = engine();
        const languageId = e.languageFromPath(file);
        if (!languageId) return t.skip('not a supported language');
        const text = readFixture(path.join(dir, file));
        const before = analyzeFixture(dir, file, text);
        const baselineErrors = e.countSyntaxErrors(text, languageId);
        if (languageId === 'python') {
          for (const finding of [...before.findings, ...before.suppressed]) {
            for (const fix of finding.fixes) {
              fixedPython.push({ name: `${path.basename(dir)}/${file}:${finding.line + 1} ${fix.title}`, text: e.applyTextEdits(text, fix.edits) });
            }
          }
        }
        for (const finding of before.findings) {
          const fix = finding.fixes.find((f) => f.isPreferred);
          if (!fix) continue;
          const fixed = e.applyTextEdits(text, fix.edits);
          assert.ok(e.countSyntaxErrors(fixed, languageId) <= baselineErrors, `${file}:${finding.line + 1} fix adds a syntax error:\n${fixed}`);
          const after = analyzeFixture(dir, file, fixed);
          const stillThere = after.findings.filter((f) => f.ruleId === finding.ruleId && f.line === finding.line);
          assert.deepEqual(stillThere.map((f) => f.message), [], `${file}:${finding.line + 1} still reported after its fix`);
          assert.equal(after.findings.length, before.findings.length - 1, `${file}:${finding.line + 1} fix changed other findings`);
        }
      });
    }
  }

  test('every fix of every Python fixture parses as Python 3.8 (python3, ast feature_version)', () => {
    assert.ok(fixedPython.length > 50, `only ${fixedPython.length} Python fixes collected`);
    assertParsesAsPython38(assert, fixedPython);
  });
});

describe('fixes that copy source text', () => {
  const KEY = 'sk-proj-Hq2mZ9xK4vL1nB8cR5tY3wE6uI0oP2aS4dF7gH9jK1lZ3xQ';
  const preferredFix = (result, ruleId) => result.findings.find((f) => f.ruleId === ruleId).fixes.find((f) => f.isPreferred);

  test('copiesSourceText marks fixes that repeat a literal from the code, and only those', () => {
    const copied = analyze('def f(patient):\n    logger.info("Patient found: " + patient.name)\n', 'a.py');
    assert.equal(preferredFix(copied, 'phi-in-log').copiesSourceText, true);
    const own = analyze('function f(patient) {\n  console.log(patient);\n}\n', 'a.ts');
    assert.ok(!preferredFix(own, 'phi-in-log').copiesSourceText);
    const key = analyze(`client = OpenAI(api_key="${KEY}")\n`, 'a.py');
    assert.ok(!preferredFix(key, 'hardcoded-ai-key').copiesSourceText);
    const endpoint = analyze('from fastapi import APIRouter\nrouter = APIRouter()\n\n@router.get("/patients/{pid}")\ndef read(pid):\n    return db.query(Patient).get(pid)\n', 'a.py');
    assert.ok(!preferredFix(endpoint, 'missing-phi-access').copiesSourceText);
  });
});

describe('findings', () => {
  test('message names the element and the sink, never a value; flow runs source to sink', () => {
    const text = 'def f(patient):\n    greeting = "Hello " + patient.first_name\n    logger.debug(greeting)\n';
    const [finding] = analyze(text, 'a.py').findings;
    assert.equal(finding.line, 2);
    assert.match(finding.message, /name \(demographics\)/);
    assert.match(finding.message, /logger\.debug/);
    assert.doesNotMatch(finding.message, /Hello/);
    assert.deepEqual(finding.flow.map((step) => step.range.start.line), [1, 1, 2]);
    assert.equal(finding.severity, 'error');
    assert.match(finding.hipaa, /164\.502\(b\)/);
  });

  test('multi-line calls are reported on the line where the call starts', () => {
    const text = 'def f(patient):\n    logger.info(\n        "x %s",\n        patient.ssn,\n    )\n';
    const [finding] = analyze(text, 'a.py').findings;
    assert.equal(finding.line, 1);
    assert.equal(finding.range.start.line, 3);
  });

  test('one finding per call, however many PHI arguments', () => {
    const text = 'function f(p) { console.log(p.firstName, p.lastName, p.ssn); }\n';
    assert.equal(analyze(text, 'a.js').findings.length, 1);
  });

  test('suppressions are listed with their reasons', () => {
    const text = 'def f(patient):\n    print(patient.mrn)  # phi-guard: ignore[phi-in-log] -- break-glass\n';
    const result = analyze(text, 'a.py');
    assert.deepEqual(result.findings, []);
    assert.equal(result.suppressed.length, 1);
    assert.deepEqual(result.suppressions.map((s) => [s.line, s.rules, s.reason]), [[1, ['phi-in-log'], 'break-glass']]);
  });
});

describe('policy', () => {
  const withPhi = (phi) => ({ ...engine().defaultPolicy(), phi: { ...engine().defaultPolicy().phi, ...phi } });

  test('phi.remove drops a built-in element', () => {
    const text = 'def f(patient):\n    logger.info("mail %s", patient.email)\n';
    assert.equal(analyze(text, 'a.py').findings.length, 1);
    assert.equal(analyze(text, 'a.py', withPhi({ remove: ['email'] })).findings.length, 0);
  });

  test('phi.add, safeIdentifiers, recordNames and sanitizers take effect', () => {
    const added = 'def f(p):\n    logger.info("x %s", p.loyalty_card)\n';
    assert.equal(analyze(added, 'a.py').findings.length, 0);
    assert.equal(analyze(added, 'a.py', withPhi({ add: [{ name: 'loyalty_card', category: 'demographics' }] })).findings.length, 1);
    const safe = 'def f(p):\n    logger.info("x %s", p.member_id)\n';
    assert.equal(analyze(safe, 'a.py', withPhi({ safeIdentifiers: ['member_id'] })).findings.length, 0);
    const record = 'def f(resident_file):\n    logger.info("x %s", resident_file)\n';
    assert.equal(analyze(record, 'a.py').findings.length, 0);
    assert.equal(analyze(record, 'a.py', withPhi({ recordNames: ['resident_file'] })).findings.length, 1);
    // `scrub` is a built-in sanitizer stem; an org's own function name is added by the policy.
    assert.equal(analyze('def f(p):\n    logger.info("x %s", scrub_phi(p.ssn))\n', 'a.py').findings.length, 0);
    const custom = 'def f(p):\n    logger.info("x %s", p.ssn.strip())\n';
    assert.equal(analyze(custom, 'a.py').findings.length, 1);
    assert.equal(analyze(custom, 'a.py', withPhi({ sanitizers: ['strip'] })).findings.length, 0);
  });

  test('rule severities from the policy and the options', () => {
    const text = 'def f(p):\n    print(p.ssn)\n';
    const policy = { ...engine().defaultPolicy(), rules: { 'phi-in-log': 'warning' } };
    assert.equal(analyze(text, 'a.py', policy).findings[0].severity, 'warning');
    assert.equal(engine().analyze({ text, path: 'a.py' }, policy, { ruleSeverity: { 'phi-in-log': 'off' } }).findings.length, 0);
  });
});

describe('incremental parsing', () => {
  test('edits applied to a ParsedDocument give the same findings as a fresh parse', () => {
    const e = engine();
    const text = 'def f(patient):\n    logger.info("x %s", patient.id)\n';
    const doc = new e.ParsedDocument('python', text);
    const at = '    logger.info("x %s", patient.'.length;
    doc.applyChanges([{ range: { start: { line: 1, character: at }, end: { line: 1, character: at + 2 } }, text: 'ssn' }]);
    assert.equal(doc.text, 'def f(patient):\n    logger.info("x %s", patient.ssn)\n');
    const incremental = e.analyzeDocument(doc, 'a.py', e.defaultPolicy());
    assert.deepEqual(actualFindings(incremental), ['2:phi-in-log']);
    doc.applyChanges([{ range: { start: { line: 1, character: at }, end: { line: 1, character: at + 3 } }, text: 'id' }]);
    assert.deepEqual(actualFindings(e.analyzeDocument(doc, 'a.py', e.defaultPolicy())), []);
    assert.equal(doc.tree.rootNode.text, doc.text);
    doc.dispose();
  });
});

describe('input that is not ordinary source', () => {
  test('binary, minified and oversized files are skipped with a reason', () => {
    assert.equal(analyze('a\u0000b', 'a.py').skipped?.reason, 'binary');
    assert.equal(analyze(`var a=1;${'x'.repeat(30000)}`, 'a.js').skipped?.reason, 'minified');
    const big = engine().analyze({ text: 'x = 1\n'.repeat(300000), path: 'a.py' }, engine().defaultPolicy(), { maxFileSizeKb: 100 });
    assert.equal(big.skipped?.reason, 'too-large');
  });

  test('deep nesting, truncation and random bytes never throw', () => {
    const deep = `x = ${'('.repeat(5000)}patient.ssn${')'.repeat(5000)}\nprint(x)\n`;
    assert.doesNotThrow(() => analyze(deep, 'a.py'));
    const deepTs = `const x = ${'['.repeat(5000)}p.ssn${']'.repeat(5000)};\nconsole.log(x);\n`;
    assert.doesNotThrow(() => analyze(deepTs, 'a.ts'));
    const source = readFixture(path.join(repoRoot, 'test/fixtures/engine/logs_python.py'));
    for (let cut = 0; cut < source.length; cut += 97) assert.doesNotThrow(() => analyze(source.slice(0, cut), 'a.py'));
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 50; i++) {
      const junk = Array.from({ length: 400 }, () => String.fromCharCode(1 + Math.floor(random() * 0x2fff))).join('');
      for (const file of ['a.py', 'a.ts', 'a.tsx', 'a.js']) assert.doesNotThrow(() => analyze(junk, file));
    }
  });
});

describe('vendors and BAAs', () => {
  const withVendors = (vendors, phi = {}) => ({ ...engine().defaultPolicy(), vendors, phi: { ...engine().defaultPolicy().phi, ...phi } });
  const aiCall = 'from openai import OpenAI\nclient = OpenAI()\n\ndef f(patient):\n    client.responses.create(model="gpt-4.1", input=f"Explain {patient.diagnosis}")\n';

  test('every message names the vendor and why the BAA does not cover it', () => {
    const cases = [
      [[], /OpenAI.*no BAA on file/],
      [[{ id: 'openai', baa: 'pending' }], /BAA status is pending/],
      [[{ id: 'openai', baa: 'signed', expires: '2020-01-31' }], /BAA expired on 2020-01-31/],
      [[{ id: 'openai', baa: 'signed', allow: ['demographics'] }], /does not cover clinical data/],
      [[{ id: 'openai', baa: 'signed', models: ['gpt-4.1-mini'] }], /model gpt-4\.1 is not on the approved list/],
    ];
    for (const [vendors, reason] of cases) {
      const [finding] = analyze(aiCall, 'a.py', withVendors(vendors)).findings;
      assert.equal(finding?.ruleId, 'phi-to-ai');
      assert.match(finding.message, reason);
    }
    assert.deepEqual(analyze(aiCall, 'a.py', withVendors([{ id: 'openai', baa: 'signed', models: ['gpt-4.1'] }])).findings, []);
  });

  test('a model or endpoint written in the code is named only by its model id or URL origin', () => {
    const key = 'sk-proj-Hq2mZ9xK4vL1nB8cR5tY3wE6uI0oP2aS4dF7gH9jK1lZ3xQ';
    const policy = withVendors([{ id: 'openai', baa: 'signed', models: ['gpt-4.1'], endpoints: ['https://baa.openai.example'] }]);
    const text = `from openai import OpenAI\nclient = OpenAI(base_url="https://proxy.example.com/v1/078-05-1120?key=${key}")\n\ndef f(patient):\n    client.responses.create(model="gpt-4.1", input=patient.diagnosis)\n    client.responses.create(model="${key}", input=patient.diagnosis)\n`;
    const messages = analyze(text, 'a.py', policy).findings.filter((f) => f.ruleId === 'phi-to-ai').map((f) => f.message);
    assert.equal(messages.length, 2);
    assert.match(messages[0], /endpoint https:\/\/proxy\.example\.com is not covered/);
    assert.match(messages[1], /the model in use is not on the approved list/);
    for (const message of messages) assert.doesNotMatch(message, /078-05-1120|Hq2mZ9|\?key/);
  });

  test('the vendor is identified by imports and construction, not variable names', () => {
    const lookalike = 'class Client:\n    pass\nopenai = Client()\n\ndef f(patient):\n    openai.chat.completions.create(messages=[patient.ssn])\n    sentry_sdk.set_user({"email": patient.email})\n';
    assert.deepEqual(analyze(lookalike, 'a.py').findings, []);
  });
});

describe('memory safety', () => {
  test('trees and cursors stay valid when the garbage collector runs between analyses', async () => {
    // A cursor left to web-tree-sitter's finalizer used to free memory through its deleted tree.
    const text = readFixture(path.join(repoRoot, 'test/fixtures/engine/logs_python.py'));
    for (let i = 0; i < 40; i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      globalThis.gc?.();
      assert.ok(analyze(text, 'a.py').findings.length > 0);
    }
  });
});

// Engine unit tests: the conformance corpora (expect: markers), every preferred fix applied and
// re-checked, the fix texts the product promises, and the policy's effect on analysis.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { actualFindings, expectedFindings, readFixture } from '../support/expectations.mjs';
import { engine, loadEngine, repoRoot } from '../support/engine.mjs';
import { assertParsesAsPython38 } from '../support/python-check.mjs';

before(loadEngine);

const corpora = [
  path.join(repoRoot, 'test/fixtures/engine'),
  path.join(repoRoot, 'test/fixtures/engine-policy/vendors'),
  path.resolve(repoRoot, '../shared/spec/examples'),
].filter(existsSync);

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
  for (const dir of corpora) {
    for (const file of readdirSync(dir).sort()) {
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
    for (const file of readdirSync(dir).sort()) {
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

describe('fix texts', () => {
  const fixOf = (text, file) => {
    const result = analyze(text, file);
    assert.equal(result.findings.length, 1, JSON.stringify(result.findings.map((f) => f.message)));
    const fix = result.findings[0].fixes.find((f) => f.isPreferred);
    return engine().applyTextEdits(text, fix.edits);
  };

  test('the PRODUCT.md story: stdlib logging gets a static message and extra patient_id', () => {
    const text = 'def show(patient):\n    logger.info(\'Patient found: \' + patient.name + \', DOB: \' + patient.dob)\n';
    assert.equal(fixOf(text, 'a.py'), 'def show(patient):\n    logger.info(\'Patient found\', extra={"patient_id": patient.id})\n');
  });

  test('a patient_id variable in scope is used instead of record.id', () => {
    const text = 'def show(patient_id, patient):\n    logger.info("dob %s", patient.dob)\n';
    assert.equal(fixOf(text, 'a.py'), 'def show(patient_id, patient):\n    logger.info("dob", extra={"patient_id": patient_id})\n');
  });

  test('structlog gets a keyword field, other fields kept', () => {
    const text = 'import structlog\nlog = structlog.get_logger()\ndef f(patient):\n    log.info("seen", ssn=patient.ssn, visit_id=3)\n';
    assert.match(fixOf(text, 'a.py'), /log\.info\("seen", visit_id=3, patient_id=patient\.id\)/);
  });

  test('console.log gets an object argument', () => {
    const text = "function f(patient) {\n  console.log('Patient found: ' + patient.name + ', DOB: ' + patient.dob);\n}\n";
    assert.match(fixOf(text, 'a.ts'), /console\.log\('Patient found', \{ patientId: patient\.id \}\);/);
  });

  test('pino gets the id in its merging object', () => {
    const text = "import pino from 'pino';\nconst log = pino();\nfunction f(patient) {\n  log.info(`born ${patient.dateOfBirth}`);\n}\n";
    assert.match(fixOf(text, 'a.ts'), /log\.info\(\{ patientId: patient\.id \}, 'born'\);/);
  });

  test('an f-string exception keeps its text and refers to the id', () => {
    const text = 'def f(patient):\n    raise ValueError(f"no insurance for {patient.last_name}")\n';
    assert.match(fixOf(text, 'a.py'), /raise ValueError\(f"no insurance for \(patient_id=\{patient\.id\}\)"\)/);
  });

  test('with no record in scope the fix removes the PHI and keeps the static message', () => {
    const text = 'def f(dob):\n    logger.info("born on %s", dob)\n';
    assert.equal(fixOf(text, 'a.py'), 'def f(dob):\n    logger.info("born on")\n');
  });

  test('clean %-arguments stay with their placeholders', () => {
    const text = 'def f(patient, visit):\n    logger.info("visit %s for %s", visit.id, patient.name)\n';
    assert.match(fixOf(text, 'a.py'), /logger\.info\("visit %s for", visit\.id, extra=\{"patient_id": patient\.id\}\)/);
  });

  test('suppress fix inserts a comment with the placeholder reason, still unjustified', () => {
    const text = 'def f(patient):\n    print(patient.ssn)\n';
    const finding = analyze(text, 'a.py').findings[0];
    const suppress = finding.fixes.find((f) => f.kind === 'suppress');
    const fixed = engine().applyTextEdits(text, suppress.edits);
    assert.equal(fixed, 'def f(patient):\n    # phi-guard: ignore[phi-in-log] -- <reason>\n    print(patient.ssn)\n');
    assert.deepEqual(analyze(fixed, 'a.py').findings.map((f) => f.ruleId), ['unjustified-suppression']);
  });

  test('secure debug fix routes the call and adds the import', () => {
    const policy = { ...engine().defaultPolicy(), secureDebug: { python: 'app.security.debug.phi_debug' } };
    const text = 'import logging\n\ndef f(patient):\n    logging.info("x %s", patient.ssn)\n';
    const finding = analyze(text, 'a.py', policy).findings[0];
    const fix = finding.fixes.find((f) => f.kind === 'secure-debug');
    const fixed = engine().applyTextEdits(text, fix.edits);
    assert.equal(fixed, 'import logging\nfrom app.security.debug import phi_debug\n\ndef f(patient):\n    phi_debug("x %s", patient.ssn)\n');
    assert.deepEqual(analyze(fixed, 'a.py', policy).findings, []);
  });
});

describe('fixes add only the id: no secret, no value from elsewhere, Python 3.8', () => {
  const KEY = 'sk-proj-Hq2mZ9xK4vL1nB8cR5tY3wE6uI0oP2aS4dF7gH9jK1lZ3xQ';
  const preferredFix = (result, ruleId) => result.findings.find((f) => f.ruleId === ruleId).fixes.find((f) => f.isPreferred);
  const lineOf = (text, pattern) => text.split('\n').find((line) => pattern.test(line));

  test('an API key in the same log call is removed, never written into the message', () => {
    const text = `import logging\nlogger = logging.getLogger(__name__)\n\ndef f(patient):\n    api_key = "${KEY}"\n    logger.info("using " + api_key + " for " + patient.name)\n`;
    const fixed = engine().applyTextEdits(text, preferredFix(analyze(text, 'a.py'), 'phi-in-log').edits);
    const logLine = lineOf(fixed, /logger\.info/);
    assert.equal(logLine, '    logger.info("using", extra={"patient_id": patient.id})');
    assert.equal(fixed.split(KEY).length, 2, 'the key stays only where it was written (its own finding fixes it)');
  });

  test('a key read from the environment is still a secret: the log fix leaves the variable out too', () => {
    const text = `import os\n\ndef f(patient):\n    api_key = os.environ["OPENAI_API_KEY"]\n    logger.info(f"using {api_key} for {patient.name}")\n`;
    const fixed = engine().applyTextEdits(text, preferredFix(analyze(text, 'a.py'), 'phi-in-log').edits);
    assert.doesNotMatch(lineOf(fixed, /logger\.info/), /api_key/);
  });

  test('a key-shaped literal and a token keyword in the call are dropped (TypeScript and structlog)', () => {
    const ts = `function f(patient) {\n  console.log('calling with ${KEY} for ' + patient.name);\n}\n`;
    const fixedTs = engine().applyTextEdits(ts, preferredFix(analyze(ts, 'a.ts'), 'phi-in-log').edits);
    assert.doesNotMatch(fixedTs, /sk-proj/);
    assert.match(fixedTs, /console\.log\('calling with for', \{ patientId: patient\.id \}\);/);
    const py = 'import structlog\nlog = structlog.get_logger()\ndef f(patient, token):\n    log.info("seen", ssn=patient.ssn, auth_token=token, visit_id=3)\n';
    const fixedPy = engine().applyTextEdits(py, preferredFix(analyze(py, 'a.py'), 'phi-in-log').edits);
    assert.match(fixedPy, /log\.info\("seen", visit_id=3, patient_id=patient\.id\)/);
  });

  test("a variable's content is never inlined: a PHI literal in a local stays where it was", () => {
    const text = 'def f(patient):\n    note = "Patient John Smith, SSN 123-45-6789"\n    logger.info(note + " for " + patient.name)\n';
    const fixed = engine().applyTextEdits(text, preferredFix(analyze(text, 'a.py'), 'phi-in-log').edits);
    const logLine = lineOf(fixed, /logger\.info/);
    assert.doesNotMatch(logLine, /John Smith|123-45-6789/);
    assert.equal(logLine, '    logger.info(f"{note} for", extra={"patient_id": patient.id})');
  });

  test('a message built from PHI elsewhere is dropped, not rebuilt from its assignment', () => {
    const text = 'def f(patient):\n    msg = "Visit of Zebulon at " + patient.address\n    logger.info(msg)\n';
    const fixed = engine().applyTextEdits(text, preferredFix(analyze(text, 'a.py'), 'phi-in-log').edits);
    assert.equal(lineOf(fixed, /logger\.info/), '    logger.info("patient record", extra={"patient_id": patient.id})');
  });

  test('a value holding the f-string quote switches the quote, else becomes .format(); both parse as Python 3.8', () => {
    const cases = [
      ['logger.info("status " + resp.headers.get("x-status") + " for " + patient.name)', `logger.info(f'status {resp.headers.get("x-status")} for', extra={"patient_id": patient.id})`],
      ['logger.info("a " + h.get("x") + h.get(\'y\') + " for " + patient.name)', `logger.info("a {}{} for".format(h.get("x"), h.get('y')), extra={"patient_id": patient.id})`],
      ['logger.info("p " + "\\\\".join(parts) + " for " + patient.name)', 'logger.info("p {} for".format("\\\\".join(parts)), extra={"patient_id": patient.id})'],
      ['logger.info("s " + text[1:3] + " for " + patient.name)', 'logger.info(f"s {(text[1:3])} for", extra={"patient_id": patient.id})'],
    ];
    const sources = [];
    for (const [call, expected] of cases) {
      const text = `def f(patient, resp, h, parts, text):\n    ${call}\n`;
      const fixed = engine().applyTextEdits(text, preferredFix(analyze(text, 'a.py'), 'phi-in-log').edits);
      assert.equal(lineOf(fixed, /logger\.info/).trim(), expected);
      sources.push({ name: call, text: fixed });
    }
    assertParsesAsPython38(assert, sources);
  });

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

describe('documentation examples', () => {
  test("hardcoded-ai-key.md: every flagged example is flagged, every fixed one is not", () => {
    const doc = readFixture(path.join(repoRoot, 'docs/rules/hardcoded-ai-key.md'));
    const blocks = [...doc.matchAll(/^(Python|TypeScript) — (flagged|fixed):\n\n```\w+\n([\s\S]*?)```/gm)];
    assert.equal(blocks.length, 4);
    for (const [, language, kind, code] of blocks) {
      const rules = analyze(code, language === 'Python' ? 'a.py' : 'a.ts').findings.map((f) => f.ruleId);
      assert.deepEqual(rules, kind === 'flagged' ? ['hardcoded-ai-key'] : [], `${language} ${kind}`);
    }
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

  test('de-identify fix wraps the PHI in the policy sanitizer, with its import', () => {
    const policy = withVendors([], { sanitizers: ['app.phi.deidentify'] });
    const [finding] = analyze(aiCall, 'a.py', policy).findings;
    const fix = finding.fixes.find((f) => f.isPreferred);
    const fixed = engine().applyTextEdits(aiCall, fix.edits);
    assert.match(fixed, /from app\.phi import deidentify\n/);
    assert.match(fixed, /input=deidentify\(f"Explain \{patient\.diagnosis\}"\)/);
    assert.deepEqual(analyze(fixed, 'a.py', policy).findings, []);
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

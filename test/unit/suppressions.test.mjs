// Suppression comments hold whatever the line endings and spacing of the file: a Windows checkout
// (CRLF), old Mac files (CR), tabs and trailing whitespace around the reason.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { engine, loadEngine } from '../support/engine.mjs';

before(loadEngine);

const PYTHON = {
  'the line above': [
    'import logging',
    'logger = logging.getLogger(__name__)',
    'def f(patient):',
    '    # phi-guard: ignore[phi-in-log] -- reviewed by security \t',
    '    logger.info("found %s", patient.name)',
  ],
  'a trailing comment': [
    'import logging',
    'logger = logging.getLogger(__name__)',
    'def f(patient):',
    '    logger.info("found %s", patient.name)  # phi-guard: ignore[phi-in-log]\t--\treviewed by security  ',
  ],
  'tabs everywhere': [
    'def f(patient):',
    '\t#\tphi-guard:\tignore[\tphi-in-log\t]\t--\treviewed by security\t',
    '\tprint(patient.name)',
  ],
};

const TYPESCRIPT = {
  'a line comment': ['function f(patient: any) {', '  // phi-guard: ignore[phi-in-log] -- reviewed by security ', '  console.log(patient.name);', '}'],
  'a block comment': ['function f(patient: any) {', '  /* phi-guard: ignore[phi-in-log] -- reviewed by security */\t', '  console.log(patient.name);', '}'],
};

const ENDINGS = { LF: '\n', CRLF: '\r\n', CR: '\r' };

describe('suppression comments', () => {
  for (const [ending, eol] of Object.entries(ENDINGS)) {
    for (const [language, cases, file] of [['Python', PYTHON, 'a.py'], ['TypeScript', TYPESCRIPT, 'a.ts']]) {
      for (const [name, lines] of Object.entries(cases)) {
        test(`${language}, ${name}, ${ending} line endings: the finding is hidden and the reason read`, () => {
          const result = engine().analyze({ text: lines.join(eol) + eol, path: file }, engine().defaultPolicy());
          assert.deepEqual(result.findings.map((f) => f.ruleId), []);
          assert.equal(result.suppressed.length, 1);
          assert.deepEqual(result.suppressions.map((s) => [s.rules, s.reason]), [[['phi-in-log'], 'reviewed by security']]);
        });
      }
    }

    test(`a suppression without a reason still applies and is unjustified (${ending})`, () => {
      const text = ['def f(patient):', '    print(patient.name)  # phi-guard: ignore[phi-in-log]  ', ''].join(eol);
      const result = engine().analyze({ text, path: 'a.py' }, engine().defaultPolicy());
      assert.deepEqual(result.findings.map((f) => f.ruleId), ['unjustified-suppression']);
      assert.equal(result.suppressed.length, 1);
    });
  }

  test('a suppression hides only the rules it names, also with CRLF', () => {
    const text = ['def f(patient):', '    # phi-guard: ignore[phi-in-error] -- other rule\r', '    print(patient.name)', ''].join('\r\n');
    const result = engine().analyze({ text, path: 'a.py' }, engine().defaultPolicy());
    assert.deepEqual(result.findings.map((f) => f.ruleId), ['phi-in-log']);
  });
});

// Text the engine once refused or misread, in the editor and the CLI alike: a NUL byte (the
// tree-sitter lexers stop at one, so everything after it went unseen, or the whole file was
// called binary), and the size-limit notice, which each front end words with its own option name.

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { actualFindings } from '../support/expectations.mjs';
import { engine, loadEngine } from '../support/engine.mjs';

before(loadEngine);

const analyze = (text, file, options) => engine().analyze({ text, path: file }, engine().defaultPolicy(), options);

describe('NUL bytes', () => {
  test('one NUL in a comment: the file is analysed, findings after it are found at their positions', () => {
    const js = '// marker \u0000\nfunction f(patient) {\n  console.log(patient.ssn);\n}\n';
    const result = analyze(js, 'a.js');
    assert.equal(result.skipped, undefined);
    assert.deepEqual(actualFindings(result), ['3:phi-in-log']);
    assert.equal(result.findings[0].range.start.character, '  console.log('.length);
    const py = 'import logging\nlogger = logging.getLogger(__name__)\n# \u0000\nlogger.info("%s", patient.ssn)\n';
    assert.deepEqual(actualFindings(analyze(py, 'a.py')), ['4:phi-in-log']);
  });

  test('a NUL typed into an open document (incremental parse) hides nothing either', () => {
    const e = engine();
    const doc = new e.ParsedDocument('javascript', '// note\nfunction f(patient) {\n  console.log(patient.ssn);\n}\n');
    doc.applyChanges([{ range: { start: { line: 0, character: 7 }, end: { line: 0, character: 7 } }, text: '\u0000' }]);
    assert.ok(doc.text.includes('\u0000'), 'the document text itself is unchanged');
    assert.deepEqual(actualFindings(e.analyzeDocument(doc, 'a.js', e.defaultPolicy())), ['3:phi-in-log']);
    doc.dispose();
  });

  test('text that is mostly NUL or control characters is still refused as binary', () => {
    assert.equal(analyze(`x = 1\n${'\u0000'.repeat(64)}`, 'a.py').skipped?.reason, 'binary');
    assert.equal(analyze('\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000\u0000\u0010', 'a.js').skipped?.reason, 'binary');
  });
});

describe('the size-limit notice', () => {
  const big = 'x = 1\n'.repeat(2000);
  test('names the option the front end gives, and none by default', () => {
    assert.equal(analyze(big, 'a.py', { maxFileSizeKb: 4 }).skipped?.detail, 'larger than the size limit of 4 KB');
    assert.equal(
      analyze(big, 'a.py', { maxFileSizeKb: 4, maxFileSizeName: '--max-file-size-kb' }).skipped?.detail,
      'larger than --max-file-size-kb (4 KB)',
    );
  });
});

// tree-sitter-python's scanner corrupts its memory past ~500 indentation levels: deeper Python is
// refused before parsing. Each indentation character is checked, whatever it is.
describe('Python nested too deeply', () => {
  const nested = (levels, indent) =>
    ['def f(patient):'].concat(Array.from({ length: levels }, (_, k) => `${indent(k + 1)}if patient:`), [`${indent(levels + 1)}print(patient.ssn)`]).join('\n') + '\n';
  test('310 levels indented by spaces, by tabs, or by spaces after a form feed are refused', () => {
    for (const indent of [(n) => ' '.repeat(n), (n) => '\t'.repeat(n), (n) => `\f${' '.repeat(n)}`]) {
      const result = analyze(nested(310, indent), 'deep.py');
      assert.equal(result.skipped?.reason, 'too-deep');
      assert.equal(result.skipped?.detail, 'indentation nested more than 300 levels deep');
    }
  });

  test('a long file nested a few levels deep is analysed, long runs of blanks elsewhere included', () => {
    const padding = `NOTE = "${' '.repeat(400)}"\n`.repeat(120);
    for (const indent of [(n) => ' '.repeat(4 * n), (n) => '\t'.repeat(n)]) {
      const result = analyze(padding + nested(8, indent), 'shallow.py');
      assert.equal(result.skipped, undefined);
      assert.deepEqual(actualFindings(result), [`${120 + 10}:phi-in-log`]);
    }
  });
});

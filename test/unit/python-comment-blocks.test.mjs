// Long blocks of Python comment lines (commented-out modules, generated headers) are blanked
// before parsing because the grammar's scanner is quadratic on them. What a user sees must not
// change: findings and their positions, suppressions inside the block, strings whose lines start
// with `#`, and incremental analysis across the block-size threshold.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { engine, loadEngine } from '../support/engine.mjs';

before(loadEngine);

const analyze = (text) => engine().analyze({ text, path: 'a.py' }, engine().defaultPolicy());
const commentedOut = (count, indent = '    ') =>
  Array.from({ length: count }, (_, i) => `${indent}# logger.info("it's line %d: %s", ${i}, patient.ssn)  # "old" code`);

describe('long Python comment blocks', () => {
  test('findings after a 3,000-line comment block keep their lines; a suppression inside the block holds', () => {
    const lines = [
      'import logging',
      'logger = logging.getLogger(__name__)',
      'def show(patient):',
      ...commentedOut(3000),
      '    # phi-guard: ignore[phi-in-log] -- reviewed in SEC-7',
      '    logger.info("name %s", patient.name)',
      ...commentedOut(200),
      '    logger.info("dob %s", patient.dob)',
      '',
    ];
    const result = analyze(lines.join('\n'));
    assert.equal(result.hasSyntaxErrors, false);
    assert.deepEqual(result.findings.map((f) => [f.ruleId, f.line]), [['phi-in-log', lines.length - 2]]);
    assert.deepEqual(result.suppressions.map((s) => [s.line, s.reason]), [[3003, 'reviewed in SEC-7']]);
    assert.equal(result.suppressed.length, 1);
  });

  test('a triple-quoted string whose lines start with # is left whole (the fix keeps its text)', () => {
    const body = Array.from({ length: 100 }, (_, i) => `# step ${i}: don't log`);
    const text = ['import logging', 'logger = logging.getLogger(__name__)', 'def show(patient):', '    logger.info("""Report', ...body, '""" + patient.name)', ''].join('\n');
    const result = analyze(text);
    assert.equal(result.hasSyntaxErrors, false);
    const [finding] = result.findings;
    assert.equal(finding.ruleId, 'phi-in-log');
    const fixText = finding.fixes.find((fix) => fix.isPreferred).edits.map((edit) => edit.newText).join('');
    assert.match(fixText, /# step 99: don't log/, 'the string was parsed with its own text');
  });

  test('a block split by code is two blocks; single-quoted strings holding # do not start one', () => {
    const text = [
      'import logging',
      'logger = logging.getLogger(__name__)',
      'MARKS = [',
      ...Array.from({ length: 100 }, () => "    '#',  # a hash"),
      ']',
      'def show(patient):',
      ...commentedOut(70),
      '    x = 1',
      ...commentedOut(70),
      '    logger.info("ssn %s", patient.ssn)',
      '',
    ].join('\n');
    const result = analyze(text);
    assert.equal(result.hasSyntaxErrors, false);
    assert.deepEqual(result.findings.map((f) => f.line), [text.split('\n').length - 2]);
  });

  test('editing across the block-size threshold gives what a fresh analysis gives', () => {
    const { ParsedDocument, analyzeDocument, defaultPolicy } = engine();
    const head = ['import logging', 'logger = logging.getLogger(__name__)', 'def show(patient):'];
    const tail = ['    logger.info("ssn %s", patient.ssn)', '    x = """', ...commentedOut(3), '"""', ''];
    const document = new ParsedDocument('python', [...head, ...commentedOut(62), ...tail].join('\n'));
    const visible = (result) => JSON.parse(JSON.stringify({ findings: result.findings, suppressions: result.suppressions, hasSyntaxErrors: result.hasSyntaxErrors }));
    try {
      analyzeDocument(document, 'a.py', defaultPolicy());
      const at = { line: head.length, character: 0 };
      const edits = [
        ...Array.from({ length: 4 }, () => ({ range: { start: at, end: at }, text: '    # one more line of old code\n' })),
        { range: { start: at, end: { line: head.length + 2, character: 0 } }, text: '' },
        { range: { start: at, end: at }, text: '    y = """\n' }, // the whole block becomes a string
        { range: { start: at, end: { line: head.length + 1, character: 0 } }, text: '' },
        { range: { start: at, end: at }, text: '    # phi-guard: ignore[phi-in-log] -- reviewed\n' },
      ];
      for (const [step, edit] of edits.entries()) {
        document.applyChanges([edit]);
        const incremental = visible(analyzeDocument(document, 'a.py', defaultPolicy()));
        const fresh = visible(engine().analyze({ text: document.text, path: 'a.py' }, defaultPolicy()));
        assert.deepEqual(incremental, fresh, `after edit ${step + 1}`);
      }
    } finally {
      document.dispose();
    }
  });
});

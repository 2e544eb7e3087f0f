// Incremental analysis: the server keeps one ParsedDocument per editor and reuses the facts of
// the statements an edit did not touch, and the evidence of endpoints whose handler did not
// change. Whatever the edits, what it reports must be exactly what a fresh analysis of the same
// text reports: findings, fixes, suppressions, endpoints.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { engine, loadEngine, repoRoot } from '../support/engine.mjs';
import { assertSpecExamplesPresent, SPEC_EXAMPLES, specExamplesPresent } from '../support/spec-examples.mjs';

before(loadEngine);

const corpora = [path.join(repoRoot, 'test/fixtures/engine'), ...(specExamplesPresent() ? [SPEC_EXAMPLES] : [])];
const sources = corpora.flatMap((dir) =>
  readdirSync(dir)
    .filter((file) => /\.(py|ts|tsx|js|jsx)$/.test(file))
    .map((file) => path.join(dir, file)),
);

/** Edits a person makes: typing, deleting, Enter, removing a line, pasting a line elsewhere, breaking syntax. */
function* editsOf(text, count, seed) {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  let lines = text.split('\n');
  for (let i = 0; i < count; i++) {
    const line = Math.floor(random() * lines.length);
    const character = Math.floor(random() * (lines[line].length + 1));
    const at = { line, character };
    const kind = i % 6;
    let edit;
    if (kind === 0) edit = { range: { start: at, end: at }, text: 'x' };
    else if (kind === 1 && character > 0) edit = { range: { start: { line, character: character - 1 }, end: at }, text: '' };
    else if (kind === 2) edit = { range: { start: at, end: at }, text: '\n' };
    else if (kind === 3 && line + 1 < lines.length) edit = { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: '' };
    else if (kind === 4) edit = { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: `${lines[Math.floor(random() * lines.length)]}\n` };
    else edit = { range: { start: at, end: at }, text: '(' };
    yield edit;
    lines = applyToLines(lines, edit);
  }
}

function applyToLines(lines, { range, text }) {
  const before = lines.slice(0, range.start.line).join('\n') + (range.start.line ? '\n' : '') + lines[range.start.line].slice(0, range.start.character);
  const endLine = lines[range.end.line] ?? '';
  const after = endLine.slice(range.end.character) + (range.end.line + 1 < lines.length ? '\n' : '') + lines.slice(range.end.line + 1).join('\n');
  return (before + text + after).split('\n');
}

/** What a user sees of a result (the suppressions' parsed comments included). */
function visible(result) {
  return JSON.parse(JSON.stringify({ findings: result.findings, suppressed: result.suppressed, suppressions: result.suppressions, endpoints: result.endpoints, routes: result.routes, hasSyntaxErrors: result.hasSyntaxErrors }));
}

describe('incremental analysis equals a fresh analysis', () => {
  test("the product contract's conformance examples are present", assertSpecExamplesPresent);

  for (const file of sources) {
    test(path.basename(file), () => {
      const { ParsedDocument, analyze, analyzeDocument, defaultPolicy, languageFromPath } = engine();
      const policy = defaultPolicy();
      const name = path.basename(file);
      const document = new ParsedDocument(languageFromPath(name), readFileSync(file, 'utf8'));
      try {
        analyzeDocument(document, name, policy);
        let step = 0;
        for (const edit of editsOf(document.text, 36, name.length)) {
          document.applyChanges([edit]);
          step++;
          const incremental = visible(analyzeDocument(document, name, policy));
          // A policy object of its own: what the engine remembers per policy (classifications,
          // endpoint evidence) starts empty, so the fresh analysis shares nothing with the other.
          const fresh = visible(analyze({ text: document.text, path: name }, defaultPolicy()));
          assert.deepEqual(incremental, fresh, `after edit ${step} (${JSON.stringify(edit.range)})`);
        }
      } finally {
        document.dispose();
      }
    });
  }

  test('a line inserted above moves every later finding down', () => {
    const { ParsedDocument, analyzeDocument, defaultPolicy } = engine();
    const text = 'import logging\nlogger = logging.getLogger(__name__)\n\ndef show(patient):\n    logger.info(patient.ssn)\n';
    const document = new ParsedDocument('python', text);
    try {
      const before = analyzeDocument(document, 'a.py', defaultPolicy()).findings.map((finding) => finding.line);
      document.applyChanges([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# header\n\n' }]);
      const after = analyzeDocument(document, 'a.py', defaultPolicy()).findings.map((finding) => finding.line);
      assert.deepEqual(before, [4]);
      assert.deepEqual(after, [6]);
    } finally {
      document.dispose();
    }
  });
});

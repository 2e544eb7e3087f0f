// A keystroke rescans only the lines it touched for the document's line starts
// (model/text.ts, updatedLineStarts); they must equal the line starts of the text scanned whole,
// whatever the edit joins or parts: CR and LF typed, deleted or pasted beside each other.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { engine, loadEngine } from '../support/engine.mjs';

before(loadEngine);

/** LF, CRLF and a lone CR end a line (the LSP's rule). */
function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') starts.push(i + 1);
    else if (text[i] === '\r') {
      if (text[i + 1] === '\n') i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

function positionOf(text, offset) {
  const starts = lineStarts(text);
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return { line, character: offset - starts[line] };
}

test('line starts after random edits equal a scan of the whole text', () => {
  const { ParsedDocument } = engine();
  const pieces = ['\n', '\r', '\r\n', 'a', 'x = 1', '\n\r', '  ', ''];
  let state = 11;
  const random = (n) => ((state = (state * 1103515245 + 12345) % 2147483648) % n);
  for (const languageId of ['python', 'typescript']) {
    let text = 'a = 1\r\nb = 2\rc = 3\n\nd\r\n';
    const document = new ParsedDocument(languageId, text);
    try {
      for (let step = 0; step < 3000; step++) {
        const start = random(text.length + 1);
        const end = Math.min(text.length, start + random(4));
        const inserted = Array.from({ length: random(3) }, () => pieces[random(pieces.length)]).join('');
        // Positions as the editor sends them: within the old text, before the edit.
        document.applyChanges([{ range: { start: positionOf(text, start), end: positionOf(text, end) }, text: inserted }]);
        text = document.text;
        assert.deepEqual(document.lineStarts, lineStarts(text), `step ${step}: ${JSON.stringify(text)}`);
      }
    } finally {
      document.dispose();
    }
  }
});

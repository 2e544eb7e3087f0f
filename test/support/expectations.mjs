// Reads `expect: rule-id[, rule-id]` markers from conformance fixtures (the product contract's
// examples and test/fixtures) and compares them with what the engine reports, on (line, rule id).
import { readFileSync } from 'node:fs';

const MARKER = /(?:#|\/\/)\s*(?:.*\s)?expect:\s*([a-z-]+(?:\s*,\s*[a-z-]+)*)/;

export function expectedFindings(text) {
  const expected = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const match = MARKER.exec(line);
    if (match) for (const rule of match[1].split(',')) expected.push(`${index + 1}:${rule.trim()}`);
  });
  return expected.sort();
}

export function actualFindings(result) {
  return result.findings.map((f) => `${f.line + 1}:${f.ruleId}`).sort();
}

export function readFixture(path) {
  return readFileSync(path, 'utf8');
}

// The per-rule fixture tests (test/rules) mark a finding with a whole trailing comment,
// `  # expect: rule-id[, rule-id]` or `  // expect: …`, and remove it before analysing: the code
// analysed and fixed is the code as written, and the after-file's markers are the findings left.
const TRAILING_MARKER = /[ \t]*(?:#|\/\/)[ \t]*expect:[ \t]*([a-z-]+(?:[ \t]*,[ \t]*[a-z-]+)*)[ \t]*$/;

/** `{ source, expected }`: the text without its trailing markers, and the findings they name as `line:rule-id`. */
export function withoutMarkers(text) {
  const expected = [];
  const source = text
    .split('\n')
    .map((line, index) => {
      const match = TRAILING_MARKER.exec(line);
      if (!match) return line;
      for (const rule of match[1].split(',')) expected.push(`${index + 1}:${rule.trim()}`);
      return line.slice(0, match.index);
    })
    .join('\n');
  return { source, expected: expected.sort() };
}

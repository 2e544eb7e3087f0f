// Reads `expect: rule-id[, rule-id]` markers from conformance fixtures (shared/spec/examples
// style) and compares them with what the engine reports, on (line, rule id).
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

// A source file of about `lineCount` lines in one language, cut from the generated tree, for
// the live-latency and parse/analysis measurements.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function sampleSource(sourceDir, language, lineCount) {
  const extension = language === 'python' ? '.py' : '.ts';
  const files = [];
  const stack = [sourceDir];
  while (stack.length) {
    const current = stack.pop();
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (entry.name.endsWith(extension) && (language !== 'python' || full.includes('routers'))) files.push(full);
    }
  }
  const lines = [];
  for (let i = 0; lines.length < lineCount; i++) {
    // Repeated files define the same names again: realistic enough for timing, and it parses.
    const text = readFileSync(files[i % files.length], 'utf8').split('\n');
    lines.push(...(language === 'python' ? text : text.filter((line) => !line.startsWith('import '))));
  }
  const header = language === 'python' ? [] : ["import { Router } from 'express';", "import pino from 'pino';", "import { phiAccess } from '../security/phi-access';"];
  // Cut at a blank line (between two top-level statements), not inside a function: a file left
  // unclosed parses as one ERROR root, which is not what a person edits. Comments fill the rest.
  let cut = Math.max(0, lineCount - header.length);
  while (cut > 0 && lines[cut - 1].trim() !== '') cut--;
  const filler = Array.from({ length: lineCount - header.length - cut }, () => (language === 'python' ? '# -' : '// -'));
  return [...header, ...lines.slice(0, cut), ...filler].join('\n') + '\n';
}

/** Deterministic single-character edits: insert `x` at a random position, then delete it again. */
export function editScript(text, count, seed = 7) {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const lines = text.split('\n');
  const edits = [];
  for (let i = 0; i < count / 2; i++) {
    const line = Math.floor(random() * (lines.length - 1));
    const character = Math.floor(random() * (lines[line].length + 1));
    const at = { line, character };
    edits.push({ range: { start: at, end: at }, text: 'x' });
    edits.push({ range: { start: at, end: { line, character: character + 1 } }, text: '' });
  }
  return edits;
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

// A small virtual workspace for endpoint tests: every file is summarised into a workspace index,
// then one file is analysed with it, as the CLI and the editor do.
import assert from 'node:assert/strict';
import path from 'node:path';
import { engine } from './engine.mjs';

export const VIRTUAL_ROOT = path.resolve('/virtual/project');

/**
 * The workspace of `files` (relative path -> lines) under `policy` (the defaults when absent), and
 * the lines of `target` that analysing it reports for missing-phi-access, trimmed.
 */
export function missingAccessIn(files, target, policy = engine().defaultPolicy(), options = {}) {
  const e = engine();
  const index = new e.WorkspaceIndex(VIRTUAL_ROOT);
  const texts = Object.fromEntries(Object.entries(files).map(([file, lines]) => [path.join(VIRTUAL_ROOT, file), lines.join('\n')]));
  for (const [file, text] of Object.entries(texts)) {
    const summary = e.summarizeFile({ text, path: file }, policy);
    if (summary) index.set(summary);
  }
  const file = path.join(VIRTUAL_ROOT, target);
  const result = e.analyze({ text: texts[file], path: file }, policy, { workspace: index, ...options });
  assert.deepEqual(result.ruleFailures, []);
  const lines = texts[file].split('\n');
  return result.findings.filter((f) => f.ruleId === 'missing-phi-access').map((f) => lines[f.line].trim());
}

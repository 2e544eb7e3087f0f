// The fix of hardcoded-ai-key, *Read the key from the environment*: the literal becomes
// `os.environ["OPENAI_API_KEY"]` / `process.env.OPENAI_API_KEY` (a Bearer header keeps its
// prefix); a statement that only writes the literal into the environment is removed. Titles name
// the variable, never the key.

import type { FileFacts, StringLiteralFact } from '../../model/facts';
import type { Fix, TextEdit } from '../../model/types';
import type { KeyProvider } from '../../analysis/api-keys';

export function envKeyFix(literal: StringLiteralFact, key: string, provider: KeyProvider, envName: string, facts: FileFacts): Fix | undefined {
  const python = facts.language === 'python';
  if (python && /b/i.test(literal.prefix)) return undefined;
  if (literal.namePosition) return undefined;
  const title = `Read the ${provider.label} key from the environment (${envName})`;
  const target = literal.target ?? '';
  // `os.environ["X"] = "sk-..."` / `process.env.X = 'sk-...'` at top level: the environment already provides it.
  if (literal.statement && literal.statement.start.character === 0 && isEnvWrite(target)) {
    const { start, end } = literal.statement;
    return {
      title: `Remove the hard-coded ${provider.label} key (the environment provides ${envName})`,
      kind: 'fix',
      isPreferred: true,
      edits: [{ range: { start: { line: start.line, character: 0 }, end: { line: end.line + 1, character: 0 } }, newText: '' }],
    };
  }
  const bearer = key !== literal.value;
  let replacement: string;
  if (python) {
    replacement = bearer ? `f"Bearer {os.environ['${envName}']}"` : `os.environ["${envName}"]`;
  } else {
    replacement = bearer ? `\`Bearer \${process.env.${envName}}\`` : `process.env.${envName}`;
  }
  const edits: TextEdit[] = [{ range: literal.range, newText: replacement }];
  if (python) {
    const osImport = importOs(facts);
    if (osImport) edits.push(osImport);
  }
  return { title, kind: 'fix', isPreferred: true, edits };
}

function isEnvWrite(target: string): boolean {
  return /^(?:os\.environ\s*\[|process\.env\.|process\.env\s*\[)/.test(target);
}

/** `import os` unless the module is already imported as `os`. */
function importOs(facts: FileFacts): TextEdit | undefined {
  if (facts.imports.some((fact) => fact.names.get('os') === '*module*')) return undefined;
  let line = facts.importInsertLine;
  if (line === 0) {
    // After a shebang / encoding line and leading comments, never above them.
    while (line < facts.lineStarts.length) {
      const start = facts.lineStarts[line];
      const next = facts.lineStarts[line + 1] ?? facts.text.length;
      if (!facts.text.slice(start, next).startsWith('#')) break;
      line++;
    }
  }
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: 'import os\n' };
}

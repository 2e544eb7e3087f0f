// Adding an import a fix needs, unless the file already has it.

import type { FileFacts } from '../facts';
import type { TextEdit } from '../types';

/** `from module import name` (Python) or `import { name } from 'module'` (TS/JS). */
export function addImport(facts: FileFacts, module: string, name: string): TextEdit | undefined {
  if (!module) return undefined;
  if (facts.imports.some((fact) => fact.names.get(name) === name || fact.names.has(name))) return undefined;
  const line = facts.importInsertLine;
  const statement = facts.language === 'python' ? `from ${module} import ${name}\n` : `import { ${name} } from '${module}';\n`;
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: statement };
}

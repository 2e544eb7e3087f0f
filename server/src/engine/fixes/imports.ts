// Adding an import a fix needs, unless the file already has it, and reading the import a
// qualified name in the policy stands for.

import type { FileFacts } from '../model/facts';
import type { TextEdit } from '../model/types';

/** `from module import name` (Python) or `import { name } from 'module'` (TS/JS). */
export function addImport(facts: FileFacts, module: string, name: string): TextEdit | undefined {
  if (!module) return undefined;
  if (facts.imports.some((fact) => fact.names.get(name) === name || fact.names.has(name))) return undefined;
  const line = facts.importInsertLine;
  const statement = facts.language === 'python' ? `from ${module} import ${name}\n` : `import { ${name} } from '${module}';\n`;
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: statement };
}

/** `app.security.debug.phi_debug` -> module `app.security.debug`, name `phi_debug`; `@/x#phiDebug` for TS. */
export function splitQualifiedName(target: string, language: 'python' | 'ts'): { module?: string; name: string } {
  if (language === 'ts') {
    const hash = target.lastIndexOf('#');
    return hash > 0 ? { module: target.slice(0, hash), name: target.slice(hash + 1) } : { name: target };
  }
  const dot = target.lastIndexOf('.');
  return dot > 0 ? { module: target.slice(0, dot), name: target.slice(dot + 1) } : { name: target };
}

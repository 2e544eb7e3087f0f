// TypeScript / JavaScript imports: ES `import` statements and CommonJS `require()` bindings, as
// local name -> imported name, and the line after the last top-level import.

import type { Node } from 'web-tree-sitter';
import { rangeOf } from '../../model/ranges';
import type { AdapterContext } from '../context';
import { toExpr } from './expressions';
import { identifiersIn, staticString } from './syntax';
import { parentOf } from '../../parsing/node-parents';

/** The module-level name an instance exported by default is bound to (`export default new Svc()`). */
const DEFAULT_INSTANCE = '*default*';

export function recordImport(context: AdapterContext, node: Node): void {
  const { facts } = context;
  const source = node.childForFieldName('source');
  const module = source ? (staticString(source) ?? '') : '';
  const names = new Map<string, string>();
  const clause = node.namedChildren.find((child) => child.type === 'import_clause');
  for (const child of clause?.namedChildren ?? []) {
    if (child.type === 'identifier') names.set(child.text, '*default*');
    else if (child.type === 'namespace_import') {
      const local = child.namedChildren[0];
      if (local) names.set(local.text, '*module*');
    } else if (child.type === 'named_imports') {
      for (const specifier of child.namedChildren) {
        const name = specifier.childForFieldName('name')?.text;
        const alias = specifier.childForFieldName('alias')?.text;
        if (name) names.set(alias ?? name, name);
      }
    }
  }
  facts.imports.push({ module, names, range: rangeOf(node) });
  if (parentOf(node)?.type === 'program') facts.importInsertLine = Math.max(facts.importInsertLine, node.endPosition.row + 1);
}

/** `const pino = require('pino')` and `const { Logger } = require('x')` are imports too. */
export function recordRequire(context: AdapterContext, name: Node, value: Node): void {
  let call: Node | null = value;
  while (call && call.type === 'call_expression' && call.childForFieldName('function')?.type === 'call_expression') {
    call = call.childForFieldName('function');
  }
  if (!call || call.type !== 'call_expression' || call.childForFieldName('function')?.text !== 'require') return;
  const argument = call.childForFieldName('arguments')?.namedChildren[0];
  const module = argument ? staticString(argument) : undefined;
  if (module === undefined) return;
  const names = new Map<string, string>();
  if (name.type === 'identifier') names.set(name.text, call === value ? '*module*' : '*call*');
  else for (const id of identifiersIn(name)) names.set(id.text, id.text);
  context.facts.imports.push({ module, names, range: rangeOf(value) });
}

/** `export * from './m'` (`*` -> `*`), `export { a as b } from './m'` (b -> a): what a barrel file passes on. */
export function recordReexport(context: AdapterContext, node: Node): void {
  // `export default service;`: which module-level name a default import gets.
  const exported = node.childForFieldName('value');
  const isDefault = node.children.some((child) => child.type === 'default');
  if (exported?.type === 'identifier' && isDefault) context.facts.defaultExportName = exported.text;
  // `export default new PatientService()`: a default import gets that instance, bound here to a name no code can write.
  if (exported?.type === 'new_expression' && isDefault && exported.childForFieldName('constructor')?.type === 'identifier') {
    context.facts.bindings.push({ scopeId: 0, name: DEFAULT_INSTANCE, range: rangeOf(exported), offset: node.endIndex, value: toExpr(context, exported), kind: 'assign' });
    context.facts.defaultExportName = DEFAULT_INSTANCE;
  }
  const source = node.childForFieldName('source');
  const module = source ? staticString(source) : undefined;
  if (module === undefined) return;
  const names = new Map<string, string>();
  const clause = node.namedChildren.find((child) => child.type === 'export_clause');
  if (clause) {
    for (const specifier of clause.namedChildren) {
      const name = specifier.childForFieldName('name')?.text;
      const alias = specifier.childForFieldName('alias')?.text;
      if (name) names.set(alias ?? name, name);
    }
  } else {
    const namespace = node.namedChildren.find((child) => child.type === 'namespace_export');
    const local = namespace?.namedChildren[0]?.text;
    if (local) names.set(local, '*module*');
    else names.set('*', '*');
  }
  context.facts.reexports.push({ module, names, range: rangeOf(node) });
}

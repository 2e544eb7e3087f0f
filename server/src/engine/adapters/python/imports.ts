// Python imports: `import a.b as c` and `from m import x as y`, as local name -> imported name,
// and the line after the last top-level import (where a fix adds one).

import type { Node } from 'web-tree-sitter';
import { rangeOf } from '../../model/ranges';
import type { AdapterContext } from '../context';
import { parentOf } from '../../parsing/node-parents';

export function recordImport(context: AdapterContext, node: Node): void {
  const { facts } = context;
  const names = new Map<string, string>();
  let module = '';
  if (node.type === 'import_from_statement') {
    module = node.childForFieldName('module_name')?.text ?? '';
    for (const child of node.childrenForFieldName('name')) {
      if (!child) continue;
      if (child.type === 'aliased_import') {
        const name = child.childForFieldName('name')?.text;
        const alias = child.childForFieldName('alias')?.text;
        if (name && alias) names.set(alias, name);
      } else {
        names.set(child.text, child.text);
      }
    }
  } else {
    for (const child of node.childrenForFieldName('name')) {
      if (!child) continue;
      if (child.type === 'aliased_import') {
        const name = child.childForFieldName('name')?.text;
        const alias = child.childForFieldName('alias')?.text;
        if (name && alias) {
          module = name;
          names.set(alias, '*module*');
        }
      } else {
        module = child.text;
        names.set(child.text.split('.')[0], '*module*');
      }
    }
  }
  facts.imports.push({ module, names, range: rangeOf(node) });
  if (parentOf(node)?.type === 'module') facts.importInsertLine = Math.max(facts.importInsertLine, node.endPosition.row + 1);
}

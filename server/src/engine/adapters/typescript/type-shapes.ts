// TypeScript type aliases and interfaces as shapes: the property names a type declares itself
// and the named types it is made of (`A & B & { patient: any }`, `interface P extends A`), so a
// value of that type can be known to hold a patient record in one of its fields
// (analysis/flow/record-types.ts).

import type { Node } from 'web-tree-sitter';
import type { TypeShapeFact } from '../../model/facts';
import type { AdapterContext } from '../context';

/** Type nodes whose parts are parts of the same value (`A & B`, `A | B`, `(A)`, `Partial<A>`). */
const COMBINING_TYPES = new Set(['intersection_type', 'union_type', 'parenthesized_type', 'type_arguments', 'extends_type_clause', 'extends_clause', 'readonly_type']);
const MAX_PARTS = 64;

/** `type X = ...` / `interface X extends ... { ... }`. */
export function recordTypeShape(context: AdapterContext, node: Node): void {
  const name = node.childForFieldName('name');
  if (!name) return;
  const shape: TypeShapeFact = { name: name.text, fields: [], refs: [] };
  const parts: Node[] = [];
  if (node.type === 'type_alias_declaration') {
    const value = node.childForFieldName('value');
    if (value) parts.push(value);
  } else {
    for (const child of node.namedChildren) if (child.type === 'extends_type_clause') parts.push(child);
    const body = node.childForFieldName('body');
    if (body) parts.push(body);
  }
  for (let seen = 0; parts.length && seen < MAX_PARTS; seen++) {
    const part = parts.pop()!;
    if (part.type === 'object_type' || part.type === 'interface_body') {
      for (const member of part.namedChildren) {
        const key = member.type === 'property_signature' ? member.childForFieldName('name') : null;
        if (key) shape.fields.push(key.text.replace(/^['"]|['"]$/g, ''));
      }
    } else if (part.type === 'type_identifier') {
      shape.refs.push(part.text);
    } else if (part.type === 'generic_type') {
      // `Partial<A>`, `Readonly<A>`: the wrapper keeps A's fields.
      const args = part.childForFieldName('type_arguments') ?? part.namedChildren.find((child) => child.type === 'type_arguments');
      if (args) parts.push(args);
    } else if (COMBINING_TYPES.has(part.type)) {
      parts.push(...part.namedChildren);
    }
  }
  (context.facts.typeShapes ??= []).push(shape);
}

// Small readers of tree-sitter-typescript / -javascript nodes that the TypeScript adapter's
// files share.

import type { Node } from 'web-tree-sitter';

/** Wrappers that do not change a value: `(x)`, `x as T`, `x satisfies T`, `x!`. */
export const VALUE_WRAPPERS = new Set(['parenthesized_expression', 'as_expression', 'satisfies_expression', 'non_null_expression']);
/** Type syntax: never a value's name or part. */
export const TYPE_NODE_TYPES = new Set(['type_annotation', 'type_arguments', 'type_parameters', 'type_identifier', 'predefined_type']);

/** The value of a string literal, or of a template literal without substitutions. */
export function staticString(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'string') return node.namedChildren.map((child) => child?.text ?? '').join('');
  if (node.type === 'template_string' && !node.namedChildren.some((child) => child?.type === 'template_substitution')) return node.text.slice(1, -1);
  return undefined;
}

/** The key of an object literal's `pair`, when it is a name or a string. */
export function propertyKey(pair: Node): string | undefined {
  const key = pair.childForFieldName('key');
  if (!key) return undefined;
  if (key.type === 'property_identifier') return key.text;
  return staticString(key);
}

/** The value of the entry `name` of an object literal (`{ name: value }` or shorthand `{ name }`). */
export function entryValue(object: Node, name: string): Node | undefined {
  for (const entry of object.namedChildren) {
    if (entry?.type === 'pair' && propertyKey(entry) === name) return entry.childForFieldName('value') ?? undefined;
    if (entry?.type === 'shorthand_property_identifier' && entry.text === name) return entry;
  }
  return undefined;
}

/** A class member's decorators: its own children, and the class body's decorators just before it. */
export function decoratorNodes(node: Node): Node[] {
  const found = node.namedChildren.filter((child): child is Node => child?.type === 'decorator');
  let previous = node.previousNamedSibling;
  while (previous && (previous.type === 'decorator' || previous.type === 'comment')) {
    if (previous.type === 'decorator') found.unshift(previous);
    previous = previous.previousNamedSibling;
  }
  return found;
}

/** The identifiers a pattern binds (`{ a, b: [c] }` -> a, c), type syntax left out. */
export function identifiersIn(node: Node): Node[] {
  const found: Node[] = [];
  const stack = [node];
  while (stack.length) {
    const current = stack.pop()!;
    if (current.type === 'identifier' || current.type === 'shorthand_property_identifier_pattern') found.push(current);
    else if (!TYPE_NODE_TYPES.has(current.type)) stack.push(...current.namedChildren);
  }
  return found;
}

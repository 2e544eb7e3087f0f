// Small readers of tree-sitter-python nodes that the Python adapter's files share.

import type { Node } from 'web-tree-sitter';
import { realChildren } from '../syntax';

/** The value of a plain string literal node (no interpolation), or undefined when it is not one. */
export function staticString(node: Node | null | undefined): string | undefined {
  if (!node || node.type !== 'string') return undefined;
  if (node.namedChildren.some((child) => child?.type === 'interpolation')) return undefined;
  return node.namedChildren
    .filter((child): child is Node => !!child && (child.type === 'string_content' || child.type === 'escape_sequence'))
    .map((child) => child.text)
    .join('');
}

/** A string literal's prefix (`r`, `b`, `f`) and quote (`"`, `'''`), read from its start token. */
export function prefixAndQuote(node: Node): { prefix: string; quote: string } {
  const start = node.children.find((child) => child?.type === 'string_start')?.text ?? '"';
  const prefix = start.replace(/['"]+$/, '');
  return { prefix, quote: start.slice(prefix.length) };
}

/** The positional arguments of a call (no keywords, no splats, no comments). */
export function positionalArgs(call: Node): Node[] {
  const args = call.childForFieldName('arguments');
  if (!args) return [];
  return realChildren(args).filter((child) => child.type !== 'keyword_argument' && child.type !== 'list_splat' && child.type !== 'dictionary_splat');
}

/** The value of the keyword argument `name` in an argument list. */
export function keywordValue(args: Node, name: string): Node | undefined {
  for (const child of args.namedChildren) {
    if (child?.type === 'keyword_argument' && child.childForFieldName('name')?.text === name) return child.childForFieldName('value') ?? undefined;
  }
  return undefined;
}

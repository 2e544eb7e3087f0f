// What the Python and TypeScript model passes share: the nodes of the types they look at,
// bounded subtree scans, and the statement/position helpers their facts need.

import { nodesOfTypes } from './builder';
import type { Node } from 'web-tree-sitter';
import type { Position, Range } from '../model/types';

export function rangeOf(node: Node): Range {
  return {
    start: { line: node.startPosition.row, character: node.startPosition.column },
    end: { line: node.endPosition.row, character: node.endPosition.column },
  };
}

export function startOf(node: Node): Position {
  return { line: node.startPosition.row, character: node.startPosition.column };
}

export function endOf(node: Node): Position {
  return { line: node.endPosition.row, character: node.endPosition.column };
}

/**
 * Calls `visit` on every node of the given types, in document order. The nodes are found by a
 * compiled tree-sitter query (adapters/builder.ts), not by walking every node from JavaScript.
 */
export function forEachNodeOfTypes(subtree: Node, types: ReadonlySet<string>, visit: (node: Node) => void): void {
  for (const node of nodesOfTypes(subtree, types)) visit(node);
}

const MAX_SCANNED_NODES = 400;

/**
 * Identifier-like names in a subtree (types, wrappers, option keys): what tells an encrypted
 * column from a plain one. Bounded: a huge default value is not a column type.
 */
export function namesIn(node: Node | null | undefined, types: ReadonlySet<string>, into: string[] = []): string[] {
  if (!node) return into;
  const stack = [node];
  let seen = 0;
  while (stack.length && seen++ < MAX_SCANNED_NODES) {
    const current = stack.pop()!;
    if (types.has(current.type)) into.push(current.text);
    for (let i = current.namedChildCount - 1; i >= 0; i--) {
      const child = current.namedChild(i);
      if (child) stack.push(child);
    }
  }
  return into;
}

/** Whether `node` is the only thing on its lines (a statement a fix may delete whole). */
export function aloneOnLines(node: Node, text: string): boolean {
  let i = node.startIndex - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (i >= 0 && text[i] !== '\n' && text[i] !== '\r') return false;
  let j = node.endIndex;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === ';')) j++;
  // A trailing comment goes with the statement.
  return j >= text.length || text[j] === '\n' || text[j] === '\r' || text[j] === '#' || text.startsWith('//', j);
}

/** The leading whitespace of the line `node` starts on. */
export function indentOf(node: Node, text: string): string {
  let i = node.startIndex;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return /^[ \t]*/.exec(text.slice(i, i + 200))?.[0] ?? '';
}

/** The last segment of a dotted callee (`models.CharField` -> `CharField`). */
export function lastSegment(text: string): string {
  const dot = text.lastIndexOf('.');
  return dot >= 0 ? text.slice(dot + 1) : text;
}

/** Quick filter for literals worth keeping as credential candidates (no prose, no tiny strings). */
/**
 * Whether a literal's source (quotes and prefix included) rules out a credential before its
 * parts are read from the tree: too short, or spaced without being `Bearer …`. Most string
 * literals are messages, and reading each one's children cost more than the check.
 */
export function sourceRulesOutCredential(source: string): boolean {
  return source.length < 10 || (/\s/.test(source) && !/Bearer/i.test(source));
}

export function mayBeCredential(value: string): boolean {
  if (value.length < 8 || value.length > 512) return false;
  if (!/\s/.test(value)) return true;
  return /^Bearer\s+\S+$/i.test(value);
}

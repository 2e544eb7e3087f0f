// Reading syntax nodes the same way in every language: children without comments, bounded
// subtree scans, statement and indentation checks, dotted names.

import type { Node } from 'web-tree-sitter';
import { parentOf } from '../parsing/node-parents';

/** The named children that are not comments. */
export function realChildren(node: Node): Node[] {
  return node.namedChildren.filter((child): child is Node => !!child && child.type !== 'comment');
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

/** Nodes past which an enclosing `if` is no longer the same function's branch. */
const BRANCH_BOUNDARIES = new Set([
  'function_definition', 'class_definition', 'lambda', 'function_declaration', 'function_expression', 'arrow_function',
  'method_definition', 'class_declaration', 'class_body', 'generator_function_declaration', 'module', 'program',
]);

/**
 * The arm of the nearest enclosing `if` statement (`if`, `elif`, `else`) that `node` sits in, in
 * Python and TS/JS alike: two bindings in different arms of one `if` are alternatives, the later
 * one does not overwrite the earlier (model/facts.ts, BindingFact.branch).
 */
export function branchOf(node: Node): { statement: Node; arm: number } | undefined {
  let child = node;
  for (let parent = parentOf(node), i = 0; parent && i < 40; child = parent, parent = parentOf(parent), i++) {
    if (BRANCH_BOUNDARIES.has(parent.type)) return undefined;
    if (parent.type !== 'if_statement') continue;
    // Not the condition (`if (x = f())`): that runs whatever the arm.
    if (child.id === parent.childForFieldName('condition')?.id) continue;
    // One call for all the children (kept on the statement's node, which parentOf shares between
    // the bindings of its arms) rather than one per child.
    const arm = parent.children.findIndex((c) => c?.id === child.id);
    return { statement: parent, arm: arm < 0 ? 0 : arm };
  }
  return undefined;
}

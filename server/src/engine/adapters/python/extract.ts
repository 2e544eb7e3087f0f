// Python adapter: tree-sitter-python syntax -> language-neutral flow facts, one top-level
// statement (chunk) at a time. The visitor dispatches each node type to the file of its concern:
// expressions.ts, bindings.ts, declarations.ts, imports.ts.

import type { Node } from 'web-tree-sitter';
import type { CallFact } from '../../model/facts';
import { rangeOf } from '../../model/ranges';
import { newAdapterContext, recordComment, walk, type AdapterContext, type FlowFacts, type ScopeInit } from '../context';
import { bindAlias, bindAssignment, bindLoopTarget } from './bindings';
import { definitionScope, lambdaScope } from './declarations';
import { toExpr } from './expressions';
import { recordImport } from './imports';
import { parentOf } from '../../parsing/node-parents';

/** The node types the walk hands to `visit` (keep in sync with its switch). */
export const VISITED_TYPES = new Set([
  'function_definition', 'class_definition', 'lambda', 'assignment', 'augmented_assignment', 'named_expression',
  'for_statement', 'for_in_clause', 'as_pattern', 'call', 'raise_statement', 'comment', 'import_statement',
  'import_from_statement', 'return_statement',
]);

/** The flow facts of one top-level statement (see FlowFacts). */
export function extractPythonFacts(chunk: Node, text: string): FlowFacts {
  const context = newAdapterContext(text);
  walk(chunk, context, VISITED_TYPES, visit);
  return context.facts;
}

// Every `case` below must be listed in VISITED_TYPES.
function visit(context: AdapterContext, node: Node, scopeId: number): ScopeInit | void {
  switch (node.type) {
    case 'function_definition':
    case 'class_definition':
      return definitionScope(context, node);
    case 'lambda':
      return lambdaScope(node);
    case 'assignment':
      return bindAssignment(context, node, scopeId, 'left', 'right', 'assign');
    case 'augmented_assignment':
      return bindAssignment(context, node, scopeId, 'left', 'right', 'augmented');
    case 'named_expression':
      return bindAssignment(context, node, scopeId, 'name', 'value', 'assign');
    case 'for_statement':
    case 'for_in_clause':
      return bindLoopTarget(context, node, scopeId);
    case 'as_pattern':
      return bindAlias(context, node, scopeId);
    case 'call':
      return recordCall(context, node, scopeId);
    case 'raise_statement':
      return recordRaise(context, node, scopeId);
    case 'comment':
      return recordComment(context, node);
    case 'import_statement':
    case 'import_from_statement':
      return recordImport(context, node);
    case 'return_statement':
      return recordReturn(context, node, scopeId);
  }
}

/** `return x` (a returned tuple is one value). */
function recordReturn(context: AdapterContext, node: Node, scopeId: number): void {
  const value = node.namedChildren.find((child) => child.type !== 'comment');
  context.facts.returns.push({ scopeId, value: value ? toExpr(context, value) : undefined, range: rangeOf(node) });
}

/** `raise` of something that is not a call (a raised call is a CallFact with `thrownBy`). */
function recordRaise(context: AdapterContext, node: Node, scopeId: number): void {
  const value = node.namedChildren[0];
  if (value && value.type !== 'call') context.facts.throws.push({ scopeId, value: toExpr(context, value), range: rangeOf(node) });
}

/** A call, and whether it is raised or returned (Flask `return jsonify(...), 404` is an error body). */
function recordCall(context: AdapterContext, node: Node, scopeId: number): void {
  const call = toExpr(context, node);
  if (call.kind !== 'call') return;
  const parent = parentOf(node);
  const fact: CallFact = { scopeId, call };
  if (parent?.type === 'raise_statement') fact.thrownBy = rangeOf(parent);
  const returned = parent?.type === 'return_statement' ? parent : parent?.type === 'expression_list' && parentOf(parent)?.type === 'return_statement' ? parent : undefined;
  if (returned) {
    fact.returnedWith = returned.type === 'expression_list' ? returned.namedChildren.filter((c) => c.id !== node.id).map((c) => toExpr(context, c)) : [];
  }
  context.facts.calls.push(fact);
}

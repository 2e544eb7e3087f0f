// TypeScript / JavaScript adapter (ts, tsx, js, jsx): tree-sitter syntax -> language-neutral flow
// facts, one top-level statement (chunk) at a time. The visitor dispatches each node type to the
// file of its concern: expressions.ts, bindings.ts, declarations.ts, imports.ts.

import type { Node } from 'web-tree-sitter';
import type { CallFact } from '../../model/facts';
import { rangeOf } from '../../model/ranges';
import { newAdapterContext, recordComment, walk, type AdapterContext, type FlowFacts, type ScopeInit } from '../context';
import { bindAssignment, bindClassField, bindDeclarator, bindLoopTarget } from './bindings';
import { FUNCTION_TYPES, classScope, functionScope } from './declarations';
import { toExpr } from './expressions';
import { recordImport, recordReexport } from './imports';
import { recordTypeShape } from './type-shapes';
import { parentOf } from '../../parsing/node-parents';

/** The node types the walk hands to `visit` (keep in sync with it). */
export const VISITED_TYPES = new Set([
  ...FUNCTION_TYPES, 'class_declaration', 'abstract_class_declaration', 'class', 'variable_declarator',
  'assignment_expression', 'augmented_assignment_expression', 'public_field_definition', 'field_definition',
  'for_in_statement', 'call_expression', 'new_expression', 'throw_statement', 'comment', 'import_statement',
  'return_statement', 'export_statement', 'type_alias_declaration', 'interface_declaration',
]);

/** The flow facts of one top-level statement (see FlowFacts). */
export function extractTypeScriptFacts(chunk: Node, text: string): FlowFacts {
  const context = newAdapterContext(text);
  walk(chunk, context, VISITED_TYPES, visit);
  return context.facts;
}

// Every node type handled below must be listed in VISITED_TYPES.
function visit(context: AdapterContext, node: Node, scopeId: number): ScopeInit | void {
  const type = node.type;
  if (FUNCTION_TYPES.has(type)) return functionScope(context, node);
  switch (type) {
    case 'class_declaration':
    case 'abstract_class_declaration':
    case 'class':
      return classScope(context, node);
    case 'variable_declarator':
      return bindDeclarator(context, node, scopeId);
    case 'assignment_expression':
    case 'augmented_assignment_expression':
      return bindAssignment(context, node, scopeId);
    case 'public_field_definition':
    case 'field_definition':
      return bindClassField(context, node, scopeId);
    case 'for_in_statement':
      return bindLoopTarget(context, node, scopeId);
    case 'call_expression':
    case 'new_expression':
      return recordCall(context, node, scopeId);
    case 'throw_statement':
      return recordThrow(context, node, scopeId);
    case 'comment':
      return recordComment(context, node);
    case 'import_statement':
      return recordImport(context, node);
    case 'return_statement':
      return recordReturn(context, node, scopeId);
    case 'export_statement':
      return recordReexport(context, node);
    case 'type_alias_declaration':
    case 'interface_declaration':
      return recordTypeShape(context, node);
  }
}

function recordReturn(context: AdapterContext, node: Node, scopeId: number): void {
  const value = node.namedChildren.find((child) => child.type !== 'comment');
  context.facts.returns.push({ scopeId, value: value ? toExpr(context, value) : undefined, range: rangeOf(node) });
}

/** `throw` of something that is not a call (a thrown call is a CallFact with `thrownBy`). */
function recordThrow(context: AdapterContext, node: Node, scopeId: number): void {
  const value = node.namedChildren.find((child) => child.type !== 'comment');
  if (value && value.type !== 'call_expression' && value.type !== 'new_expression') {
    context.facts.throws.push({ scopeId, value: toExpr(context, value), range: rangeOf(node) });
  }
}

/** A call, and whether it is thrown or returned. */
function recordCall(context: AdapterContext, node: Node, scopeId: number): void {
  const call = toExpr(context, node);
  if (call.kind !== 'call') return;
  const fact: CallFact = { scopeId, call };
  const parent = parentOf(node);
  if (parent?.type === 'throw_statement') fact.thrownBy = rangeOf(parent);
  if (parent?.type === 'return_statement') fact.returnedWith = [];
  context.facts.calls.push(fact);
}

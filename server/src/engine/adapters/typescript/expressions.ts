// TypeScript / JavaScript expressions -> the expression model (model/facts.ts): names, members,
// subscripts, calls and `new`, strings and template literals, operators, objects, arrays.

import type { Node } from 'web-tree-sitter';
import type { Argument, Expr, ObjectEntry, TemplatePart } from '../../model/facts';
import { rangeOf } from '../../model/ranges';
import { accessExpr, exprConverter, isNode, literal, type AccessSyntax, type AdapterContext } from '../context';
import { TYPE_NODE_TYPES, staticString } from './syntax';

const LITERAL_TYPES = new Set([
  'number', 'true', 'false', 'null', 'undefined', 'regex', 'arrow_function', 'function_expression', 'function',
  'class', 'generator_function', 'meta_property',
]);
const NAME_TYPES = new Set(['identifier', 'shorthand_property_identifier', 'this', 'super', 'property_identifier']);
const TEST_OPERATORS = new Set(['==', '!=', '===', '!==', '<', '>', '<=', '>=', 'instanceof', 'in']);
const TEST_UNARY = new Set(['!', 'typeof', 'void', 'delete']);
const ACCESS: AccessSyntax = { member_expression: ['object', 'property', 'name'], subscript_expression: ['object', 'index', 'index'] };
const PASS_THROUGH = new Set([
  'parenthesized_expression', 'await_expression', 'as_expression', 'satisfies_expression', 'non_null_expression',
  'type_assertion', 'spread_element', 'yield_expression',
]);

/** `node` as an expression, converted once per chunk. */
export const toExpr = exprConverter(convert);

function convert(context: AdapterContext, node: Node, depth: number): Expr {
  const range = rangeOf(node);
  const next = depth + 1;
  // Every read of a node's type is a call into WebAssembly: read once.
  const type = node.type;
  if (NAME_TYPES.has(type)) return { kind: 'name', name: node.text, range };
  if (LITERAL_TYPES.has(type)) return literal(node);
  if (PASS_THROUGH.has(type)) {
    const inner = node.namedChildren.find((child) => isExpressionChild(child.type));
    return inner ? { kind: 'other', range, children: [toExpr(context, inner, next)] } : literal(node);
  }
  switch (type) {
    case 'member_expression':
    case 'subscript_expression': {
      const access = accessExpr(context, node, ACCESS, range, next, toExpr, staticString);
      if (access) return access;
      break;
    }
    case 'call_expression':
    case 'new_expression': {
      const fn = node.childForFieldName(type === 'new_expression' ? 'constructor' : 'function');
      const args = node.childForFieldName('arguments');
      if (!fn) break;
      return {
        kind: 'call',
        callee: toExpr(context, fn, next),
        args: args ? convertArgs(context, args, next) : [],
        isNew: type === 'new_expression',
        argsRange: rangeOf(args ?? node),
        range,
      };
    }
    case 'string': {
      const value = node.namedChildren.map((child) => child.text).join('');
      return { kind: 'string', value, quote: node.text[0] ?? "'", prefix: '', range };
    }
    case 'template_string':
      return convertTemplate(context, node, next);
    case 'binary_expression': {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      const operator = node.childForFieldName('operator')?.text ?? '';
      if (!left || !right) break;
      if (TEST_OPERATORS.has(operator)) return { kind: 'test', range };
      return { kind: 'binary', operator, left: toExpr(context, left, next), right: toExpr(context, right, next), range };
    }
    case 'unary_expression': {
      const operator = node.childForFieldName('operator')?.text ?? '';
      if (TEST_UNARY.has(operator)) return { kind: 'test', range };
      break;
    }
    case 'ternary_expression': {
      const branches = [node.childForFieldName('consequence'), node.childForFieldName('alternative')];
      return { kind: 'other', range, children: branches.filter(isNode).map((child) => toExpr(context, child, next)) };
    }
    case 'object':
      return { kind: 'object', entries: node.namedChildren.flatMap((child) => convertEntry(context, child, next)), range };
    case 'array':
      return { kind: 'array', items: node.namedChildren.filter((c) => c.type !== 'comment').map((child) => toExpr(context, child, next)), range };
  }
  return {
    kind: 'other',
    range,
    children: node.namedChildren.filter((c) => isExpressionChild(c.type)).map((child) => toExpr(context, child, next)),
  };
}

/** Not a comment or a type annotation. */
function isExpressionChild(type: string): boolean {
  return type !== 'comment' && !TYPE_NODE_TYPES.has(type);
}

/** A template literal: its text between substitutions is read from the file's text by offset. */
function convertTemplate(context: AdapterContext, node: Node, depth: number): Expr {
  const parts: TemplatePart[] = [];
  let cursor = node.startIndex + 1;
  const source = context.text;
  for (const child of node.namedChildren) {
    if (child.type !== 'template_substitution') continue;
    if (child.startIndex > cursor) parts.push({ text: source.slice(cursor, child.startIndex) });
    const inner = child.namedChildren[0];
    if (inner) parts.push({ expr: toExpr(context, inner, depth) });
    cursor = child.endIndex;
  }
  const end = Math.max(cursor, node.endIndex - 1);
  if (end > cursor) parts.push({ text: source.slice(cursor, end) });
  const range = rangeOf(node);
  if (!parts.some((part) => 'expr' in part)) {
    return { kind: 'string', value: parts.map((part) => ('text' in part ? part.text : '')).join(''), quote: '`', prefix: '', range };
  }
  return { kind: 'template', parts, quote: '`', range };
}

function convertEntry(context: AdapterContext, node: Node, depth: number): ObjectEntry[] {
  const range = rangeOf(node);
  const type = node.type;
  if (type === 'pair') {
    const key = node.childForFieldName('key');
    const value = node.childForFieldName('value');
    if (!key || !value) return [];
    const keyText = key.type === 'property_identifier' ? key.text : staticString(key);
    return [{ key: keyText, keyRange: rangeOf(key), value: toExpr(context, value, depth), range }];
  }
  if (type === 'shorthand_property_identifier') {
    return [{ key: node.text, keyRange: range, value: { kind: 'name', name: node.text, range }, range }];
  }
  if (type === 'spread_element') {
    const inner = node.namedChildren[0];
    return inner ? [{ value: toExpr(context, inner, depth), spread: true, range }] : [];
  }
  return [];
}

function convertArgs(context: AdapterContext, node: Node, depth: number): Argument[] {
  if (node.type === 'template_string') return [{ value: toExpr(context, node, depth), range: rangeOf(node) }];
  const args: Argument[] = [];
  for (const child of node.namedChildren) {
    const type = child.type;
    if (type === 'comment') continue;
    const spread = type === 'spread_element' ? child.namedChildren[0] : undefined;
    args.push(spread ? { value: toExpr(context, spread, depth), spread: true, range: rangeOf(child) } : { value: toExpr(context, child, depth), range: rangeOf(child) });
  }
  return args;
}

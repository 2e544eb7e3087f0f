// Python expressions -> the expression model (model/facts.ts): names, attributes, subscripts,
// calls and their arguments, strings and f-strings, operators, collections, dicts.

import type { Node } from 'web-tree-sitter';
import type { Argument, Expr, ObjectEntry, TemplatePart } from '../../model/facts';
import { rangeOf } from '../../model/ranges';
import { accessExpr, exprConverter, isNode, literal, type AccessSyntax, type AdapterContext } from '../context';
import { prefixAndQuote, staticString } from './syntax';

const LITERAL_TYPES = new Set(['integer', 'float', 'true', 'false', 'none', 'ellipsis', 'lambda', 'type']);
const TEST_TYPES = new Set(['comparison_operator', 'not_operator']);
/** Lists, tuples and sets, and the patterns that unpack into several names. */
export const COLLECTION_TYPES = new Set(['list', 'tuple', 'set', 'expression_list', 'pattern_list', 'tuple_pattern', 'list_pattern']);
const ACCESS: AccessSyntax = { attribute: ['object', 'attribute', 'name'], subscript: ['value', 'subscript', 'index'] };
const COMPREHENSION_TYPES = new Set(['list_comprehension', 'set_comprehension', 'generator_expression', 'dictionary_comprehension']);

/** `node` as an expression, converted once per chunk. */
export const toExpr = exprConverter(convert);

function convert(context: AdapterContext, node: Node, depth: number): Expr {
  const range = rangeOf(node);
  const next = depth + 1;
  // Every read of a node's type is a call into WebAssembly: read once.
  const type = node.type;
  switch (type) {
    case 'identifier':
      return { kind: 'name', name: node.text, range };
    case 'attribute':
    case 'subscript': {
      const access = accessExpr(context, node, ACCESS, range, next, toExpr, staticString);
      if (access) return access;
      break;
    }
    case 'call': {
      const fn = node.childForFieldName('function');
      const args = node.childForFieldName('arguments');
      if (!fn || !args) break;
      return { kind: 'call', callee: toExpr(context, fn, next), args: convertArgs(context, args, next), isNew: false, argsRange: rangeOf(args), range };
    }
    case 'string':
      return convertString(context, node, next);
    case 'concatenated_string': {
      const parts: TemplatePart[] = [];
      for (const child of node.namedChildren) {
        const expr = convertString(context, child, next);
        if (expr.kind === 'string') parts.push({ text: expr.value });
        else if (expr.kind === 'template') parts.push(...expr.parts);
      }
      if (parts.every((part) => 'text' in part)) {
        return { kind: 'string', value: parts.map((part) => ('text' in part ? part.text : '')).join(''), quote: '"', prefix: '', range };
      }
      return { kind: 'template', parts, quote: '"', range };
    }
    case 'binary_operator':
    case 'boolean_operator': {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      const operator = node.childForFieldName('operator');
      if (!left || !right) break;
      return { kind: 'binary', operator: operator?.text ?? '', left: toExpr(context, left, next), right: toExpr(context, right, next), range };
    }
    case 'conditional_expression': {
      const [body, , otherwise] = node.namedChildren;
      return { kind: 'other', range, children: [body, otherwise].filter(isNode).map((child) => toExpr(context, child, next)) };
    }
    case 'parenthesized_expression': {
      const inner = node.namedChildren.find((child) => child.type !== 'comment');
      return inner ? toExpr(context, inner, next) : literal(node);
    }
    case 'dictionary':
      return { kind: 'object', entries: node.namedChildren.flatMap((child) => convertEntry(context, child, next)), range };
    case 'keyword_argument': {
      const value = node.childForFieldName('value');
      return value ? toExpr(context, value, next) : literal(node);
    }
  }
  if (LITERAL_TYPES.has(type)) return literal(node);
  if (TEST_TYPES.has(type)) return { kind: 'test', range };
  if (COLLECTION_TYPES.has(type)) {
    return { kind: 'array', items: node.namedChildren.filter(isExpressionNode).map((child) => toExpr(context, child, next)), range };
  }
  if (COMPREHENSION_TYPES.has(type)) {
    const body = node.childForFieldName('body') ?? node.namedChildren[0];
    return { kind: 'other', range, children: body ? [toExpr(context, body, next)] : [] };
  }
  return { kind: 'other', range, children: node.namedChildren.filter(isExpressionNode).map((child) => toExpr(context, child, next)) };
}

/** A string or f-string: a template when it interpolates, else its value with quote and prefix. */
function convertString(context: AdapterContext, node: Node, depth: number): Expr {
  const range = rangeOf(node);
  if (node.type !== 'string') return toExpr(context, node, depth);
  const { prefix, quote } = prefixAndQuote(node);
  const parts: TemplatePart[] = [];
  for (const child of node.namedChildren) {
    const type = child.type;
    if (type === 'interpolation') {
      const expression = child.childForFieldName('expression');
      if (expression) parts.push({ expr: toExpr(context, expression, depth) });
    } else if (type === 'string_content' || type === 'escape_sequence' || type === 'escape_interpolation') {
      parts.push({ text: child.text });
    }
  }
  if (parts.some((part) => 'expr' in part)) return { kind: 'template', parts, quote, range };
  return { kind: 'string', value: parts.map((part) => ('text' in part ? part.text : '')).join(''), quote, prefix, range };
}

function convertEntry(context: AdapterContext, node: Node, depth: number): ObjectEntry[] {
  const type = node.type;
  if (type === 'pair') {
    const key = node.childForFieldName('key');
    const value = node.childForFieldName('value');
    if (!key || !value) return [];
    return [{ key: staticString(key), keyRange: rangeOf(key), value: toExpr(context, value, depth), range: rangeOf(node) }];
  }
  if (type === 'dictionary_splat') {
    const inner = node.namedChildren[0];
    return inner ? [{ value: toExpr(context, inner, depth), spread: true, range: rangeOf(node) }] : [];
  }
  return [];
}

function convertArgs(context: AdapterContext, node: Node, depth: number): Argument[] {
  if (node.type === 'generator_expression') return [{ value: toExpr(context, node, depth), range: rangeOf(node) }];
  const args: Argument[] = [];
  for (const child of node.namedChildren) {
    const type = child.type;
    if (type === 'comment') continue;
    if (type === 'keyword_argument') {
      const name = child.childForFieldName('name');
      const value = child.childForFieldName('value');
      if (name && value) args.push({ name: name.text, value: toExpr(context, value, depth), range: rangeOf(child) });
    } else if (type === 'list_splat' || type === 'dictionary_splat') {
      const inner = child.namedChildren[0];
      if (inner) args.push({ value: toExpr(context, inner, depth), spread: true, range: rangeOf(child) });
    } else {
      args.push({ value: toExpr(context, child, depth), range: rangeOf(child) });
    }
  }
  return args;
}

function isExpressionNode(node: Node): boolean {
  const type = node.type;
  return type !== 'comment' && type !== 'for_in_clause' && type !== 'if_clause';
}

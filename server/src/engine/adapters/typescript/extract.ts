// TypeScript / JavaScript adapter (ts, tsx, js, jsx): tree-sitter syntax -> language-neutral facts.

import type { Node } from 'web-tree-sitter';
import type { Argument, BindingFact, DecoratorFact, Expr, CallFact, ObjectEntry, ParamFact, TemplatePart } from '../../model/facts';
import { ExprCache, MAX_EXPRESSION_DEPTH, classScopeOf, commentFact, literal, newFlowFacts, rangeOf, walk, type FlowFacts, type ScopeInit } from '../builder';

const LITERAL_TYPES = new Set([
  'number', 'true', 'false', 'null', 'undefined', 'regex', 'arrow_function', 'function_expression', 'function',
  'class', 'generator_function', 'meta_property',
]);
const NAME_TYPES = new Set(['identifier', 'shorthand_property_identifier', 'this', 'super', 'property_identifier']);
const TEST_OPERATORS = new Set(['==', '!=', '===', '!==', '<', '>', '<=', '>=', 'instanceof', 'in']);
const TEST_UNARY = new Set(['!', 'typeof', 'void', 'delete']);
const PASS_THROUGH = new Set([
  'parenthesized_expression', 'await_expression', 'as_expression', 'satisfies_expression', 'non_null_expression',
  'type_assertion', 'spread_element', 'yield_expression',
]);
const FUNCTION_TYPES = new Set([
  'function_declaration', 'function_expression', 'function', 'arrow_function', 'method_definition',
  'generator_function_declaration', 'generator_function',
]);
/** The node types the walk hands to `visit` (keep in sync with it). */
const VISITED_TYPES = new Set([
  ...FUNCTION_TYPES, 'class_declaration', 'abstract_class_declaration', 'class', 'variable_declarator',
  'assignment_expression', 'augmented_assignment_expression', 'public_field_definition', 'field_definition',
  'for_in_statement', 'call_expression', 'new_expression', 'throw_statement', 'comment', 'import_statement',
]);
const TYPE_NODE_TYPES = new Set(['type_annotation', 'type_arguments', 'type_parameters', 'type_identifier', 'predefined_type']);

/** The flow facts of one top-level statement (see FlowFacts). */
export function extractTypeScriptFacts(chunk: Node, text: string): FlowFacts {
  const facts = newFlowFacts();
  const exprs = new ExprCache();

  const toExpr = (node: Node, depth = 0): Expr => exprs.get(node, () => convert(node, depth));

  function convert(node: Node, depth: number): Expr {
    const range = rangeOf(node);
    if (depth > MAX_EXPRESSION_DEPTH) return { kind: 'other', range, children: [] };
    const next = depth + 1;
    if (NAME_TYPES.has(node.type)) return { kind: 'name', name: node.text, range };
    if (LITERAL_TYPES.has(node.type)) return literal(node);
    if (PASS_THROUGH.has(node.type)) {
      const inner = node.namedChildren.find((child) => !TYPE_NODE_TYPES.has(child.type) && child.type !== 'comment');
      return inner ? { kind: 'other', range, children: [toExpr(inner, next)] } : literal(node);
    }
    switch (node.type) {
      case 'member_expression': {
        const object = node.childForFieldName('object');
        const property = node.childForFieldName('property');
        if (!object || !property) break;
        return { kind: 'member', object: toExpr(object, next), property: property.text, propertyRange: rangeOf(property), range };
      }
      case 'subscript_expression': {
        const object = node.childForFieldName('object');
        const index = node.childForFieldName('index');
        if (!object || !index) break;
        const key = staticString(index);
        if (key !== undefined) return { kind: 'member', object: toExpr(object, next), property: key, propertyRange: rangeOf(index), range };
        return { kind: 'index', object: toExpr(object, next), index: toExpr(index, next), range };
      }
      case 'call_expression':
      case 'new_expression': {
        const fn = node.childForFieldName(node.type === 'new_expression' ? 'constructor' : 'function');
        const args = node.childForFieldName('arguments');
        if (!fn) break;
        return {
          kind: 'call',
          callee: toExpr(fn, next),
          args: args ? convertArgs(args, next) : [],
          isNew: node.type === 'new_expression',
          argsRange: rangeOf(args ?? node),
          range,
        };
      }
      case 'string': {
        const value = node.namedChildren.map((child) => child.text).join('');
        return { kind: 'string', value, quote: node.text[0] ?? "'", prefix: '', range };
      }
      case 'template_string':
        return convertTemplate(node, next);
      case 'binary_expression': {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        const operator = node.childForFieldName('operator')?.text ?? '';
        if (!left || !right) break;
        if (TEST_OPERATORS.has(operator)) return { kind: 'test', range };
        return { kind: 'binary', operator, left: toExpr(left, next), right: toExpr(right, next), range };
      }
      case 'unary_expression': {
        const operator = node.childForFieldName('operator')?.text ?? '';
        if (TEST_UNARY.has(operator)) return { kind: 'test', range };
        break;
      }
      case 'ternary_expression': {
        const branches = [node.childForFieldName('consequence'), node.childForFieldName('alternative')];
        return { kind: 'other', range, children: branches.filter(isNode).map((child) => toExpr(child, next)) };
      }
      case 'object':
        return { kind: 'object', entries: node.namedChildren.flatMap((child) => convertEntry(child, next)), range };
      case 'array':
        return { kind: 'array', items: node.namedChildren.filter((c) => c.type !== 'comment').map((child) => toExpr(child, next)), range };
    }
    return {
      kind: 'other',
      range,
      children: node.namedChildren.filter((c) => c.type !== 'comment' && !TYPE_NODE_TYPES.has(c.type)).map((child) => toExpr(child, next)),
    };
  }

  function convertTemplate(node: Node, depth: number): Expr {
    const parts: TemplatePart[] = [];
    let cursor = node.startIndex + 1;
    const source = text;
    for (const child of node.namedChildren) {
      if (child.type !== 'template_substitution') continue;
      if (child.startIndex > cursor) parts.push({ text: source.slice(cursor, child.startIndex) });
      const inner = child.namedChildren[0];
      if (inner) parts.push({ expr: toExpr(inner, depth) });
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

  function convertEntry(node: Node, depth: number): ObjectEntry[] {
    const range = rangeOf(node);
    if (node.type === 'pair') {
      const key = node.childForFieldName('key');
      const value = node.childForFieldName('value');
      if (!key || !value) return [];
      const keyText = key.type === 'property_identifier' ? key.text : staticString(key);
      return [{ key: keyText, keyRange: rangeOf(key), value: toExpr(value, depth), range }];
    }
    if (node.type === 'shorthand_property_identifier') {
      return [{ key: node.text, keyRange: range, value: { kind: 'name', name: node.text, range }, range }];
    }
    if (node.type === 'spread_element') {
      const inner = node.namedChildren[0];
      return inner ? [{ value: toExpr(inner, depth), spread: true, range }] : [];
    }
    return [];
  }

  function convertArgs(node: Node, depth: number): Argument[] {
    if (node.type === 'template_string') return [{ value: toExpr(node, depth), range: rangeOf(node) }];
    return node.namedChildren
      .filter((child) => child.type !== 'comment')
      .map((child) =>
        child.type === 'spread_element' && child.namedChildren[0]
          ? { value: toExpr(child.namedChildren[0], depth), spread: true, range: rangeOf(child) }
          : { value: toExpr(child, depth), range: rangeOf(child) },
      );
  }

  /** Binds the names of a declarator / assignment target to (parts of) `value`. */
  function bindPattern(pattern: Node, value: Expr, scopeId: number, offset: number, kind: BindingFact['kind']): void {
    switch (pattern.type) {
      case 'identifier':
      case 'shorthand_property_identifier_pattern':
        facts.bindings.push({ scopeId, name: pattern.text, range: rangeOf(pattern), offset, value, kind });
        return;
      case 'object_pattern':
        for (const child of pattern.namedChildren) {
          if (child.type === 'shorthand_property_identifier_pattern') {
            facts.bindings.push({ scopeId, name: child.text, range: rangeOf(child), offset, value, kind: 'destructure', property: child.text });
          } else if (child.type === 'pair_pattern') {
            const key = child.childForFieldName('key');
            const target = child.childForFieldName('value');
            if (!key || !target) continue;
            const property = key.type === 'property_identifier' ? key.text : staticString(key);
            const member: Expr = property
              ? { kind: 'member', object: value, property, propertyRange: rangeOf(key), range: rangeOf(child) }
              : value;
            bindPattern(target.type === 'assignment_pattern' ? (target.childForFieldName('left') ?? target) : target, member, scopeId, offset, 'destructure');
          } else if (child.type === 'object_assignment_pattern') {
            const left = child.childForFieldName('left');
            if (left) facts.bindings.push({ scopeId, name: left.text, range: rangeOf(left), offset, value, kind: 'destructure', property: left.text });
          } else if (child.type === 'rest_pattern') {
            const inner = child.namedChildren[0];
            if (inner) bindPattern(inner, value, scopeId, offset, 'rest');
          }
        }
        return;
      case 'array_pattern':
        for (const child of pattern.namedChildren) {
          const target = child.type === 'assignment_pattern' ? child.childForFieldName('left') : child.type === 'rest_pattern' ? child.namedChildren[0] : child;
          if (target) bindPattern(target, value, scopeId, offset, kind === 'iterate' ? 'iterate' : 'destructure');
        }
        return;
      case 'member_expression': {
        // `this.logger = new Logger(...)`: visible to every method of the class.
        const property = pattern.childForFieldName('property');
        const classScope = classScopeOf(facts, scopeId);
        if (pattern.childForFieldName('object')?.type === 'this' && property && classScope !== undefined) {
          facts.bindings.push({ scopeId: classScope, name: `this.${property.text}`, range: rangeOf(pattern), offset, value, kind });
        }
        return;
      }
      case 'assignment_pattern': {
        const left = pattern.childForFieldName('left');
        if (left) bindPattern(left, value, scopeId, offset, kind);
      }
    }
  }

  function params(node: Node | null): ParamFact[] {
    if (!node) return [];
    if (node.type === 'identifier') return [{ name: node.text, range: rangeOf(node), typeNames: [] }];
    const result: ParamFact[] = [];
    for (const child of node.namedChildren) {
      const pattern = child.type === 'identifier' ? child : (child.childForFieldName('pattern') ?? child.childForFieldName('left') ?? child);
      const type = child.childForFieldName('type');
      const names: Node[] = pattern.type === 'identifier' ? [pattern] : identifiersIn(pattern);
      for (const name of names) result.push({ name: name.text, range: rangeOf(name), typeNames: type ? typeNames(type) : [] });
    }
    return result;
  }

  function decoratorsOf(node: Node): DecoratorFact[] {
    const found: Node[] = node.namedChildren.filter((child) => child.type === 'decorator');
    // Method decorators are the class body's children just before the method.
    let previous = node.previousNamedSibling;
    while (previous && (previous.type === 'decorator' || previous.type === 'comment')) {
      if (previous.type === 'decorator') found.unshift(previous);
      previous = previous.previousNamedSibling;
    }
    if (node.parent?.type === 'export_statement') found.unshift(...node.parent.namedChildren.filter((child) => child.type === 'decorator'));
    return found.map((decorator) => {
      const expression = decorator.namedChildren[0];
      return { expr: expression ? toExpr(expression) : literal(decorator), range: rangeOf(decorator) };
    });
  }

  walk(chunk, facts, {
    types: VISITED_TYPES,
    // Every node type handled below must be listed in VISITED_TYPES.
    visit(node, scopeId): ScopeInit | undefined {
      if (FUNCTION_TYPES.has(node.type)) {
        const name = node.childForFieldName('name') ?? functionNameFromParent(node);
        return {
          kind: 'function',
          name: name?.text,
          nameRange: name ? rangeOf(name) : undefined,
          range: rangeOf(node),
          params: params(node.childForFieldName('parameters') ?? node.childForFieldName('parameter')),
          decorators: node.type === 'method_definition' ? decoratorsOf(node) : [],
        };
      }
      switch (node.type) {
        case 'class_declaration':
        case 'abstract_class_declaration':
        case 'class': {
          const name = node.childForFieldName('name');
          return { kind: 'class', name: name?.text, nameRange: name ? rangeOf(name) : undefined, range: rangeOf(node), params: [], decorators: decoratorsOf(node) };
        }
        case 'variable_declarator': {
          const name = node.childForFieldName('name');
          const value = node.childForFieldName('value');
          if (name && value) {
            bindPattern(name, toExpr(value), scopeId, node.endIndex, 'assign');
            recordRequire(name, value);
          }
          return undefined;
        }
        case 'assignment_expression':
        case 'augmented_assignment_expression': {
          const left = node.childForFieldName('left');
          const right = node.childForFieldName('right');
          const kind = node.type === 'assignment_expression' ? 'assign' : 'augmented';
          if (left && right) bindPattern(left, toExpr(right), scopeId, node.endIndex, kind);
          return undefined;
        }
        case 'public_field_definition':
        case 'field_definition': {
          const name = node.childForFieldName('name') ?? node.childForFieldName('property');
          const value = node.childForFieldName('value');
          if (name && value) {
            facts.bindings.push({ scopeId, name: `this.${name.text}`, range: rangeOf(name), offset: node.endIndex, value: toExpr(value), kind: 'assign' });
          }
          return undefined;
        }
        case 'for_in_statement': {
          const left = node.childForFieldName('left');
          const right = node.childForFieldName('right');
          if (left && right) bindPattern(left, toExpr(right), scopeId, node.startIndex, 'iterate');
          return undefined;
        }
        case 'call_expression':
        case 'new_expression':
          recordCall(node, scopeId);
          return undefined;
        case 'throw_statement': {
          const value = node.namedChildren.find((child) => child.type !== 'comment');
          if (value && value.type !== 'call_expression' && value.type !== 'new_expression') {
            facts.throws.push({ scopeId, value: toExpr(value), range: rangeOf(node) });
          }
          return undefined;
        }
        case 'comment':
          facts.comments.push(commentFact(node, text));
          return undefined;
        case 'import_statement':
          recordImport(node);
          return undefined;
      }
      return undefined;
    },
  });

  function recordCall(node: Node, scopeId: number): void {
    const call = toExpr(node);
    if (call.kind !== 'call') return;
    const fact: CallFact = { scopeId, call };
    if (node.parent?.type === 'throw_statement') fact.thrownBy = rangeOf(node.parent);
    if (node.parent?.type === 'return_statement') fact.returnedWith = [];
    facts.calls.push(fact);
  }

  function recordImport(node: Node): void {
    const source = node.childForFieldName('source');
    const module = source ? (staticString(source) ?? '') : '';
    const names = new Map<string, string>();
    const clause = node.namedChildren.find((child) => child.type === 'import_clause');
    for (const child of clause?.namedChildren ?? []) {
      if (child.type === 'identifier') names.set(child.text, '*default*');
      else if (child.type === 'namespace_import') {
        const local = child.namedChildren[0];
        if (local) names.set(local.text, '*module*');
      } else if (child.type === 'named_imports') {
        for (const specifier of child.namedChildren) {
          const name = specifier.childForFieldName('name')?.text;
          const alias = specifier.childForFieldName('alias')?.text;
          if (name) names.set(alias ?? name, name);
        }
      }
    }
    facts.imports.push({ module, names, range: rangeOf(node) });
    if (node.parent?.type === 'program') facts.importInsertLine = Math.max(facts.importInsertLine, node.endPosition.row + 1);
  }

  /** `const pino = require('pino')` and `const { Logger } = require('x')` are imports too. */
  function recordRequire(name: Node, value: Node): void {
    let call: Node | null = value;
    while (call && call.type === 'call_expression' && call.childForFieldName('function')?.type === 'call_expression') {
      call = call.childForFieldName('function');
    }
    if (!call || call.type !== 'call_expression' || call.childForFieldName('function')?.text !== 'require') return;
    const argument = call.childForFieldName('arguments')?.namedChildren[0];
    const module = argument ? staticString(argument) : undefined;
    if (module === undefined) return;
    const names = new Map<string, string>();
    if (name.type === 'identifier') names.set(name.text, call === value ? '*module*' : '*call*');
    else for (const id of identifiersIn(name)) names.set(id.text, id.text);
    facts.imports.push({ module, names, range: rangeOf(value) });
  }

  return facts;
}

function isNode(node: Node | null | undefined): node is Node {
  return !!node;
}

function staticString(node: Node): string | undefined {
  if (node.type === 'string') return node.namedChildren.map((child) => child.text).join('');
  if (node.type === 'template_string' && !node.namedChildren.some((c) => c.type === 'template_substitution')) {
    return node.text.slice(1, -1);
  }
  return undefined;
}

function identifiersIn(node: Node): Node[] {
  const found: Node[] = [];
  const stack = [node];
  while (stack.length) {
    const current = stack.pop()!;
    if (current.type === 'identifier' || current.type === 'shorthand_property_identifier_pattern') found.push(current);
    else if (!TYPE_NODE_TYPES.has(current.type)) stack.push(...current.namedChildren);
  }
  return found;
}

function typeNames(node: Node): string[] {
  const names: string[] = [];
  const stack = [node];
  while (stack.length && names.length < 32) {
    const current = stack.pop()!;
    if (current.type === 'type_identifier' || current.type === 'identifier') names.push(current.text);
    else stack.push(...current.namedChildren);
  }
  return names;
}

/** `const handler = async (req) => {...}` names the arrow function `handler`. */
function functionNameFromParent(node: Node): Node | null {
  const parent = node.parent;
  if (parent?.type === 'variable_declarator') return parent.childForFieldName('name');
  if (parent?.type === 'pair') return parent.childForFieldName('key');
  return null;
}

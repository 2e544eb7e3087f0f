// Python adapter: tree-sitter-python syntax -> language-neutral facts.

import type { Node } from 'web-tree-sitter';
import type { Argument, BindingFact, DecoratorFact, Expr, CallFact, ObjectEntry, ParamFact, TemplatePart } from '../../model/facts';
import { ExprCache, MAX_EXPRESSION_DEPTH, classScopeOf, commentFact, literal, newFlowFacts, rangeOf, walk, type FlowFacts, type ScopeInit } from '../builder';

const LITERAL_TYPES = new Set(['integer', 'float', 'true', 'false', 'none', 'ellipsis', 'lambda', 'type']);
const TEST_TYPES = new Set(['comparison_operator', 'not_operator']);
const COLLECTION_TYPES = new Set(['list', 'tuple', 'set', 'expression_list', 'pattern_list', 'tuple_pattern', 'list_pattern']);
/** The node types the walk hands to `visit` (keep in sync with its switch). */
const VISITED_TYPES = new Set([
  'function_definition', 'class_definition', 'lambda', 'assignment', 'augmented_assignment', 'named_expression',
  'for_statement', 'for_in_clause', 'as_pattern', 'call', 'raise_statement', 'comment', 'import_statement',
  'import_from_statement',
]);
const COMPREHENSION_TYPES = new Set(['list_comprehension', 'set_comprehension', 'generator_expression', 'dictionary_comprehension']);

/** The flow facts of one top-level statement (see FlowFacts). */
export function extractPythonFacts(chunk: Node, text: string): FlowFacts {
  const facts = newFlowFacts();
  const exprs = new ExprCache();

  const toExpr = (node: Node, depth = 0): Expr => exprs.get(node, () => convert(node, depth));

  function convert(node: Node, depth: number): Expr {
    const range = rangeOf(node);
    if (depth > MAX_EXPRESSION_DEPTH) return { kind: 'other', range, children: [] };
    const next = depth + 1;
    switch (node.type) {
      case 'identifier':
        return { kind: 'name', name: node.text, range };
      case 'attribute': {
        const object = node.childForFieldName('object');
        const attribute = node.childForFieldName('attribute');
        if (!object || !attribute) break;
        return { kind: 'member', object: toExpr(object, next), property: attribute.text, propertyRange: rangeOf(attribute), range };
      }
      case 'subscript': {
        const value = node.childForFieldName('value');
        const index = node.childForFieldName('subscript');
        if (!value || !index) break;
        const key = staticString(index);
        if (key !== undefined) return { kind: 'member', object: toExpr(value, next), property: key, propertyRange: rangeOf(index), range };
        return { kind: 'index', object: toExpr(value, next), index: toExpr(index, next), range };
      }
      case 'call': {
        const fn = node.childForFieldName('function');
        const args = node.childForFieldName('arguments');
        if (!fn || !args) break;
        return { kind: 'call', callee: toExpr(fn, next), args: convertArgs(args, next), isNew: false, argsRange: rangeOf(args), range };
      }
      case 'string':
        return convertString(node, next);
      case 'concatenated_string': {
        const parts: TemplatePart[] = [];
        for (const child of node.namedChildren) {
          const expr = convertString(child, next);
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
        return { kind: 'binary', operator: operator?.text ?? '', left: toExpr(left, next), right: toExpr(right, next), range };
      }
      case 'conditional_expression': {
        const [body, , otherwise] = node.namedChildren;
        return { kind: 'other', range, children: [body, otherwise].filter(isNode).map((child) => toExpr(child, next)) };
      }
      case 'parenthesized_expression': {
        const inner = node.namedChildren.find((child) => child.type !== 'comment');
        return inner ? toExpr(inner, next) : literal(node);
      }
      case 'dictionary':
        return { kind: 'object', entries: node.namedChildren.flatMap((child) => convertEntry(child, next)), range };
      case 'keyword_argument': {
        const value = node.childForFieldName('value');
        return value ? toExpr(value, next) : literal(node);
      }
    }
    if (LITERAL_TYPES.has(node.type)) return literal(node);
    if (TEST_TYPES.has(node.type)) return { kind: 'test', range };
    if (COLLECTION_TYPES.has(node.type)) {
      return { kind: 'array', items: node.namedChildren.filter(isExpressionNode).map((child) => toExpr(child, next)), range };
    }
    if (COMPREHENSION_TYPES.has(node.type)) {
      const body = node.childForFieldName('body') ?? node.namedChildren[0];
      return { kind: 'other', range, children: body ? [toExpr(body, next)] : [] };
    }
    return { kind: 'other', range, children: node.namedChildren.filter(isExpressionNode).map((child) => toExpr(child, next)) };
  }

  function convertString(node: Node, depth: number): Expr {
    const range = rangeOf(node);
    if (node.type !== 'string') return toExpr(node, depth);
    const start = node.children.find((child) => child.type === 'string_start')?.text ?? '"';
    const prefix = start.replace(/['"]+$/, '');
    const quote = start.slice(prefix.length);
    const parts: TemplatePart[] = [];
    for (const child of node.namedChildren) {
      if (child.type === 'interpolation') {
        const expression = child.childForFieldName('expression');
        if (expression) parts.push({ expr: toExpr(expression, depth) });
      } else if (child.type === 'string_content' || child.type === 'escape_sequence' || child.type === 'escape_interpolation') {
        parts.push({ text: child.text });
      }
    }
    if (parts.some((part) => 'expr' in part)) return { kind: 'template', parts, quote, range };
    return { kind: 'string', value: parts.map((part) => ('text' in part ? part.text : '')).join(''), quote, prefix, range };
  }

  function convertEntry(node: Node, depth: number): ObjectEntry[] {
    if (node.type === 'pair') {
      const key = node.childForFieldName('key');
      const value = node.childForFieldName('value');
      if (!key || !value) return [];
      return [{ key: staticString(key), keyRange: rangeOf(key), value: toExpr(value, depth), range: rangeOf(node) }];
    }
    if (node.type === 'dictionary_splat') {
      const inner = node.namedChildren[0];
      return inner ? [{ value: toExpr(inner, depth), spread: true, range: rangeOf(node) }] : [];
    }
    return [];
  }

  function convertArgs(node: Node, depth: number): Argument[] {
    if (node.type === 'generator_expression') return [{ value: toExpr(node, depth), range: rangeOf(node) }];
    const args: Argument[] = [];
    for (const child of node.namedChildren) {
      if (child.type === 'comment') continue;
      if (child.type === 'keyword_argument') {
        const name = child.childForFieldName('name');
        const value = child.childForFieldName('value');
        if (name && value) args.push({ name: name.text, value: toExpr(value, depth), range: rangeOf(child) });
      } else if (child.type === 'list_splat' || child.type === 'dictionary_splat') {
        const inner = child.namedChildren[0];
        if (inner) args.push({ value: toExpr(inner, depth), spread: true, range: rangeOf(child) });
      } else {
        args.push({ value: toExpr(child, depth), range: rangeOf(child) });
      }
    }
    return args;
  }

  function bindTargets(target: Node, value: Expr, scopeId: number, offset: number, kind: BindingFact['kind']): void {
    if (target.type === 'identifier') {
      facts.bindings.push({ scopeId, name: target.text, range: rangeOf(target), offset, value, kind });
      return;
    }
    if (target.type === 'attribute' && target.childForFieldName('object')?.text === 'self') {
      // `self.logger = logging.getLogger(...)`: visible to every method of the class.
      const classScope = classScopeOf(facts, scopeId);
      const attribute = target.childForFieldName('attribute');
      if (classScope !== undefined && attribute) {
        facts.bindings.push({ scopeId: classScope, name: `self.${attribute.text}`, range: rangeOf(target), offset, value, kind });
      }
      return;
    }
    if (COLLECTION_TYPES.has(target.type) || target.type === 'list_splat_pattern' || target.type === 'parenthesized_expression') {
      // Unpacking: each name may hold any part of the value.
      for (const child of target.namedChildren) bindTargets(child, value, scopeId, offset, kind === 'iterate' ? kind : 'destructure');
    }
  }

  function params(node: Node | null): ParamFact[] {
    if (!node) return [];
    const result: ParamFact[] = [];
    for (const child of node.namedChildren) {
      const nameNode =
        child.type === 'identifier'
          ? child
          : (child.childForFieldName('name') ?? child.namedChildren.find((c) => c.type === 'identifier') ?? null);
      if (!nameNode || nameNode.type !== 'identifier') continue;
      const type = child.childForFieldName('type');
      result.push({ name: nameNode.text, range: rangeOf(nameNode), typeNames: type ? typeNames(type) : [] });
    }
    return result;
  }

  function decorators(definition: Node): DecoratorFact[] {
    const parent = definition.parent;
    if (!parent || parent.type !== 'decorated_definition') return [];
    return parent.namedChildren
      .filter((child) => child.type === 'decorator')
      .map((decorator) => {
        const expression = decorator.namedChildren[0];
        return { expr: expression ? toExpr(expression) : literal(decorator), range: rangeOf(decorator) };
      });
  }

  walk(chunk, facts, {
    types: VISITED_TYPES,
    // Every `case` below must be listed in VISITED_TYPES.
    visit(node, scopeId): ScopeInit | undefined {
      switch (node.type) {
        case 'function_definition':
        case 'class_definition': {
          const name = node.childForFieldName('name');
          const isFunction = node.type === 'function_definition';
          return {
            kind: isFunction ? 'function' : 'class',
            name: name?.text,
            nameRange: name ? rangeOf(name) : undefined,
            range: rangeOf(node),
            params: isFunction ? params(node.childForFieldName('parameters')) : [],
            decorators: decorators(node),
          };
        }
        case 'lambda':
          return { kind: 'function', range: rangeOf(node), params: params(node.childForFieldName('parameters')), decorators: [] };
        case 'assignment': {
          const left = node.childForFieldName('left');
          const right = node.childForFieldName('right');
          if (left && right) bindTargets(left, toExpr(right), scopeId, node.endIndex, 'assign');
          return undefined;
        }
        case 'augmented_assignment': {
          const left = node.childForFieldName('left');
          const right = node.childForFieldName('right');
          if (left && right) bindTargets(left, toExpr(right), scopeId, node.endIndex, 'augmented');
          return undefined;
        }
        case 'named_expression': {
          const name = node.childForFieldName('name');
          const value = node.childForFieldName('value');
          if (name && value) bindTargets(name, toExpr(value), scopeId, node.endIndex, 'assign');
          return undefined;
        }
        case 'for_statement':
        case 'for_in_clause': {
          const left = node.childForFieldName('left');
          const right = node.childForFieldName('right');
          // A comprehension's body comes before its `for`: bind from the comprehension's start.
          const offset = node.type === 'for_in_clause' ? (node.parent?.startIndex ?? node.startIndex) : node.startIndex;
          if (left && right) bindTargets(left, toExpr(right), scopeId, offset, 'iterate');
          return undefined;
        }
        case 'as_pattern': {
          const value = node.namedChildren[0];
          const alias = node.childForFieldName('alias');
          const target = alias?.namedChildren[0] ?? alias;
          if (value && target) bindTargets(target, toExpr(value), scopeId, node.endIndex, 'with');
          return undefined;
        }
        case 'call':
          recordCall(node, scopeId);
          return undefined;
        case 'raise_statement': {
          const value = node.namedChildren[0];
          if (value && value.type !== 'call') facts.throws.push({ scopeId, value: toExpr(value), range: rangeOf(node) });
          return undefined;
        }
        case 'comment':
          facts.comments.push(commentFact(node, text));
          return undefined;
        case 'import_statement':
        case 'import_from_statement':
          recordImport(node);
          return undefined;
      }
      return undefined;
    },
  });

  function recordCall(node: Node, scopeId: number): void {
    const call = toExpr(node);
    if (call.kind !== 'call') return;
    const parent = node.parent;
    const fact: CallFact = { scopeId, call };
    if (parent?.type === 'raise_statement') fact.thrownBy = rangeOf(parent);
    const returned = parent?.type === 'return_statement' ? parent : parent?.type === 'expression_list' && parent.parent?.type === 'return_statement' ? parent : undefined;
    if (returned) {
      fact.returnedWith = returned.type === 'expression_list' ? returned.namedChildren.filter((c) => c.id !== node.id).map((c) => toExpr(c)) : [];
    }
    facts.calls.push(fact);
  }

  function recordImport(node: Node): void {
    const names = new Map<string, string>();
    let module = '';
    if (node.type === 'import_from_statement') {
      module = node.childForFieldName('module_name')?.text ?? '';
      for (const child of node.childrenForFieldName('name')) {
        if (!child) continue;
        if (child.type === 'aliased_import') {
          const name = child.childForFieldName('name')?.text;
          const alias = child.childForFieldName('alias')?.text;
          if (name && alias) names.set(alias, name);
        } else {
          names.set(child.text, child.text);
        }
      }
    } else {
      for (const child of node.childrenForFieldName('name')) {
        if (!child) continue;
        if (child.type === 'aliased_import') {
          const name = child.childForFieldName('name')?.text;
          const alias = child.childForFieldName('alias')?.text;
          if (name && alias) {
            module = name;
            names.set(alias, '*module*');
          }
        } else {
          module = child.text;
          names.set(child.text.split('.')[0], '*module*');
        }
      }
    }
    facts.imports.push({ module, names, range: rangeOf(node) });
    if (node.parent?.type === 'module') facts.importInsertLine = Math.max(facts.importInsertLine, node.endPosition.row + 1);
  }

  return facts;
}

function isNode(node: Node | null | undefined): node is Node {
  return !!node;
}

function isExpressionNode(node: Node): boolean {
  return node.type !== 'comment' && node.type !== 'for_in_clause' && node.type !== 'if_clause';
}

/** The value of a plain string literal node, or undefined when it is not one. */
function staticString(node: Node): string | undefined {
  if (node.type !== 'string') return undefined;
  if (node.namedChildren.some((child) => child.type === 'interpolation')) return undefined;
  return node.namedChildren
    .filter((child) => child.type === 'string_content' || child.type === 'escape_sequence')
    .map((child) => child.text)
    .join('');
}

/** Type names mentioned in an annotation: `Optional[List[Patient]]` -> Optional, List, Patient. */
function typeNames(node: Node): string[] {
  const names: string[] = [];
  const stack = [node];
  while (stack.length && names.length < 32) {
    const current = stack.pop()!;
    if (current.type === 'identifier' || current.type === 'type_identifier') names.push(current.text);
    else if (current.type === 'string') names.push(...(current.text.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []));
    else stack.push(...current.namedChildren);
  }
  return names;
}

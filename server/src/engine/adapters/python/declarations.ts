// Python declarations: functions, lambdas and classes as scopes, with their parameters (and the
// type names of their annotations) and decorators.

import type { Node } from 'web-tree-sitter';
import type { DecoratorFact, ParamFact } from '../../model/facts';
import { rangeOf } from '../../model/ranges';
import { decoratorFact, type AdapterContext, type ScopeInit } from '../context';
import { toExpr } from './expressions';
import { parentOf } from '../../parsing/node-parents';

/** `def` and `class` (decorated or not). */
export function definitionScope(context: AdapterContext, node: Node): ScopeInit {
  const name = node.childForFieldName('name');
  const isFunction = node.type === 'function_definition';
  return {
    kind: isFunction ? 'function' : 'class',
    name: name?.text,
    nameRange: name ? rangeOf(name) : undefined,
    range: rangeOf(node),
    params: isFunction ? params(node.childForFieldName('parameters')) : [],
    decorators: decorators(context, node),
    ...(isFunction ? {} : { bases: baseClasses(node.childForFieldName('superclasses')) }),
  };
}

/** `class A(Base, mixins.Auditable, metaclass=M)` -> `Base`, `mixins.Auditable` (keywords are not bases). */
function baseClasses(node: Node | null): string[] {
  if (!node) return [];
  return node.namedChildren.filter((child) => child.type === 'identifier' || child.type === 'attribute').map((child) => child.text);
}

export function lambdaScope(node: Node): ScopeInit {
  return { kind: 'function', range: rangeOf(node), params: params(node.childForFieldName('parameters')), decorators: [] };
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

function decorators(context: AdapterContext, definition: Node): DecoratorFact[] {
  const parent = parentOf(definition);
  if (!parent || parent.type !== 'decorated_definition') return [];
  return parent.namedChildren.filter((child) => child.type === 'decorator').map((decorator) => decoratorFact(context, decorator, toExpr));
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

// TypeScript / JavaScript declarations: functions (arrow functions and methods included) and
// classes as scopes, with their parameters (and type names) and decorators.

import type { Node } from 'web-tree-sitter';
import type { DecoratorFact, Expr, ParamFact } from '../../model/facts';
import { rangeOf } from '../../model/ranges';
import { decoratorFact, type AdapterContext, type ScopeInit } from '../context';
import { toExpr } from './expressions';
import { decoratorNodes, identifiersIn } from './syntax';
import { parentOf } from '../../parsing/node-parents';

export const FUNCTION_TYPES = new Set([
  'function_declaration', 'function_expression', 'function', 'arrow_function', 'method_definition',
  'generator_function_declaration', 'generator_function',
]);

export function functionScope(context: AdapterContext, node: Node): ScopeInit {
  const name = node.childForFieldName('name') ?? functionNameFromParent(node);
  return {
    kind: 'function',
    name: name?.text,
    nameRange: name ? rangeOf(name) : undefined,
    range: rangeOf(node),
    params: params(node.childForFieldName('parameters') ?? node.childForFieldName('parameter')),
    decorators: node.type === 'method_definition' ? decorators(context, node) : [],
    ...expressionBody(context, node),
    ...(isDefaultExport(node) ? { exportDefault: true } : {}),
    ...jsxAttributeOf(node),
  };
}

/** `<PatientForm onSubmit={(values) => ...} />`: the element and attribute a function is the value of. */
function jsxAttributeOf(node: Node): { jsxAttribute?: { element: string; attribute: string } } {
  const container = parentOf(node);
  const attribute = container?.type === 'jsx_expression' ? parentOf(container) : undefined;
  if (attribute?.type !== 'jsx_attribute') return {};
  const element = parentOf(attribute)?.childForFieldName('name')?.text;
  const name = attribute.namedChildren[0]?.text;
  return element && name ? { jsxAttribute: { element, attribute: name } } : {};
}

/** `(p) => p.name`: the body is the return value. */
function expressionBody(context: AdapterContext, node: Node): { expressionBody?: Expr } {
  if (node.type !== 'arrow_function') return {};
  const body = node.childForFieldName('body');
  return body && body.type !== 'statement_block' ? { expressionBody: toExpr(context, body) } : {};
}

function isDefaultExport(node: Node): boolean {
  const parent = parentOf(node);
  return parent?.type === 'export_statement' && parent.children.some((child) => child.type === 'default');
}

/** `class A extends Base` / `extends mixins.Auditable` (TS wraps it in an extends clause, JS does not). */
function baseClasses(node: Node): string[] {
  const heritage = node.namedChildren.find((child) => child.type === 'class_heritage');
  if (!heritage) return [];
  const clause = heritage.namedChildren.find((child) => child.type === 'extends_clause') ?? heritage;
  const base = clause.namedChildren.find((child) => child.type === 'identifier' || child.type === 'member_expression');
  return base ? [base.text] : [];
}

export function classScope(context: AdapterContext, node: Node): ScopeInit {
  const name = node.childForFieldName('name');
  return {
    kind: 'class',
    name: name?.text,
    nameRange: name ? rangeOf(name) : undefined,
    range: rangeOf(node),
    params: [],
    decorators: decorators(context, node),
    bases: baseClasses(node),
    ...(isDefaultExport(node) ? { exportDefault: true } : {}),
  };
}

function params(node: Node | null): ParamFact[] {
  if (!node) return [];
  if (node.type === 'identifier') return [{ name: node.text, range: rangeOf(node), typeNames: [] }];
  const result: ParamFact[] = [];
  let position = 0;
  for (const child of node.namedChildren) {
    if (child.type === 'comment') continue;
    const pattern = child.type === 'identifier' ? child : (child.childForFieldName('pattern') ?? child.childForFieldName('left') ?? child);
    const type = child.childForFieldName('type');
    const names: Node[] = pattern.type === 'identifier' ? [pattern] : identifiersIn(pattern);
    const members = pattern.type === 'object_pattern' && type ? memberTypes(type) : undefined;
    for (const name of names) {
      const key = pattern.type === 'object_pattern' ? topLevelKey(name, pattern) : undefined;
      // `{ patient, timezone }: { patient: Patient; timezone?: string }`: each name has its member's type.
      const types = members ? (key ? (members.get(key) ?? []) : []) : type ? typeNames(type) : [];
      const param: ParamFact = { name: name.text, range: rangeOf(name), typeNames: types };
      if (position !== result.length || names.length > 1) param.position = position;
      if (pattern.type !== 'identifier') param.destructured = true;
      if (key) param.key = key;
      result.push(param);
    }
    position++;
  }
  return result;
}

/** The members' type names of an inline object type (`{ patient: Patient; note?: string }`); undefined for any other annotation. */
function memberTypes(annotation: Node): Map<string, string[]> | undefined {
  const objectType = annotation.type === 'type_annotation' ? annotation.namedChildren[0] : annotation;
  if (objectType?.type !== 'object_type') return undefined;
  const members = new Map<string, string[]>();
  for (const member of objectType.namedChildren) {
    const name = member.type === 'property_signature' ? member.childForFieldName('name') : null;
    const type = member.childForFieldName('type');
    if (name) members.set(name.text, type ? typeNames(type) : []);
  }
  return members;
}

/**
 * The property of the object a destructured parameter's name is read from, when it is read at the
 * top level (`{ tasks }`, `{ tasks = [] }`, `{ tasks: list }`); a nested or array pattern has none.
 */
function topLevelKey(name: Node, pattern: Node): string | undefined {
  let node = name;
  const parent = parentOf(node);
  if (parent?.type === 'object_assignment_pattern' && parent.childForFieldName('left')?.startIndex === node.startIndex) node = parent;
  else if (parent?.type === 'assignment_pattern' && parent.childForFieldName('left')?.startIndex === node.startIndex) node = parent;
  const holder = parentOf(node);
  if (holder?.startIndex === pattern.startIndex && holder.type === 'object_pattern') return node.type === 'object_assignment_pattern' || node.type === 'shorthand_property_identifier_pattern' ? name.text : undefined;
  if (holder?.type !== 'pair_pattern' || holder.childForFieldName('value')?.startIndex !== node.startIndex) return undefined;
  if (parentOf(holder)?.startIndex !== pattern.startIndex) return undefined;
  const key = holder.childForFieldName('key');
  return key?.type === 'property_identifier' ? key.text : key?.type === 'string' ? key.text.slice(1, -1) : undefined;
}

/** A class's or method's decorators; an exported class's are the export statement's. */
function decorators(context: AdapterContext, node: Node): DecoratorFact[] {
  const found = decoratorNodes(node);
  const parent = parentOf(node);
  if (parent?.type === 'export_statement') found.unshift(...parent.namedChildren.filter((child) => child.type === 'decorator'));
  return found.map((decorator) => decoratorFact(context, decorator, toExpr));
}

export function typeNames(node: Node): string[] {
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
  const parent = parentOf(node);
  if (parent?.type === 'variable_declarator') return parent.childForFieldName('name');
  if (parent?.type === 'pair') return parent.childForFieldName('key');
  if (parent?.type === 'arguments') return wrappedFunctionName(node, parent);
  return null;
}

/**
 * `export const getDiagnoses = asyncHandler(async (req, res) => {...})`: a module-level name bound
 * to a plain function's call whose last argument is this function (an error-catching or auth
 * wrapper) names it, so calls and routes by that name reach its body. Callbacks of methods
 * (`items.map(...)`) and of calls inside functions are not named.
 */
function wrappedFunctionName(fn: Node, args: Node): Node | null {
  const call = parentOf(args);
  const declarator = parentOf(call);
  if (call?.type !== 'call_expression' || declarator?.type !== 'variable_declarator') return null;
  if (call.childForFieldName('function')?.type !== 'identifier') return null;
  const last = args.namedChildren[args.namedChildren.length - 1];
  if (!last || last.startIndex !== fn.startIndex) return null;
  const declaration = parentOf(declarator);
  const statement = parentOf(declaration)?.type === 'export_statement' ? parentOf(declaration) : declaration;
  if (parentOf(statement)?.type !== 'program') return null;
  const name = declarator.childForFieldName('name');
  return name?.type === 'identifier' ? name : null;
}

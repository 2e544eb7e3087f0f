// TypeScript / JavaScript bindings: declarators, assignments (`this.x` fields included), class
// fields, `for ... of/in` targets, and destructuring patterns with the property each name reads.

import type { Node } from 'web-tree-sitter';
import type { BindingFact, Expr } from '../../model/facts';
import { rangeOf } from '../../model/ranges';
import { classScopeOf, keysOf, pairsSource, type AdapterContext } from '../context';
import { branchOf } from '../syntax';
import { toExpr } from './expressions';
import { typeNames } from './declarations';
import { recordRequire } from './imports';
import { staticString } from './syntax';

/** `const x = v` (and `const p = require('p')`, an import too). */
export function bindDeclarator(context: AdapterContext, node: Node, scopeId: number): void {
  const name = node.childForFieldName('name');
  const value = node.childForFieldName('value');
  if (name && value) {
    bindPattern(context, name, toExpr(context, value), scopeId, node.endIndex, 'assign');
    recordRequire(context, name, value);
  }
}

/** `x = v` and `x += v`. */
export function bindAssignment(context: AdapterContext, node: Node, scopeId: number): void {
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  const kind = node.type === 'assignment_expression' ? 'assign' : 'augmented';
  if (left && right) bindPattern(context, left, toExpr(context, right), scopeId, node.endIndex, kind);
  // `module.exports = router`: what `require` of this module gets, as `export default router` is for `import`.
  if (scopeId === 0 && kind === 'assign' && left?.text === 'module.exports' && right?.type === 'identifier') context.facts.defaultExportName ??= right.text;
}

/** `logger = new Logger()` in a class body: `this.logger` for every method. */
export function bindClassField(context: AdapterContext, node: Node, scopeId: number): void {
  const name = node.childForFieldName('name') ?? node.childForFieldName('property');
  const value = node.childForFieldName('value');
  const type = node.childForFieldName('type');
  if (name && type) (context.facts.fieldTypes ??= []).push({ scopeId, name: `this.${name.text}`, typeNames: typeNames(type) });
  if (name && value) {
    context.facts.bindings.push({ scopeId, name: `this.${name.text}`, range: rangeOf(name), offset: node.endIndex, value: toExpr(context, value), kind: 'assign' });
  }
}

/** `for (const x of items)` / `for (const k in obj)`. */
export function bindLoopTarget(context: AdapterContext, node: Node, scopeId: number): void {
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  if (!left || !right) return;
  // `for (const k in obj)` walks the keys: names, not values.
  const walksKeys = node.children.some((child) => child.type === 'in');
  const iterable = toExpr(context, right);
  bindPattern(context, left, walksKeys ? keysOf(iterable) : iterable, scopeId, node.startIndex, 'iterate');
}

/** `supervisorId`, `patient_id`, `cacheKey`: the first name of a pair iterated over names a key. */
const ID_KEY_NAME = /(?:[a-z0-9]Id|_id|[a-z0-9]Key|_key|^id|^key)$/;

/** Binds the names of a declarator / assignment target to (parts of) `value`. */
function bindPattern(context: AdapterContext, pattern: Node, value: Expr, scopeId: number, offset: number, kind: BindingFact['kind']): void {
  const { facts } = context;
  switch (pattern.type) {
    case 'identifier':
    case 'shorthand_property_identifier_pattern': {
      const branch = branchOf(pattern);
      facts.bindings.push({ scopeId, name: pattern.text, range: rangeOf(pattern), offset, value, kind, ...(branch && { branch: { statement: rangeOf(branch.statement), arm: branch.arm } }) });
      return;
    }
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
          bindPattern(context, target.type === 'assignment_pattern' ? (target.childForFieldName('left') ?? target) : target, member, scopeId, offset, 'destructure');
        } else if (child.type === 'object_assignment_pattern') {
          const left = child.childForFieldName('left');
          if (left) facts.bindings.push({ scopeId, name: left.text, range: rangeOf(left), offset, value, kind: 'destructure', property: left.text });
        } else if (child.type === 'rest_pattern') {
          const inner = child.namedChildren[0];
          if (inner) bindPattern(context, inner, value, scopeId, offset, 'rest');
        }
      }
      return;
    case 'array_pattern': {
      // `for (const [key, value] of Object.entries(obj))`: the key is a field name.
      const entriesOf = kind === 'iterate' ? pairsSource(value, 'entries') : undefined;
      pattern.namedChildren.forEach((child, index) => {
        const target = child.type === 'assignment_pattern' ? child.childForFieldName('left') : child.type === 'rest_pattern' ? child.namedChildren[0] : child;
        // `for (const [supervisorId, rows] of bySupervisor)`: a Map's key, named as an id, is not its rows.
        const idKey = kind === 'iterate' && index === 0 && target?.type === 'identifier' && ID_KEY_NAME.test(target.text);
        const part = entriesOf && index === 0 ? keysOf(entriesOf) : idKey ? keysOf(value) : value;
        if (target) bindPattern(context, target, part, scopeId, offset, kind === 'iterate' ? 'iterate' : 'destructure');
      });
      return;
    }
    case 'member_expression': {
      // `this.logger = new Logger(...)`: visible to every method of the class.
      const property = pattern.childForFieldName('property');
      const classScope = classScopeOf(facts, scopeId);
      if (pattern.childForFieldName('object')?.type === 'this') {
        if (property && classScope !== undefined) facts.bindings.push({ scopeId: classScope, name: `this.${property.text}`, range: rangeOf(pattern), offset, value, kind });
        // `this.claimNumber = ...` in a plain function (a Mongoose hook or method): what the function itself set.
        else if (property && scopeId !== 0) facts.bindings.push({ scopeId, name: `this.${property.text}`, range: rangeOf(pattern), offset, value, kind });
        return;
      }
      bindStore(context, pattern, value, scopeId, offset, kind);
      return;
    }
    case 'subscript_expression':
      bindStore(context, pattern, value, scopeId, offset, kind);
      return;
    case 'assignment_pattern': {
      const left = pattern.childForFieldName('left');
      if (left) bindPattern(context, left, value, scopeId, offset, kind);
    }
  }
}

/** `payload.mrn = v`, `byId[id] = v`: the container receives `v` (bound as `payload[]`, model/facts.ts). */
function bindStore(context: AdapterContext, target: Node, value: Expr, scopeId: number, offset: number, kind: BindingFact['kind']): void {
  if (kind !== 'assign' && kind !== 'augmented') return;
  let current: Node | null = target;
  for (let i = 0; i < 8 && current; i++) {
    const object: Node | null = current.childForFieldName('object');
    if (!object) return;
    // The key of the container stored into, when it is written out (`obj.k`, `obj['k']`).
    const keyNode = current.type === 'subscript_expression' ? current.childForFieldName('index') : current.childForFieldName('property');
    const key = !keyNode ? undefined : current.type === 'subscript_expression' ? staticString(keyNode) : keyNode.text;
    let container: string | undefined;
    if (object.type === 'identifier') container = object.text;
    else if (object.type === 'member_expression' && object.childForFieldName('object')?.type === 'this') container = `this.${object.childForFieldName('property')?.text ?? ''}`;
    if (container !== undefined) {
      context.facts.bindings.push({ scopeId, name: `${container}[]`, range: rangeOf(target), offset, value, kind: 'augmented', ...(key === undefined ? {} : { property: key }) });
      return;
    }
    if (object.type !== 'member_expression' && object.type !== 'subscript_expression') return;
    current = object;
  }
}

// Python bindings: assignments, augmented assignments, walrus, `for` targets (comprehensions
// included) and `with ... as`: each bound name (unpacking, `self.x` fields) and its value.

import type { Node } from 'web-tree-sitter';
import type { BindingFact, Expr } from '../../model/facts';
import { rangeOf } from '../../model/ranges';
import { classScopeOf, keysOf, pairsSource, type AdapterContext } from '../context';
import { branchOf } from '../syntax';
import { COLLECTION_TYPES, toExpr } from './expressions';
import { staticString } from './syntax';
import { parentOf } from '../../parsing/node-parents';

/** `a = v`, `a += v`, `(a := v)`: the node's `target` field is bound to its `source` field's value. */
export function bindAssignment(context: AdapterContext, node: Node, scopeId: number, target: 'left' | 'name', source: 'right' | 'value', kind: BindingFact['kind']): void {
  const left = node.childForFieldName(target);
  const right = node.childForFieldName(source);
  if (left && right) bindTargets(context, left, toExpr(context, right), scopeId, node.endIndex, kind);
}

/** `for x in items` and a comprehension's `for x in items`. */
export function bindLoopTarget(context: AdapterContext, node: Node, scopeId: number): void {
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  // A comprehension's body comes before its `for`: bind from the comprehension's start.
  const offset = node.type === 'for_in_clause' ? (parentOf(node)?.startIndex ?? node.startIndex) : node.startIndex;
  if (!left || !right) return;
  // `for k in obj.__dict__` / `for k in vars(obj)` walks an object's attribute names, not their values.
  const iterable = toExpr(context, right);
  const walksNames = (iterable.kind === 'member' && iterable.property === '__dict__') || (iterable.kind === 'call' && iterable.callee.kind === 'name' && iterable.callee.name === 'vars');
  bindTargets(context, left, walksNames ? keysOf(iterable) : iterable, scopeId, offset, 'iterate');
}

/** `with open(p) as f` / `except E as e`: the alias holds the value. */
export function bindAlias(context: AdapterContext, node: Node, scopeId: number): void {
  const value = node.namedChildren[0];
  const alias = node.childForFieldName('alias');
  const target = alias?.namedChildren[0] ?? alias;
  if (value && target) bindTargets(context, target, toExpr(context, value), scopeId, node.endIndex, 'with');
}

function bindTargets(context: AdapterContext, target: Node, value: Expr, scopeId: number, offset: number, kind: BindingFact['kind']): void {
  const { facts } = context;
  if (target.type === 'identifier') {
    const branch = branchOf(target);
    facts.bindings.push({ scopeId, name: target.text, range: rangeOf(target), offset, value, kind, ...(branch && { branch: { statement: rangeOf(branch.statement), arm: branch.arm } }) });
    return;
  }
  if ((target.type === 'subscript' || target.type === 'attribute') && (kind === 'assign' || kind === 'augmented') && target.childForFieldName(target.type === 'subscript' ? 'value' : 'object')?.text !== 'self') {
    // `d["mrn"] = v`, `payload.mrn = v`: the container receives `v` (bound as `d[]`, model/facts.ts).
    const container = containerOf(target);
    if (container) facts.bindings.push({ scopeId, name: `${container.name}[]`, range: rangeOf(target), offset, value, kind: 'augmented', ...(container.key === undefined ? {} : { property: container.key }) });
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
    // Unpacking: each name may hold any part of the value; the key of `for k, v in obj.items()` is a field name.
    const itemsOf = kind === 'iterate' ? pairsSource(value, 'items') : undefined;
    // `for i, item in enumerate(records)`: the first name is a position, a count, never the data.
    const counted = kind === 'iterate' && value.kind === 'call' && value.callee.kind === 'name' && value.callee.name === 'enumerate';
    target.namedChildren.forEach((child, index) => {
      const part: Expr = index === 0 && counted ? { kind: 'literal', range: value.range } : itemsOf && index === 0 ? keysOf(itemsOf) : value;
      bindTargets(context, child, part, scopeId, offset, kind === 'iterate' ? kind : 'destructure');
    });
  }
}

/**
 * The variable an item or attribute target stores into, and its key stored into: `d` and `k` for
 * `d["k"]["j"]`, `self.cache` for `self.cache[k]` (no key: it is not a literal).
 */
function containerOf(target: Node): { name: string; key?: string } | undefined {
  let current: Node | null = target;
  for (let i = 0; i < 8 && current; i++) {
    const object: Node | null = current.childForFieldName(current.type === 'subscript' ? 'value' : 'object');
    if (!object) return undefined;
    const key = current.type === 'subscript' ? staticKey(current.childForFieldName('subscript')) : current.childForFieldName('attribute')?.text;
    if (object.type === 'identifier') return object.text === 'self' ? undefined : { name: object.text, key };
    if (object.type === 'attribute' && object.childForFieldName('object')?.text === 'self') return { name: object.text.replace(/\s+/g, ''), key };
    if (object.type !== 'subscript' && object.type !== 'attribute') return undefined;
    current = object;
  }
  return undefined;
}

function staticKey(node: Node | null): string | undefined {
  return node ? staticString(node) : undefined;
}

// Lookups into a file's facts that rules make once per endpoint or call: grouped once per file
// (and per analysis) instead of scanning every scope, call, binding or import each time, which
// made endpoint discovery quadratic in the size of the file.

import type { BindingFact, CallFact, FileFacts, ScopeFact } from './facts';
import type { Position, Range } from './types';

export interface ImportedName {
  module: string;
  imported: string;
}

interface FactsIndex {
  childScopes: Map<number, ScopeFact[]>;
  functionsByName: Map<string, ScopeFact>;
  calls: Map<number, CallFact[]>;
  bindings: Map<number, BindingFact[]>;
  bindingsByName: Map<string, BindingFact[]>;
  importsByLocalName: Map<string, ImportedName>;
}

const indexes = new WeakMap<FileFacts, FactsIndex>();

function indexOf(facts: FileFacts): FactsIndex {
  let index = indexes.get(facts);
  if (index) return index;
  index = { childScopes: new Map(), functionsByName: new Map(), calls: new Map(), bindings: new Map(), bindingsByName: new Map(), importsByLocalName: new Map() };
  for (const scope of facts.scopes) {
    if (scope.parentId !== undefined) push(index.childScopes, scope.parentId, scope);
    if (scope.kind === 'function' && scope.name !== undefined && !index.functionsByName.has(scope.name)) index.functionsByName.set(scope.name, scope);
  }
  for (const call of facts.calls) push(index.calls, call.scopeId, call);
  for (const binding of facts.bindings) {
    push(index.bindings, binding.scopeId, binding);
    push(index.bindingsByName, binding.name, binding);
  }
  for (const fact of facts.imports) {
    for (const [local, imported] of fact.names) {
      if (imported && !index.importsByLocalName.has(local)) index.importsByLocalName.set(local, { module: fact.module, imported });
    }
  }
  indexes.set(facts, index);
  return index;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const NONE: readonly never[] = [];

/** The scopes directly inside `parentId`, in document order. */
export function childScopes(facts: FileFacts, parentId: number): readonly ScopeFact[] {
  return indexOf(facts).childScopes.get(parentId) ?? NONE;
}

/** How many scopes up a chain is followed: deeper nesting is not real code. */
const MAX_SCOPE_CHAIN = 64;

/** `scopeId` and the scopes around it, innermost first. */
export function scopeChain(facts: FileFacts, scopeId: number): ScopeFact[] {
  const chain: ScopeFact[] = [];
  for (let scope = facts.scopes[scopeId]; scope && chain.length < MAX_SCOPE_CHAIN; scope = facts.scopes[scope.parentId ?? -1]) chain.push(scope);
  return chain;
}

/** The functions (and methods) holding `scopeId`, innermost first; `scopeId` itself when it is one. */
export function enclosingFunctions(facts: FileFacts, scopeId: number): ScopeFact[] {
  return scopeChain(facts, scopeId).filter((scope) => scope.kind === 'function');
}

/** Whether `scopeId` is `outerId` or nested in it. */
export function isWithinScope(facts: FileFacts, scopeId: number, outerId: number): boolean {
  return scopeChain(facts, scopeId).some((scope) => scope.id === outerId);
}

/** The scope and every scope nested in it. */
export function scopeTree(facts: FileFacts, rootId: number): Set<number> {
  const ids = new Set<number>([rootId]);
  // Scopes are recorded in document order, nested ones right after their parent.
  for (let id = rootId + 1; id < facts.scopes.length; id++) {
    const scope = facts.scopes[id];
    if (scope.parentId === undefined || !ids.has(scope.parentId)) break;
    ids.add(scope.id);
  }
  return ids;
}

/** The first function (or method) named `name`. */
export function functionNamed(facts: FileFacts, name: string): ScopeFact | undefined {
  return indexOf(facts).functionsByName.get(name);
}

/** The calls made directly in a scope (not in scopes nested in it). */
export function callsIn(facts: FileFacts, scopeId: number): readonly CallFact[] {
  return indexOf(facts).calls.get(scopeId) ?? NONE;
}

/** The bindings made directly in a scope. */
export function bindingsIn(facts: FileFacts, scopeId: number): readonly BindingFact[] {
  return indexOf(facts).bindings.get(scopeId) ?? NONE;
}

/** Where a local name is imported from (its first import). */
export function importOf(facts: FileFacts, localName: string): ImportedName | undefined {
  return indexOf(facts).importsByLocalName.get(localName);
}

/** Every binding of a name, in any scope, in document order. */
export function bindingsNamed(facts: FileFacts, name: string): readonly BindingFact[] {
  return indexOf(facts).bindingsByName.get(name) ?? NONE;
}

/**
 * The first function directly inside `parentId` that lies within `range` (an inline handler in
 * a call's argument). Child scopes are in document order: a binary search finds the first one
 * starting inside the range.
 */
export function functionWithin(facts: FileFacts, parentId: number, range: Range): ScopeFact | undefined {
  const children = childScopes(facts, parentId);
  let low = 0;
  let high = children.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (before(children[mid].range.start, range.start)) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < children.length && !before(range.end, children[i].range.start); i++) {
    const scope = children[i];
    if (scope.kind === 'function' && !before(range.end, scope.range.end)) return scope;
  }
  return undefined;
}

/** Whether `a` is strictly before `b`. */
function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

// The flow analysis's index of bindings by scope and name, and where a position sits among the
// scopes. A store into a container is bound under its own name, `d[]` (model/facts.ts, BindingFact).

import type { BindingFact, ScopeFact } from '../../model/facts';
import type { Range } from '../../model/types';

export type BindingIndex = Map<number, Map<string, BindingFact[]>>;

/** The adapters bind a store into a container (`d["k"] = v`, `obj.k = v`) as `d[]` (model/facts.ts). */
export const STORE_SUFFIX = '[]';

export function isStoreName(name: string): boolean {
  return name.endsWith(STORE_SUFFIX);
}

export function indexBindings(index: BindingIndex, bindings: readonly BindingFact[]): void {
  for (const binding of bindings) {
    let byName = index.get(binding.scopeId);
    if (!byName) index.set(binding.scopeId, (byName = new Map()));
    let list = byName.get(binding.name);
    if (!list) byName.set(binding.name, (list = []));
    list.push(binding);
  }
  for (const byName of index.values()) for (const list of byName.values()) list.sort((a, b) => a.offset - b.offset);
}

/** The innermost scope inside `outerId` (or it) that contains `position`. */
export function innermostScopeAt(scopes: readonly ScopeFact[], position: Range['start'], outerId: number): number {
  let best = outerId;
  // Scopes are in document order, parents first: those inside `outerId` follow it, none after
  // `position` contains it, and a later containing scope is nested deeper.
  for (let id = outerId + 1; id < scopes.length; id++) {
    const scope = scopes[id];
    if (isAfter(scope.range.start, position)) break;
    if (!contains(scope.range, position)) continue;
    for (let parent = scope.parentId; parent !== undefined; parent = scopes[parent]?.parentId) {
      if (parent === outerId) {
        best = scope.id;
        break;
      }
    }
  }
  return best;
}

function isAfter(a: Range['start'], b: Range['start']): boolean {
  return a.line > b.line || (a.line === b.line && a.character > b.character);
}

function contains(range: Range, position: Range['start']): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

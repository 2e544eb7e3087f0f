// Values a function of the file writes into PHI fields (docs/rules/phi-in-log.md, "Two values are
// PHI by where they come from"): `def add_patient(line): party.lastname = line[1]; party.dob =
// parse(line[4])` says what `line` holds, so where the caller has the same value
// (`for line in rows: print(line); add_patient(line)`) it is that person's data. Only fields whose
// name is PHI on any object (`lastname`, `dob`, `street`), not a bare `name`.

import type { BindingFact, Expr, FileFacts, ScopeFact } from '../../model/facts';
import { offsetOf } from '../../model/text';
import type { PhiElementRef } from '../../model/types';
import type { PhiClassifier } from '../phi/classify';
import { isStoreName, STORE_SUFFIX } from './binding-index';

const MAX_NAMES = 64;

/**
 * The bindings the file passes to one of its module-level functions that writes that argument
 * into PHI fields (`add_patient(line)`), with those fields. `resolve` finds the binding a name has
 * at an offset of a scope (the flow analyzer's). Module-level functions are looked up once per
 * file, and no call is looked at when the file writes no parameter into a PHI field (most files).
 */
export function storedArguments(
  facts: FileFacts,
  classifier: PhiClassifier,
  resolve: (name: string, scopeId: number, offset: number) => BindingFact | undefined,
): Map<BindingFact, PhiElementRef[]> {
  const found = new Map<BindingFact, PhiElementRef[]>();
  const stored = new StoredAsPhi(facts, classifier);
  if (stored.isEmpty()) return found;
  const moduleFunctions = new Map<string, ScopeFact>();
  for (const scope of facts.scopes) if (scope.kind === 'function' && scope.parentId === 0 && scope.name && !moduleFunctions.has(scope.name)) moduleFunctions.set(scope.name, scope);
  for (const { call, scopeId } of facts.calls) {
    if (call.callee.kind !== 'name') continue;
    const callee = moduleFunctions.get(call.callee.name);
    if (!callee) continue;
    call.args.forEach((arg, position) => {
      if (arg.name !== undefined || arg.spread || arg.value.kind !== 'name') return;
      const elements = stored.storedAs(callee.id, position);
      const atCall = elements && resolve(arg.value.name, scopeId, offsetOf(facts.lineStarts, facts.text, arg.value.range.start));
      if (atCall && elements) found.set(atCall, elements);
    });
  }
  return found;
}

class StoredAsPhi {
  /** Function scope id -> parameter position -> the PHI fields it is written into. */
  private byScope?: Map<number, Map<number, PhiElementRef[]>>;

  constructor(
    private readonly facts: FileFacts,
    private readonly classifier: PhiClassifier,
  ) {}

  /** The file writes no parameter into a PHI field (most files): no call needs looking at. */
  isEmpty(): boolean {
    this.byScope ??= this.compute();
    return this.byScope.size === 0;
  }

  /** The PHI fields the function of scope `scopeId` writes its parameter at `position` into. */
  storedAs(scopeId: number, position: number): PhiElementRef[] | undefined {
    this.byScope ??= this.compute();
    return this.byScope.get(scopeId)?.get(position);
  }

  private compute(): Map<number, Map<number, PhiElementRef[]>> {
    const found = new Map<number, Map<number, PhiElementRef[]>>();
    for (const binding of this.facts.bindings) {
      if (!isStoreName(binding.name) || binding.property === undefined) continue;
      // `self.x = ...` is a field of the function's own object, whatever it names.
      if (binding.name.slice(0, -STORE_SUFFIX.length) === 'self' || binding.name.slice(0, -STORE_SUFFIX.length) === 'this') continue;
      const classification = this.classifier.classify(binding.property);
      if (classification.kind !== 'element' || classification.context !== 'any') continue;
      const scope = this.facts.scopes[binding.scopeId];
      if (scope?.kind !== 'function') continue;
      const names = new Set(namesIn(binding.value));
      scope.params.forEach((param, index) => {
        if (!names.has(param.name)) return;
        const position = param.position ?? index;
        const byPosition = found.get(scope.id) ?? new Map<number, PhiElementRef[]>();
        found.set(scope.id, byPosition);
        const elements = byPosition.get(position) ?? [];
        if (!elements.some((e) => e.element === classification.element)) elements.push({ element: classification.element, category: classification.category });
        byPosition.set(position, elements);
      });
    }
    return found;
  }
}

/** The names an expression reads (`line` in `datetime.strptime(line[4], fmt)`), bounded. */
function namesIn(expr: Expr, into: string[] = []): string[] {
  if (into.length > MAX_NAMES) return into;
  switch (expr.kind) {
    case 'name':
      into.push(expr.name);
      break;
    case 'member':
      namesIn(expr.object, into);
      break;
    case 'index':
      namesIn(expr.object, into);
      break;
    case 'call':
      for (const arg of expr.args) namesIn(arg.value, into);
      if (expr.callee.kind === 'member') namesIn(expr.callee.object, into);
      break;
    case 'template':
      for (const part of expr.parts) if ('expr' in part) namesIn(part.expr, into);
      break;
    case 'binary':
      namesIn(expr.left, into);
      namesIn(expr.right, into);
      break;
    case 'other':
      for (const child of expr.children) namesIn(child, into);
      break;
  }
  return into;
}

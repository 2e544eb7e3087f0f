// Which module-level bindings a handler's evidence can read (evidence-memo.ts keys by them): a
// name in the handler resolves to a module-level binding of that name, whose value names others,
// and so on. Only names lead there, so a binding whose name appears nowhere in the handler (nor,
// transitively, in the values of the bindings it reaches) cannot change its evidence: an edit of
// one handler's module-level router or constant no longer invalidates every endpoint's evidence.

import type { BindingFact, Expr, FileFacts, ScopeFact } from '../../model/facts';
import { offsetOf } from '../../model/text';
import { internKey } from '../interned-keys';

/** Identifiers, Unicode ones included (Python allows them): a superset of the names a text uses. */
const IDENTIFIER = /[\p{L}\p{Nl}_$][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}$]*/gu;
const POSITION_KEYS = new Set(['range', 'propertyRange', 'argsRange', 'keyRange']);
/** Signatures are numbered (keys stay short); past this many the numbering starts again. */
const MAX_NUMBERED = 20_000;

interface ModuleBinding {
  /** The binding without positions (name, kind, property and value), numbered. */
  id: number;
  /** Identifiers in its value: the bindings it can lead to. */
  names: readonly string[];
}

interface ModuleBindings {
  list: ModuleBinding[];
  byRoot: Map<string, number[]>;
  generation: number;
  /** Every module-level binding's number, in order: equal keys, equal module-level bindings. */
  key: string;
}

const perFacts = new WeakMap<FileFacts, ModuleBindings>();
const perBinding = new WeakMap<BindingFact, ModuleBinding & { generation: number }>();
const exprSignatures = new WeakMap<Expr, string>();
/**
 * The last answer for a definition, by its scope fact (an untouched statement's facts are the same
 * objects at the next analysis), with what it was computed from: its text, its seeds, the module.
 */
const reachedBefore = new WeakMap<ScopeFact, { text: string; seeds: string; module: string; reached: string }>();
const numbers = new Map<string, number>();
/** Bumped when the numbering starts again: keys made before never meet keys made after. */
let generation = 0;

/**
 * The module-level bindings reachable from the definition `scope` (whose text is `text`) and
 * from `seeds` (type names, name hints), in the file's order, as a short key.
 */
export function reachedModuleBindings(facts: FileFacts, scope: ScopeFact, text: string, seeds: readonly string[]): string {
  const module = moduleBindings(facts);
  const seedText = seeds.join('\u0000');
  // The same definition against the same module-level bindings: the same answer (most keystrokes).
  const known = reachedBefore.get(scope);
  if (known && known.text === text && known.seeds === seedText && known.module === module.key) return known.reached;
  const reached = new Set<number>();
  const seen = new Set<string>();
  const pending: string[] = [];
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    if (module.byRoot.has(name)) pending.push(name);
  };
  for (const name of text.match(IDENTIFIER) ?? []) visit(name);
  for (const seed of seeds) for (const name of seed.match(IDENTIFIER) ?? []) visit(name);
  while (pending.length) {
    for (const index of module.byRoot.get(pending.pop()!)!) {
      if (reached.has(index)) continue;
      reached.add(index);
      for (const name of module.list[index].names) visit(name);
    }
  }
  const ids = [...reached].sort((a, b) => a - b).map((index) => module.list[index].id);
  const answer = `${module.generation}:${ids.join(',')}`;
  reachedBefore.set(scope, { text, seeds: seedText, module: module.key, reached: answer });
  return answer;
}

/**
 * The module-level bindings that what is written in the scope's top-level definition can reach,
 * as a key (every module-level binding for the module's own scope, or past the depth bound).
 */
export function reachedFromScope(facts: FileFacts, scopeId: number): string {
  const top = topLevelScope(facts, scopeId);
  if (top === undefined) return moduleBindingsKey(facts);
  const scope = facts.scopes[top];
  return reachedModuleBindings(facts, scope, definitionText(facts, scope), []);
}

/** The scope directly inside the module that contains `scopeId` (itself, for a top-level one). */
export function topLevelScope(facts: FileFacts, scopeId: number): number | undefined {
  let current = scopeId;
  for (let depth = 0; depth < 1_000; depth++) {
    const parent = facts.scopes[current]?.parentId;
    if (parent === undefined) return undefined;
    if (parent === 0) return current;
    current = parent;
  }
  return undefined;
}

/** The text of a definition (a top-level scope). */
export function definitionText(facts: FileFacts, scope: ScopeFact): string {
  return facts.text.slice(offsetOf(facts.lineStarts, facts.text, scope.range.start), offsetOf(facts.lineStarts, facts.text, scope.range.end));
}

/** moduleBindingsKey as a number (interned-keys.ts), once per analysis: compared per endpoint or call. */
export function moduleBindingsNumber(facts: FileFacts): number {
  let number = moduleNumbers.get(facts);
  if (number === undefined) moduleNumbers.set(facts, (number = internKey(moduleBindingsKey(facts))));
  return number;
}

const moduleNumbers = new WeakMap<FileFacts, number>();

/** Every module-level binding of the file, as a key: equal keys, equal module-level bindings. */
export function moduleBindingsKey(facts: FileFacts): string {
  return moduleBindings(facts).key;
}

function moduleBindings(facts: FileFacts): ModuleBindings {
  const known = perFacts.get(facts);
  if (known && known.generation === generation) return known;
  const made: ModuleBindings = { list: [], byRoot: new Map(), generation, key: '' };
  for (const binding of facts.bindings) {
    if (binding.scopeId !== 0) continue;
    const root = rootName(binding.name);
    let indices = made.byRoot.get(root);
    if (!indices) made.byRoot.set(root, (indices = []));
    indices.push(made.list.length);
    made.list.push(moduleBinding(binding));
  }
  // The numbering started again half-way: numbered again, all in the new numbering.
  if (made.generation !== generation) return moduleBindings(facts);
  made.key = `${generation}:${made.list.map((binding) => binding.id).join(',')}`;
  perFacts.set(facts, made);
  return made;
}

function moduleBinding(binding: BindingFact): ModuleBinding {
  const known = perBinding.get(binding);
  if (known && known.generation === generation) return known;
  const value = exprSignature(binding.value);
  const signature = `${binding.name}\u0000${binding.kind}\u0000${binding.property ?? ''}\u0000${value}`;
  if (numbers.size >= MAX_NUMBERED) {
    numbers.clear();
    generation++;
  }
  let id = numbers.get(signature);
  if (id === undefined) numbers.set(signature, (id = numbers.size));
  const made = { id, names: [...new Set(value.match(IDENTIFIER) ?? [])], generation };
  perBinding.set(binding, made);
  return made;
}

/** `d[]` (a store into `d`), `self.x`, `a.b`: found by their first name. */
function rootName(name: string): string {
  return /^[^.[]*/.exec(name)![0];
}

function exprSignature(expr: Expr): string {
  let signature = exprSignatures.get(expr);
  if (signature === undefined) {
    signature = JSON.stringify(expr, (key, value: unknown) => (POSITION_KEYS.has(key) ? undefined : value));
    exprSignatures.set(expr, signature);
  }
  return signature;
}

// An object logged whole carries the fields the same function reads off it. `alert.drugName` read
// a few lines above `logger.error('failed', { error, alert })` says the logged `alert` holds a drug
// name; `eventData.medication` says the same of `console.log(eventData)`. Which field reads count is
// decided by the flow analysis itself (staff, configuration and ids stay clean), so the object is
// only as PHI as its own fields are. Whole JS objects given to a logger print their fields; in
// Python only a dict's keys (`data["dob"]`, `data.get("dob")`) say its string form shows them
// (an object's attributes do not: a Django model prints `Patient object (42)`).

import { rootName } from '../../model/expressions';
import { enclosingFunctions } from '../../model/facts-index';
import type { BindingFact, Expr, FileFacts } from '../../model/facts';
import { offsetOf } from '../../model/text';
import { sameRange, type Range } from '../../model/ranges';
import type { PhiElementRef } from '../../model/types';
import type { FlowAnalyzer } from './flow';
import type { Taint } from './taint';
import { isOrganisationFunctionName } from './organisation-contacts';

/** Field reads looked at per object: a function reading hundreds of fields is not made slower. */
const MAX_READS = 200;
const MAX_EXPR_DEPTH = 40;
/** Calls, bindings, returns, throws: the order in which their expressions are walked. */
const CATEGORIES = 4;

interface FieldRead {
  expr: Expr;
  scopeId: number;
}

/** A function's field reads by the first expression of its walk, then by the function's scope id. */
const rememberedReads = new WeakMap<Expr, Map<number, { walk: readonly FieldRead[]; reads: Map<string, FieldRead[]> }>>();

export class FieldsReadIndex {
  private readonly byFunction = new Map<number, Map<string, FieldRead[]>>();
  private readonly aliases = new Map<string, Set<string>>();
  private assignmentsByFunction: Map<number, BindingFact[]> | undefined;
  private readonly functionsAround = new Map<number, number[]>();
  private byScope: Map<number, number[]>[] | undefined;
  private children: Map<number, number[]> | undefined;

  constructor(
    private readonly facts: FileFacts,
    private readonly flow: FlowAnalyzer,
  ) {}

  /** The PHI of the fields read off `name` in the function around `scopeId`, as the whole object's taint; undefined when none is PHI. */
  wholeObjectTaint(name: string, scopeId: number, origin: Expr): Taint | undefined {
    const fn = enclosingFunctions(this.facts, scopeId)[0]?.id;
    if (fn === undefined || this.declaresParamBetween(name, scopeId, fn) === 'shadowed') return undefined;
    const byName = this.readsIn(fn);
    const reads = [...this.aliasesOf(name, fn)].flatMap((alias) => byName.get(alias) ?? []);
    const elements = new Map<string, PhiElementRef>();
    let first: { expr: Expr; label: string } | undefined;
    for (const read of reads.slice(0, MAX_READS)) {
      if (this.declaresParamBetween(name, read.scopeId, fn) === 'shadowed') continue;
      if (this.readIntoOrganisationName(read.expr, fn)) continue;
      const taint = this.flow.taintOf(read.expr, read.scopeId);
      if (!taint || taint.objectForm) continue;
      for (const element of taint.elements) elements.set(`${element.element}/${element.category}`, element);
      first ??= { expr: read.expr, label: taint.steps[0]?.label ?? name };
    }
    if (!first) return undefined;
    return {
      elements: [...elements.values()],
      record: false,
      origin: origin.range,
      steps: [{ range: first.expr.range, label: `${name} (has ${first.label.replace(/ \(.*\)$/, '')})` }],
    };
  }

  /**
   * `name` and the variables of the function that hold a part of it (`const data = event.detail`,
   * `const e = event as ConnectEvent`): what is read off them is read off the object.
   */
  private aliasesOf(name: string, fn: number): Set<string> {
    const key = `${fn}:${name}`;
    let aliases = this.aliases.get(key);
    if (!aliases) this.aliases.set(key, (aliases = this.findAliases(name, fn)));
    return aliases;
  }

  private findAliases(name: string, fn: number): Set<string> {
    const aliases = new Set([name]);
    const assignments = this.assignmentsIn(fn);
    for (let round = 0; round < 4; round++) {
      const before = aliases.size;
      for (const binding of assignments) {
        if (aliases.has(binding.name)) continue;
        const value = unwrapped(binding.value);
        const root = value.kind === 'name' || value.kind === 'member' ? rootName(value) : undefined;
        if (root !== undefined && aliases.has(root) && !containsCall(value)) aliases.add(binding.name);
      }
      if (aliases.size === before) break;
    }
    return aliases;
  }

  /**
   * `const insuranceCompanyName = evt.data.insuranceName || null`: the variable the function reads
   * the field into says whose it is, an organisation's (an insurance company's name, not a
   * patient's insurance), so the object logged whole does not carry it as a patient's.
   */
  private readIntoOrganisationName(read: Expr, fn: number): boolean {
    return this.assignmentsIn(fn).some((binding) => isOrganisationFunctionName(binding.name) && sameRange(fallbackStripped(binding.value).range, read.range));
  }

  /** Whether a function between `scopeId` and `fn` (excluded) takes a parameter named `name`: another value. */
  private declaresParamBetween(name: string, scopeId: number, fn: number): 'shadowed' | undefined {
    for (let current: number | undefined = scopeId, i = 0; current !== undefined && current !== fn && i < 64; current = this.facts.scopes[current]?.parentId, i++) {
      if (this.facts.scopes[current]?.params.some((param) => param.name === name)) return 'shadowed';
    }
    return undefined;
  }

  /**
   * Field reads in function `fn` and the functions inside it, by the name they are read off,
   * indexed only for the functions that log an object whole (walking every expression of the
   * file on every keystroke was the largest single cost of phi-in-log). The facts are taken in
   * file order (calls, bindings, returns, throws) and an expression counts once, for the first
   * fact that reaches it: for the first function around it. An expression belongs to its
   * statement's syntax, so the only other facts that can reach one of `fn`'s are those of the
   * scopes around `fn`; theirs are walked too (as a walk of the whole file would, before or after
   * `fn`'s), but their reads are not `fn`'s.
   */
  private readsIn(fn: number): Map<string, FieldRead[]> {
    let reads = this.byFunction.get(fn);
    if (reads) return reads;
    this.byFunction.set(fn, (reads = new Map()));
    const scopes = this.facts.scopes;
    const outer: number[] = [];
    for (let id = scopes[fn]?.parentId, i = 0; id !== undefined && i < scopes.length; id = scopes[id]?.parentId, i++) {
      if (this.aroundOf(id).length > 0) outer.push(id);
    }
    const inner = this.scopesWithin(fn).filter((id) => this.aroundOf(id).includes(fn));
    const walk: FieldRead[] = [];
    const byScope = this.factsByScope();
    for (let category = 0; category < CATEGORIES; category++) {
      const lists = [...inner, ...outer].map((id) => byScope[category].get(id)).filter((list) => list !== undefined);
      // One scope's facts are in file order already.
      const indices = lists.length === 1 ? lists[0] : lists.flat().sort((x, y) => x - y);
      for (const index of indices) {
        const { expr, scopeId } = this.factAt(category, index);
        if (expr) walk.push({ expr, scopeId });
      }
    }
    if (!walk.length) return reads;
    // The same expressions in the same scopes read the same fields: facts are never modified, and
    // the statements a keystroke did not touch keep theirs (adapters/chunks.ts), so the function's
    // reads at the last analysis are reused when its walk is the same, object for object.
    let byFn = rememberedReads.get(walk[0].expr);
    if (!byFn) rememberedReads.set(walk[0].expr, (byFn = new Map()));
    const known = byFn.get(fn);
    if (known && known.walk.length === walk.length && known.walk.every((item, i) => item.expr === walk[i].expr && item.scopeId === walk[i].scopeId)) {
      this.byFunction.set(fn, known.reads);
      return known.reads;
    }
    const elsewhere = new Map<string, FieldRead[]>();
    const seen = new Set<Expr>();
    for (const { expr, scopeId } of walk) this.collect(expr, scopeId, this.aroundOf(scopeId).includes(fn) ? reads : elsewhere, seen, 0);
    byFn.set(fn, { walk, reads });
    return reads;
  }

  /** The expression and scope of the `index`th call (0), binding (1), return (2) or throw (3). */
  private factAt(category: number, index: number): { expr: Expr | undefined; scopeId: number } {
    switch (category) {
      case 0:
        return { expr: this.facts.calls[index].call, scopeId: this.facts.calls[index].scopeId };
      case 1:
        return { expr: this.facts.bindings[index].value, scopeId: this.facts.bindings[index].scopeId };
      case 2:
        return { expr: this.facts.returns![index].value, scopeId: this.facts.returns![index].scopeId };
      default:
        return { expr: this.facts.throws[index].value, scopeId: this.facts.throws[index].scopeId };
    }
  }

  /** Per category (calls, bindings, returns, throws), the indices of the facts of each scope, in file order. */
  private factsByScope(): Map<number, number[]>[] {
    if (this.byScope) return this.byScope;
    const scopeIds = [this.facts.calls, this.facts.bindings, this.facts.returns ?? [], this.facts.throws].map((list) => list.map((fact) => fact.scopeId));
    this.byScope = scopeIds.map((ids) => {
      const byScope = new Map<number, number[]>();
      ids.forEach((scopeId, index) => {
        const list = byScope.get(scopeId);
        if (list) list.push(index);
        else byScope.set(scopeId, [index]);
      });
      return byScope;
    });
    return this.byScope;
  }

  /** `fn` and the scopes nested in it, at any depth. */
  private scopesWithin(fn: number): number[] {
    if (!this.children) {
      this.children = new Map();
      for (const scope of this.facts.scopes) {
        if (scope.parentId === undefined) continue;
        const list = this.children.get(scope.parentId);
        if (list) list.push(scope.id);
        else this.children.set(scope.parentId, [scope.id]);
      }
    }
    const within = [fn];
    for (let i = 0; i < within.length && within.length <= this.facts.scopes.length; i++) within.push(...(this.children.get(within[i]) ?? []));
    return within;
  }

  private aroundOf(scopeId: number): number[] {
    let ids = this.functionsAround.get(scopeId);
    if (!ids) this.functionsAround.set(scopeId, (ids = functionIdsAround(this.facts, scopeId)));
    return ids;
  }

  /** The plain assignments in function `fn` and the functions inside it, indexed once for all functions. */
  private assignmentsIn(fn: number): BindingFact[] {
    if (!this.assignmentsByFunction) {
      this.assignmentsByFunction = new Map();
      for (const binding of this.facts.bindings) {
        if (binding.kind !== 'assign') continue;
        for (const around of this.aroundOf(binding.scopeId)) {
          const list = this.assignmentsByFunction.get(around);
          if (list) list.push(binding);
          else this.assignmentsByFunction.set(around, [binding]);
        }
      }
    }
    return this.assignmentsByFunction.get(fn) ?? [];
  }


  private collect(expr: Expr, scopeId: number, reads: Map<string, FieldRead[]>, seen: Set<Expr>, depth: number): void {
    if (depth > MAX_EXPR_DEPTH || seen.has(expr)) return;
    seen.add(expr);
    const root = this.fieldReadRoot(expr);
    if (root !== undefined) {
      const list = reads.get(root);
      if (list) list.push({ expr, scopeId });
      else reads.set(root, [{ expr, scopeId }]);
    }
    // The children in order, without building a list of them (this walk runs on every keystroke).
    const next = depth + 1;
    switch (expr.kind) {
      case 'member':
        return this.collect(expr.object, scopeId, reads, seen, next);
      case 'index':
        this.collect(expr.object, scopeId, reads, seen, next);
        return this.collect(expr.index, scopeId, reads, seen, next);
      case 'call':
        this.collect(expr.callee, scopeId, reads, seen, next);
        for (const arg of expr.args) this.collect(arg.value, scopeId, reads, seen, next);
        return;
      case 'template':
        for (const part of expr.parts) if ('expr' in part) this.collect(part.expr, scopeId, reads, seen, next);
        return;
      case 'binary':
        this.collect(expr.left, scopeId, reads, seen, next);
        return this.collect(expr.right, scopeId, reads, seen, next);
      case 'object':
        for (const entry of expr.entries) this.collect(entry.value, scopeId, reads, seen, next);
        return;
      case 'array':
        for (const item of expr.items) this.collect(item, scopeId, reads, seen, next);
        return;
      case 'other':
        for (const child of expr.children) this.collect(child, scopeId, reads, seen, next);
        return;
    }
  }

  /** The name a field read starts from: `x.a`, `x.a.b`, `x["a"]` (TS/JS); `x["a"]`, `x.get("a")` (Python). */
  private fieldReadRoot(expr: Expr): string | undefined {
    if (this.facts.language === 'python') {
      // `x["dob"]` is modelled as the member `x.dob`: its key is written as a string literal.
      if (expr.kind === 'member' && expr.object.kind === 'name' && isQuotedKey(this.facts, expr.propertyRange)) return expr.object.name;
      const callee = expr.kind === 'call' ? expr.callee : undefined;
      if (callee?.kind === 'member' && callee.property === 'get' && callee.object.kind === 'name' && expr.kind === 'call' && expr.args[0]?.value.kind === 'string') return callee.object.name;
      return undefined;
    }
    if (expr.kind !== 'member' && expr.kind !== 'index') return undefined;
    const root = rootName(expr);
    // `this.x` / `self.x` are fields of the class, not an object the function was given.
    return root && root !== 'this' && !containsCall(expr) ? root : undefined;
  }

}

/** Whether the text of `range` opens a string literal: string prefixes (`r`, `b`, `u`, `f`) then a quote. */
function isQuotedKey(facts: FileFacts, range: Range): boolean {
  const { text, lineStarts } = facts;
  const end = offsetOf(lineStarts, text, range.end);
  let i = offsetOf(lineStarts, text, range.start);
  while (i < end && STRING_PREFIXES.has(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  return i < end && (c === 0x22 || c === 0x27);
}

const STRING_PREFIXES = new Set([...'rbufRBUF'].map((c) => c.charCodeAt(0)));

/** `x as T`, `(x)`, `x!`: the value inside. */
function unwrapped(expr: Expr): Expr {
  let current = expr;
  for (let i = 0; i < 8 && current.kind === 'other' && current.children.length >= 1 && current.children.every((child, k) => k === 0 || child.kind === 'other' || child.kind === 'literal'); i++) {
    current = current.children[0];
  }
  return current;
}

function containsCall(expr: Expr): boolean {
  for (let current: Expr = expr, i = 0; i < 20; i++) {
    if (current.kind === 'call') return true;
    if (current.kind === 'member' || current.kind === 'index') current = current.object;
    else return false;
  }
  return false;
}

/**
 * The objects an argument gives a log whole, by name: the argument itself, the values of an
 * object literal (`{ error, alert }`), what `JSON.stringify` / `json.dumps` serialises; in Python
 * also the names an f-string shows (`f"{data}"`: a dict's string form). A JS template shows
 * `[object Object]`, not the fields.
 */
export function objectsGivenWhole(expr: Expr, language: FileFacts['language']): Extract<Expr, { kind: 'name' }>[] {
  switch (expr.kind) {
    case 'name':
      return [expr];
    case 'object':
      return language === 'ts' ? expr.entries.flatMap((entry) => (entry.value.kind === 'name' ? [entry.value] : [])) : [];
    case 'call': {
      const callee = expr.callee;
      const serialiser = callee.kind === 'member' && callee.object.kind === 'name' && ((callee.object.name === 'JSON' && callee.property === 'stringify') || (callee.object.name === 'json' && callee.property === 'dumps'));
      const first = expr.args[0]?.value;
      return serialiser && first?.kind === 'name' ? [first] : [];
    }
    case 'template':
      return language === 'python' ? expr.parts.flatMap((part) => ('expr' in part && part.expr.kind === 'name' ? [part.expr] : [])) : [];
    default:
      return [];
  }
}

function functionIdsAround(facts: FileFacts, scopeId: number): number[] {
  return enclosingFunctions(facts, scopeId).map((scope) => scope.id);
}

/** `a || null`, `a ?? ''`: the value read, without the fallback given when it is missing. */
function fallbackStripped(value: Expr): Expr {
  let current = unwrapped(value);
  while (current.kind === 'binary' && (current.operator === '||' || current.operator === '??' || current.operator === 'or')) current = unwrapped(current.left);
  return current;
}

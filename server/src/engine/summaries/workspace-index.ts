// Pass 2 of flows across functions: the workspace index. It holds every file's summaries (never
// source text or trees), resolves each call to a function of the workspace by name, through
// imports and through `self.` / `this.` / `cls.` and base classes, and follows calls to a
// fixpoint, so a function's summary includes what its callees do with its parameters.

import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { PhiElementRef } from '../model/types';
import type { PhiField } from '../analysis/flow/record-types';
import { callsDataStore, callsOverHttp, usesRecordStore } from '../analysis/endpoints/data-store-calls';
import { namesResource } from '../analysis/endpoints/totals-only';
import type { StoreReads } from '../analysis/flow/flow-hooks';
import { argumentNames, marksAuditEntry, recordsActionOnRecord, writesAuditRecord, writesChangeHistory } from '../analysis/endpoints/controls/names';
import { FIELD_PATH_SEPARATOR } from './extract';
import { modelKey } from '../analysis/flow/unpopulated-references';
import type { CallArgument, ClassSummary, FileSummary, FunctionSummary, OwnReturn, ParamSink, ResolvedSummary, SinkEffect } from './types';

/** Enough rounds for long chains; a summary only grows, so the fixpoint is reached well before. */
const MAX_ROUNDS = 30;
/** How far a call result is followed into the arguments it was built from. */
const MAX_NESTING = 6;
/** How many functions the search for an audit call visits from one call. */
const MAX_AUDIT_WALK = 200;
/** What `reachable` yields last when its bound stopped the walk. */
const CUT_SHORT = Symbol('cut short');
const TS_EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mts', '.cts', '.mjs', '.cjs'];

type Symbol =
  | { kind: 'function'; file: FileSummary; fn: FunctionSummary }
  | { kind: 'class'; file: FileSummary; cls: ClassSummary }
  /** A module-level instance of a workspace class: its methods are called on it. */
  | { kind: 'instance'; file: FileSummary; cls: ClassSummary }
  | { kind: 'module'; file: FileSummary }
  /** A module-level object gathering functions by name (`export const Service = { create }`). */
  | { kind: 'namespace'; file: FileSummary; members: [string, string][] };

/** A resolved call: the callee and where the call's arguments start among its parameters. */
export interface CallTarget {
  summary: ResolvedSummary;
  /** 1 when the call passes `self` / `cls` implicitly. */
  offset: number;
}

interface Node {
  key: string;
  file: FileSummary;
  fn: FunctionSummary;
  targets: (CallTarget | undefined)[];
  state: ResolvedSummary;
}

/** Options of the TS resolution: `compilerOptions.paths` of the project's tsconfig.json. */
export interface PathAliases {
  baseUrl: string;
  paths: Record<string, string[]>;
}

/** Tells indexes apart in memo keys (WorkspaceIndex.answersKey). */
let nextIndexId = 0;

export class WorkspaceIndex {
  private readonly files = new Map<string, FileSummary>();
  /** Every source file of the project, summarised or not yet: imports resolve against them. */
  private readonly known = new Set<string>();
  private readonly pythonModules = new Map<string, string>();
  private nodes = new Map<string, Node>();
  private dirty = true;
  /** Dependency keys, computed on first use after each resolution. */
  private keys: Map<string, string> | undefined;
  /** Module name (and the importing folder, for relative ones) -> file: resolution repeats them per call. */
  private readonly moduleMemo = new Map<string, string | undefined>();
  private readonly functionsByName = new WeakMap<FileSummary, Map<string, FunctionSummary>>();
  /** Which index this is, and how many times what it answers may have changed (answersKey). */
  private readonly id = nextIndexId++;
  private revision = 0;
  /**
   * resolveCall's answers for one calling file's summary and one revision: the file analysed last
   * (a keystroke's analysis asks again for the callees it asked for before). One file's only, so
   * a scan does not keep every file's answers.
   */
  private callMemo: { file: FileSummary; revision: number; calls: Map<string, CallTarget | null> } | undefined;

  constructor(
    /** The project's folder: Python module names and message paths are relative to it. */
    readonly root: string,
    private readonly aliases?: PathAliases,
  ) {}

  get size(): number {
    return this.files.size;
  }

  summaries(): FileSummary[] {
    return [...this.files.values()];
  }

  file(filePath: string): FileSummary | undefined {
    return this.files.get(filePath);
  }

  /**
   * Changes whenever a summary or a known file is added or removed: answers about the workspace
   * (what a call reaches) memoised under this key stay right until it changes.
   */
  get answersKey(): string {
    return `${this.id}.${this.revision}`;
  }

  set(summary: FileSummary): void {
    this.revision++;
    this.files.set(summary.path, summary);
    this.addKnownFiles([summary.path]);
    this.dirty = true;
  }

  /**
   * Files of the project that imports may name, before they are summarised: a front end then
   * summarises only what the files it reports on import, directly or not (importsOf).
   */
  addKnownFiles(paths: readonly string[]): void {
    for (const filePath of paths) {
      if (this.known.has(filePath)) continue;
      this.revision++;
      this.known.add(filePath);
      this.moduleMemo.clear();
      if (/\.pyi?$/.test(filePath)) this.pythonModules.set(this.dottedName(filePath), filePath);
    }
  }

  /** Every file of the project imports resolve against (addKnownFiles, set). */
  knownFiles(): string[] {
    return [...this.known];
  }

  /** The project files a summarised file imports or re-exports (the files its findings can depend on). */
  importsOf(filePath: string): string[] {
    const file = this.files.get(filePath);
    return file ? [...new Set(this.importedFiles(file))] : [];
  }

  /**
   * Forgets every summary, keeping the project's files (imports still resolve as before): a scan
   * worker holds the summaries one file's analysis reads, not the whole project's (cli/parallel/).
   */
  clearSummaries(): void {
    this.revision++;
    this.files.clear();
    this.nodes = new Map();
    this.keys = undefined;
    this.dirty = true;
  }

  delete(filePath: string): void {
    const summary = this.files.get(filePath);
    if (!summary) return;
    this.revision++;
    this.files.delete(filePath);
    this.known.delete(filePath);
    this.moduleMemo.clear();
    if (summary.language === 'python') this.pythonModules.delete(this.dottedName(filePath));
    this.dirty = true;
  }

  /** The path shown in messages: relative to the project, with `/`. */
  displayPath(filePath: string): string {
    const relative = path.relative(this.root, filePath);
    return (relative && !relative.startsWith('..') ? relative : filePath).split(path.sep).join('/');
  }

  /** The callee of a call made in `file` (from a method of `className`, if any), when it is a workspace function. */
  resolveCall(file: FileSummary, className: string | undefined, callee: string[]): CallTarget | undefined {
    this.ensureResolved();
    // The same callee is asked for again and again (`db.get` from every handler): the answers are
    // kept per summary object (summaries are never modified) while the index's state holds.
    let memo = this.callMemo;
    if (!memo || memo.file !== file || memo.revision !== this.revision) this.callMemo = memo = { file, revision: this.revision, calls: new Map() };
    const key = `${className ?? ''}\u0000${callee.join('\u0000')}`;
    const known = memo.calls.get(key);
    if (known !== undefined) return known ?? undefined;
    const found = this.targetOf(file, className, callee);
    const node = found && this.nodes.get(keyOf(found.file.path, found.fn.name));
    const target = node ? { summary: node.state, offset: found.offset } : undefined;
    memo.calls.set(key, target ?? null);
    return target;
  }

  /**
   * Whether the callee of a call made in `file`, or a workspace function it calls (resolved calls
   * only, transitively), makes a call the policy names as an audit control (`auditLogger.info`,
   * `createAuditLog`), or writes an audit record by its names (`prisma.auditLog.create`): the
   * control of a handler that delegates to a service. Returns the name.
   */
  reachesNamedCall(file: FileSummary, className: string | undefined, callee: string[], names: readonly string[]): string | undefined {
    // A middleware a factory returns may audit only some of its branches (a super-user bypass),
    // so nested functions are not taken as auditing it: own calls only.
    for (const node of this.reachable(file, className, callee, false)) {
      if (node === CUT_SHORT) return undefined;
      for (const { callee, args, authEvent } of node.fn.calls) {
        // A session's expiry or a failed sign-in, audited on the way, is not the route's access audit.
        if (authEvent) continue;
        const name = names.find((candidate) => endsWithSegments(callee, candidate.split('.')));
        if (name) return name;
        // An audit record written whatever the policy calls it (`prisma.auditLog.create`), or a change-history entry naming its actor.
        if (writesAuditRecord(callee) || writesChangeHistory(callee, args.flatMap((arg) => arg.keys ?? []))) return callee.join('.');
        // Who did what to which record (`log_crud_action(action=..., user=..., table=..., entity_id=...)`).
        if (recordsActionOnRecord(callee, argumentNames(args))) return callee.join('.');
        // A structured log entry the project flags as its audit record (`logger.info({ action, patientId, audit: true })`).
        if (marksAuditEntry(callee, argumentNames(args))) return callee.join('.');
      }
      // `client.query('INSERT INTO audit_log ...')` in its own body.
      if (node.fn.insertsAuditRow) return node.fn.insertsAuditRow;
      // Calls of a callback the function runs before it answers (`tracer.startActiveSpan('x', async () => ...)`).
      for (const callee of node.fn.runNowCalls ?? []) {
        const name = names.find((candidate) => endsWithSegments(callee, candidate.split('.')));
        if (name) return name;
        if (writesAuditRecord(callee)) return callee.join('.');
      }
    }
    return undefined;
  }

  /**
   * For a middleware factory called in `file` (`requireClientAccess('clientId')`): a workspace
   * function the middleware it returns calls (`assertCanAccessClient(...)`) that reaches an audit
   * call (as `reachesNamedCall`). The middleware's own calls do not count: it may audit only a
   * branch (a super-user bypass), while a delegated access check records its decision.
   */
  reachesNamedCallThroughFactory(file: FileSummary, className: string | undefined, factory: string[], names: readonly string[]): string | undefined {
    this.ensureResolved();
    const found = this.targetOf(file, className, factory);
    if (!found) return undefined;
    for (const nested of found.fn.nestedCalls ?? []) {
      const name = this.reachesNamedCall(found.file, found.fn.className, nested, names);
      if (name) return name;
    }
    return undefined;
  }

  /**
   * What the workspace functions reached from a call made in `file` do with data (resolved calls,
   * transitively, bounded like the audit walk): `sendsToAi` when one passes its input to an AI
   * service, `usesStore` when one reads or writes a data store by its callee's names, other than
   * the generator's own settings (or the walk was cut short). Undefined when the callee is no
   * workspace function.
   */
  dataUseBehind(file: FileSummary, className: string | undefined, callee: string[]): { sendsToAi: boolean; usesStore: boolean; fetches: boolean } | undefined {
    let sendsToAi = false;
    let fetches = false;
    let reached = false;
    for (const node of this.reachable(file, className, callee, true)) {
      reached = true;
      if (node === CUT_SHORT || calleesOf(node.fn).some(usesRecordStore)) return { sendsToAi, usesStore: true, fetches };
      if ([...node.state.sinks, ...node.fn.sinksViaCalls].some(({ effect }) => effect.ruleId === 'phi-to-ai')) sendsToAi = true;
      if (node.fn.fetchesOverHttp || calleesOf(node.fn).some(callsOverHttp)) fetches = true;
    }
    return reached ? { sendsToAi, usesStore: false, fetches } : undefined;
  }

  /**
   * The workspace functions a call made in `file` reaches (resolved calls, breadth first, with
   * `nested` the nested functions' calls too), the callee first; none when it is no workspace
   * function. A bounded walk (audit calls sit a few calls down, and a large call graph must stay
   * cheap): `CUT_SHORT` comes last when the bound stopped it.
   */
  private *reachable(file: FileSummary, className: string | undefined, callee: string[], nested: boolean): Generator<Node | typeof CUT_SHORT> {
    this.ensureResolved();
    const found = this.targetOf(file, className, callee) ?? this.injectedTarget(file, className, callee);
    const start = found && this.nodes.get(keyOf(found.file.path, found.fn.name));
    if (!start) return;
    const seen = new Set<Node>([start]);
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      if (i >= MAX_AUDIT_WALK) {
        yield CUT_SHORT;
        return;
      }
      const node = queue[i];
      yield node;
      for (const next of this.nextNodes(node, nested)) {
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
  }

  /** The workspace functions a function calls, with `nested` its nested functions' calls too. */
  private nextNodes(node: Node, nested: boolean): Node[] {
    const next: Node[] = [];
    for (const target of node.targets) {
      const found = target && this.nodes.get(keyOf(target.summary.path, target.summary.name));
      if (found) next.push(found);
    }
    // A callback the function runs before it answers is its own body (summaries/callbacks-run-now.ts).
    for (const callee of nested ? node.fn.nestedCalls ?? [] : node.fn.runNowCalls ?? []) {
      const target = this.targetOf(node.file, node.fn.className, callee);
      const found = target && this.nodes.get(keyOf(target.file.path, target.fn.name));
      if (found) next.push(found);
    }
    return next;
  }

  /**
   * What the workspace functions reached from a call made in `file` read from data stores
   * (resolved calls, transitively, bounded like the audit walk): `records` when one reads or writes
   * rows, makes an unresolved call named for patient data (`sdk.getPatient`), or the walk was cut
   * short; `totals` when one reads a total, `reference` a table of kinds, `fieldless` rows' keys and states only. Undefined when the callee is no workspace function.
   */
  storeReadsBehind(file: FileSummary, className: string | undefined, callee: string[]): StoreReads | undefined {
    const reads: StoreReads = { totals: false, reference: false, records: false, fieldless: false };
    let reached = false;
    for (const node of this.reachable(file, className, callee, true)) {
      reached = true;
      if (node === CUT_SHORT || node.fn.readsRecords) return { ...reads, records: true };
      if (node.fn.readsTotals) reads.totals = true;
      if (node.fn.readsReference) reads.reference = true;
      if (node.fn.readsFieldless) reads.fieldless = true;
      // Calls the resolution left without a target, and nested functions' calls (never resolved ahead).
      const unresolved = [...node.fn.calls.filter((_, k) => !node.targets[k]).map((site) => site.callee), ...(node.fn.nestedCalls ?? []).filter((path) => !this.targetOf(node.file, node.fn.className, path))];
      if (unresolved.some((path) => !callsDataStore(path) && path.some(namesResource))) return { ...reads, records: true };
    }
    return reached ? reads : undefined;
  }

  /** Whether a call made in `file` runs a workspace handler that answers with totals only. */
  resolvesToTotalsResponse(file: FileSummary, className: string | undefined, callee: string[]): boolean {
    return !!this.targetOf(file, className, callee)?.fn.respondsTotals;
  }

  /**
   * Whether a call made in `file` runs a workspace function that refuses the request as forbidden
   * (`abort(403)`), itself or through the functions it calls: an access check.
   */
  reachesAccessRefusal(file: FileSummary, className: string | undefined, callee: string[]): boolean {
    for (const node of this.reachable(file, className, callee, false)) {
      if (node === CUT_SHORT) return false;
      if (node.fn.refusesForbidden) return true;
    }
    return false;
  }

  /** Whether a call made in `file` runs a workspace function that only answers "not implemented". */
  resolvesToStub(file: FileSummary, className: string | undefined, callee: string[]): boolean {
    return !!this.targetOf(file, className, callee)?.fn.notImplemented;
  }

  /** A resolved summary by file and name (`trace`, `Class.method`), for tests and tools. */
  summaryOf(filePath: string, name: string): ResolvedSummary | undefined {
    this.ensureResolved();
    return this.nodes.get(keyOf(filePath, name))?.state;
  }

  /**
   * What the findings of `filePath` depend on: its summary, the resolved summaries of the files it
   * imports, directly or not, and how its imports resolve (a file that appears can make one
   * resolve). Calls are resolved through imports only, so a file whose key is unchanged gets the
   * same findings (the CLI's cache keys results by it; the editor re-checks open files whose key
   * changed). Keys are hashed over the import graph's strongly connected components: linear in
   * the project's size, not quadratic.
   */
  dependencyKey(filePath: string): string {
    this.ensureResolved();
    this.keys ??= new Map();
    if (!this.keys.has(filePath) && this.files.has(filePath)) this.computeKeys(filePath);
    return this.keys.get(filePath) ?? '';
  }

  /**
   * The keys of `start` and of the files it imports, directly or not, that have none yet: only
   * those. The editor asks for its open files' keys each time a summary changes (a pause in
   * typing), and keying the whole project there cost time in proportion to its size; the CLI asks
   * for every file's, which keys each file once as before. A file keyed earlier is a whole
   * component already (no file without a key can share a cycle with it), so the walk stops there.
   */
  private computeKeys(start: string): void {
    const keys = this.keys!;
    const imported = new Map<string, string[]>();
    const edges = new Map<string, string[]>();
    const next = (node: string): string[] => {
      let found = edges.get(node);
      if (!found) {
        const all = this.importedFiles(this.files.get(node)!);
        imported.set(node, all);
        edges.set(node, (found = all.filter((target) => this.files.has(target) && !keys.has(target))));
      }
      return found;
    };
    for (const component of stronglyConnected([start], next)) {
      // Components come out after every component they reach: their keys are known.
      const members = new Set(component);
      const parts = component.map((node) => this.fileDigest(node, imported.get(node)!)).sort();
      const below = new Set<string>();
      for (const node of component) {
        for (const target of imported.get(node)!) if (this.files.has(target) && !members.has(target)) below.add(keys.get(target)!);
      }
      const key = digest(JSON.stringify([parts, [...below].sort()]));
      for (const node of component) keys.set(node, key);
    }
  }

  /** A file's own part of its key: its summary, the files its imports name, its functions' resolved summaries. */
  private fileDigest(filePath: string, imported: string[]): string {
    const file = this.files.get(filePath)!;
    const states = file.functions.map((fn) => this.nodes.get(keyOf(file.path, fn.name))?.state);
    return digest(JSON.stringify([summaryDigest(file), imported, states]));
  }

  /** The workspace files a file's imports and re-exports name. */
  private importedFiles(file: FileSummary): string[] {
    const found: string[] = [];
    for (const imp of [...file.imports, ...file.reexports]) {
      if (file.language === 'python') {
        const modulePath = this.pythonModule(file, imp.module);
        if (modulePath) found.push(modulePath);
        for (const [, name] of imp.names) {
          const submodule = name !== '*module*' && this.pythonModule(file, imp.module.endsWith('.') ? `${imp.module}${name}` : `${imp.module}.${name}`);
          if (submodule) found.push(submodule);
        }
      } else {
        const target = this.tsModule(file.path, imp.module);
        if (target) found.push(target);
      }
    }
    return found;
  }

  /** Resolves every call and follows the calls to a fixpoint (again only after a change). */
  private ensureResolved(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.keys = undefined;
    const nodes = new Map<string, Node>();
    for (const file of this.files.values()) {
      for (const fn of file.functions) {
        const state: ResolvedSummary = {
          name: fn.name,
          path: file.path,
          params: fn.params,
          implicitFirst: file.language === 'python' && !!fn.className && ['self', 'cls'].includes(fn.params[0] ?? ''),
          sinks: fn.sinks.map((sink) => ({ ...sink })),
          returnsParams: [...fn.returnsParams],
          returnsParamFields: [...(fn.returnsParamFields ?? [])],
          ...(fn.returnsOwn ? { returnsOwn: { elements: [...fn.returnsOwn.elements], record: fn.returnsOwn.record } } : {}),
          ...(fn.returnsOwnByKey ? { returnsOwnByKey: fn.returnsOwnByKey } : {}),
        };
        nodes.set(keyOf(file.path, fn.name), { key: keyOf(file.path, fn.name), file, fn, targets: [], state });
      }
    }
    this.nodes = nodes;
    for (const node of nodes.values()) {
      node.targets = node.fn.calls.map((site) => {
        const found = this.targetOf(node.file, node.fn.className, site.callee);
        const target = found && nodes.get(keyOf(found.file.path, found.fn.name));
        return target ? { summary: target.state, offset: found.offset } : undefined;
      });
    }
    for (let round = 0; round < MAX_ROUNDS; round++) {
      let changed = false;
      for (const node of nodes.values()) changed = propagate(node) || changed;
      if (!changed) break;
    }
  }

  private targetOf(file: FileSummary, className: string | undefined, callee: string[]): { file: FileSummary; fn: FunctionSummary; offset: number } | undefined {
    const [head, ...rest] = callee;
    if (rest.length === 0) {
      const symbol = this.localSymbol(file, head, new Set());
      return symbol?.kind === 'function' && !symbol.fn.className ? { file: symbol.file, fn: symbol.fn, offset: 0 } : undefined;
    }
    if (rest.length === 1 && ['self', 'cls', 'this'].includes(head) && className) {
      const method = this.findMethod(file, className, rest[0], 0);
      // A static method takes no `self` / `cls`.
      return method && { ...method, offset: file.language === 'python' && ['self', 'cls'].includes(method.fn.params[0] ?? '') ? 1 : 0 };
    }
    // `util.trace`, `Helper.run`, `app.util.trace` (Python `import app.util` binds `app`).
    let symbol: Symbol | undefined;
    const dotted = file.language === 'python' && rest.length > 1 ? callee.slice(0, -1).join('.') : undefined;
    const packageImport = dotted && file.imports.find((imp) => imp.module === dotted && imp.names.some(([local, name]) => local === head && name === '*module*'));
    if (packageImport) {
      const modulePath = this.pythonModule(file, packageImport.module);
      const moduleFile = modulePath && this.files.get(modulePath);
      if (!moduleFile) return undefined;
      symbol = { kind: 'module', file: moduleFile };
      rest.splice(0, rest.length - 1);
    } else {
      symbol = this.localSymbol(file, head, new Set());
    }
    for (let i = 0; symbol && i < rest.length - 1; i++) {
      symbol = symbol.kind === 'module' ? this.exportedSymbol(symbol.file, rest[i], new Set()) : undefined;
    }
    const last = rest[rest.length - 1];
    if (symbol?.kind === 'module') {
      const exported = this.exportedSymbol(symbol.file, last, new Set());
      return exported?.kind === 'function' && !exported.fn.className ? { file: exported.file, fn: exported.fn, offset: 0 } : undefined;
    }
    if (symbol?.kind === 'class') {
      const method = this.findMethod(symbol.file, symbol.cls.name, last, 0);
      return method && { ...method, offset: method.fn.params[0] === 'cls' && file.language === 'python' ? 1 : 0 };
    }
    if (symbol?.kind === 'namespace') {
      const local = symbol.members.find(([member]) => member === last)?.[1];
      const named = local === undefined ? undefined : this.localSymbol(symbol.file, local, new Set());
      return named?.kind === 'function' && !named.fn.className ? { file: named.file, fn: named.fn, offset: 0 } : undefined;
    }
    if (symbol?.kind === 'instance') {
      const method = this.findMethod(symbol.file, symbol.cls.name, last, 0);
      return method && { ...method, offset: symbol.file.language === 'python' && ['self', 'cls'].includes(method.fn.params[0] ?? '') ? 1 : 0 };
    }
    return undefined;
  }

  /**
   * `this.visitService.endVisit(...)` in a method of a class injected with `visitService:
   * VideoVisitService` (ClassSummary.injected): that service's method. Only where a handler's call
   * is followed to what it does behind (its audit call, its reads), not for the flows of every
   * call: the first step of `reachable`.
   */
  private injectedTarget(file: FileSummary, className: string | undefined, callee: string[]): { file: FileSummary; fn: FunctionSummary; offset: number } | undefined {
    if (!className || callee.length !== 3 || callee[0] !== 'this') return undefined;
    const typeName = file.classes.find((cls) => cls.name === className)?.injected?.find(([field]) => field === callee[1])?.[1];
    const symbol = typeName ? this.localSymbol(file, typeName, new Set()) : undefined;
    const method = symbol?.kind === 'class' ? this.findMethod(symbol.file, symbol.cls.name, callee[2], 0) : undefined;
    return method && { ...method, offset: 0 };
  }

  /** What a name means in a file: an import, else its own top-level function or class. */
  private localSymbol(file: FileSummary, name: string, seen: Set<string>): Symbol | undefined {
    for (const imp of file.imports) {
      const entry = imp.names.find(([local]) => local === name);
      if (entry) return this.importedSymbol(file, imp.module, entry[1], seen);
    }
    return this.ownSymbol(file, name, seen) ?? this.wildcardSymbol(file, name, seen);
  }

  /** Python `from m import *` (recorded without names): what `m` exports under that name. */
  private wildcardSymbol(file: FileSummary, name: string, seen: Set<string>): Symbol | undefined {
    if (file.language !== 'python') return undefined;
    for (const imp of file.imports) {
      if (imp.names.length) continue;
      const moduleFile = this.summaryAt(this.pythonModule(file, imp.module));
      const found = moduleFile && this.exportedSymbol(moduleFile, name, seen);
      if (found) return found;
    }
    return undefined;
  }

  private ownSymbol(file: FileSummary, name: string, seen: Set<string> = new Set()): Symbol | undefined {
    const fn = this.functionNamed(file, name);
    if (fn) return { kind: 'function', file, fn };
    const cls = file.classes.find((candidate) => candidate.name === name);
    if (cls) return { kind: 'class', file, cls };
    const members = file.namespaces?.find(([object]) => object === name)?.[1];
    if (members) return { kind: 'namespace', file, members };
    const className = file.instances?.find(([instance]) => instance === name)?.[1];
    const visit = `${file.path}#new ${name}`;
    if (className === undefined || seen.has(visit) || seen.size > 32) return undefined;
    seen.add(visit);
    const made = this.localSymbol(file, className, seen);
    return made?.kind === 'class' ? { kind: 'instance', file: made.file, cls: made.cls } : undefined;
  }

  private importedSymbol(file: FileSummary, module: string, imported: string, seen: Set<string>): Symbol | undefined {
    if (file.language === 'python') {
      if (imported === '*module*') {
        return this.moduleSymbol(this.pythonModule(file, module));
      }
      // `from . import audit_util`: a submodule first, else a name the package defines.
      const submodule = this.pythonModule(file, module.endsWith('.') ? `${module}${imported}` : `${module}.${imported}`);
      if (submodule) return this.moduleSymbol(submodule);
      const moduleFile = this.summaryAt(this.pythonModule(file, module));
      return moduleFile ? this.exportedSymbol(moduleFile, imported, seen) : undefined;
    }
    const targetFile = this.summaryAt(this.tsModule(file.path, module));
    if (!targetFile) return undefined;
    if (imported === '*module*') return { kind: 'module', file: targetFile };
    if (imported === '*default*') return targetFile.defaultExport ? this.ownSymbol(targetFile, targetFile.defaultExport, seen) : undefined;
    if (imported === '*call*') return undefined;
    return this.exportedSymbol(targetFile, imported, seen);
  }

  /** A name another module can import from `file`: its own, one it imports (Python, TS), or a barrel's re-export. */
  private exportedSymbol(file: FileSummary, name: string, seen: Set<string>): Symbol | undefined {
    const visit = `${file.path}#${name}`;
    if (seen.has(visit) || seen.size > 32) return undefined;
    seen.add(visit);
    const own = this.ownSymbol(file, name, seen);
    if (own) return own;
    for (const reexport of file.reexports) {
      const target = this.summaryAt(this.tsModule(file.path, reexport.module));
      if (!target) continue;
      const named = reexport.names.find(([local]) => local === name);
      if (named) return named[1] === '*module*' ? { kind: 'module', file: target } : this.exportedSymbol(target, named[1], seen);
      if (reexport.names.some(([local]) => local === '*')) {
        const found = this.exportedSymbol(target, name, seen);
        if (found) return found;
      }
    }
    for (const imp of file.imports) {
      const entry = imp.names.find(([local]) => local === name);
      if (entry) return this.importedSymbol(file, imp.module, entry[1], seen);
    }
    return this.wildcardSymbol(file, name, seen);
  }

  /**
   * For a type name used in `file`: the field holding a record when it names, through an import
   * (a barrel's re-export included), a workspace type that holds one (analysis/flow/record-types.ts).
   */
  typeHoldsRecord(file: FileSummary, name: string): string | undefined {
    return this.importedType(file, name, (target, type) => target.recordTypes?.find(([own]) => own === type)?.[1]);
  }

  /** For a type name used in `file`: the PHI fields of the workspace type it imports, when that type's own fields are PHI (record-types.ts). */
  typePhiFields(file: FileSummary, name: string): PhiField[] | undefined {
    return this.importedType(file, name, (target, type) => target.phiFieldTypes?.find(([own]) => own === type)?.[1]);
  }

  /**
   * The Mongoose reference fields of the model a TS/JS file imports under `name`
   * (`const Appointment = require('../models/Appointment')`): the imported module's schema of that
   * name, or its only schema with references.
   */
  referenceFieldsOf(file: FileSummary, name: string): string[] | undefined {
    if (file.language === 'python') return undefined;
    for (const imp of file.imports) {
      const entry = imp.names.find(([local]) => local === name);
      if (!entry) continue;
      const schemas = this.summaryAt(this.tsModule(file.path, imp.module))?.referenceFields;
      if (!schemas?.length) return undefined;
      const key = modelKey(entry[1] === '*default*' || entry[1] === '*module*' ? name : entry[1]);
      return (schemas.find(([model]) => model === key) ?? (schemas.length === 1 ? schemas[0] : undefined))?.[1];
    }
    return undefined;
  }

  /** Whether the workspace module a file imports under `name` (`const InsuranceClaim = require('../models/InsuranceClaim')`) mints claim numbers. */
  importedModuleMintsClaimNumbers(file: FileSummary, name: string): boolean {
    for (const imp of file.imports) {
      if (!imp.names.some(([local]) => local === name)) continue;
      const target = file.language === 'python' ? this.summaryAt(this.pythonModule(file, imp.module)) : this.summaryAt(this.tsModule(file.path, imp.module));
      return !!target?.mintsClaimNumbers;
    }
    return false;
  }

  /** What `own` says of the workspace type a TS/JS file imports under `name` (a barrel's re-export included). */
  private importedType<T>(file: FileSummary, name: string, own: (file: FileSummary, type: string) => T | undefined): T | undefined {
    for (const imp of file.imports) {
      const entry = imp.names.find(([local]) => local === name);
      if (!entry) continue;
      const target = file.language === 'python' ? undefined : this.summaryAt(this.tsModule(file.path, imp.module));
      return target && entry[1] !== '*module*' && entry[1] !== '*default*' ? this.exportedType(target, entry[1], own, new Set()) : undefined;
    }
    return undefined;
  }

  private exportedType<T>(file: FileSummary, name: string, own: (file: FileSummary, type: string) => T | undefined, seen: Set<string>): T | undefined {
    const visit = `${file.path}#${name}`;
    if (seen.has(visit) || seen.size > 32) return undefined;
    seen.add(visit);
    const found = own(file, name);
    if (found !== undefined) return found;
    for (const reexport of file.reexports) {
      const target = this.summaryAt(this.tsModule(file.path, reexport.module));
      const named = reexport.names.find(([local]) => local === name);
      const through = target && (named ? this.exportedType(target, named[1], own, seen) : reexport.names.some(([local]) => local === '*') ? this.exportedType(target, name, own, seen) : undefined);
      if (through !== undefined) return through;
    }
    for (const imp of file.imports) {
      const entry = imp.names.find(([local]) => local === name);
      const target = entry && this.summaryAt(this.tsModule(file.path, imp.module));
      if (target) return this.exportedType(target, entry![1], own, seen);
    }
    return undefined;
  }

  private summaryAt(filePath: string | undefined): FileSummary | undefined {
    return filePath === undefined ? undefined : this.files.get(filePath);
  }

  private moduleSymbol(filePath: string | undefined): Symbol | undefined {
    const file = this.summaryAt(filePath);
    return file && { kind: 'module', file };
  }

  /** A method of a class of `file`, or of its workspace base classes. */
  private findMethod(file: FileSummary, className: string, method: string, depth: number): { file: FileSummary; fn: FunctionSummary } | undefined {
    if (depth > 8) return undefined;
    const fn = this.functionNamed(file, `${className}.${method}`);
    if (fn) return { file, fn };
    const cls = file.classes.find((candidate) => candidate.name === className);
    for (const base of cls?.bases ?? []) {
      const parts = base.split('.');
      let symbol = this.localSymbol(file, parts[0], new Set());
      for (let i = 1; symbol && i < parts.length; i++) symbol = symbol.kind === 'module' ? this.exportedSymbol(symbol.file, parts[i], new Set()) : undefined;
      if (symbol?.kind !== 'class') continue;
      const found = this.findMethod(symbol.file, symbol.cls.name, method, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  private dottedName(filePath: string): string {
    const relative = path.relative(this.root, filePath).replace(/\.pyi?$/, '');
    const parts = relative.split(path.sep).filter((part) => part && part !== '.');
    if (parts[parts.length - 1] === '__init__') parts.pop();
    return parts.join('.');
  }

  /** A top-level function (`name`) or a method (`Class.name`) of the file. */
  private functionNamed(file: FileSummary, name: string): FunctionSummary | undefined {
    let byName = this.functionsByName.get(file);
    if (!byName) {
      byName = new Map();
      for (const fn of file.functions) if (!byName.has(fn.name)) byName.set(fn.name, fn);
      this.functionsByName.set(file, byName);
    }
    return byName.get(name);
  }

  /** The file of a Python module named in `file` (absolute, or relative with leading dots). */
  private pythonModule(file: FileSummary, module: string): string | undefined {
    const key = module.startsWith('.') ? `${path.dirname(file.path)}\0${module}` : module;
    if (this.moduleMemo.has(key)) return this.moduleMemo.get(key);
    const found = this.findPythonModule(file, module);
    this.moduleMemo.set(key, found);
    return found;
  }

  private findPythonModule(file: FileSummary, module: string): string | undefined {
    const dots = /^\.*/.exec(module)![0].length;
    if (dots > 0) {
      let dir = path.dirname(file.path);
      for (let i = 1; i < dots; i++) dir = path.dirname(dir);
      const rest = module.slice(dots).split('.').filter(Boolean);
      const base = path.join(dir, ...rest);
      for (const candidate of rest.length ? [`${base}.py`, path.join(base, '__init__.py')] : [path.join(base, '__init__.py')]) {
        if (this.known.has(candidate)) return candidate;
      }
      return undefined;
    }
    const exact = this.pythonModules.get(module);
    if (exact) return exact;
    // `src/` layouts and projects scanned from above their package root.
    // The suffix is built once: this loop runs over every module of the project for each name a
    // file imports that is not one (`from app.models import Patient` tries `app.models.Patient`).
    const suffix = `.${module}`;
    let best: string | undefined;
    for (const [dotted, filePath] of this.pythonModules) {
      if (dotted.endsWith(suffix) && (!best || filePath.length < best.length)) best = filePath;
    }
    return best;
  }

  /** The file of a TS/JS module specifier: relative, or through the tsconfig `paths` aliases. */
  private tsModule(fromFile: string, specifier: string): string | undefined {
    const key = `ts\0${specifier.startsWith('.') ? path.dirname(fromFile) : ''}\0${specifier}`;
    if (this.moduleMemo.has(key)) return this.moduleMemo.get(key);
    const found = this.findTsModule(fromFile, specifier);
    this.moduleMemo.set(key, found);
    return found;
  }

  private findTsModule(fromFile: string, specifier: string): string | undefined {
    const bases: string[] = [];
    if (specifier.startsWith('.')) bases.push(path.resolve(path.dirname(fromFile), specifier));
    else if (this.aliases) {
      for (const [pattern, targets] of Object.entries(this.aliases.paths)) {
        const star = pattern.indexOf('*');
        const matched = star < 0 ? (specifier === pattern ? '' : undefined) : specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1)) ? specifier.slice(star, specifier.length - (pattern.length - star - 1)) : undefined;
        if (matched === undefined) continue;
        for (const target of targets) bases.push(path.resolve(this.aliases.baseUrl, target.replace('*', matched)));
      }
    }
    for (const base of bases) {
      const stem = base.replace(/\.(js|jsx|mjs|cjs)$/, '');
      const candidates = [base, ...TS_EXTENSIONS.map((ext) => stem + ext), ...TS_EXTENSIONS.map((ext) => path.join(base, `index${ext}`))];
      for (const candidate of candidates) if (this.known.has(candidate)) return candidate;
    }
    return undefined;
  }
}

/** `self.audit_log.record` ends with `audit_log.record`; a bare `record` never matches `audit_log.record`. */
function endsWithSegments(path: readonly string[], segments: readonly string[]): boolean {
  if (segments.length > path.length) return false;
  const offset = path.length - segments.length;
  return segments.every((segment, index) => path[offset + index] === segment);
}

/** The callees of a function's calls, those of its nested functions included. */
function calleesOf(fn: FunctionSummary): string[][] {
  return fn.nestedCalls?.length ? [...fn.calls.map((site) => site.callee), ...fn.nestedCalls] : fn.calls.map((site) => site.callee);
}

function keyOf(filePath: string, name: string): string {
  return `${filePath}#${name}`;
}

/**
 * A caller's parameter flowing somewhere: whole, or only through a field read of it on the way
 * (ParamSink.viaField). Along a chain of calls a field read anywhere makes the flow a field's.
 */
interface ParamFlow {
  param: number;
  viaField: boolean;
  /** With viaField: the fields of the parameter read (ParamSink.fields); undefined: unknown which. */
  fields?: string[];
  /** Whole, but only through the result of a call made with it (`buildConfig(param)`), never as itself. */
  throughCall?: true;
  /** Only inside a container, under these keys (CallArgument.storedKeys). */
  storedKeys?: string[];
}

/** One round for one function: what its resolved calls add to its summary. Returns whether it grew. */
function propagate(node: Node): boolean {
  const { fn, state } = node;
  let changed = false;
  const addSink = (param: number, effect: SinkEffect, viaField: boolean, fields: string[] | undefined, stringForm = false, builtFields = false) => {
    const known = state.sinks.find((s) => s.param === param && sameEffect(s.effect, effect));
    // Printed by its string form only while every way there prints it so.
    if (known?.stringForm && !stringForm) {
      delete known.stringForm;
      changed = true;
    }
    // Fields of a value built from the parameter only while every way there reads them so.
    if (known?.builtFields && !builtFields) {
      delete known.builtFields;
      changed = true;
    }
    if (!known) state.sinks.push({ param, effect, ...(viaField ? { viaField: true as const, ...(fields ? { fields } : {}), ...(fields && builtFields ? { builtFields: true as const } : {}) } : {}), ...(stringForm ? { stringForm: true as const } : {}) });
    else if (!known.viaField) return;
    else if (!viaField) {
      delete known.viaField;
      delete known.fields;
    } else if (!known.fields) return;
    else if (!fields) delete known.fields;
    else if (fields.every((field) => known.fields!.includes(field))) return;
    else known.fields = [...new Set([...known.fields, ...fields])];
    changed = true;
  };
  fn.calls.forEach((site, k) => {
    const target = node.targets[k];
    if (!target) return;
    for (const sink of target.summary.sinks) {
      const arg = argumentFor(site.args, target, sink.param);
      if (!arg) continue;
      for (const flow of sinkArgumentFlows(node, arg, sink)) addSink(flow.param, sink.effect, flow.viaField, flow.fields, !!sink.stringForm, !!flow.builtFields);
    }
  });
  for (const { call, effect } of fn.sinksViaCalls) for (const flow of resultParams(node, call, 0)) addSink(flow.param, effect, flow.viaField, flow.fields);
  for (const call of fn.returnsCalls) {
    for (const { param, viaField } of resultParams(node, call, 0)) {
      if (state.returnsParams.includes(param) || (viaField && state.returnsParamFields.includes(param))) continue;
      if (viaField) state.returnsParamFields.push(param);
      else {
        state.returnsParams.push(param);
        state.returnsParamFields = state.returnsParamFields.filter((p) => p !== param);
      }
      changed = true;
    }
    const own = resultOwn(node, call, 0);
    if (own && mergeOwn(state, own)) changed = true;
  }
  return changed;
}

/** The argument a call passes for the callee's parameter `param`. */
export function argumentFor<A extends { position?: number; name?: string }>(args: A[], target: CallTarget, param: number): A | undefined {
  const name = target.summary.params[param];
  return args.find((arg) => arg.name !== undefined && arg.name === name) ?? args.find((arg) => arg.position !== undefined && arg.position === param - target.offset);
}

function argumentParams(node: Node, arg: CallArgument, depth: number): ParamFlow[] {
  const found: ParamFlow[] = [];
  const stored = (param: number) => {
    const keys = arg.storedKeys?.find(([p]) => p === param)?.[1];
    return keys ? { storedKeys: keys } : {};
  };
  for (const param of arg.params) addFlow(found, { param, viaField: false, ...stored(param) });
  (arg.paramFields ?? []).forEach((param, i) => addFlow(found, { param, viaField: true, ...(arg.fieldNames?.[i] ? { fields: arg.fieldNames[i] } : {}), ...stored(param) }));
  if (depth < MAX_NESTING) for (const call of arg.calls) for (const flow of resultParams(node, call, depth + 1)) addFlow(found, { ...flow, throughCall: true });
  return found;
}

/**
 * The caller's parameters an argument gives a callee's sink. The fields read: those of the caller's
 * parameter when the argument is a field of it, else those the callee reads. When the callee reads
 * only some fields and the argument is an object literal, only what those keys hold counts
 * (`recordAlert({ headline: kind, message: note })` with only `alert.headline` logged gives `kind`).
 */
function sinkArgumentFlows(node: Node, arg: CallArgument, sink: ParamSink): (ParamFlow & { builtFields?: true })[] {
  if (sink.viaField && sink.fields && arg.keys) {
    const found: ParamFlow[] = [];
    for (const field of sink.fields) keyedFlows(node, arg, field.split(FIELD_PATH_SEPARATOR), found);
    return found;
  }
  return argumentParams(node, arg, 0).filter((flow) => !readsOnlyOtherKeys(flow, sink)).map(({ storedKeys: _keys, ...flow }) => {
    // The callee reads fields of what a call here built from the parameter: those fields, of the built value.
    if (sink.fields && (flow.throughCall || (sink.builtFields && !flow.viaField))) return { param: flow.param, viaField: true, fields: sink.fields, builtFields: true as const };
    const fields = flow.viaField ? nestedFields(flow.fields, sink) : sink.fields;
    return { param: flow.param, viaField: flow.viaField || !!sink.viaField, ...(fields ? { fields } : {}) };
  });
}

/**
 * The argument holds the parameter only in a container, under some keys, and the callee reads only
 * other fields of it (`variant_obj.get("category")` of a `var_obj` holding the caller's value under
 * `phenotypes`): nothing of the parameter reaches the sink.
 */
function readsOnlyOtherKeys(flow: ParamFlow, sink: ParamSink): boolean {
  if (!flow.storedKeys || !sink.viaField || !sink.fields?.length) return false;
  return sink.fields.every((field) => !flow.storedKeys!.includes(field.split(FIELD_PATH_SEPARATOR)[0]));
}

/** The fields of the caller's parameter read when the argument is its `outer` fields and the callee reads `sink.fields` of those. */
function nestedFields(outer: string[] | undefined, sink: ParamSink): string[] | undefined {
  if (!outer || !sink.viaField) return outer;
  if (!sink.fields) return undefined;
  return outer.flatMap((field) => sink.fields!.map((inner) => `${field}${FIELD_PATH_SEPARATOR}${inner}`));
}

/** The flows of what lies at `path` in an argument, following its literal's keys as far as they go. */
function keyedFlows(node: Node, arg: CallArgument, path: string[], found: ParamFlow[]): void {
  if (path.length > 0 && arg.keys) {
    for (const entry of arg.keys) if (entry.key === path[0]) keyedFlows(node, entry, path.slice(1), found);
    return;
  }
  for (const flow of argumentParams(node, arg, 0)) {
    // A value whose keys are not known here: the callee reads the rest of the path of it.
    if (flow.viaField) addFlow(found, flow);
    else addFlow(found, path.length ? { param: flow.param, viaField: true, fields: [path.join(FIELD_PATH_SEPARATOR)] } : flow);
  }
}

/** The caller's parameters that flow into the result of its call `call`. */
function resultParams(node: Node, call: number, depth: number): ParamFlow[] {
  const target = node.targets[call];
  const site = node.fn.calls[call];
  if (!target || !site || depth > MAX_NESTING) return [];
  const found: ParamFlow[] = [];
  const returned = [
    ...target.summary.returnsParams.map((param) => ({ param, viaField: false })),
    ...target.summary.returnsParamFields.map((param) => ({ param, viaField: true })),
  ];
  for (const { param, viaField } of returned) {
    const arg = argumentFor(site.args, target, param);
    // A field of what the callee returns: which field of the caller's parameter that is, is not known.
    if (arg) for (const flow of argumentParams(node, arg, depth + 1)) addFlow(found, { param: flow.param, viaField: flow.viaField || viaField });
  }
  return found;
}

/** Adds a flow; a whole parameter replaces the same parameter through a field. */
function addFlow(flows: ParamFlow[], flow: ParamFlow): void {
  const known = flows.find((f) => f.param === flow.param);
  if (known && !flow.throughCall) delete known.throughCall;
  // Under known keys only while every way there is so.
  if (known?.storedKeys) {
    if (flow.storedKeys) known.storedKeys = [...new Set([...known.storedKeys, ...flow.storedKeys])];
    else delete known.storedKeys;
  }
  if (!known) flows.push(flow);
  else if (!flow.viaField) {
    known.viaField = false;
    delete known.fields;
  } else if (known.viaField && known.fields) {
    if (flow.fields) known.fields = [...new Set([...known.fields, ...flow.fields])];
    else delete known.fields;
  }
}

/** PHI the result of call `call` carries whatever the caller's parameters are. */
function resultOwn(node: Node, call: number, depth: number): OwnReturn | undefined {
  const target = node.targets[call];
  const site = node.fn.calls[call];
  if (!target || !site || depth > MAX_NESTING) return undefined;
  let own: OwnReturn | undefined = target.summary.returnsOwn && { elements: [...target.summary.returnsOwn.elements], record: target.summary.returnsOwn.record };
  for (const param of target.summary.returnsParams) {
    const arg = argumentFor(site.args, target, param);
    for (const inner of arg?.calls ?? []) {
      const nested = resultOwn(node, inner, depth + 1);
      if (nested) own = own ? { elements: mergeElements(own.elements, nested.elements), record: own.record || nested.record } : nested;
    }
  }
  return own;
}

function mergeOwn(state: ResolvedSummary, own: OwnReturn): boolean {
  if (!state.returnsOwn) {
    state.returnsOwn = { elements: [...own.elements], record: own.record };
    return true;
  }
  const before = state.returnsOwn.elements.length;
  const record = state.returnsOwn.record;
  state.returnsOwn.elements = mergeElements(state.returnsOwn.elements, own.elements);
  state.returnsOwn.record ||= own.record;
  return state.returnsOwn.elements.length !== before || state.returnsOwn.record !== record;
}

function mergeElements(a: PhiElementRef[], b: PhiElementRef[]): PhiElementRef[] {
  const merged = [...a];
  for (const element of b) if (!merged.some((e) => e.element === element.element && e.category === element.category)) merged.push(element);
  return merged;
}

function sameEffect(a: SinkEffect, b: SinkEffect): boolean {
  return a.path === b.path && a.ruleId === b.ruleId && a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/**
 * A summary's digest, kept while the summary object lives: summaries are never modified, and files
 * are keyed again after every change of the index (in the editor, each pause in typing that
 * changes a summary), which serialised every unchanged summary again.
 */
const summaryDigests = new WeakMap<FileSummary, string>();

function summaryDigest(file: FileSummary): string {
  let known = summaryDigests.get(file);
  if (known === undefined) summaryDigests.set(file, (known = digest(JSON.stringify(file))));
  return known;
}

/** Tarjan's strongly connected components, iteratively; each component after those it reaches. */
function stronglyConnected(nodes: readonly string[], next: (node: string) => readonly string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; edge: number }[] = [{ node: root, edge: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work[work.length - 1];
      const targets = next(frame.node);
      if (frame.edge < targets.length) {
        const target = targets[frame.edge++];
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, edge: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}

// Log sinks (docs/rules/phi-in-log.md): which calls write to a log, and which library's logger
// makes each one, so the fix can speak that library's idiom. The libraries are data
// (catalogues/log-libraries.ts); this module only follows a receiver to where it was made.

import {
  DERIVED_LOGGER_METHODS,
  GENERIC_LOGGER_FACTORIES,
  LOG_LIBRARIES,
  LOG_METHODS,
  LOGGER_WORDS,
  type LogLibrary,
} from '../../catalogues/log-libraries';
import { calleePath, labelOf } from '../../model/expressions';
import type { CallFact, Expr, FileFacts, ScopeFact } from '../../model/facts';
import { importOf } from '../../model/facts-index';
import type { FlowAnalyzer } from '../flow/flow';
import { tokenize } from '../phi/identifiers';
import { moduleBindingsNumber, reachedFromScope, topLevelScope } from '../endpoints/reached-module-bindings';
import { internKey } from '../interned-keys';

export interface LogSink {
  library: LogLibrary;
  /** How the sink is named in messages: `logger.info`, `console.log`, `print`. */
  label: string;
}

type Language = LogLibrary['language'];

/** The catalogue indexed once: by sink call, function, global object and module, per language. */
const byLanguage = (language: Language) => LOG_LIBRARIES.filter((library) => library.language === language);
const index = <K extends keyof LogLibrary>(language: Language, key: K) =>
  new Map(byLanguage(language).flatMap((library) => ((library[key] as string[] | undefined) ?? []).map((name) => [name, library] as const)));
const SINK_CALLS = index('python', 'sinkCalls');
const FUNCTIONS = index('python', 'functions');
const GLOBALS = index('ts', 'globals');
const CONSTRUCTORS = index('ts', 'constructors');
const LOG_FUNCTION_MODULES = index('ts', 'logFunctionModules');
const PYTHON_LOGGER_LIBRARIES = byLanguage('python').filter((library) => library.modules);
const FALLBACK = { python: byLanguage('python').find((library) => library.fallback)!, ts: byLanguage('ts').find((library) => library.fallback)! };

/**
 * Is the call a log sink, and whose logger: answered from the last analysis when the call is the
 * same fact. Every call of the file is asked at every keystroke, and the answer depends on the
 * call's own definition (its receiver's bindings and parameters in the scopes around it, the
 * `self.x` fields of its class), the module-level bindings its definition reaches, the imports, the excluded sinks and
 * the language, nothing else: a call fact is the same object at the next analysis only when the
 * top-level statement holding it is unchanged, numbered the same (adapters/chunks.ts); the rest
 * is the key.
 */
export function classifyLogSink(fact: CallFact, facts: FileFacts, flow: FlowAnalyzer, excluded: ReadonlySet<string>): LogSink | undefined {
  // Most calls are answered from their callee's name alone, for less than a lookup costs: only
  // those whose receiver (or, in TypeScript, whose function) is followed to where it was made are
  // remembered.
  const { callee } = fact.call;
  const followed = callee.kind === 'member' ? LOG_METHODS[facts.language].has(callee.property) : facts.language === 'ts' && callee.kind === 'name';
  if (!followed) return classifyUncached(fact, facts, flow, excluded);
  const known = lastSinks.get(fact);
  if (!known) {
    // A call first seen (every call of a CLI scan): its key is made only if it is seen again.
    const sink = classifyUncached(fact, facts, flow, excluded);
    lastSinks.set(fact, { from: { facts, excluded }, sink });
    return sink;
  }
  const key = contextKey(fact, facts, excluded);
  const knownKey = known.key ?? contextKey(fact, known.from!.facts, known.from!.excluded);
  const sink = knownKey === key ? known.sink : classifyUncached(fact, facts, flow, excluded);
  lastSinks.set(fact, { key, sink });
  return sink;
}

/** The answer at the last analysis, with its key, or what to make the key from (the analysis it was made in). */
const lastSinks = new WeakMap<CallFact, { key?: number; from?: { facts: FileFacts; excluded: ReadonlySet<string> }; sink: LogSink | undefined }>();
const contextKeys = new WeakMap<FileFacts, { excluded: ReadonlySet<string>; imports: string; importsNumber: number; byDefinition: Map<number, number> }>();
/**
 * A definition's key at the last analysis, with the imports and module-level bindings it was made
 * from: an untouched definition is the same scope fact (the same text), and while those two stand
 * its key does, without its text sliced and searched again.
 */
const definitionKeys = new WeakMap<ScopeFact, { importsNumber: number; module: number; key: number }>();

/**
 * What a call's answer depends on outside its definition, as one number per definition and
 * analysis: the language, the excluded sinks, the imports (without positions) and the
 * module-level bindings the definition's names reach (reached-module-bindings.ts: a receiver
 * resolves to a binding of its name, whose value names the factory), so that typing in an
 * unrelated module-level statement leaves the answers standing.
 */
function contextKey(fact: CallFact, facts: FileFacts, excluded: ReadonlySet<string>): number {
  let context = contextKeys.get(facts);
  if (context?.excluded !== excluded) {
    const imports = `${facts.language}\u0000${[...excluded].join('\u0001')}\u0000${JSON.stringify(facts.imports.map((imported) => [imported.module, [...imported.names]]))}`;
    context = { excluded, imports, importsNumber: internKey(imports), byDefinition: new Map() };
    contextKeys.set(facts, context);
  }
  const top = topLevelScope(facts, fact.scopeId);
  let key = context.byDefinition.get(top ?? 0);
  if (key !== undefined) return key;
  const module = moduleBindingsNumber(facts);
  const scope = top === undefined ? undefined : facts.scopes[top];
  const known = scope && definitionKeys.get(scope);
  if (known && known.importsNumber === context.importsNumber && known.module === module) key = known.key;
  else {
    key = internKey(`${context.imports}\u0000${reachedFromScope(facts, fact.scopeId)}`);
    if (scope) definitionKeys.set(scope, { importsNumber: context.importsNumber, module, key });
  }
  context.byDefinition.set(top ?? 0, key);
  return key;
}

function classifyUncached(fact: CallFact, facts: FileFacts, flow: FlowAnalyzer, excluded: ReadonlySet<string>): LogSink | undefined {
  const { callee } = fact.call;
  const path = calleePath(callee);
  const dotted = path?.join('.');
  if (dotted && excluded.has(dotted)) return undefined;
  if (facts.language === 'python') {
    const printer = callee.kind === 'name' ? FUNCTIONS.get(callee.name) : undefined;
    if (printer && callee.kind === 'name' && !flow.resolveBinding(callee.name, fact.scopeId, Number.MAX_SAFE_INTEGER)) {
      return { library: printer, label: callee.name };
    }
    const sinkCall = dotted ? SINK_CALLS.get(dotted) : undefined;
    if (sinkCall) return { library: sinkCall, label: dotted! };
    if (callee.kind !== 'member' || !LOG_METHODS.python.has(callee.property)) return undefined;
    const library = callee.object.kind === 'name' ? namedPythonLogger(callee.object, fact.scopeId, facts, flow) : pythonLoggerLibrary(callee.object, fact.scopeId, facts, flow, 0);
    return library ? { library, label: labelOf(callee) } : undefined;
  }
  if (callee.kind === 'name') {
    const library = logFunctionLibrary(callee.name, fact.scopeId, facts, flow);
    return library ? { library, label: callee.name } : undefined;
  }
  if (callee.kind !== 'member') return undefined;
  const global = callee.object.kind === 'name' ? GLOBALS.get(callee.object.name) : undefined;
  if (global && callee.object.kind === 'name') return { library: global, label: `${callee.object.name}.${callee.property}` };
  if (!LOG_METHODS.ts.has(callee.property)) return undefined;
  const library = tsLoggerLibrary(callee.object, fact.scopeId, facts, flow, 0);
  return library ? { library, label: labelOf(callee) } : undefined;
}

/**
 * The library of the logger a name holds, seen from `scopeId` (to the end of the scope): the same
 * for every `logger.info(...)` of a function, so found once per analysis (`flow`) and scope.
 */
function namedPythonLogger(receiver: Extract<Expr, { kind: 'name' }>, scopeId: number, facts: FileFacts, flow: FlowAnalyzer): LogLibrary | undefined {
  let byName = namedLoggers.get(flow);
  if (!byName) namedLoggers.set(flow, (byName = new Map()));
  const key = `${scopeId}:${receiver.name}`;
  let library = byName.get(key);
  if (library === undefined) byName.set(key, (library = pythonLoggerLibrary(receiver, scopeId, facts, flow, 0) ?? null));
  return library ?? undefined;
}

const namedLoggers = new WeakMap<FlowAnalyzer, Map<string, LogLibrary | null>>();

function pythonLoggerLibrary(receiver: Expr, scopeId: number, facts: FileFacts, flow: FlowAnalyzer, depth: number): LogLibrary | undefined {
  if (depth > 4) return undefined;
  if (receiver.kind === 'name') {
    // `logging.info(...)` with `import logging`, `logger` from `from loguru import logger`.
    const imported = importOf(facts, receiver.name);
    const fromImport = imported ? pythonLibraryOfModule(imported.module) : undefined;
    if (fromImport) return fromImport;
    if (receiver.name === 'logging' && importsModule(facts, 'logging')) return pythonLibraryOfModule('logging');
    const binding = flow.resolveBinding(receiver.name, scopeId, Number.MAX_SAFE_INTEGER);
    if (binding?.value.kind === 'call') {
      const fromFactory = pythonFactoryLibrary(binding.value.callee, binding.scopeId, facts, flow, depth + 1);
      if (fromFactory) return fromFactory;
    }
    return hasLoggerWords(receiver.name) ? defaultPythonLibrary(facts) : undefined;
  }
  if (receiver.kind === 'member') {
    const field = fieldBinding(receiver, scopeId, flow);
    const fromFactory = field?.value.kind === 'call' ? pythonFactoryLibrary(field.value.callee, field.scopeId, facts, flow, depth + 1) : undefined;
    return fromFactory ?? (hasLoggerWords(receiver.property) ? defaultPythonLibrary(facts) : undefined);
  }
  if (receiver.kind === 'call') return pythonFactoryLibrary(receiver.callee, scopeId, facts, flow, depth + 1);
  return undefined;
}

/** `logging.getLogger(...)`, `structlog.get_logger()`, `logger.bind(...)`: what logger a call returns. */
function pythonFactoryLibrary(callee: Expr, scopeId: number, facts: FileFacts, flow: FlowAnalyzer, depth: number): LogLibrary | undefined {
  const path = calleePath(callee);
  if (!path) return undefined;
  const dotted = path.join('.');
  const last = path[path.length - 1];
  const root = path[0];
  const byFactory = PYTHON_LOGGER_LIBRARIES.find((library) => library.factories?.includes(dotted));
  if (byFactory) return byFactory;
  const rootModule = importOf(facts, root)?.module ?? '';
  const byModule = PYTHON_LOGGER_LIBRARIES.find((library) => library.factoryModule && library.modules!.some((module) => root === module || rootModule.startsWith(module)));
  if (byModule) return byModule;
  const byName = PYTHON_LOGGER_LIBRARIES.find((library) => library.factoryNames?.includes(last));
  if (byName) return byName;
  if (GENERIC_LOGGER_FACTORIES.has(last)) return defaultPythonLibrary(facts);
  if (DERIVED_LOGGER_METHODS.python.has(last) && callee.kind === 'member') {
    return pythonLoggerLibrary(callee.object, scopeId, facts, flow, depth + 1);
  }
  return undefined;
}

/** The library whose modules include `module` or a parent of it (`structlog.stdlib`). */
function pythonLibraryOfModule(module: string): LogLibrary | undefined {
  return PYTHON_LOGGER_LIBRARIES.find((library) => library.modules!.some((name) => module === name || module.startsWith(`${name}.`)));
}

/** The first library (in catalogue order) the file imports, else the fallback. */
function defaultPythonLibrary(facts: FileFacts): LogLibrary {
  return PYTHON_LOGGER_LIBRARIES.find((library) => library.modules!.some((module) => importsModule(facts, module))) ?? FALLBACK.python;
}

function tsLoggerLibrary(receiver: Expr, scopeId: number, facts: FileFacts, flow: FlowAnalyzer, depth: number): LogLibrary | undefined {
  if (depth > 4) return undefined;
  if (receiver.kind === 'other' && receiver.children.length === 1) return tsLoggerLibrary(receiver.children[0], scopeId, facts, flow, depth + 1);
  if (receiver.kind === 'name') {
    const imported = importOf(facts, receiver.name);
    if (imported) {
      const library = tsLibraryOfModule(imported.module);
      if (library) return library;
    }
    const binding = flow.resolveBinding(receiver.name, scopeId, Number.MAX_SAFE_INTEGER);
    if (binding?.value) {
      const fromFactory = tsFactoryLibrary(binding.value, binding.scopeId, facts, flow, depth + 1);
      if (fromFactory) return fromFactory;
    }
    return hasLoggerWords(receiver.name) ? defaultTsLibrary(facts) : undefined;
  }
  if (receiver.kind === 'member') {
    const field = fieldBinding(receiver, scopeId, flow);
    const fromFactory = field ? tsFactoryLibrary(field.value, field.scopeId, facts, flow, depth + 1) : undefined;
    return fromFactory ?? (hasLoggerWords(receiver.property) ? defaultTsLibrary(facts) : undefined);
  }
  if (receiver.kind === 'call') return tsFactoryLibrary(receiver, scopeId, facts, flow, depth + 1);
  return undefined;
}

/** What logger a value made by a call is: `pino()`, `require('winston').createLogger()`, `new Logger()`, `logger.child()`. */
function tsFactoryLibrary(value: Expr, scopeId: number, facts: FileFacts, flow: FlowAnalyzer, depth: number): LogLibrary | undefined {
  let expr = value;
  while (expr.kind === 'other' && expr.children.length === 1) expr = expr.children[0];
  if (expr.kind !== 'call') return undefined;
  const path = calleePath(expr.callee);
  if (!path) {
    // `require('pino')()`
    if (expr.callee.kind === 'call') return tsFactoryLibrary(expr.callee, scopeId, facts, flow, depth + 1);
    return undefined;
  }
  const first = path[0];
  const last = path[path.length - 1];
  if (first === 'require' && expr.args[0]?.value.kind === 'string') return tsLibraryOfModule(expr.args[0].value.value);
  const imported = importOf(facts, first);
  if (imported) {
    const library = tsLibraryOfModule(imported.module);
    if (library) return library;
  }
  const constructed = expr.isNew ? CONSTRUCTORS.get(last) : undefined;
  if (constructed) return constructed;
  if (DERIVED_LOGGER_METHODS.ts.has(last) && expr.callee.kind === 'member') {
    return tsLoggerLibrary(expr.callee.object, scopeId, facts, flow, depth + 1) ?? defaultTsLibrary(facts);
  }
  return hasLoggerWords(last) ? defaultTsLibrary(facts) : undefined;
}

function tsLibraryOfModule(module: string): LogLibrary | undefined {
  for (const library of LOG_LIBRARIES) {
    if (library.language !== 'ts') continue;
    if (library.modules?.includes(module) || (library.modulePrefix && module.startsWith(library.modulePrefix))) return library;
  }
  return undefined;
}

/** The library of the file's first import that names one (a framework's built-in logger counts), else the fallback. */
function defaultTsLibrary(facts: FileFacts): LogLibrary {
  for (const imported of facts.imports) {
    const library = tsLibraryOfModule(imported.module) ?? LOG_LIBRARIES.find((candidate) => candidate.builtInTo?.includes(imported.module));
    if (library) return library;
  }
  return FALLBACK.ts;
}

/** A function made by a log-function factory: `const dbg = debug('app:patients')`, `require('debug')('app')`. */
function logFunctionLibrary(name: string, scopeId: number, facts: FileFacts, flow: FlowAnalyzer): LogLibrary | undefined {
  const binding = flow.resolveBinding(name, scopeId, Number.MAX_SAFE_INTEGER);
  if (binding?.value.kind !== 'call') return undefined;
  const callee = binding.value.callee;
  if (callee.kind === 'name') {
    const module = importOf(facts, callee.name)?.module;
    return module === undefined ? undefined : LOG_FUNCTION_MODULES.get(module);
  }
  if (callee.kind === 'call') {
    const inner = callee;
    const required = inner.args[0]?.value;
    if (calleePath(inner.callee)?.[0] === 'require' && required?.kind === 'string') return LOG_FUNCTION_MODULES.get(required.value);
  }
  return undefined;
}

function hasLoggerWords(identifier: string): boolean {
  return tokenize(identifier).some((token) => LOGGER_WORDS.has(token));
}

export function importsModule(facts: FileFacts, module: string): boolean {
  return facts.imports.some((fact) => fact.module === module || fact.module.startsWith(`${module}.`));
}

/** The assignment of `self.x` / `this.x` in the enclosing class, if any. */
function fieldBinding(receiver: Expr, scopeId: number, flow: FlowAnalyzer) {
  if (receiver.kind !== 'member' || receiver.object.kind !== 'name') return undefined;
  const owner = receiver.object.name;
  if (owner !== 'self' && owner !== 'this') return undefined;
  return flow.resolveBinding(`${owner}.${receiver.property}`, scopeId, Number.MAX_SAFE_INTEGER);
}

// Log sinks (RULES.md, Sinks: Logs), as data plus a small resolver that tells which logging
// library a receiver belongs to, so the fix can speak that library's idiom.

import { calleePath, labelOf } from '../../model/expressions';
import type { CallFact, Expr, FileFacts } from '../../model/facts';
import { importOf } from '../../model/facts-index';
import type { FlowAnalyzer } from '../flow/flow';
import { tokenize } from '../phi/identifiers';

export type LogIdiom =
  | 'stdlib' // logging: message + %-args + extra={}
  | 'structlog' // event + keyword fields
  | 'loguru' // message with {} + keyword fields
  | 'print' // print / pprint / click.echo: positional values
  | 'stream' // sys.stdout.write / warnings.warn: one string
  | 'console' // console.*: message + values
  | 'pino' // pino / bunyan: (mergingObject?, message, ...args)
  | 'winston' // winston / log4js / generic: (message, meta)
  | 'nest' // NestJS Logger: (message, context?)
  | 'debug'; // the `debug` package: printf-style

export interface LogSink {
  idiom: LogIdiom;
  /** How the sink is named in messages: `logger.info`, `console.log`, `print`. */
  label: string;
}

const PY_LOG_METHODS = new Set(['debug', 'info', 'warning', 'warn', 'error', 'exception', 'critical', 'fatal', 'log', 'msg', 'trace', 'success', 'bind', 'new', 'contextualize']);
const TS_LOG_METHODS = new Set(['log', 'info', 'warn', 'warning', 'error', 'debug', 'trace', 'fatal', 'verbose', 'silly', 'http', 'notice', 'child', 'critical', 'alert', 'emerg']);
const LOGGER_TOKENS = new Set(['log', 'logger', 'logging', 'structlog', 'loguru', 'winston', 'pino', 'bunyan', 'log4js', 'syslog']);
const PRINT_FUNCTIONS = new Set(['print', 'pprint', 'pp']);
const PRINT_PATHS = new Set(['pprint.pprint', 'pprint.pp', 'click.echo', 'typer.echo', 'click.secho', 'rich.print']);
const STREAM_PATHS = new Set(['sys.stdout.write', 'sys.stderr.write', 'warnings.warn', 'sys.stdout.writelines', 'sys.stderr.writelines']);

export function classifyLogSink(fact: CallFact, facts: FileFacts, flow: FlowAnalyzer, excluded: ReadonlySet<string>): LogSink | undefined {
  const { callee } = fact.call;
  const path = calleePath(callee);
  const dotted = path?.join('.');
  if (dotted && excluded.has(dotted)) return undefined;
  if (facts.language === 'python') {
    if (callee.kind === 'name' && PRINT_FUNCTIONS.has(callee.name) && !flow.resolveBinding(callee.name, fact.scopeId, Number.MAX_SAFE_INTEGER)) {
      return { idiom: 'print', label: callee.name };
    }
    if (dotted && PRINT_PATHS.has(dotted)) return { idiom: 'print', label: dotted };
    if (dotted && STREAM_PATHS.has(dotted)) return { idiom: 'stream', label: dotted };
    if (callee.kind !== 'member' || !PY_LOG_METHODS.has(callee.property)) return undefined;
    const idiom = pythonLoggerIdiom(callee.object, fact.scopeId, facts, flow, 0);
    return idiom ? { idiom, label: labelOf(callee) } : undefined;
  }
  if (callee.kind === 'name') {
    return isDebugLogger(callee.name, fact.scopeId, facts, flow) ? { idiom: 'debug', label: callee.name } : undefined;
  }
  if (callee.kind !== 'member') return undefined;
  if (callee.object.kind === 'name' && callee.object.name === 'console') return { idiom: 'console', label: `console.${callee.property}` };
  if (!TS_LOG_METHODS.has(callee.property)) return undefined;
  const idiom = tsLoggerIdiom(callee.object, fact.scopeId, facts, flow, 0);
  return idiom ? { idiom, label: labelOf(callee) } : undefined;
}

function pythonLoggerIdiom(receiver: Expr, scopeId: number, facts: FileFacts, flow: FlowAnalyzer, depth: number): LogIdiom | undefined {
  if (depth > 4) return undefined;
  if (receiver.kind === 'name') {
    if (receiver.name === 'logging' && importsModule(facts, 'logging')) return 'stdlib';
    const imported = importOf(facts, receiver.name);
    if (imported?.module === 'loguru') return 'loguru';
    if (imported?.module === 'structlog') return 'structlog';
    const binding = flow.resolveBinding(receiver.name, scopeId, Number.MAX_SAFE_INTEGER);
    if (binding?.value.kind === 'call') {
      const fromFactory = pythonFactoryIdiom(binding.value.callee, binding.scopeId, facts, flow, depth + 1);
      if (fromFactory) return fromFactory;
    }
    return hasLoggerTokens(receiver.name) ? defaultPythonIdiom(facts) : undefined;
  }
  if (receiver.kind === 'member') {
    const field = fieldBinding(receiver, scopeId, flow);
    const fromFactory = field?.value.kind === 'call' ? pythonFactoryIdiom(field.value.callee, field.scopeId, facts, flow, depth + 1) : undefined;
    return fromFactory ?? (hasLoggerTokens(receiver.property) ? defaultPythonIdiom(facts) : undefined);
  }
  if (receiver.kind === 'call') return pythonFactoryIdiom(receiver.callee, scopeId, facts, flow, depth + 1);
  return undefined;
}

/** `logging.getLogger(...)`, `structlog.get_logger()`, `logger.bind(...)`: what logger a call returns. */
function pythonFactoryIdiom(callee: Expr, scopeId: number, facts: FileFacts, flow: FlowAnalyzer, depth: number): LogIdiom | undefined {
  const path = calleePath(callee);
  if (!path) return undefined;
  const dotted = path.join('.');
  const last = path[path.length - 1];
  if (dotted === 'logging.getLogger' || dotted === 'logging.LoggerAdapter') return 'stdlib';
  if (path[0] === 'structlog' || (importOf(facts, path[0])?.module ?? '').startsWith('structlog')) return 'structlog';
  if (last === 'getLogger') return 'stdlib';
  if (last === 'get_logger') return defaultPythonIdiom(facts);
  if (['bind', 'new', 'opt', 'patch', 'contextualize', 'getChild'].includes(last) && callee.kind === 'member') {
    return pythonLoggerIdiom(callee.object, scopeId, facts, flow, depth + 1);
  }
  return undefined;
}

function defaultPythonIdiom(facts: FileFacts): LogIdiom {
  if (importsModule(facts, 'logging')) return 'stdlib';
  if (importsModule(facts, 'loguru')) return 'loguru';
  if (importsModule(facts, 'structlog')) return 'structlog';
  return 'stdlib';
}

function tsLoggerIdiom(receiver: Expr, scopeId: number, facts: FileFacts, flow: FlowAnalyzer, depth: number): LogIdiom | undefined {
  if (depth > 4) return undefined;
  if (receiver.kind === 'other' && receiver.children.length === 1) return tsLoggerIdiom(receiver.children[0], scopeId, facts, flow, depth + 1);
  if (receiver.kind === 'name') {
    const imported = importOf(facts, receiver.name);
    if (imported) {
      const idiom = tsModuleIdiom(imported.module);
      if (idiom) return idiom;
    }
    const binding = flow.resolveBinding(receiver.name, scopeId, Number.MAX_SAFE_INTEGER);
    if (binding?.value) {
      const fromFactory = tsFactoryIdiom(binding.value, binding.scopeId, facts, flow, depth + 1);
      if (fromFactory) return fromFactory;
    }
    return hasLoggerTokens(receiver.name) ? defaultTsIdiom(facts) : undefined;
  }
  if (receiver.kind === 'member') {
    const field = fieldBinding(receiver, scopeId, flow);
    const fromFactory = field ? tsFactoryIdiom(field.value, field.scopeId, facts, flow, depth + 1) : undefined;
    return fromFactory ?? (hasLoggerTokens(receiver.property) ? defaultTsIdiom(facts) : undefined);
  }
  if (receiver.kind === 'call') return tsFactoryIdiom(receiver, scopeId, facts, flow, depth + 1);
  return undefined;
}

function tsFactoryIdiom(value: Expr, scopeId: number, facts: FileFacts, flow: FlowAnalyzer, depth: number): LogIdiom | undefined {
  let expr = value;
  while (expr.kind === 'other' && expr.children.length === 1) expr = expr.children[0];
  if (expr.kind !== 'call') return undefined;
  const path = calleePath(expr.callee);
  if (!path) {
    // `require('pino')()`
    if (expr.callee.kind === 'call') return tsFactoryIdiom(expr.callee, scopeId, facts, flow, depth + 1);
    return undefined;
  }
  const first = path[0];
  const last = path[path.length - 1];
  if (first === 'require' && expr.args[0]?.value.kind === 'string') return tsModuleIdiom(expr.args[0].value.value);
  const imported = importOf(facts, first);
  if (imported) {
    const idiom = tsModuleIdiom(imported.module);
    if (idiom) return idiom;
  }
  if (last === 'Logger' && expr.isNew) return 'nest';
  if (['child', 'getLogger', 'createLogger'].includes(last) && expr.callee.kind === 'member') {
    return tsLoggerIdiom(expr.callee.object, scopeId, facts, flow, depth + 1) ?? defaultTsIdiom(facts);
  }
  return hasLoggerTokens(last) ? defaultTsIdiom(facts) : undefined;
}

function tsModuleIdiom(module: string): LogIdiom | undefined {
  if (module === 'pino' || module === 'bunyan' || module === 'pino-http' || module.startsWith('pino')) return 'pino';
  if (module === 'winston' || module === 'log4js' || module === 'loglevel' || module === 'signale') return 'winston';
  if (module === '@nestjs/common') return 'nest';
  return undefined;
}

function defaultTsIdiom(facts: FileFacts): LogIdiom {
  for (const imported of facts.imports) {
    const idiom = tsModuleIdiom(imported.module);
    if (idiom) return idiom;
    if (imported.module === 'fastify') return 'pino';
  }
  return 'winston';
}

/** A function made by the `debug` package: `const dbg = debug('app:patients')`. */
function isDebugLogger(name: string, scopeId: number, facts: FileFacts, flow: FlowAnalyzer): boolean {
  const binding = flow.resolveBinding(name, scopeId, Number.MAX_SAFE_INTEGER);
  if (binding?.value.kind !== 'call') return false;
  const callee = binding.value.callee;
  if (callee.kind === 'name') return importOf(facts, callee.name)?.module === 'debug';
  if (callee.kind === 'call') {
    const inner = callee;
    return calleePath(inner.callee)?.[0] === 'require' && inner.args[0]?.value.kind === 'string' && inner.args[0].value.value === 'debug';
  }
  return false;
}

function hasLoggerTokens(identifier: string): boolean {
  return tokenize(identifier).some((token) => LOGGER_TOKENS.has(token));
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

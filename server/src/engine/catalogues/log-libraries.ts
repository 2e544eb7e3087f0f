// The logging libraries PHI Guard knows, as data: one entry per library, with how its loggers
// are recognised (modules, factories, constructors, global objects, sink calls) and how its log
// calls take their arguments (what the *Log patient_id instead* fix writes). The resolver that
// reads these entries is analysis/sinks/logs.ts; the fix is rules/phi-in-log/fix.ts.

/**
 * Where a log call of the library carries the record id once the PHI is taken out, which is
 * also how the call takes structured data:
 * - `extra`: Python logging's `extra={"patient_id": id}` (merged into an `extra=` already there);
 * - `keyword`: a keyword field, `patient_id=id` (structlog, loguru);
 * - `dict-argument`: a `{"patient_id": id}` argument after the values (print-like functions);
 * - `message`: ` patient_id=<id>` written into the message (streams, NestJS's Logger);
 * - `merging-object`: a leading `{ patientId: id }` object, merged into one already there (pino);
 * - `object-argument`: a trailing `{ patientId: id }` argument (console, debug);
 * - `meta-object`: merged into a trailing meta object, else one is added (winston and the like).
 */
export type IdPlacement = 'extra' | 'keyword' | 'dict-argument' | 'message' | 'merging-object' | 'object-argument' | 'meta-object';

/** How a library's log calls take their arguments. */
export interface LogCallShape {
  id: IdPlacement;
  /** The message's placeholders for the values after it: `%s` (printf style) or `{}`; none when absent. */
  placeholders?: 'percent' | 'braces';
  /** A method whose first argument is the level, not the message (`logger.log(logging.INFO, msg)`). */
  levelFirstMethod?: string;
}

export interface LogLibrary {
  /** The package or module it is known by. */
  id: string;
  language: 'python' | 'ts';
  call: LogCallShape;
  /**
   * Modules whose loggers are this library's: a name imported from one (Python: or from a
   * submodule) is a logger, and so is what a call on such a name returns (`pino()`,
   * `require('winston').createLogger()`).
   */
  modules?: string[];
  /** TypeScript: any module starting with this is the library's (`pino-http`, `pino-pretty`). */
  modulePrefix?: string;
  /** Python: calls rooted at the module, or at a name imported from it, return its loggers (`structlog.get_logger()`). */
  factoryModule?: boolean;
  /** Dotted calls that return a logger (`logging.getLogger`). */
  factories?: string[];
  /** Callee names that return a logger whatever their receiver (`getLogger`). */
  factoryNames?: string[];
  /** TypeScript: classes whose `new` instance is a logger (NestJS's `new Logger(...)`). */
  constructors?: string[];
  /** TypeScript: modules whose import, called, returns a log function (`const dbg = debug('app')`). */
  logFunctionModules?: string[];
  /** Global objects whose every method logs (`console`). */
  globals?: string[];
  /** Functions that print, when the name is not rebound in the file (`print`, `pprint`). */
  functions?: string[];
  /** Dotted calls that print or write to a stream (`click.echo`, `sys.stderr.write`). */
  sinkCalls?: string[];
  /** TypeScript: modules whose presence makes this the file's logger library (Fastify logs through pino). */
  builtInTo?: string[];
  /** Words in an identifier that say it holds one of this library's loggers (`winstonLogger`). */
  words?: string[];
  /** The library a logger of unknown origin is taken to be in files that import none. */
  fallback?: boolean;
}

const PRINTED: LogCallShape = { id: 'dict-argument' };
const WRITTEN: LogCallShape = { id: 'message' };
const PINO_LIKE: LogCallShape = { id: 'merging-object', placeholders: 'percent' };
const WINSTON_LIKE: LogCallShape = { id: 'meta-object' };

/**
 * Every known library. Order matters only for Python files that import several: the first one
 * imported names the file's loggers of unknown origin.
 */
export const LOG_LIBRARIES: readonly LogLibrary[] = [
  // Python
  {
    id: 'logging',
    language: 'python',
    call: { id: 'extra', placeholders: 'percent', levelFirstMethod: 'log' },
    modules: ['logging'],
    factories: ['logging.getLogger', 'logging.LoggerAdapter'],
    factoryNames: ['getLogger'],
    words: ['logging'],
    fallback: true,
  },
  { id: 'loguru', language: 'python', call: { id: 'keyword', placeholders: 'braces' }, modules: ['loguru'], words: ['loguru'] },
  { id: 'structlog', language: 'python', call: { id: 'keyword' }, modules: ['structlog'], factoryModule: true, words: ['structlog'] },
  { id: 'print', language: 'python', call: PRINTED, functions: ['print'] },
  { id: 'pprint', language: 'python', call: PRINTED, functions: ['pprint', 'pp'], sinkCalls: ['pprint.pprint', 'pprint.pp'] },
  { id: 'click', language: 'python', call: PRINTED, sinkCalls: ['click.echo', 'click.secho'] },
  { id: 'typer', language: 'python', call: PRINTED, sinkCalls: ['typer.echo'] },
  { id: 'rich', language: 'python', call: PRINTED, sinkCalls: ['rich.print'] },
  { id: 'sys', language: 'python', call: WRITTEN, sinkCalls: ['sys.stdout.write', 'sys.stderr.write', 'sys.stdout.writelines', 'sys.stderr.writelines'] },
  { id: 'warnings', language: 'python', call: WRITTEN, sinkCalls: ['warnings.warn'] },
  // A Django management command's `self.stdout` / `self.stderr` wrap the process's streams.
  { id: 'django-command', language: 'python', call: WRITTEN, sinkCalls: ['self.stdout.write', 'self.stderr.write'] },

  // TypeScript / JavaScript
  { id: 'console', language: 'ts', call: { id: 'object-argument', placeholders: 'percent' }, globals: ['console'] },
  { id: 'debug', language: 'ts', call: { id: 'object-argument', placeholders: 'percent' }, logFunctionModules: ['debug'] },
  { id: 'pino', language: 'ts', call: PINO_LIKE, modules: ['pino'], modulePrefix: 'pino', builtInTo: ['fastify'], words: ['pino'] },
  { id: 'bunyan', language: 'ts', call: PINO_LIKE, modules: ['bunyan'], words: ['bunyan'] },
  { id: 'winston', language: 'ts', call: WINSTON_LIKE, modules: ['winston'], words: ['winston'], fallback: true },
  { id: 'log4js', language: 'ts', call: WINSTON_LIKE, modules: ['log4js'], words: ['log4js'] },
  { id: 'loglevel', language: 'ts', call: WINSTON_LIKE, modules: ['loglevel'] },
  { id: 'signale', language: 'ts', call: WINSTON_LIKE, modules: ['signale'] },
  { id: 'nestjs', language: 'ts', call: WRITTEN, modules: ['@nestjs/common'], constructors: ['Logger'] },
];

/** Methods that log, or derive a logger, on a logger of any library (the library is not known yet). */
export const LOG_METHODS = {
  python: new Set(['debug', 'info', 'warning', 'warn', 'error', 'exception', 'critical', 'fatal', 'log', 'msg', 'trace', 'success', 'bind', 'new', 'contextualize']),
  ts: new Set(['log', 'info', 'warn', 'warning', 'error', 'debug', 'trace', 'fatal', 'verbose', 'silly', 'http', 'notice', 'child', 'critical', 'alert', 'emerg']),
};

/** Methods that return a derived logger of the same library (`logger.bind(...)`, `logger.child(...)`). */
export const DERIVED_LOGGER_METHODS = {
  python: new Set(['bind', 'new', 'opt', 'patch', 'contextualize', 'getChild']),
  ts: new Set(['child', 'getLogger', 'createLogger']),
};

/** Python factories that return a logger of the file's library (`get_logger()` of whichever it imports). */
export const GENERIC_LOGGER_FACTORIES = new Set(['get_logger']);

/** Words in an identifier that say it holds a logger of some library (`auditLog`, `app_logger`). */
export const LOGGER_WORDS = new Set(['log', 'logger', 'syslog', ...LOG_LIBRARIES.flatMap((library) => library.words ?? [])]);

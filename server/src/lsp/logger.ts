// The server's only way to write to the output channel. It takes ids, paths, positions and
// timings; errors are reduced to their type and stack frames because an exception message may
// quote the source text (a JSON parser error, a rule that formatted a node), and PHI must never
// reach a log (docs/architecture.md, "Privacy").

import type { Connection } from 'vscode-languageserver/node';

export interface Logger {
  info(message: string): void;
  error(message: string): void;
  /** Reported once per key for the server's lifetime (rule failures, repeated load errors). */
  errorOnce(key: string, message: string): void;
  /** Only sent when the client has turned tracing on (`$/setTrace`). */
  trace(message: string): void;
  /** Logs an exception without its message text. */
  exception(context: string, error: unknown): void;
  /** The same, once per context and error location (a failure that repeats on every keystroke). */
  exceptionOnce(context: string, error: unknown): void;
}

export function createLogger(connection: Connection): Logger {
  const reported = new Set<string>();
  const logger: Logger = {
    info: (message) => connection.console.info(message),
    error: (message) => connection.console.error(message),
    errorOnce(key, message) {
      if (reported.has(key)) return;
      reported.add(key);
      connection.console.error(message);
    },
    trace(message) {
      try {
        connection.tracer.log(message);
      } catch {
        // Tracing is best-effort: a client that never sent $/setTrace has it off.
      }
    },
    exception(context, error) {
      connection.console.error(`${context}: ${describeError(error)}`);
    },
    exceptionOnce(context, error) {
      const description = describeError(error);
      logger.errorOnce(`${context}\u0000${description}`, `${context}: ${description}`);
    },
  };
  return logger;
}

/** `TypeError at analyze (dist/server.js:123:45) < ...`: type and code location, no message. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const frames = (error.stack ?? '')
    .split('\n')
    .slice(1)
    .map((line) => line.trim().replace(/^at /, ''))
    .filter(Boolean)
    .slice(0, 4);
  return frames.length ? `${error.name} at ${frames.join(' < ')}` : error.name;
}

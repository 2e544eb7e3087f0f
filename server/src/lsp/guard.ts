// Every handler runs behind a guard: an exception is logged (without its message, which could
// quote source text) and the client gets an empty answer instead of a dead server
// (docs/architecture.md).

import { ResponseError } from 'vscode-languageserver/node';
import type { Logger } from './logger';

export function guarded<P extends unknown[], R>(
  logger: Logger,
  name: string,
  fallback: R,
  handler: (...args: P) => R | Promise<R>,
): (...args: P) => Promise<R> {
  return async (...args: P) => {
    try {
      return await handler(...args);
    } catch (error) {
      // Protocol errors (cancellation, server-cancelled) are answers, not failures.
      if (error instanceof ResponseError) throw error;
      logger.exception(`${name} failed`, error);
      return fallback;
    }
  };
}

/** For notifications: nothing to answer, only to log. */
export function guardedNotification<P extends unknown[]>(
  logger: Logger,
  name: string,
  handler: (...args: P) => void | Promise<void>,
): (...args: P) => void {
  return (...args: P) => {
    void guarded(logger, name, undefined, handler)(...args);
  };
}

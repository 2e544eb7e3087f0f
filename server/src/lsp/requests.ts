// The server's side of the typed `phiGuard/*` messages (server/src/protocol): the handler's
// parameter and result types come from the message, and every handler runs behind the guard.

import type { CancellationToken, Connection } from 'vscode-languageserver/node';
import type { ProtocolNotification, ProtocolRequest } from '../protocol';
import { guarded } from './guard';
import type { Logger } from './logger';

export function handleRequest<P, R>(
  connection: Connection,
  logger: Logger,
  type: ProtocolRequest<P, R>,
  fallback: R,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): void {
  const run = guarded(logger, type.method, fallback, handler);
  // Named by a string, a request's result type is a conditional type no generic R satisfies:
  // the types are checked at `type` and `handler` above instead.
  connection.onRequest(type.method, (params: P, token: CancellationToken): Promise<unknown> => run(params, token));
}

export function sendNotification<P>(connection: Connection, type: ProtocolNotification<P>, params: P): Promise<void> {
  return connection.sendNotification(type.method, params);
}

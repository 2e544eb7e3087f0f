// Builds the LanguageClient that runs dist/server.js. The client does no analysis itself
// (docs/architecture.md, the thin client): it only tells the server which documents and settings
// to look at.

import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
  RevealOutputChannelOn,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import { CONFIGURATION_SECTION, SERVER_NAME } from '../../server/src/protocol';
import { documentSelector } from './documents';
import { redactingTraceChannel } from './redactingChannel';

/** Also the prefix of the trace setting the client reads itself: `phiGuard.trace.server`. */
export const CLIENT_ID = CONFIGURATION_SECTION;

const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/**
 * Like the library's default handler (restart a crashed server up to 4 times in 3 minutes),
 * except when the server dies while starting: restarting then only repeats the failure and
 * stacks up notifications, and ServerController reports a failed start once, with a retry.
 */
class PhiGuardErrorHandler implements ErrorHandler {
  private readonly restarts: number[] = [];

  constructor(private readonly clientState: () => State | undefined) {}

  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
  }

  closed(): CloseHandlerResult {
    if (this.clientState() !== State.Running) {
      return { action: CloseAction.DoNotRestart, handled: true, message: 'The PHI Guard server exited while starting.' };
    }
    const now = Date.now();
    this.restarts.push(now);
    while (this.restarts.length > 0 && now - this.restarts[0] > RESTART_WINDOW_MS) this.restarts.shift();
    if (this.restarts.length <= MAX_RESTARTS) return { action: CloseAction.Restart };
    return {
      action: CloseAction.DoNotRestart,
      message: `The PHI Guard server crashed ${MAX_RESTARTS + 1} times in 3 minutes and will not be restarted. See "PHI Guard: Show Output", then run "PHI Guard: Restart Server".`,
    };
  }
}

export function createLanguageClient(
  serverModule: string,
  outputChannel: vscode.LogOutputChannel,
  policyWatcher: vscode.FileSystemWatcher,
  codeCacheDir: string | undefined,
): LanguageClient {
  // The server starts through V8's code cache when given a folder of the user's own for it (the
  // extension's global storage): a fresh server then skips compiling its bundle, which is most of
  // the time to its first diagnostics (docs/performance.md, "First diagnostic").
  const env = codeCacheDir ? { ...process.env, PHI_GUARD_CODE_CACHE_DIR: codeCacheDir } : undefined;
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, ...(env ? { options: { env } } : {}) },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };

  const clientOptions: LanguageClientOptions = {
    documentSelector,
    synchronize: {
      configurationSection: CONFIGURATION_SECTION,
      // The server reloads the policy when any phi-guard.json is created, changed or deleted,
      // including ones that are not open in an editor.
      fileEvents: policyWatcher,
    },
    outputChannel,
    traceOutputChannel: redactingTraceChannel(outputChannel),
    // Problems are reported through notifications and the Problems panel, not by popping the log.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    // We report a failed start ourselves, with a way to the log and a retry.
    initializationFailedHandler: () => false,
    errorHandler: new PhiGuardErrorHandler(() => client?.state),
  };

  const client: LanguageClient = new LanguageClient(CLIENT_ID, SERVER_NAME, serverOptions, clientOptions);
  return client;
}

/** Whether a client has reached Running (the library's State, for callers that do not load it). */
export function isRunning(client: LanguageClient): boolean {
  return client.state === State.Running;
}

export function isStarting(client: LanguageClient): boolean {
  return client.state === State.Starting;
}

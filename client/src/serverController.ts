// Owns the language client's lifecycle: start, restart, stop, and telling the user clearly when
// the server cannot start. Never logs source text: only paths, states and error messages.

import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PolicyStatusNotification, type PolicyStatusParams, type ProtocolRequest } from '../../server/src/protocol';
import { createPolicyWatcher } from './documents';
import { languageClientModule } from './lazy';

const SHOW_OUTPUT = 'Show Output';
const RETRY = 'Restart Server';
/** How long a request waits for a server that is still starting. */
const START_WAIT_MS = 30_000;
const START_POLL_MS = 500;

export class ServerController {
  private client: LanguageClient | undefined;
  /** One watcher for the extension's lifetime, reused by every client across restarts. */
  private readonly policyWatcher = createPolicyWatcher();
  /** Serialises start/restart/stop so overlapping commands cannot race the client's state. */
  private pending: Promise<void> = Promise.resolve();
  private readonly policyStatus = new vscode.EventEmitter<PolicyStatusParams>();
  /** What the server says about the policies in use; empty when no server is running. */
  readonly onDidChangePolicyStatus = this.policyStatus.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly outputChannel: vscode.LogOutputChannel,
  ) {}

  /** The language client once it is running (for custom requests such as audit coverage). */
  get runningClient(): LanguageClient | undefined {
    return this.client && languageClientModule().isRunning(this.client) ? this.client : undefined;
  }

  /**
   * Sends a `phiGuard/*` request, waiting (bounded) for a server that is still starting.
   * Undefined when no server runs, or when it had no answer.
   */
  async request<P, R>(type: ProtocolRequest<P, R>, params: P, token?: vscode.CancellationToken): Promise<R | undefined> {
    for (let waited = 0; waited < START_WAIT_MS && !this.runningClient; waited += START_POLL_MS) {
      await new Promise((resolve) => setTimeout(resolve, START_POLL_MS));
    }
    const client = this.runningClient;
    if (!client) return undefined;
    return (await client.sendRequest<R | null>(type.method, params, token)) ?? undefined;
  }

  private get serverModule(): string {
    return this.context.asAbsolutePath('dist/server.js');
  }

  /**
   * Where the server keeps its compiled bytecode between starts: the extension's global storage,
   * which only this user can write (the server checks, and runs without a cache otherwise).
   */
  private get codeCacheDir(): string | undefined {
    const storage = this.context.globalStorageUri;
    return storage.scheme === 'file' ? path.join(storage.fsPath, 'code-cache') : undefined;
  }

  /**
   * Starts the server on the next turn of the event loop: loading vscode-languageclient and
   * spawning the server then does not count against (or hold up) the extension's activation.
   */
  start(): Promise<void> {
    return this.enqueue(async () => {
      await new Promise((resolve) => setImmediate(resolve));
      await this.startNew();
    });
  }

  restart(): Promise<void> {
    return this.enqueue(async () => {
      this.outputChannel.info('Restarting the PHI Guard server.');
      await this.stopCurrent();
      await this.startNew();
    });
  }

  stop(): Promise<void> {
    return this.enqueue(() => this.stopCurrent());
  }

  /** For deactivate(): resolves once the server has shut down so VS Code does not orphan it. */
  async dispose(): Promise<void> {
    await this.stop();
    this.policyWatcher.dispose();
    this.policyStatus.dispose();
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    const next = this.pending.then(step, step);
    this.pending = next.catch(() => undefined);
    return next;
  }

  private async startNew(): Promise<void> {
    if (!existsSync(this.serverModule)) {
      const message = `PHI Guard: the language server bundle is missing (${this.serverModule}). Reinstall the extension, or run "npm run build" when working from source.`;
      this.outputChannel.error(message);
      this.notifyFailure(message);
      return;
    }
    const client = languageClientModule().createLanguageClient(this.serverModule, this.outputChannel, this.policyWatcher, this.codeCacheDir);
    this.client = client;
    // Registered before start so the first status (sent as soon as a policy loads) is not missed.
    client.onNotification(PolicyStatusNotification.method, (params: PolicyStatusParams) => this.policyStatus.fire(params));
    try {
      await client.start();
      this.outputChannel.info('PHI Guard server started.');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.outputChannel.error(`PHI Guard server failed to start: ${reason}`);
      this.notifyFailure('PHI Guard: the language server failed to start, so no PHI diagnostics will be shown. The output has the details.');
    }
  }

  private async stopCurrent(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    this.policyStatus.fire({ policies: [] });
    try {
      // dispose() refuses a client that never reached Running (e.g. a failed start) by throwing;
      // there is nothing to shut down then, so that error is expected and ignored.
      // A client the library is restarting after a crash finishes starting first, then stops.
      const { isRunning, isStarting } = languageClientModule();
      if (isStarting(client)) await client.start().catch(() => undefined);
      if (isRunning(client)) await client.dispose();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.outputChannel.warn(`Stopping the PHI Guard server: ${reason}`);
    }
  }

  private notifyFailure(message: string): void {
    void vscode.window.showErrorMessage(message, SHOW_OUTPUT, RETRY).then((choice) => {
      if (choice === SHOW_OUTPUT) this.outputChannel.show();
      else if (choice === RETRY) void this.restart();
    });
  }
}

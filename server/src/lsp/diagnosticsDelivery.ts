// How diagnostics reach the client: pulled (textDocument/diagnostic) when the client supports
// it, pushed (textDocument/publishDiagnostics) otherwise, never both (docs/architecture.md).
// Either way analysis waits for a quiet period after the last keystroke.

import {
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import type { LoadedPolicy } from '../policy';
import { AnalysisService, StaleAnalysis } from './analysisService';
import { policyDiagnosticToLsp } from './diagnostics';
import type { DocumentStore, OpenDocument } from './documentStore';
import type { Logger } from './logger';
import { fileKey, pathToUri } from './uris';

export const ANALYSIS_DEBOUNCE_MS = 150;

/** The quiet period a client may ask for in `initializationOptions.analysisDelayMs` (benchmarks use 0). */
export function analysisDelay(initializationOptions: unknown): number {
  const requested = (initializationOptions as { analysisDelayMs?: unknown } | undefined)?.analysisDelayMs;
  return typeof requested === 'number' && requested >= 0 && requested <= 5000 ? requested : ANALYSIS_DEBOUNCE_MS;
}

export interface DiagnosticsDelivery {
  opened(document: OpenDocument): void;
  changed(document: OpenDocument): void;
  closed(uri: string): void;
  /** Settings or a policy changed: every open document needs new diagnostics. */
  refreshAll(): void;
  /** A helper these documents call changed: they need new diagnostics. */
  refresh(uris: readonly string[]): void;
  /** A policy was (re)loaded from disk: its problems belong on the policy files. */
  policyLoaded(loaded: LoadedPolicy): void;
  dispose(): void;
}

export class PushDiagnostics implements DiagnosticsDelivery {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Policy files on disk (not open) that we published problems for. */
  private readonly publishedPolicyFiles = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: DocumentStore,
    private readonly analysis: AnalysisService,
    private readonly logger: Logger,
    private readonly delayMs = ANALYSIS_DEBOUNCE_MS,
  ) {}

  opened(document: OpenDocument): void {
    this.schedule(document, 0);
  }

  changed(document: OpenDocument): void {
    this.schedule(document, this.delayMs);
  }

  closed(uri: string): void {
    this.cancel(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  refresh(uris: readonly string[]): void {
    for (const uri of uris) {
      const document = this.documents.get(uri);
      if (document) this.schedule(document, 0);
    }
  }

  refreshAll(): void {
    // Problems of policy files that are not open are re-published when the policies reload.
    for (const uri of this.publishedPolicyFiles.values()) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.publishedPolicyFiles.clear();
    for (const document of this.documents.all()) this.schedule(document, 0);
  }

  policyLoaded(loaded: LoadedPolicy): void {
    const openFiles = new Set(this.documents.all().flatMap((document) => (document.filePath ? [fileKey(document.filePath)] : [])));
    for (const file of loaded.files) {
      const key = fileKey(file);
      // An open policy document shows the problems of its editor text instead.
      if (openFiles.has(key)) continue;
      const uri = pathToUri(file);
      const diagnostics = loaded.diagnostics.filter((problem) => fileKey(problem.file) === key).map(policyDiagnosticToLsp);
      if (!diagnostics.length && !this.publishedPolicyFiles.has(key)) continue;
      if (diagnostics.length) this.publishedPolicyFiles.set(key, uri);
      else this.publishedPolicyFiles.delete(key);
      void this.connection.sendDiagnostics({ uri, diagnostics });
    }
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private schedule(document: OpenDocument, delay: number): void {
    this.cancel(document.uri);
    const timer = setTimeout(() => {
      this.timers.delete(document.uri);
      void this.publish(document);
    }, delay);
    this.timers.set(document.uri, timer);
  }

  private cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  private async publish(document: OpenDocument): Promise<void> {
    try {
      const report = await this.analysis.report(document);
      // A newer version has its own timer; a closed document has been cleared.
      if (document.closed || document.version !== report.version) return;
      await this.connection.sendDiagnostics({ uri: report.uri, version: report.version, diagnostics: report.diagnostics });
    } catch (error) {
      if (error instanceof StaleAnalysis) return;
      this.logger.exceptionOnce(`analysing ${document.displayPath} failed`, error);
    }
  }
}

export class PullDiagnostics implements DiagnosticsDelivery {
  /** Prefix of every resultId, so ids from an earlier server process never match. */
  private readonly session = Math.random().toString(36).slice(2, 8);

  constructor(
    private readonly connection: Connection,
    private readonly documents: DocumentStore,
    private readonly analysis: AnalysisService,
    private readonly canRefresh: boolean,
    private readonly logger: Logger,
    private readonly delayMs = ANALYSIS_DEBOUNCE_MS,
  ) {}

  async provide(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const document = this.documents.get(params.textDocument.uri);
    if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const quiet = await waitForQuietPeriod(document, this.delayMs, token);
    const report = quiet ? await this.analysis.currentReport(document, () => token.isCancellationRequested) : undefined;
    if (!report) {
      // Cancelled, or the text kept changing: the client asks again for the newer version.
      // Always `retriggerRequest: true`: vscode-languageclient cancels an in-flight pull when the
      // document changes and re-pulls once it is answered, except when the answer says
      // `retriggerRequest: false`; then the newer version is never pulled and the old
      // diagnostics stay (seen as Fix All "leaving" its findings, test/e2e fix-all-stress).
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed during analysis.', { retriggerRequest: true });
    }
    const resultId = `${this.session}:${report.resultId}`;
    if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: report.diagnostics };
  }

  opened(): void {}
  changed(): void {}
  closed(): void {}
  policyLoaded(): void {}
  dispose(): void {}

  refresh(): void {
    // Pulled diagnostics can only be refreshed all at once; unchanged documents answer `unchanged`.
    this.refreshAll();
  }

  refreshAll(): void {
    if (!this.canRefresh) return;
    this.connection.languages.diagnostics.refresh().catch((error) => this.logger.exception('diagnostic refresh failed', error));
  }
}

/** Resolves once no change has arrived for `quietMs` (true), or when cancelled (false). */
async function waitForQuietPeriod(document: OpenDocument, quietMs: number, token: CancellationToken): Promise<boolean> {
  for (;;) {
    if (token.isCancellationRequested || document.closed) return false;
    const remaining = quietMs - (performance.now() - document.lastChangeAt);
    if (remaining <= 0) return true;
    await new Promise((resolve) => setTimeout(resolve, remaining));
  }
}

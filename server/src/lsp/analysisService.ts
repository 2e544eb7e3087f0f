// One analysis per document version (and per settings/policy generation): results are cached
// and shared by diagnostics, code actions and hover, so the same text is never analysed twice.

import { createHash } from 'node:crypto';
import type { Diagnostic } from 'vscode-languageserver/node';
import { analyze, analyzeDocument, type AnalysisResult, type ProjectAuditContext, type WorkspaceIndex } from '../engine';
import { isIgnoredByPolicy } from '../policy';
import type { ClientFeatures } from './clientFeatures';
import { findingsToDiagnostics, policyDiagnosticToLsp } from './diagnostics';
import type { OpenDocument } from './documentStore';
import { logAnalysisFailures } from './analysisFailures';
import type { Logger } from './logger';
import type { PolicyResolver } from './policyResolver';
import type { SettingsProvider } from './settings';
import type { WorkspaceAuditContexts } from './auditContexts';

export interface DocumentReport {
  uri: string;
  version: number;
  /**
   * Changes with the version, with every settings/policy generation and with the diagnostics
   * themselves (a helper in another file changed them): the pull resultId.
   */
  resultId: string;
  diagnostics: Diagnostic[];
  /** Present when the document was analysed as source code. */
  result?: AnalysisResult;
}

/** The document changed, or settings/policy changed, while the analysis waited for its inputs. */
export class StaleAnalysis extends Error {
  constructor() {
    super('stale analysis');
    this.name = 'StaleAnalysis';
  }
}

interface CacheEntry {
  version: number;
  generation: number;
  report: Promise<DocumentReport>;
}

export class AnalysisService {
  private readonly cache = new Map<string, CacheEntry>();
  /** Bumped by settings and policy changes; part of every cache key. */
  private generation = 0;
  /** Analyses of open documents not finished yet, and who waits for there to be none. */
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];
  /** When the last analysis of an open document settled (performance.now()). */
  private settledAt = 0;

  constructor(
    private readonly settings: SettingsProvider,
    private readonly policies: PolicyResolver,
    private readonly features: ClientFeatures,
    private readonly logger: Logger,
    private readonly auditContexts?: WorkspaceAuditContexts,
    /** The workspace index a file's calls are followed with (workspaceFlows.ts), if any. */
    private readonly workspaceFor: (filePath: string) => WorkspaceIndex | undefined = () => undefined,
  ) {}

  /** The audit context of the file's workspace folder (Django settings, global Nest guards), if any. */
  async auditContextFor(filePath: string | undefined): Promise<ProjectAuditContext | undefined> {
    return (await this.auditContexts?.forFile(filePath)?.catch(() => undefined)) ?? undefined;
  }

  /** Summaries these documents' findings depend on changed: their results may be out of date. */
  dependenciesChanged(uris: readonly string[]): void {
    for (const uri of uris) this.cache.delete(uri);
  }

  /** Settings or a policy changed: every cached result is out of date. */
  invalidateAll(): void {
    this.generation++;
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** The cached report for the document's current version, if it has been computed. */
  async cachedReport(document: OpenDocument): Promise<DocumentReport | undefined> {
    const entry = this.cache.get(document.uri);
    if (!entry || entry.version !== document.version || entry.generation !== this.generation) return undefined;
    return entry.report.catch(() => undefined);
  }

  /**
   * The report for the document's current version. Rejects with StaleAnalysis when the document
   * or the configuration moved on while settings and policy were being fetched.
   */
  report(document: OpenDocument): Promise<DocumentReport> {
    const entry = this.cache.get(document.uri);
    if (entry && entry.version === document.version && entry.generation === this.generation) return entry.report;
    const version = document.version;
    const generation = this.generation;
    const report = this.compute(document, version, generation);
    this.inFlight++;
    void report.catch(() => undefined).finally(() => this.analysisSettled());
    const created: CacheEntry = { version, generation, report };
    this.cache.set(document.uri, created);
    // A failed or stale computation must not stay cached.
    report.catch(() => {
      if (this.cache.get(document.uri) === created) this.cache.delete(document.uri);
    });
    return report;
  }

  /**
   * Resolves when no analysis of an open document is running: background work (the workspace
   * index) waits for this between files, so an open document's diagnostics never queue behind it.
   */
  whenIdle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Resolves once no analysis of an open document has run for `ms`: work done when typing pauses
   * (an open document's summary) starts after the analyses, not in a gap between two keystrokes.
   */
  async whenQuiet(ms: number): Promise<void> {
    for (;;) {
      await this.whenIdle();
      const quietFor = performance.now() - this.settledAt;
      if (quietFor >= ms && this.inFlight === 0) return;
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, ms - quietFor)));
    }
  }

  private analysisSettled(): void {
    this.settledAt = performance.now();
    this.inFlight--;
    if (this.inFlight > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Like report(), retrying a few times while the inputs keep moving. */
  async currentReport(document: OpenDocument, isCancelled: () => boolean = () => false): Promise<DocumentReport | undefined> {
    for (let attempt = 0; attempt < 5 && !isCancelled(); attempt++) {
      try {
        return await this.report(document);
      } catch (error) {
        if (!(error instanceof StaleAnalysis)) throw error;
      }
    }
    return undefined;
  }

  private async compute(document: OpenDocument, version: number, generation: number): Promise<DocumentReport> {
    const resultId = `${version}:${generation}`;
    const empty: DocumentReport = { uri: document.uri, version, resultId, diagnostics: [] };
    const settings = await this.settings.forResource(document.uri);
    this.assertCurrent(document, version, generation);
    if (!settings.enable) return empty;

    if (this.policies.isPolicyFile(document.filePath)) {
      const problems = await this.policies.validateText(document.text, document.displayPath);
      this.assertCurrent(document, version, generation);
      return { ...empty, diagnostics: problems.map(policyDiagnosticToLsp) };
    }
    if (!document.engineLanguage) return empty;

    const loaded = await this.policies.forFile(document.filePath, settings.policyPath);
    this.assertCurrent(document, version, generation);
    // The policy's `ignore` applies in the editor as in CI: the two never disagree.
    if (document.filePath && isIgnoredByPolicy(loaded.policy, document.filePath)) return empty;
    const auditContext = await this.auditContextFor(document.filePath);
    this.assertCurrent(document, version, generation);

    // From here on everything is synchronous: the text analysed is the text of `version`.
    const started = performance.now();
    const workspace = document.filePath ? this.workspaceFor(document.filePath) : undefined;
    const options = {
      maxFileSizeKb: settings.maxFileSizeKb,
      maxFileSizeName: 'phiGuard.maxFileSizeKb',
      ruleSeverity: settings.rules,
      workspace,
      projectRoot: document.filePath ? this.policies.workspaceFolderOf(document.filePath) : undefined,
      ...(auditContext ? { auditContext } : {}),
    };
    let result: AnalysisResult;
    if (document.text.length > settings.maxFileSizeKb * 1024) {
      // Too large to keep a tree for: the engine reports the skip without parsing.
      document.releaseTree();
      result = analyze({ text: document.text, path: document.displayPath, languageId: document.engineLanguage }, loaded.policy, options);
    } else {
      result = analyzeDocument(document.parsedDocument(), document.displayPath, loaded.policy, options);
    }
    logAnalysisFailures(this.logger, result, document.displayPath);
    this.logger.trace(
      `analysed ${document.displayPath} v${version}: ${result.findings.length} findings` +
        `${result.skipped ? ` (skipped: ${result.skipped.reason})` : ''} in ${(performance.now() - started).toFixed(1)} ms`,
    );
    // This document may be a settings module or a Nest bootstrap file: its current text counts.
    // Read after this analysis is delivered (a regular-expression pass over the whole text at every
    // keystroke): this analysis used the context from before its text either way, and a changed
    // context re-analyses the open documents.
    const { filePath, text } = document;
    if (this.auditContexts) setImmediate(() => void this.auditContexts?.documentChanged(filePath, text).catch(() => undefined));
    const diagnostics = findingsToDiagnostics(result, document.uri, version, this.features);
    // Re-analysed for a changed helper with the same outcome, the report stays `unchanged`.
    const digest = createHash('sha256').update(JSON.stringify(diagnostics)).digest('hex').slice(0, 12);
    return { ...empty, resultId: `${resultId}:${digest}`, result, diagnostics };
  }

  private assertCurrent(document: OpenDocument, version: number, generation: number): void {
    if (document.closed || document.version !== version || this.generation !== generation) throw new StaleAnalysis();
  }
}

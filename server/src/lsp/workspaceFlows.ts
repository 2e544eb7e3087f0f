// The editor's workspace index (docs/architecture.md, "Flows across functions and files"): the
// summaries of every source file of each workspace folder, so a squiggle in an open file can come
// from a helper in a closed one. Built in the background at start-up (one file per turn of the
// event loop, paused while an open document is being analysed, with `$/progress` when the client
// supports it), so diagnostics of open files never wait for it; updated when an open document
// pauses, when files change on disk; and the open documents whose findings depend on a changed
// summary are re-diagnosed. Summaries only: no source text, no trees.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType, type Connection, type FileEvent } from 'vscode-languageserver/node';
import { languageFromPath, summarizeDocument, summarizeFile, SUPPORTED_EXTENSIONS, WorkspaceIndex, type FileSummary } from '../engine';
import type { LoadedPolicy } from '../policy';
import { FolderPolicies } from '../workspace/folder-policies';
import { findSourceFiles } from '../workspace/find-source-files';
import { tsconfigPaths } from '../workspace/tsconfig-paths';
import type { OpenDocument } from './documentStore';
import type { DocumentStore } from './documentStore';
import type { Logger } from './logger';
import { uriToPath } from './uris';

/** An open document's summary is updated once typing pauses this long. */
const SUMMARY_DEBOUNCE_MS = 500;
/**
 * ... and once no open document has been analysed for this long. A change that arrives while an
 * analysis runs is read only after it, and a timer that fell due meanwhile runs first: without
 * this quiet time the summary of a large file (a near-full analysis of it) started while the
 * next keystroke was already waiting, which then waited for the summary too.
 */
const SUMMARY_QUIET_MS = 150;
/**
 * The index starts this long after start-up: the editor opens its visible files right after
 * `initialized`, and their first diagnostics should not share the event loop with the discovery.
 */
const INDEX_START_DELAY_MS = 300;
/** Files larger than this are not summarised (the editor's default analysis limit). */
const MAX_SUMMARY_BYTES = 1024 * 1024;

export class WorkspaceFlows {
  private indexes: { folder: string; index: WorkspaceIndex }[] = [];
  private policies = new FolderPolicies();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The text (and policy) an open document's summary in the index was made from. */
  private readonly summarised = new WeakMap<OpenDocument, { text: string; policy: LoadedPolicy['policy'] }>();
  private build = 0;

  constructor(
    private readonly connection: Connection,
    private readonly documents: DocumentStore,
    private readonly logger: Logger,
    private readonly options: {
      progress: boolean;
      watchFiles: boolean;
      /** Resolves when no open document is being analysed: the build gives way to them. */
      openDocumentsIdle?: () => Promise<void>;
      /** Resolves once no open document has been analysed for `ms`: an open document's summary waits for it. */
      openDocumentsQuiet?: (ms: number) => Promise<void>;
    },
    /** Open documents whose findings may have changed with a summary. */
    private readonly onDependentsChanged: (uris: string[]) => void,
  ) {}

  /** The index a file's calls are followed with: its workspace folder's. */
  indexFor(filePath: string): WorkspaceIndex | undefined {
    let best: { folder: string; index: WorkspaceIndex } | undefined;
    for (const entry of this.indexes) {
      if (isInside(filePath, entry.folder) && (!best || entry.folder.length > best.folder.length)) best = entry;
    }
    return best?.index;
  }

  /** (Re)builds the indexes of the workspace folders, in the background. */
  start(folders: readonly string[]): void {
    const build = ++this.build;
    this.policies = new FolderPolicies();
    this.indexes = folders.map((folder) => ({ folder, index: new WorkspaceIndex(folder, tsconfigPaths(folder)) }));
    if (this.options.watchFiles && build === 1) {
      const globPattern = `**/*{${SUPPORTED_EXTENSIONS.join(',')}}`;
      this.connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern }] })
        .catch((error) => this.logger.exception('registering the source file watcher failed', error));
    }
    void this.buildAll(build).catch((error) => this.logger.exception('building the workspace index failed', error));
  }

  /** An open document changed: its summary follows once typing pauses. */
  documentChanged(document: OpenDocument): void {
    const filePath = document.filePath;
    if (!filePath || !this.indexFor(filePath) || !document.engineLanguage) return;
    const pending = this.timers.get(document.uri);
    if (pending) clearTimeout(pending);
    this.timers.set(
      document.uri,
      setTimeout(() => {
        this.timers.delete(document.uri);
        void this.summarizeOpenDocument(document, filePath).catch((error) => this.logger.exception('summarising an open document failed', error));
      }, SUMMARY_DEBOUNCE_MS),
    );
  }

  /**
   * After the document's own diagnostics: on open, its first analysis may still be waiting for
   * the workspace's audit context, and a summary parsed beside it would delay the first squiggle.
   */
  private async summarizeOpenDocument(document: OpenDocument, filePath: string): Promise<void> {
    await (this.options.openDocumentsQuiet?.(SUMMARY_QUIET_MS) ?? this.options.openDocumentsIdle?.());
    // Closed, or typed into again: the newer timer summarises the newer text.
    if (document.closed || this.timers.has(document.uri)) return;
    const { text, version } = document;
    const policy = this.policies.forFile(filePath).policy;
    // Typed into and back (an undo, a character typed and deleted): the index holds this text's summary.
    const before = this.summarised.get(document);
    if (before && before.text === text && before.policy === policy) return;
    const summary = this.summarizeOpen(document, filePath, policy);
    // A keystroke that came while the file was summarised is answered before the index is
    // updated and the dependents re-checked; the next pause summarises the newer text.
    await yieldToPendingMessages();
    if (document.closed || this.timers.has(document.uri) || document.version !== version) return;
    this.update(filePath, summary);
    this.summarised.set(document, { text, policy });
  }

  /** From the document's own tree, brought up to date incrementally: a pause costs no full parse of the file. */
  private summarizeOpen(document: OpenDocument, filePath: string, policy: LoadedPolicy['policy']): FileSummary | undefined {
    if (!document.engineLanguage || document.text.length > MAX_SUMMARY_BYTES) return this.summarize(filePath, document.text);
    try {
      return summarizeDocument(document.parsedDocument(), filePath, policy);
    } catch (error) {
      this.logger.trace(`summarising ${path.basename(filePath)} failed (${error instanceof Error ? error.name : typeof error})`);
      return undefined;
    }
  }

  /** A document was closed: what is on disk counts again. */
  documentClosed(filePath: string | undefined): void {
    if (filePath && this.indexFor(filePath)) void this.refreshFromDisk(filePath);
  }

  /** Files created, changed or deleted on disk (not the open ones: their editor text counts). */
  filesChanged(changes: readonly FileEvent[]): void {
    for (const change of changes) {
      const filePath = uriToPath(change.uri);
      if (!filePath || !languageFromPath(filePath) || !this.indexFor(filePath) || filePath.split(path.sep).includes('node_modules')) continue;
      if (this.documents.all().some((document) => document.filePath === filePath)) continue;
      if (change.type === FileChangeType.Deleted) this.update(filePath, undefined);
      else void this.refreshFromDisk(filePath);
    }
  }

  dispose(): void {
    this.build++;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private async buildAll(build: number): Promise<void> {
    const started = performance.now();
    const progress = this.options.progress ? await this.connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('PHI Guard: indexing the workspace', 0, undefined, false);
    let done = 0;
    try {
      await new Promise((resolve) => setTimeout(resolve, INDEX_START_DELAY_MS));
      await this.options.openDocumentsIdle?.();
      if (build !== this.build) return;
      for (const { folder, index } of this.indexes) {
        const discovery = await findSourceFiles([folder], folder, this.policies);
        if (build !== this.build) return;
        index.addKnownFiles(discovery.files);
        for (const file of discovery.files) {
          await this.options.openDocumentsIdle?.();
          if (build !== this.build) return;
          const summary = await this.readSummary(file);
          if (build !== this.build) return;
          if (summary) index.set(summary);
          done++;
          if (done % 50 === 0) progress?.report(`${done} files`);
          // One file per turn: requests and diagnostics of open files are answered in between.
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      // Open documents: their editor text, not the disk's.
      for (const document of this.documents.all()) {
        const index = document.filePath ? this.indexFor(document.filePath) : undefined;
        const summary = index && document.engineLanguage ? this.summarize(document.filePath!, document.text) : undefined;
        if (summary) index!.set(summary);
      }
    } finally {
      progress?.done();
    }
    this.logger.info(`workspace index: ${done} files summarised in ${(performance.now() - started).toFixed(0)} ms`);
    // Everything open was analysed without (part of) the index.
    this.onDependentsChanged(this.documents.all().map((document) => document.uri));
  }

  private async refreshFromDisk(filePath: string): Promise<void> {
    this.update(filePath, await this.readSummary(filePath));
  }

  private async readSummary(filePath: string): Promise<FileSummary | undefined> {
    try {
      const stat = await fs.stat(filePath);
      if (!stat.isFile() || stat.size > MAX_SUMMARY_BYTES) return undefined;
      return this.summarize(filePath, await fs.readFile(filePath, 'utf8'));
    } catch {
      return undefined;
    }
  }

  private summarize(filePath: string, text: string): FileSummary | undefined {
    try {
      return summarizeFile({ text, path: filePath }, this.policies.forFile(filePath).policy);
    } catch (error) {
      // Followed into by no call; the file's own analysis reports what failed.
      this.logger.trace(`summarising ${path.basename(filePath)} failed (${error instanceof Error ? error.name : typeof error})`);
      return undefined;
    }
  }

  /** Replaces a file's summary; re-diagnoses the open documents whose dependencies changed. */
  private update(filePath: string, summary: FileSummary | undefined): void {
    const index = this.indexFor(filePath);
    if (!index) return;
    const old = index.file(filePath);
    if (old && summary && JSON.stringify(old) === JSON.stringify(summary)) return;
    if (!old && !summary) return;
    const open = this.documents.all().filter((document) => document.filePath && this.indexFor(document.filePath) === index);
    const before = open.map((document) => index.dependencyKey(document.filePath!));
    if (summary) index.set(summary);
    else index.delete(filePath);
    const changed = open.filter((document, i) => index.dependencyKey(document.filePath!) !== before[i]).map((document) => document.uri);
    if (changed.length) this.onDependentsChanged(changed);
  }
}

/**
 * Two turns of the event loop: messages that arrived while the loop was busy are read in the first
 * (the protocol library dispatches each on a later turn), and dispatched before the second ends.
 */
async function yieldToPendingMessages(): Promise<void> {
  for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return !!relative && !relative.startsWith('..') && !path.isAbsolute(relative);
}

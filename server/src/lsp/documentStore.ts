// The open documents. Each keeps its text (vscode-languageserver-textdocument) and, once it has
// been analysed, the engine's ParsedDocument. Content changes are queued and handed to the
// engine in one batch when analysis actually runs, so typing a burst of characters costs one
// incremental reparse, not one per keystroke (docs/architecture.md).

import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  DidChangeTextDocumentParams,
  DidOpenTextDocumentParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import { ParsedDocument, languageFromPath, type LanguageId, type TextChange } from '../engine';
import { isLanguageId } from '../engine/model/languages';
import { uriToPath } from './uris';

export class OpenDocument {
  private parsed: ParsedDocument | undefined;
  /** Changes the text has seen and the tree has not; `replace` when a full-text change came in. */
  private pending: TextChange[] | 'replace' = [];
  /** When the last change arrived (ms, monotonic): analysis waits for a quiet period after it. */
  lastChangeAt = 0;
  /** Set on didClose: work still in flight for this document must not touch it any more. */
  closed = false;
  readonly filePath: string | undefined;
  /** The engine language, or undefined when PHI Guard does not analyse this kind of file. */
  readonly engineLanguage: LanguageId | undefined;

  constructor(private document: TextDocument) {
    this.filePath = uriToPath(document.uri);
    this.engineLanguage = isLanguageId(document.languageId)
      ? document.languageId
      : languageFromPath(this.filePath ?? document.uri);
  }

  get uri(): string {
    return this.document.uri;
  }
  get version(): number {
    return this.document.version;
  }
  get languageId(): string {
    return this.document.languageId;
  }
  get text(): string {
    return this.document.getText();
  }
  get textDocument(): TextDocument {
    return this.document;
  }
  /** A name for logs and for the engine: the path, else the URI (untitled buffers). */
  get displayPath(): string {
    return this.filePath ?? this.document.uri;
  }
  get basename(): string {
    return path.basename(this.filePath ?? this.document.uri);
  }

  applyChanges(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    // Each range is clamped into the text it applies to: vscode-languageserver-textdocument keeps
    // wrong line offsets after a change whose range starts past the last line (found by
    // fuzzing), and every later change would then land in the wrong place.
    const applied: TextDocumentContentChangeEvent[] = [];
    for (const change of changes) {
      const document = this.document;
      const clamp = (position: { line: number; character: number }) => document.positionAt(document.offsetAt(position));
      const safe = 'range' in change ? { ...change, range: { start: clamp(change.range.start), end: clamp(change.range.end) } } : change;
      this.document = TextDocument.update(this.document, [safe], version);
      applied.push(safe);
    }
    changes = applied;
    this.lastChangeAt = performance.now();
    if (!this.parsed) return;
    for (const change of changes) {
      if (this.pending === 'replace') break;
      if ('range' in change) this.pending.push({ range: change.range, text: change.text });
      else this.pending = 'replace';
    }
  }

  /**
   * The syntax tree brought up to date with the text (incrementally when possible). Created on
   * first use so files that are never analysed (too large, unsupported) are never parsed.
   */
  parsedDocument(): ParsedDocument {
    if (!this.engineLanguage || this.closed) throw new Error('not an analysable open document');
    if (!this.parsed) {
      this.parsed = new ParsedDocument(this.engineLanguage, this.text);
      this.pending = [];
      return this.parsed;
    }
    const text = this.text;
    if (this.pending === 'replace') this.parsed.replaceText(text);
    else if (this.pending.length) this.parsed.applyChanges(this.pending);
    this.pending = [];
    // The incremental path must give the same text as the document; if it ever does not, a
    // full reparse is cheaper than a wrong finding.
    if (this.parsed.text !== text) this.parsed.replaceText(text);
    return this.parsed;
  }

  /** Frees the tree (a file grew past the size limit, or was closed). */
  releaseTree(): void {
    this.parsed?.dispose();
    this.parsed = undefined;
    this.pending = [];
  }
}

export class DocumentStore {
  private readonly documents = new Map<string, OpenDocument>();

  open(params: DidOpenTextDocumentParams): OpenDocument {
    const { uri, languageId, version, text } = params.textDocument;
    this.close(uri);
    // lastChangeAt stays 0: a freshly opened file is analysed without waiting for a quiet period.
    const document = new OpenDocument(TextDocument.create(uri, languageId, version, text));
    this.documents.set(uri, document);
    return document;
  }

  change(params: DidChangeTextDocumentParams): OpenDocument | undefined {
    const document = this.documents.get(params.textDocument.uri);
    document?.applyChanges(params.contentChanges, params.textDocument.version);
    return document;
  }

  close(uri: string): OpenDocument | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    document.closed = true;
    document.releaseTree();
    this.documents.delete(uri);
    return document;
  }

  get(uri: string): OpenDocument | undefined {
    return this.documents.get(uri);
  }

  all(): OpenDocument[] {
    return [...this.documents.values()];
  }

  dispose(): void {
    for (const document of this.documents.values()) document.releaseTree();
    this.documents.clear();
  }
}

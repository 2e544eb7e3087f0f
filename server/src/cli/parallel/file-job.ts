// One file's work, the same on the main thread (`--jobs 1`, small scans) and in a scan worker:
// read it, hash the bytes (for the cache), analyse it. Whatever happens, the outcome is plain
// data that survives postMessage and never holds source text.

import { createHash } from 'node:crypto';
import {
  analyze,
  analyzeFacts,
  isDataLanguage,
  languageFromPath,
  prepareFile,
  summarizeFile,
  type AnalysisResult,
  type AnalyzeOptions,
  type FileSummary,
  type PreparedFile,
  type ResolvedPolicy,
} from '../../engine';
import { readSourceFile } from '../source-file';

export type FileOutcome =
  | { kind: 'read-failure'; reason: 'too-large' | 'binary' | 'unreadable'; detail: string }
  /** `contentHash`: sha256 (hex) of the bytes that were analysed. */
  | { kind: 'analyzed'; result: AnalysisResult; contentHash: string }
  /**
   * The analyser threw, or the worker running it died (`timedOut`: stopped by `--file-timeout`).
   * `detail` never quotes source text.
   */
  | { kind: 'analysis-failed'; detail: string; timedOut?: boolean }
  /** The first pass of a scan that follows calls across files: the file's function summaries only. */
  | { kind: 'summarized'; summary?: FileSummary; contentHash: string; prepared?: PreparedFile };

/**
 * The outcome without the endpoints and Django routes of its result: only `coverage` reads them,
 * and on a large tree they are most of a result's size (80 % of the results of a generated
 * 50k-line tree), held by the main thread for every file until the report is written.
 */
export function withoutEndpoints(outcome: FileOutcome): FileOutcome {
  if (outcome.kind !== 'analyzed' || (!outcome.result.endpoints && !outcome.result.routes)) return outcome;
  const { endpoints: _endpoints, routes: _routes, ...result } = outcome.result;
  return { ...outcome, result };
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function analyzeFile(file: string, policy: ResolvedPolicy, options: AnalyzeOptions): Promise<FileOutcome> {
  // A data file larger than the limit is read up to it and reported as partly read.
  const read = await readSourceFile(file, options.maxFileSizeKb, isDataFile(file));
  if (!read.ok) return { kind: 'read-failure', reason: read.reason, detail: read.detail };
  return analyzeText(read.source.text, contentHash(read.bytes), file, policy, options, read.totalBytes);
}

export function isDataFile(file: string): boolean {
  const languageId = languageFromPath(file);
  return languageId !== undefined && isDataLanguage(languageId);
}

export function analyzeText(text: string, hash: string, file: string, policy: ResolvedPolicy, options: AnalyzeOptions, totalBytes?: number): FileOutcome {
  try {
    return { kind: 'analyzed', result: analyze({ text, path: file, totalBytes }, policy, options), contentHash: hash };
  } catch (error) {
    return { kind: 'analysis-failed', detail: `the analyser failed (${describeError(error)})` };
  }
}

/** The error's type and code only: an exception message may quote source text. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as NodeJS.ErrnoException).code;
  return code ? `${error.name} ${code}` : error.name;
}

/** The workspace index's pass over a file: its summaries (undefined for a file without functions to follow). */
export async function summarizeOneFile(file: string, policy: ResolvedPolicy, options: AnalyzeOptions): Promise<FileOutcome> {
  const read = await readSourceFile(file, options.maxFileSizeKb);
  if (!read.ok) return { kind: 'read-failure', reason: read.reason, detail: read.detail };
  try {
    const summary = summarizeFile({ text: read.source.text, path: file }, policy, options);
    return { kind: 'summarized', contentHash: contentHash(read.bytes), ...(summary ? { summary } : {}) };
  } catch (error) {
    return { kind: 'analysis-failed', detail: `the analyser failed (${describeError(error)})` };
  }
}

/** Like summarizeOneFile, keeping the facts for the analysis (main thread only: facts hold the text). */
export async function prepareOneFile(file: string, policy: ResolvedPolicy, options: AnalyzeOptions): Promise<FileOutcome> {
  const read = await readSourceFile(file, options.maxFileSizeKb);
  if (!read.ok) return { kind: 'read-failure', reason: read.reason, detail: read.detail };
  const hash = contentHash(read.bytes);
  try {
    const ready = prepareFile({ text: read.source.text, path: file }, policy, options);
    // Nothing for a file the engine does not analyse: its analysis says why.
    return ready ? { kind: 'summarized', contentHash: hash, summary: ready.summary, prepared: ready.prepared } : { kind: 'summarized', contentHash: hash };
  } catch (error) {
    return { kind: 'analysis-failed', detail: `the analyser failed (${describeError(error)})` };
  }
}

/** The analysis of facts the index's first pass extracted. */
export function analyzePreparedFile(prepared: PreparedFile, hash: string, file: string, policy: ResolvedPolicy, options: AnalyzeOptions): FileOutcome {
  try {
    return { kind: 'analyzed', result: analyzeFacts(prepared, file, policy, options), contentHash: hash };
  } catch (error) {
    return { kind: 'analysis-failed', detail: `the analyser failed (${describeError(error)})` };
  }
}

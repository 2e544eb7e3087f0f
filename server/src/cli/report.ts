// What a scan produces, before it is formatted. Paths are kept both absolute (to read and write)
// and as displayed (relative to the cwd, forward slashes).

import type { AnalysisResult, RuleId } from '../engine';
import type { PolicyDiagnostic, PolicyOverride } from '../policy';

export interface ScannedFile {
  path: string;
  display: string;
  /** Undefined when the file could not be read (see the notices). */
  result?: AnalysisResult;
  /** The policy file that governed this file, if any (absolute). */
  policyFile?: string;
  /** Why there is no `result`: the file was not read, or its analysis crashed. */
  readFailure?: 'too-large' | 'binary' | 'unreadable' | 'analysis-failed';
  /** With `readFailure: 'analysis-failed'`: whether it was `--file-timeout` that stopped it. */
  timedOut?: boolean;
}

/**
 * Why a source file was not analysed. Each one fails a scan (exit code 2) unless
 * `--allow-unanalysed`: a file nobody looked at is not a clean file.
 */
export const NOT_ANALYSED_REASONS = ['too-large', 'binary', 'unreadable', 'timed-out', 'crashed', 'minified', 'too-deep'] as const;
export type NotAnalysedReason = (typeof NOT_ANALYSED_REASONS)[number];

/** Why `file` was not analysed; undefined when it was, or when it is not a source file at all. */
export function notAnalysedReason(file: ScannedFile): NotAnalysedReason | undefined {
  if (file.readFailure === 'analysis-failed') return file.timedOut ? 'timed-out' : 'crashed';
  if (file.readFailure) return file.readFailure;
  const skipped = file.result?.skipped?.reason;
  // A file named on the command line that PHI Guard has no analyser for is not a source file.
  return skipped === 'unsupported-language' ? undefined : skipped;
}

export type NoticeKind =
  | 'too-large'
  | 'binary'
  | 'minified'
  | 'too-deep'
  | 'unsupported-language'
  | 'unreadable'
  | 'rule-failure'
  | 'internal-error'
  | 'unknown-suppression-rule'
  | 'fix-refused'
  | 'syntax-errors'
  | 'analysis-failed'
  | 'policy'
  | 'policy-extends-outside'
  | 'partly-read';

export interface Notice {
  kind: NoticeKind;
  level: 'error' | 'warning' | 'note';
  /** Never contains source text. */
  message: string;
  /** Display path of the file concerned. */
  file?: string;
  /** Absolute path of the file concerned (for SARIF locations). */
  absolutePath?: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
  ruleId?: RuleId;
  /** Machine-readable code, e.g. the policy diagnostic code. */
  code?: string;
}

export interface ScanReport {
  cwd: string;
  files: ScannedFile[];
  notices: Notice[];
  policyDiagnostics: PolicyDiagnostic[];
  /** Rules the policies turn off or below their default severity, with the file that did it. */
  policyOverrides?: PolicyOverride[];
  /** Files and folders left out by .gitignore or the policy's `ignore`. */
  ignoredCount: number;
  /** With `--cache`: files whose result came from the cache, and files analysed. */
  cache?: CacheStats;
  /**
   * `--allow-unanalysed`: files that could not be analysed are reported, but do not fail the run.
   * Undefined for a command that has no such option.
   */
  allowUnanalysed?: boolean;
  /** Folders that could not be listed: the files in them were not analysed either. */
  foldersNotRead?: number;
}

export interface CacheStats {
  hits: number;
  misses: number;
}

export function hasPolicyErrors(report: Pick<ScanReport, 'policyDiagnostics'>): boolean {
  return report.policyDiagnostics.some((d) => d.severity === 'error');
}

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
}

export type NoticeKind =
  | 'too-large'
  | 'binary'
  | 'minified'
  | 'too-deep'
  | 'unsupported-language'
  | 'unreadable'
  | 'rule-failure'
  | 'unknown-suppression-rule'
  | 'fix-refused'
  | 'syntax-errors'
  | 'analysis-failed'
  | 'policy'
  | 'policy-extends-outside';

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
}

export interface CacheStats {
  hits: number;
  misses: number;
}

export function hasPolicyErrors(report: Pick<ScanReport, 'policyDiagnostics'>): boolean {
  return report.policyDiagnostics.some((d) => d.severity === 'error');
}

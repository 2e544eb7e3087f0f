// `phi-guard scan --format json`: the machine-readable report, e.g. for an auditor reviewing
// suppressions. Every line/column is 1-based (columns in UTF-16 code units, end column
// exclusive); every path is relative to the working directory with forward slashes. Nothing in
// it quotes source text or PHI values.

import type { Finding, PhiCategory, RuleId, Severity, Suppression } from '../../engine';
import { displayPath } from '../display-path';
import { notAnalysedReason, type NotAnalysedReason, type Notice, type ScanReport, type ScannedFile } from '../report';
import { policyDiagnosticNotice } from './notices-text';
import { jsonPolicyOverrides, type JsonPolicyOverride } from './policy-overrides';
import { fileFingerprints } from './fingerprint';
import { findingRegion, regionOf, type Region } from './positions';
import { hasPreferredFix, summarize, type ScanSummary } from './summary';
import { suppressionHides } from './suppression-match';

/** The shape of the JSON report. Fields are only ever added, never renamed. */
export interface JsonReport {
  /** PHI Guard's version. */
  version: string;
  /** Every file considered, analysed or skipped. */
  files: JsonFile[];
  /** Findings not hidden by a suppression comment, by file then line. */
  findings: JsonFinding[];
  /** Every suppression comment, with or without a reason. */
  suppressions: JsonSuppression[];
  /** Skipped files, failed rules, unknown rule ids in suppressions, policy problems. */
  notices: JsonNotice[];
  /** Rules the policy turns off or below their default severity, with the file that did it. */
  policyOverrides: JsonPolicyOverride[];
  summary: ScanSummary;
}

export interface JsonFile {
  file: string;
  /** Whether the engine analysed it; `skipped` says why not. */
  analyzed: boolean;
  skipped?: string;
  /**
   * Set when this source file could not be analysed, which fails the scan unless
   * `--allow-unanalysed`: too-large, binary, unreadable, timed-out, crashed, minified, too-deep.
   */
  notAnalysed?: NotAnalysedReason;
  findings: number;
  suppressed: number;
  /** The policy file that applied (relative path), absent when the built-in defaults applied. */
  policy?: string;
}

export interface JsonFinding extends Region {
  file: string;
  /** Same as startLine / startColumn. */
  line: number;
  column: number;
  ruleId: RuleId;
  severity: Severity;
  message: string;
  /** The PHI elements involved, by catalogue name and category (never values). */
  phi: { element: string; category: PhiCategory }[];
  sink?: string;
  /** Source first, sink last; empty when the PHI sits in the sink's own argument. */
  /** `file`: set when the step is in another file (a sink inside a helper the finding's call reaches). */
  flow: (Region & { line: number; column: number; label: string; file?: string })[];
  hipaa: string;
  /** Whether `phi-guard fix` has a preferred fix for it. */
  fixable: boolean;
  fixes: { title: string; kind: string; isPreferred: boolean }[];
  /**
   * Stable across runs and line moves, the same as SARIF's `partialFingerprints`: what
   * `--baseline FILE` matches findings by. Hashes no source text.
   */
  fingerprint: string;
}

export interface JsonSuppression {
  file: string;
  /** `policy`: an entry of the policy's `suppressions` (for files that cannot hold a comment); absent for comments. */
  source?: 'policy';
  /** 1-based line of the comment; null for a policy suppression (it covers the whole file). */
  line: number | null;
  /** 1-based line whose findings it hides; null for a policy suppression. */
  appliesToLine: number | null;
  rules: RuleId[];
  /** null when the comment gives no `-- reason` (reported as unjustified-suppression). */
  reason: string | null;
  /** How many findings it hid in this run. */
  suppressedFindings: number;
}

export interface JsonNotice {
  kind: Notice['kind'];
  level: Notice['level'];
  message: string;
  file?: string;
  line?: number;
  column?: number;
  ruleId?: RuleId;
  code?: string;
}

export function buildJsonReport(report: ScanReport, version: string): JsonReport {
  const notices = [...report.policyDiagnostics.map((d) => policyDiagnosticNotice(d, report.cwd)), ...report.notices];
  return {
    version,
    files: report.files.map((file) => jsonFile(file, report.cwd)),
    findings: report.files.flatMap((file) => {
      if (!file.result) return [];
      const fingerprints = fileFingerprints(file.result, file.display);
      return file.result.findings.map((f) => jsonFinding(f, file.display, fingerprints.get(f)!, report.cwd));
    }),
    suppressions: report.files.flatMap((file) =>
      [
        ...(file.result?.suppressions ?? []).map((s) => jsonSuppression(s, file.display, file.result?.suppressed ?? [])),
        ...(file.result?.policySuppressions ?? []).map((s): JsonSuppression => ({
          file: file.display,
          source: 'policy',
          line: null,
          appliesToLine: null,
          rules: s.rules,
          reason: s.reason,
          suppressedFindings: s.suppressedFindings,
        })),
      ],
    ),
    notices: notices.map(({ absolutePath: _absolute, ...notice }) => notice),
    policyOverrides: jsonPolicyOverrides(report.policyOverrides, report.cwd),
    summary: summarize(report),
  };
}

export function formatJson(report: ScanReport, version: string): string {
  return `${JSON.stringify(buildJsonReport(report, version), null, 2)}\n`;
}

function jsonFile(file: ScannedFile, cwd: string): JsonFile {
  const relativePolicy = file.policyFile ? displayPath(file.policyFile, cwd) : undefined;
  const notAnalysed = notAnalysedReason(file);
  return {
    file: file.display,
    analyzed: Boolean(file.result && !file.result.skipped),
    ...(file.result?.skipped ? { skipped: file.result.skipped.reason } : file.result ? {} : { skipped: file.readFailure ?? 'unreadable' }),
    ...(notAnalysed ? { notAnalysed } : {}),
    findings: file.result?.findings.length ?? 0,
    suppressed: file.result?.suppressed.length ?? 0,
    ...(relativePolicy ? { policy: relativePolicy } : {}),
  };
}

function jsonFinding(finding: Finding, file: string, fingerprint: string, cwd: string): JsonFinding {
  const region = findingRegion(finding);
  return {
    file,
    line: region.startLine,
    column: region.startColumn,
    ...region,
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    phi: finding.phi.map(({ element, category }) => ({ element, category })),
    ...(finding.sink ? { sink: finding.sink } : {}),
    flow: finding.flow.map((step) => {
      const stepRegion = regionOf(step.range);
      return { line: stepRegion.startLine, column: stepRegion.startColumn, ...stepRegion, label: step.label, ...(step.path ? { file: displayPath(step.path, cwd) } : {}) };
    }),
    hipaa: finding.hipaa,
    fixable: hasPreferredFix(finding),
    fixes: finding.fixes.map(({ title, kind, isPreferred }) => ({ title, kind, isPreferred })),
    fingerprint,
  };
}

function jsonSuppression(suppression: Suppression, file: string, suppressed: readonly Finding[]): JsonSuppression {
  return {
    file,
    line: suppression.line + 1,
    appliesToLine: suppression.appliesToLine + 1,
    rules: suppression.rules,
    reason: suppression.reason ?? null,
    suppressedFindings: suppressed.filter((f) => suppressionHides(suppression, f)).length,
  };
}

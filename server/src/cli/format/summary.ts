// Counts shared by every output format and by the exit code.

import type { Finding, Severity } from '../../engine';
import { NOT_ANALYSED_REASONS, notAnalysedReason, type CacheStats, type NotAnalysedReason, type ScanReport } from '../report';

export interface ScanSummary {
  /** Files analysed (same as `filesAnalysed`). */
  filesScanned: number;
  /** Files not analysed, including files named on the command line that are not source files. */
  filesSkipped: number;
  filesIgnored: number;
  /** Source files the engine analysed. */
  filesAnalysed: number;
  /** Source files that could not be analysed: each fails the scan unless `--allow-unanalysed`. */
  filesNotAnalysed: number;
  /** `filesNotAnalysed` by reason, only the reasons that occurred. */
  notAnalysedByReason: Partial<Record<NotAnalysedReason, number>>;
  /** Folders that could not be listed (their files are not counted anywhere). */
  foldersNotRead: number;
  /** Analysed files on which a rule or an analysis step (endpoint discovery, Django routes) failed: what it would have found is missing, so they fail the scan like unanalysed files. */
  filesPartlyAnalysed: number;
  findings: number;
  errors: number;
  warnings: number;
  infos: number;
  suppressed: number;
  /** Findings that have a preferred fix `phi-guard fix` would apply. */
  fixable: number;
  policyErrors: number;
  /** Only with `--cache`: files whose result came from the cache (hits) and files analysed (misses). */
  cache?: CacheStats;
}

export function allFindings(report: Pick<ScanReport, 'files'>): Finding[] {
  return report.files.flatMap((file) => file.result?.findings ?? []);
}

export function hasPreferredFix(finding: Finding): boolean {
  return finding.fixes.some((fix) => fix.isPreferred && fix.kind !== 'suppress');
}

/** Whether the run fails (exit code 2) because something was not analysed, or not by every rule. */
export function unanalysedFails(report: ScanReport): boolean {
  if (report.allowUnanalysed) return false;
  return (report.foldersNotRead ?? 0) > 0 || report.files.some((file) => notAnalysedReason(file) !== undefined || isPartlyAnalysed(file));
}

function isPartlyAnalysed(file: ScanReport['files'][number]): boolean {
  return (file.result?.ruleFailures.length ?? 0) > 0 || (file.result?.internalErrors?.length ?? 0) > 0;
}

export function summarize(report: ScanReport): ScanSummary {
  const findings = allFindings(report);
  const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  const analysed = report.files.filter((f) => f.result && !f.result.skipped).length;
  const notAnalysedByReason: Partial<Record<NotAnalysedReason, number>> = {};
  let notAnalysed = 0;
  for (const file of report.files) {
    const reason = notAnalysedReason(file);
    if (!reason) continue;
    notAnalysed++;
    notAnalysedByReason[reason] = (notAnalysedByReason[reason] ?? 0) + 1;
  }
  return {
    filesScanned: analysed,
    filesSkipped: report.files.length - analysed,
    filesIgnored: report.ignoredCount,
    filesAnalysed: analysed,
    filesNotAnalysed: notAnalysed,
    notAnalysedByReason: Object.fromEntries(NOT_ANALYSED_REASONS.flatMap((r) => (notAnalysedByReason[r] ? [[r, notAnalysedByReason[r]]] : []))),
    foldersNotRead: report.foldersNotRead ?? 0,
    filesPartlyAnalysed: report.files.filter(isPartlyAnalysed).length,
    findings: findings.length,
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    suppressed: report.files.reduce((n, f) => n + (f.result?.suppressed.length ?? 0), 0),
    fixable: findings.filter(hasPreferredFix).length,
    policyErrors: report.policyDiagnostics.filter((d) => d.severity === 'error').length,
    ...(report.cache ? { cache: { hits: report.cache.hits, misses: report.cache.misses } } : {}),
  };
}

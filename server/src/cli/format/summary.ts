// Counts shared by every output format and by the exit code.

import type { Finding, Severity } from '../../engine';
import type { CacheStats, ScanReport } from '../report';

export interface ScanSummary {
  filesScanned: number;
  filesSkipped: number;
  filesIgnored: number;
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

export function summarize(report: ScanReport): ScanSummary {
  const findings = allFindings(report);
  const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  return {
    filesScanned: report.files.filter((f) => f.result && !f.result.skipped).length,
    filesSkipped: report.files.filter((f) => !f.result || f.result.skipped).length,
    filesIgnored: report.ignoredCount,
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

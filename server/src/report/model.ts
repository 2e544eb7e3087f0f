// The compliance report for an auditor (`phi-guard report`, *PHI Guard: Open Compliance Report*):
// one model built from a scan and its policies, rendered to HTML and Markdown by render-*.ts.
// Pure: the caller runs the scan and git and passes what they found. The model holds rule ids,
// paths, positions, element names and the reasons the team wrote — never source text or values.

import { buildCoverageReport, summarizeCoverage, type AnalysisResult, type CoverageEndpoint, type CoverageInput, type CoverageSummary, type ResolvedPolicy, type RuleId, type Severity } from '../engine';
import type { AiToolsModel, PolicyOverride } from '../policy';
import { isoDay } from '../policy';

export const COMPLIANCE_REPORT_VERSION = 1;

/** Who added a line, from `git blame`. */
export interface LineAuthor {
  /** Full commit hash; absent when the line is not committed yet. */
  commit?: string;
  author?: string;
  /** `YYYY-MM-DD`, the author date. */
  date?: string;
}

/** What the report describes: the commit of the scanned tree, when there is one. */
export interface Revision {
  /** Inside a git work tree (even one without a commit yet). */
  repository?: boolean;
  /** Full hash of HEAD; undefined outside a git repository (or a repository without commits). */
  commit?: string;
  branch?: string;
  /** A shallow clone: `git blame` attributes older lines to the oldest commit fetched. */
  shallow?: boolean;
  /** Tracked files differ from `commit`: the report describes the working tree, not the commit alone. */
  uncommittedChanges?: boolean;
}

export interface ReportFile {
  /** As the report shows it: relative to the working folder, `/` separators. */
  display: string;
  absolutePath: string;
  /** Undefined when the file was not analysed. */
  result?: AnalysisResult;
  policy: ResolvedPolicy;
}

export interface ComplianceReportInput {
  generatedAt: Date;
  toolVersion: string;
  /** The paths the report covers, as given (display form). */
  scope: string[];
  revision: Revision;
  files: readonly ReportFile[];
  /** Source files that could not be analysed: the report may miss what they hold. */
  filesNotAnalysed: number;
  /** With their files already in display form. */
  policyOverrides: readonly PolicyOverride[];
  aiTools: AiToolsModel;
  /** `git blame` of one line (1-based); undefined when not known (no repository, untracked file). */
  blame(absolutePath: string, line: number): LineAuthor | undefined;
}

export interface CoverageGroup {
  /** The service or folder, `/`-separated, ending with `/` (`.` for files at the top). */
  name: string;
  summary: CoverageSummary;
}

export interface RuleCount {
  ruleId: RuleId;
  error: number;
  warning: number;
  info: number;
  total: number;
}

export interface SuppressionEntry {
  file: string;
  /** 1-based line of the comment. */
  line: number;
  rules: RuleId[];
  unknownRules: string[];
  /** As written by the team after `--`; undefined when the comment gives none. */
  reason?: string;
  /** Findings it hides in this scan. */
  hides: number;
  added?: LineAuthor;
}

export interface ComplianceReport {
  version: typeof COMPLIANCE_REPORT_VERSION;
  generatedAt: string;
  toolVersion: string;
  scope: string[];
  revision: Revision;
  files: { analysed: number; notAnalysed: number };
  coverage: { summary: CoverageSummary; groups: CoverageGroup[] };
  findings: { total: number; bySeverity: Record<Severity, number>; byRule: RuleCount[] };
  suppressions: SuppressionEntry[];
  policyOverrides: PolicyOverride[];
  aiTools: AiToolsModel;
}

export function buildComplianceReport(input: ComplianceReportInput): ComplianceReport {
  const analysed = input.files.filter((file): file is ReportFile & { result: AnalysisResult } => file.result !== undefined);
  const coverageInputs: CoverageInput[] = analysed.map((file) => ({ display: file.display, absolutePath: file.absolutePath, result: file.result, policy: file.policy }));
  const coverage = buildCoverageReport(coverageInputs);

  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byRule = new Map<RuleId, RuleCount>();
  for (const file of analysed) {
    for (const finding of file.result.findings) {
      bySeverity[finding.severity]++;
      let count = byRule.get(finding.ruleId);
      if (!count) byRule.set(finding.ruleId, (count = { ruleId: finding.ruleId, error: 0, warning: 0, info: 0, total: 0 }));
      count[finding.severity]++;
      count.total++;
    }
  }

  const suppressions: SuppressionEntry[] = [];
  for (const file of analysed) {
    for (const suppression of file.result.suppressions) {
      const line = suppression.line + 1;
      const hides = file.result.suppressed.filter((finding) => finding.line === suppression.appliesToLine && suppression.rules.includes(finding.ruleId)).length;
      suppressions.push({
        file: file.display,
        line,
        rules: [...suppression.rules],
        unknownRules: [...suppression.unknownRules],
        reason: suppression.reason?.trim() || undefined,
        hides,
        added: input.blame(file.absolutePath, line),
      });
    }
  }

  return {
    version: COMPLIANCE_REPORT_VERSION,
    generatedAt: input.generatedAt.toISOString(),
    toolVersion: input.toolVersion,
    scope: [...input.scope],
    revision: input.revision,
    files: { analysed: analysed.filter((file) => !file.result.skipped).length, notAnalysed: input.filesNotAnalysed },
    coverage: { summary: coverage.summary, groups: coverageGroups(coverage.endpoints) },
    findings: {
      total: bySeverity.error + bySeverity.warning + bySeverity.info,
      bySeverity,
      byRule: [...byRule.values()].sort((a, b) => b.error - a.error || b.total - a.total || a.ruleId.localeCompare(b.ruleId)),
    },
    suppressions,
    policyOverrides: [...input.policyOverrides],
    aiTools: input.aiTools,
  };
}

/**
 * Endpoints grouped by service: the folder one level below the folder all endpoint files share
 * (`app/`, `web/` of a repository holding both), so a single-service scan still gets its folders.
 */
export function coverageGroups(endpoints: readonly CoverageEndpoint[]): CoverageGroup[] {
  const folders = endpoints.map((endpoint) => endpoint.file.split('/').slice(0, -1));
  const common = commonPrefix(folders);
  const groups = new Map<string, CoverageEndpoint[]>();
  endpoints.forEach((endpoint, index) => {
    const below = folders[index].slice(common.length);
    const name = below.length > 0 ? `${[...common, below[0]].join('/')}/` : common.length > 0 ? `${common.join('/')}/` : '.';
    let list = groups.get(name);
    if (!list) groups.set(name, (list = []));
    list.push(endpoint);
  });
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, list]) => ({ name, summary: summarizeCoverage(list) }));
}

function commonPrefix(lists: readonly string[][]): string[] {
  if (lists.length === 0) return [];
  const prefix = [...lists[0]];
  for (const list of lists.slice(1)) {
    let i = 0;
    while (i < prefix.length && i < list.length && prefix[i] === list[i]) i++;
    prefix.length = i;
  }
  return prefix;
}

/** `YYYY-MM-DD` of the report's date, as the BAA model counts days. */
export function reportDay(report: ComplianceReport): string {
  return report.aiTools.today || isoDay(new Date(report.generatedAt));
}

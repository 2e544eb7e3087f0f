// The Audit Coverage view and the status bar: the coverage report over the workspace folders.

import type { CoverageEndpoint, CoverageSummary } from '../engine/coverage';
import { request } from './messages';

export interface AuditCoverageParams {
  /** Workspace folder URIs (`file:`) to cover. */
  folders: string[];
}

/** One endpoint of the report (docs/coverage-report.md), with the URI of its file. */
export interface AuditCoverageEndpoint extends CoverageEndpoint {
  uri: string;
}

export interface AuditCoverageResult {
  summary: CoverageSummary;
  endpoints: AuditCoverageEndpoint[];
  /** Findings of every rule over the same files (for the status bar). */
  findings: { total: number; errors: number; warnings: number };
  /** Files analysed; `truncated` when the workspace had more than the server covers. */
  files: number;
  truncated: boolean;
}

export const AuditCoverageRequest = request<AuditCoverageParams, AuditCoverageResult>('phiGuard/auditCoverage');

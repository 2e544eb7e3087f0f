// Types and custom messages shared by the client and the server (ARCHITECTURE.md §2). Both
// sides import this module; it must not import `vscode` or the server's connection.

import type { RuleId, SeveritySetting } from './engine/types';
import type { CoverageEndpoint, CoverageSummary } from './engine/coverage';

export const SERVER_NAME = 'PHI Guard';
export const DIAGNOSTIC_SOURCE = 'phi-guard';
export const FIX_ALL_KIND = 'source.fixAll.phiGuard';

/** The `phiGuard.*` settings, as the server pulls them per resource. */
export interface PhiGuardSettings {
  enable: boolean;
  /** A policy file to use instead of the nearest `phi-guard.json` (absolute or workspace-relative). */
  policyPath: string;
  maxFileSizeKb: number;
  /** Overrides of rule severities, applied over the policy's `rules`. */
  rules: Partial<Record<RuleId, SeveritySetting>>;
  trace: { server: 'off' | 'messages' | 'verbose' };
}

export const DEFAULT_SETTINGS: PhiGuardSettings = {
  enable: true,
  policyPath: '',
  maxFileSizeKb: 1024,
  rules: {},
  trace: { server: 'off' },
};

/** Command ids, shared so the client registers exactly what the server expects. */
export const Commands = {
  restartServer: 'phiGuard.restartServer',
  showOutput: 'phiGuard.showOutput',
  fixAllInFile: 'phiGuard.fixAllInFile',
  scanWorkspace: 'phiGuard.scanWorkspace',
} as const;

// ---- Audit coverage (issue 3): the Audit Coverage view and the status bar item -------------

/** `phiGuard/auditCoverage`: the coverage report over the given workspace folders. */
export const AUDIT_COVERAGE_REQUEST = 'phiGuard/auditCoverage';

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

export const AuditCoverageCommands = {
  show: 'phiGuard.showAuditCoverage',
  refresh: 'phiGuard.refreshAuditCoverage',
  open: 'phiGuard.openEndpoint',
} as const;

/** Ids of the activity-bar container and the view (package.json `contributes`). */
export const PHI_GUARD_VIEW_CONTAINER = 'phiGuard';
export const AUDIT_COVERAGE_VIEW = 'phiGuard.auditCoverage';

/** `phiGuard/scanWorkspace`: analyse every file of the folders; findings of closed files are published. */
export const SCAN_WORKSPACE_REQUEST = 'phiGuard/scanWorkspace';

export interface ScanWorkspaceParams {
  /** Workspace folder URIs (`file:`) to scan. */
  folders: string[];
}

export interface ScanWorkspaceResult {
  files: number;
  filesWithFindings: number;
  findings: number;
  errors: number;
  warnings: number;
  /** More files than the server analyses in one go (the rest were left out). */
  truncated: boolean;
  cancelled: boolean;
}

// ---- Policy status: a broken or weakening policy must show outside its own file too ---------

/**
 * `phiGuard/policyStatus` (server -> client notification): every policy file in use, with its
 * problems and the rules it turns off or down. Sent whole after policies load or reload, so the
 * client only keeps the latest.
 */
export const POLICY_STATUS_NOTIFICATION = 'phiGuard/policyStatus';

export interface PolicyStatusParams {
  policies: PolicyStatus[];
}

export interface PolicyStatus {
  /** `file:` URI of the policy file that applies (the one found or set, not the files it extends). */
  uri: string;
  /** Problems in it and in the files it extends; where it is broken, the defaults apply. */
  errors: number;
  warnings: number;
  /** The file with the first problem (what to open to see them), when there are any. */
  problemUri?: string;
  /** Rules the policy turns off or below their default severity. */
  overrides: PolicyStatusOverride[];
}

export interface PolicyStatusOverride {
  ruleId: RuleId;
  severity: SeveritySetting;
  defaultSeverity: SeveritySetting;
  /** `file:` URI of the file in the `extends` chain that set it. */
  uri: string;
}

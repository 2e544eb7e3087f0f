// *PHI Guard: Scan Workspace*: analyse every file of the folders; findings of closed files are published.

import { request } from './messages';

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

export const ScanWorkspaceRequest = request<ScanWorkspaceParams, ScanWorkspaceResult>('phiGuard/scanWorkspace');

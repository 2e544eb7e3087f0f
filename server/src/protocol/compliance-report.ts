// *PHI Guard: Open Compliance Report*: the server builds the report (server/src/report, the same
// module as `phi-guard report`) over the workspace folders and renders it twice: for the webview
// (with the client's nonce in its content security policy) and as the file *Save…* writes.

import { request } from './messages';

export interface ComplianceReportParams {
  /** Workspace folder URIs (`file:`); the first one's policy answers for vendors and AI tools. */
  folders: string[];
  /** The nonce the webview's <style> and <script> carry: at least 16 letters, digits, `+/=_-`. */
  nonce: string;
}

export interface ComplianceReportResult {
  /** For the webview panel: theme colours, a strict CSP, a Save… button. */
  webviewHtml: string;
  /** The self-contained page to save (what `phi-guard report` writes). */
  documentHtml: string;
  /** The suggested file name, e.g. `phi-guard-compliance-report-2026-12-06.html`. */
  fileName: string;
}

export const ComplianceReportRequest = request<ComplianceReportParams, ComplianceReportResult>('phiGuard/complianceReport');

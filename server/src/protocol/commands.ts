// Every command id, view id and context key, shared so the client registers exactly what the
// manifest (package.json `contributes`) declares and the server expects. The manifest test
// checks the two lists are the same.

export const Commands = {
  restartServer: 'phiGuard.restartServer',
  showOutput: 'phiGuard.showOutput',
  fixAllInFile: 'phiGuard.fixAllInFile',
  scanWorkspace: 'phiGuard.scanWorkspace',
  scaffoldEndpoint: 'phiGuard.scaffoldEndpoint',
  showAiTools: 'phiGuard.showAiTools',
  createPolicyFile: 'phiGuard.createPolicyFile',
  exportBaaReport: 'phiGuard.exportBaaReport',
  openComplianceReport: 'phiGuard.openComplianceReport',
  showAuditCoverage: 'phiGuard.showAuditCoverage',
  refreshAuditCoverage: 'phiGuard.refreshAuditCoverage',
  openEndpoint: 'phiGuard.openEndpoint',
} as const;

/** Behind clicks on the AI Tools view's rows; not in the manifest, so not in the palette. */
export const OPEN_AI_TOOLS_ENTRY_COMMAND = 'phiGuard.aiTools.openEntry';

/** Ids of the activity-bar container and its views (package.json `contributes.views`). */
export const VIEW_CONTAINER_ID = 'phiGuard';
export const AI_TOOLS_VIEW_ID = 'phiGuard.aiTools';
export const AUDIT_COVERAGE_VIEW_ID = 'phiGuard.auditCoverage';

/** Context key for the AI Tools view's welcome content (package.json `viewsWelcome`). */
export const AI_TOOLS_STATE_CONTEXT = 'phiGuard.aiTools.state';
export type AiToolsViewState = 'noWorkspace' | 'noPolicy' | 'ready' | 'unavailable';

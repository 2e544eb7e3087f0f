// *PHI Guard: Open Compliance Report*: the server builds the report over the workspace folders
// (the module behind `phi-guard report`); this module shows it in a webview panel and saves the
// self-contained page where the user chooses. The webview runs only the report's nonce'd Save…
// script (its content security policy allows nothing else) and loads no resource.

import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { Commands, ComplianceReportRequest, type ComplianceReportResult } from '../../../server/src/protocol';
import type { ServerController } from '../serverController';

export const COMPLIANCE_REPORT_PANEL = 'phiGuard.complianceReport';
const TITLE = 'PHI Guard Compliance Report';
const NOT_RUNNING = 'the language server is not running. Try "PHI Guard: Restart Server".';

export function registerComplianceReportCommand(server: ServerController): vscode.Disposable {
  let panel: vscode.WebviewPanel | undefined;
  let current: ComplianceReportResult | undefined;

  return vscode.commands.registerCommand(Commands.openComplianceReport, async () => {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file');
    if (!folders.length) {
      void vscode.window.showInformationMessage('PHI Guard: open a folder to report on its compliance.');
      return;
    }
    const nonce = randomBytes(18).toString('base64url');
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'PHI Guard: building the compliance report…', cancellable: true },
      (_progress, token) => server.request(ComplianceReportRequest, { folders: folders.map((folder) => folder.uri.toString()), nonce }, token),
    );
    if (!result) {
      void vscode.window.showWarningMessage(`PHI Guard: could not build the compliance report: ${NOT_RUNNING}`);
      return;
    }
    current = result;
    if (!panel) {
      panel = vscode.window.createWebviewPanel(COMPLIANCE_REPORT_PANEL, TITLE, vscode.ViewColumn.Active, {
        enableScripts: true,
        localResourceRoots: [],
        enableCommandUris: false,
      });
      panel.onDidDispose(() => {
        panel = undefined;
        current = undefined;
      });
      panel.webview.onDidReceiveMessage((message: unknown) => {
        const folder = vscode.workspace.workspaceFolders?.find((candidate) => candidate.uri.scheme === 'file');
        if ((message as { type?: unknown } | undefined)?.type === 'save' && current && folder) void saveReport(current, folder.uri);
      });
    } else {
      panel.reveal(vscode.ViewColumn.Active);
    }
    panel.webview.html = result.webviewHtml;
  });
}

async function saveReport(report: ComplianceReportResult, folder: vscode.Uri): Promise<void> {
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(folder, report.fileName),
    filters: { HTML: ['html', 'htm'] },
    saveLabel: 'Save Report',
    title: 'Save the compliance report',
  });
  if (!target) return;
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(report.documentHtml));
    void vscode.window.showInformationMessage(`PHI Guard: compliance report saved to ${vscode.workspace.asRelativePath(target)}.`);
  } catch (error) {
    void vscode.window.showErrorMessage(`PHI Guard: could not save the compliance report: ${error instanceof Error ? error.message : String(error)}`);
  }
}

// *PHI Guard: Scan Workspace*: the server analyses every file of the workspace folders and
// publishes the findings of closed files, so the Problems panel shows the whole workspace.

import * as vscode from 'vscode';
import { Commands, ScanWorkspaceRequest, type ScanWorkspaceParams } from '../../../server/src/protocol';
import type { ServerController } from '../serverController';

export function registerScanWorkspaceCommand(server: ServerController): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.scanWorkspace, async () => {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file');
    if (!folders.length) {
      void vscode.window.showInformationMessage('PHI Guard: open a folder to scan a workspace.');
      return;
    }
    if (!server.runningClient) {
      void vscode.window.showWarningMessage('PHI Guard: the language server is not running. Try "PHI Guard: Restart Server".');
      return;
    }
    const params: ScanWorkspaceParams = { folders: folders.map((folder) => folder.uri.toString()) };
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'PHI Guard: scanning the workspace…', cancellable: true },
      (_progress, token) => server.request(ScanWorkspaceRequest, params, token),
    );
    if (!result || result.cancelled) return;
    const truncated = result.truncated ? ' (stopped at the file limit)' : '';
    const summary = `PHI Guard: ${result.findings} finding${result.findings === 1 ? '' : 's'} in ${result.filesWithFindings} of ${result.files} files${truncated}.`;
    if (result.findings === 0) {
      void vscode.window.showInformationMessage(summary);
      return;
    }
    const choice = await vscode.window.showInformationMessage(summary, 'Show Problems');
    if (choice) await vscode.commands.executeCommand('workbench.actions.view.problems');
  });
}

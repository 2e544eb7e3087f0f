// Policy commands: *Show AI Tools & BAA Status*, *Create Policy File*, *Export BAA Report*. The
// server writes the file and renders the report; this module asks, opens and shows.

import * as vscode from 'vscode';
import { AI_TOOLS_VIEW_ID, BaaReportRequest, Commands, CreatePolicyFileRequest, POLICY_FILE_NAME } from '../../../server/src/protocol';
import type { ServerController } from '../serverController';
import { aiToolsParams, currentWorkspaceFolder } from '../views/aiToolsData';
import type { AiToolsController } from '../views/aiToolsView';

const NOT_RUNNING = 'the language server is not running. Try "PHI Guard: Restart Server".';

export function registerPolicyCommands(server: ServerController, aiTools: AiToolsController): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(Commands.showAiTools, () => vscode.commands.executeCommand(`${AI_TOOLS_VIEW_ID}.focus`)),
    vscode.commands.registerCommand(Commands.createPolicyFile, async () => {
      const written = await createPolicyFile(server);
      if (written) aiTools.refresh();
    }),
    vscode.commands.registerCommand(Commands.exportBaaReport, () => exportBaaReport(server)),
  ];
}

/**
 * Has the server write the starter policy into a workspace folder (asking before replacing one,
 * never through a symbolic link) and opens it.
 */
async function createPolicyFile(server: ServerController): Promise<vscode.Uri | undefined> {
  const folder = await pickWorkspaceFolder();
  if (!folder) return undefined;
  const failed = (reason: string) => void vscode.window.showErrorMessage(`PHI Guard: could not create ${POLICY_FILE_NAME}: ${reason}`);
  try {
    let result = await server.request(CreatePolicyFileRequest, { folder: folder.uri.toString(), overwrite: false });
    if (result?.status === 'exists') {
      const existing = vscode.Uri.parse(result.uri);
      const choice = await vscode.window.showWarningMessage(
        `${POLICY_FILE_NAME} already exists in ${folder.name}. Replace it with the starter policy? Its current content will be lost.`,
        { modal: true },
        'Replace',
        'Open Existing',
      );
      if (choice === 'Open Existing') await vscode.window.showTextDocument(existing);
      if (choice !== 'Replace') return undefined;
      result = await server.request(CreatePolicyFileRequest, { folder: folder.uri.toString(), overwrite: true });
    }
    if (!result) return failed(NOT_RUNNING);
    if (result.status === 'refused') return failed(result.reason);
    if (result.status !== 'written') return undefined;
    const written = vscode.Uri.parse(result.uri);
    await vscode.window.showTextDocument(written);
    return written;
  } catch (error) {
    return failed(error instanceof Error ? error.message : String(error));
  }
}

async function pickWorkspaceFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showInformationMessage(`PHI Guard: open a folder first; ${POLICY_FILE_NAME} goes at its root.`);
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: `Folder to create ${POLICY_FILE_NAME} in` });
}

/** The Markdown BAA report of the current policy and this editor, in an untitled editor. */
async function exportBaaReport(server: ServerController): Promise<void> {
  const folder = currentWorkspaceFolder();
  const report = await server.request(BaaReportRequest, aiToolsParams(folder));
  if (!report) {
    void vscode.window.showWarningMessage(`PHI Guard: could not export the BAA report: ${NOT_RUNNING}`);
    return;
  }
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: report.markdown });
  await vscode.window.showTextDocument(document, { preview: false });
  if (!report.hasPolicy) {
    const choice = await vscode.window.showInformationMessage(
      `PHI Guard: no ${POLICY_FILE_NAME} governs ${folder ? folder.name : 'this window'}, so the report shows the defaults (nothing approved or covered).`,
      'Create Policy File',
    );
    if (choice === 'Create Policy File') await vscode.commands.executeCommand(Commands.createPolicyFile);
  }
}

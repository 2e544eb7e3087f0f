// Policy commands: *Show AI Tools & BAA Status*, *Create Policy File*, *Export BAA Report*.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { aiToolsMarkdown } from '../../../server/src/policy/ai-tools-report';
import { starterPolicyText } from '../../../server/src/policy/starter-policy';
import { displayPolicyPath, POLICY_FILE_NAME } from '../views/aiToolsData';
import { AI_TOOLS_VIEW_ID, type AiToolsController } from '../views/aiToolsView';
import { checkWorkspaceWrite, writeWorkspaceFile } from './workspaceWrite';

export const PolicyCommands = {
  showAiTools: 'phiGuard.showAiTools',
  createPolicyFile: 'phiGuard.createPolicyFile',
  exportBaaReport: 'phiGuard.exportBaaReport',
} as const;

export function registerPolicyCommands(aiTools: AiToolsController): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(PolicyCommands.showAiTools, () => vscode.commands.executeCommand(`${AI_TOOLS_VIEW_ID}.focus`)),
    vscode.commands.registerCommand(PolicyCommands.createPolicyFile, async () => {
      const written = await createPolicyFile();
      if (written) aiTools.refresh();
    }),
    vscode.commands.registerCommand(PolicyCommands.exportBaaReport, () => exportBaaReport(aiTools)),
  ];
}

/**
 * Writes the starter policy into a workspace folder (asking before overwriting, never through a
 * symbolic link) and opens it.
 */
async function createPolicyFile(): Promise<vscode.Uri | undefined> {
  const folder = await pickWorkspaceFolder();
  if (!folder) return undefined;
  const target = vscode.Uri.joinPath(folder.uri, POLICY_FILE_NAME);
  try {
    return await writeStarterPolicy(folder, target);
  } catch (error) {
    void vscode.window.showErrorMessage(`PHI Guard: could not create ${POLICY_FILE_NAME}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

async function writeStarterPolicy(folder: vscode.WorkspaceFolder, target: vscode.Uri): Promise<vscode.Uri | undefined> {
  const { exists } = await checkWorkspaceWrite(folder.uri, target);
  if (exists) {
    const choice = await vscode.window.showWarningMessage(
      `${POLICY_FILE_NAME} already exists in ${folder.name}. Replace it with the starter policy? Its current content will be lost.`,
      { modal: true },
      'Replace',
      'Open Existing',
    );
    if (choice === 'Open Existing') await vscode.window.showTextDocument(target);
    if (choice !== 'Replace') return undefined;
  }
  await writeWorkspaceFile(folder.uri, target, starterPolicyText(), exists);
  await vscode.window.showTextDocument(target);
  return target;
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
async function exportBaaReport(aiTools: AiToolsController): Promise<void> {
  const { model, folder } = aiTools.modelNow(true);
  const content = aiToolsMarkdown(model, { displayPath: (file) => displayPolicyPath(file, folder) });
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  await vscode.window.showTextDocument(document, { preview: false });
  if (!model.hasPolicy) {
    const choice = await vscode.window.showInformationMessage(
      `PHI Guard: no ${POLICY_FILE_NAME} governs ${folder ? path.basename(folder.uri.fsPath) : 'this window'}, so the report shows the defaults (nothing approved or covered).`,
      'Create Policy File',
    );
    if (choice === 'Create Policy File') await vscode.commands.executeCommand(PolicyCommands.createPolicyFile);
  }
}

// What the AI Tools & BAA view needs from the editor, the one thing the server cannot see: the
// workspace folder the view is about, the installed extensions and whether VS Code's built-in AI
// features are on. The server reads the policy and judges them (`phiGuard/aiTools`).

import * as vscode from 'vscode';
import { BUILTIN_AI_FEATURES_SETTING, type AiToolsParams, type InstalledExtension } from '../../../server/src/protocol';

/** The folder whose policy the view shows: the active editor's folder, else the first one. */
export function currentWorkspaceFolder(): vscode.WorkspaceFolder | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = active ? vscode.workspace.getWorkspaceFolder(active) : undefined;
  return folder ?? vscode.workspace.workspaceFolders?.[0];
}

/** The request for a folder; one not on disk has no policy the server can read (the defaults apply). */
export function aiToolsParams(folder: vscode.WorkspaceFolder | undefined): AiToolsParams {
  return {
    folder: folder?.uri.scheme === 'file' ? folder.uri.toString() : undefined,
    installedExtensions: installedExtensions(),
    builtinAiFeaturesEnabled: builtinAiFeaturesEnabled(),
  };
}

function installedExtensions(): InstalledExtension[] {
  return vscode.extensions.all
    .filter((extension) => !extension.id.startsWith('vscode.'))
    .map((extension) => ({ id: extension.id, name: (extension.packageJSON as { displayName?: string } | undefined)?.displayName }));
}

/**
 * Whether VS Code's built-in AI features are on. Versions without the setting have no built-in
 * AI features (chat then comes only from extensions, which are listed on their own).
 */
function builtinAiFeaturesEnabled(): boolean {
  const configuration = vscode.workspace.getConfiguration();
  if (configuration.inspect<boolean>(BUILTIN_AI_FEATURES_SETTING)?.defaultValue === undefined) return false;
  return configuration.get<boolean>(BUILTIN_AI_FEATURES_SETTING) !== true;
}

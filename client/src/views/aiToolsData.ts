// Gathers what the AI Tools & BAA model needs from the editor: the policy that governs the
// workspace folder (nearest `phi-guard.json`, or the `phiGuard.policyPath` setting, exactly as the
// language server resolves it), the installed extensions, and whether VS Code's built-in AI
// features are on. Loading uses the policy module bundled into the extension: it only reads and
// validates one JSON file, so the view works even while the server is starting or down.

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AiToolsModel, InstalledExtension, LoadedPolicy } from '../../../server/src/policy';
import { BUILTIN_AI_FEATURES } from '../../../server/src/policy/ai-extension-catalogue';
import { buildAiToolsModel } from '../../../server/src/policy/ai-tools-model';
import { defaultPolicy } from '../../../server/src/policy/defaults';
import { POLICY_FILE_NAME } from '../../../server/src/policy/find-policy-file';
import { loadPolicyForFile } from '../lazy';

export { POLICY_FILE_NAME };

/** The folder whose policy the view shows: the active editor's folder, else the first one. */
export function currentWorkspaceFolder(): vscode.WorkspaceFolder | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = active ? vscode.workspace.getWorkspaceFolder(active) : undefined;
  return folder ?? vscode.workspace.workspaceFolders?.[0];
}

export function loadWorkspacePolicy(folder: vscode.WorkspaceFolder | undefined): LoadedPolicy {
  if (!folder || folder.uri.scheme !== 'file') return { policy: defaultPolicy(), files: [], diagnostics: [] };
  const root = folder.uri.fsPath;
  const setting = vscode.workspace.getConfiguration('phiGuard', folder.uri).get<string>('policyPath', '').trim();
  const policyPath = setting ? (path.isAbsolute(setting) ? setting : path.resolve(root, setting)) : undefined;
  try {
    // The loader looks for the nearest phi-guard.json from the folder up; the probe file need not exist.
    return loadPolicyForFile(path.join(root, '__phi_guard_probe__'), { policyPath });
  } catch {
    return { policy: defaultPolicy(), files: [], diagnostics: [] };
  }
}

export function installedExtensions(): InstalledExtension[] {
  return vscode.extensions.all
    .filter((extension) => !extension.id.startsWith('vscode.'))
    .map((extension) => ({ id: extension.id, name: (extension.packageJSON as { displayName?: string } | undefined)?.displayName }));
}

/**
 * Whether VS Code's built-in AI features are on. Versions without the setting have no built-in
 * AI features (chat then comes only from extensions, which are listed on their own).
 */
export function builtinAiFeaturesEnabled(): boolean {
  const configuration = vscode.workspace.getConfiguration();
  if (configuration.inspect<boolean>(BUILTIN_AI_FEATURES.setting)?.defaultValue === undefined) return false;
  return configuration.get<boolean>(BUILTIN_AI_FEATURES.setting) !== true;
}

export interface WorkspaceAiTools {
  folder?: vscode.WorkspaceFolder;
  loaded: LoadedPolicy;
  model: AiToolsModel;
}

export function computeWorkspaceAiTools(today: Date = new Date()): WorkspaceAiTools {
  const folder = currentWorkspaceFolder();
  const loaded = loadWorkspacePolicy(folder);
  const model = buildAiToolsModel({
    policy: loaded.policy,
    policyFile: loaded.file,
    policyErrors: loaded.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length,
    installedExtensions: installedExtensions(),
    builtinAiFeaturesEnabled: builtinAiFeaturesEnabled(),
    today,
  });
  return { folder, loaded, model };
}

/** Policy path as shown to the user: relative to its workspace folder when inside it. */
export function displayPolicyPath(file: string, folder: vscode.WorkspaceFolder | undefined): string {
  if (!folder) return file;
  const relative = path.relative(folder.uri.fsPath, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : file;
}

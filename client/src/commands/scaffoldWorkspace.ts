// The target project of *Scaffold PHI endpoint*, seen through VS Code's workspace API: the file
// listing and reader the generator's project helpers need, the policy, and writing the result.

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LoadedPolicy } from '../../../server/src/policy';
import { loadPolicyForFile } from '../lazy';
import type { ProjectReader } from '../../../server/src/scaffold';

const EXCLUDE = '**/{node_modules,.git,dist,build,out,coverage,venv,.venv,env,__pycache__,.tox,.mypy_cache,.pytest_cache,site-packages}/**';
const MAX_FILES = 20_000;
const MANIFESTS = ['package.json', 'pyproject.toml', 'requirements.txt', 'setup.py', 'setup.cfg', 'Pipfile'];

/** Reads files under `root` (a folder URI) by paths relative to it. */
export function workspaceProjectReader(root: vscode.Uri): ProjectReader {
  const decoder = new TextDecoder();
  return {
    async list() {
      const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(root, '**/*'), EXCLUDE, MAX_FILES);
      return uris.map((uri) => path.posix.relative(root.path, uri.path)).filter((rel) => rel && !rel.startsWith('..')).sort();
    },
    async read(relativePath) {
      try {
        return decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, ...relativePath.split('/'))));
      } catch {
        return undefined;
      }
    },
  };
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * The project root for a chosen folder: the nearest folder at or above it (inside its workspace
 * folder) with a package.json / pyproject.toml / requirements.txt..., else the workspace folder.
 */
export async function projectRootOf(folder: vscode.Uri, workspaceFolder: vscode.WorkspaceFolder): Promise<vscode.Uri> {
  let current = folder;
  for (let depth = 0; depth < 12; depth++) {
    for (const manifest of MANIFESTS) if (await exists(vscode.Uri.joinPath(current, manifest))) return current;
    if (current.path === workspaceFolder.uri.path || !current.path.startsWith(workspaceFolder.uri.path)) break;
    current = vscode.Uri.joinPath(current, '..');
  }
  return workspaceFolder.uri;
}

/** The policy for files in `root`: `phiGuard.policyPath` when set, else the nearest phi-guard.json. */
export function policyFor(root: vscode.Uri, workspaceFolder: vscode.WorkspaceFolder): LoadedPolicy {
  const configured = vscode.workspace.getConfiguration('phiGuard', workspaceFolder.uri).get<string>('policyPath', '').trim();
  const policyPath = configured ? path.resolve(workspaceFolder.uri.fsPath, configured) : undefined;
  return loadPolicyForFile(path.join(root.fsPath, '__phi_guard_scaffold__.py'), { policyPath });
}

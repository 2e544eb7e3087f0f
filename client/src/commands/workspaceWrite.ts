// Writing from the editor's commands into a workspace folder under the CLI's rule
// (server/src/safe-write.ts): only inside the folder, never through a symbolic link, which a
// cloned repository can plant. Only folders on disk: the extension reads policies and sources
// from disk too (virtual workspaces are not supported).

import * as vscode from 'vscode';
import { checkWriteTarget, safeWriteFile, UnsafeWriteError } from '../../../server/src/safe-write';

/** Whether `target` exists now; throws an Error whose message names the link in the way. */
export function checkWorkspaceWrite(folder: vscode.Uri, target: vscode.Uri): Promise<{ exists: boolean }> {
  return explained(() => checkWriteTarget(onDisk(folder), onDisk(target)));
}

/** Writes `content` to `target` inside `folder`, creating folders; an existing file only when `overwrite`. */
export function writeWorkspaceFile(folder: vscode.Uri, target: vscode.Uri, content: string, overwrite: boolean): Promise<void> {
  return explained(() => safeWriteFile(onDisk(folder), onDisk(target), content, { overwrite }));
}

function onDisk(uri: vscode.Uri): string {
  if (uri.scheme !== 'file') throw new Error(`PHI Guard writes only to folders on disk, not to ${uri.scheme}: locations`);
  return uri.fsPath;
}

async function explained<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof UnsafeWriteError) {
      throw new Error(error.describe((absolute) => vscode.workspace.asRelativePath(vscode.Uri.file(absolute), false)));
    }
    throw error;
  }
}

// URI <-> path conversions. Only `file:` URIs have a path; untitled buffers and virtual
// documents are analysed by language id, with the policy of the workspace they belong to.

import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.normalize(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

export function pathToUri(filePath: string): string {
  return pathToFileURL(filePath).href;
}

/** A stable key for comparing files however the client spelled their URI (%3A, case of drive letters). */
export function fileKey(filePath: string): string {
  const normalized = path.normalize(filePath);
  return process.platform === 'win32' || process.platform === 'darwin' ? normalized.toLowerCase() : normalized;
}

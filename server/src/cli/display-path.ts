import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The path as reports show it: relative to the working directory, with forward slashes. */
export function displayPath(absolutePath: string, cwd: string): string {
  const relative = path.relative(cwd, absolutePath);
  if (relative === '') return '.';
  if (path.isAbsolute(relative)) return absolutePath.split(path.sep).join('/');
  return relative.split(path.sep).join('/');
}

/** Whether a display path lies inside the working directory (SARIF can then use %SRCROOT%). */
export function isInsideCwd(display: string): boolean {
  return !display.startsWith('../') && display !== '..' && !path.isAbsolute(display) && !/^[a-zA-Z]:\//.test(display);
}

/** A relative URI reference for a display path inside the cwd: each segment percent-encoded. */
export function relativeUri(display: string): string {
  return display.split('/').map(encodeURIComponent).join('/');
}

export function fileUri(absolutePath: string): string {
  return pathToFileURL(absolutePath).href;
}

/** `file:///home/dev/repo/` for the cwd: SARIF's %SRCROOT% base must end with a slash. */
export function directoryUri(absoluteDir: string): string {
  const href = pathToFileURL(absoluteDir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

// A library module nothing imports is dead code: its sends never run (a service left behind
// after its callers moved to another one). Told only of a module that exports something (a
// script without exports is run by hand), whose folder's other modules the application does
// import (a folder of services, not of entry points a framework or a tool loads by file name),
// that is no entry point itself, and only where no module loads modules by a computed name.

import * as path from 'node:path';
import type { ProjectAuditContext } from '../../model/audit-context';
import type { FileFacts } from '../../model/facts';
import { folderMates, importedByAnother, isTestModule, loadedByComputedName } from './import-graph';

/** Names of files a framework, a server or a tool loads by their name or place, not by import. */
const ENTRY_NAMES = /^(?:index|main|server|app|route|page|layout|middleware|handler|handlers|worker|cli|instrumentation|_app|_document|.*\.config)$/i;
/** Folders whose files are loaded by their place (file routing, functions, scripts, migrations). */
const ENTRY_FOLDERS = /(?:^|[\\/])(?:pages|app|api|functions|netlify|lambdas?|zambdas|bin|scripts|migrations|seeders|seeds|cron|jobs|plugins|public)[\\/]/i;

/** `module.exports = ...`, `exports.x = ...`, `export ...`. */
const EXPORTS = /(?:^|[^\w.])(?:module\.exports|exports\.\w+)\s*=|^\s*export\s/m;

/** `projectRoot`: folders above it say nothing about the file (a checkout under `/app/` is no Next.js app folder). */
export function isUnimportedModule(filePath: string, facts: FileFacts, context: ProjectAuditContext | undefined, projectRoot?: string): boolean {
  const imports = context?.moduleImports;
  if (!imports?.length || facts.language === 'python' || loadedByComputedName(filePath, imports)) return false;
  const file = path.resolve(filePath);
  if (isEntryModule(file, projectRoot)) return false;
  if (!EXPORTS.test(facts.text) || /\.listen\s*\(/.test(facts.text)) return false;
  // Only a folder the workspace imports from: a sibling module imported by another module.
  if (!folderMates(file, imports).some((sibling) => importedByAnother(sibling, imports))) return false;
  return !importedByAnother(file, imports);
}

/** A file a framework, a server or a tool loads by its name or place (or a test): no import says whether it runs. */
export function isEntryModule(filePath: string, projectRoot?: string): boolean {
  const file = path.resolve(filePath);
  const stem = path.basename(file).replace(/\.[cm]?[jt]sx?$/, '');
  const inProject = projectRoot ? path.relative(path.resolve(projectRoot), file) : file;
  return ENTRY_NAMES.test(stem) || ENTRY_FOLDERS.test(inProject) || isTestModule(file);
}

/**
 * `prescriptions_fixed.js`, `visits_old.ts`, `routes.bak.js`, `Copy of labs.js`: a file named as a
 * kept-aside copy of another. Nothing importing it, it is the clearest dead module: the log and
 * error rules ask only of these (a live service whose importers the workspace's imports miss, a
 * React view importing it, must keep its findings).
 */
const BACKUP_NAME = /(?:[_.-](?:fixed|clean|old|bak|backup|orig|copy)(?:[_.-]?\d+)?$|^copy of\b|[ _-]copy(?: \d+)?$)/i;

export function isBackupCopy(filePath: string): boolean {
  return BACKUP_NAME.test(path.basename(filePath).replace(/\.[cm]?[jt]sx?$/, ''));
}

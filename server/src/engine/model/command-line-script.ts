// Is a file a command-line script (docs/rules/phi-in-log.md, "Command-line scripts")? What a
// script prints or throws goes to the terminal of the operator who ran it, who typed or seeded
// the values: the demo patient of a setup script, the synthetic cases of a QA suite, the test
// record a smoke test asserts on. Those are not the product's logs or error responses.
//
// The signals are ones a reviewer would accept for any project: the file sits in a `scripts/`
// folder of the project, a JS/TS file starts with a `#!` line (run as a program), a JS/TS
// file named for a one-off task (`seed-`, `verify-`, `check-`, `debug-`...) exports nothing, or a
// JS/TS file exports nothing, starts no server and runs a function of its own
// (`activate-account.js`: `async function activate() {...}; activate();`), outside the folders of
// scheduled jobs and workers; not a Python module of the application's package that imports its
// siblings relatively (`from .base_script import BaseScript`). Python's
// `if __name__ == "__main__"` is not one: service modules keep CLI harnesses of real handlers.

import * as path from 'node:path';
import type { FileFacts } from './facts';

const SCRIPT_FOLDERS = new Set(['scripts', 'script']);
/**
 * Folders of jobs the product runs on a schedule or from a queue (`jobs/send-reminders.ts` running
 * its own `main()`): what they log is the product's log, however they are started.
 */
const SCHEDULED_FOLDERS = new Set(['job', 'jobs', 'cron', 'crons', 'cronjobs', 'worker', 'workers', 'task', 'tasks', 'queue', 'queues', 'scheduler', 'schedulers', 'lambda', 'lambdas', 'functions', 'handlers']);

/** The rules whose sinks are the operator's terminal in a script: its output and its uncaught errors. */
export const OPERATOR_TERMINAL_RULES: ReadonlySet<string> = new Set(['phi-in-log', 'phi-in-error']);

/**
 * First words of a one-off script's file name: seeding, checking and debugging a database by hand
 * (`seed-demo.js`, `verify-setup.js`, `check-pa.js`, `debug_claims.ts`). A job that syncs or
 * imports on a schedule is not one: its output is the product's log.
 */
const ONE_OFF_SCRIPT = /^(?:seed|verify|check|debug|test|setup|reset|clean|cleanup|inspect|diagnose|dump|fix)(?:[-_.]|$)/i;
/** A module exports something; a one-off script only runs. */
const EXPORTS = /^\s*export\s|\bmodule\.exports\b|^\s*exports\.\w+\s*=/m;

export function isCommandLineScript(filePath: string, facts: Pick<FileFacts, 'language' | 'text'>, projectRoots: (string | undefined)[]): boolean {
  if (facts.language === 'ts' && facts.text.startsWith('#!')) return true;
  if (facts.language === 'ts' && isOneOffScript(filePath, facts.text)) return true;
  const relative = projectRelative(filePath, projectRoots);
  if (relative === undefined) return false;
  const folders = relative.split('/').slice(0, -1);
  if (facts.language === 'ts' && !folders.some((folder) => SCHEDULED_FOLDERS.has(folder.toLowerCase())) && runsItself(path.basename(relative), facts.text)) return true;
  return folders.some((folder) => SCRIPT_FOLDERS.has(folder.toLowerCase())) && !isPackageModule(facts);
}

/**
 * A Python module importing its siblings relatively (`from .base_script import BaseScript`) is part
 * of a package of the application (`app/messaging/scripts/`), run with `python -m` or imported by
 * it: what it logs goes through the application's logging, not only to an operator's terminal.
 */
const RELATIVE_IMPORT = /^from\s+\.+\w*\s+import\s/m;

function isPackageModule(facts: Pick<FileFacts, 'language' | 'text'>): boolean {
  return facts.language === 'python' && RELATIVE_IMPORT.test(facts.text);
}

/**
 * The file's path inside the project, POSIX separators: folders above the project (a `scripts`
 * folder in the user's home) say nothing about it, so an absolute path outside every root is not
 * judged.
 */
export function projectRelative(filePath: string, roots: (string | undefined)[]): string | undefined {
  if (!path.isAbsolute(filePath)) return filePath.split(path.sep).join('/');
  for (const root of roots) {
    if (!root) continue;
    const relative = path.relative(root, filePath).split(path.sep).join('/');
    if (relative !== '' && relative !== '..' && !relative.startsWith('../') && !path.isAbsolute(relative)) return relative;
  }
  return undefined;
}

/** A JS/TS file named for a one-off task that exports nothing (`backend/verify-cosmetic-setup.js`). */
function isOneOffScript(filePath: string, text: string): boolean {
  const name = path.basename(filePath);
  if (!ONE_OFF_SCRIPT.test(name) || /\.(test|spec)\.[cm]?[jt]sx?$/i.test(name) || /\.d\.ts$/.test(name)) return false;
  return !EXPORTS.test(text);
}

/** A server or a worker started at the root keeps running: what it logs is the product's. */
const STARTS_SERVICE = /\.listen\s*\(|\bcreateServer\s*\(|\bnew\s+Worker\s*\(|\.(?:process|subscribe|consume)\s*\(/;
/** A call statement of a plain function at the top level (`main();`, `run().finally(...)`, `await seed()`). */
const TOP_LEVEL_CALL = /^(?:await\s+)?([A-Za-z_$][\w$]*)\s*\(\s*\)\s*(?:\.(?:then|catch|finally)\b|;|$)/gm;

/** A JS/TS file that exports nothing, starts no service and runs a function it declares. */
function runsItself(name: string, text: string): boolean {
  if (/\.(test|spec|config|d)\.[cm]?[jt]sx?$/i.test(name) || /^[^.]+\.config\./i.test(name) || EXPORTS.test(text) || STARTS_SERVICE.test(text)) return false;
  for (const match of text.matchAll(TOP_LEVEL_CALL)) {
    const name = match[1].replace(/\$/g, '\\$');
    const declared = new RegExp(`(?:function\\s*\\*?\\s*${name}\\s*\\(|(?:const|let|var)\\s+${name}\\s*=)`);
    if (declared.test(text)) return true;
  }
  return false;
}

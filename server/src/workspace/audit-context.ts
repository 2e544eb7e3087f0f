// The workspace's audit context (engine/model/audit-context.ts), computed before the rules run:
// the Django settings modules (files assigning `MIDDLEWARE = [...]`) with the project folder each
// configures, and the NestJS guards and interceptors registered globally with the package each
// belongs to. Read from the files' text with small patterns (names only, never values): a
// commented-out entry does not count.

import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { untilClosingParenthesis } from '../policy/audit-candidates';
import { expressMountsOf, moduleImportsOf, pathListedMiddlewareOf } from './express-mounts';
import { fastapiAppsOf, fastapiMountsOf, pythonProjectRoot } from './fastapi-mounts';
import { redactingLoggersOf } from './redacting-loggers';
import { consoleStrippingBuildsOf } from './console-stripping-builds';
import { writeOnlyMiddlewareOf } from './write-only-middleware';
import { flaskActivityHooksOf } from './flask-activity-hooks';
import { flaskBlueprintRegistrationsOf } from './flask-blueprint-registrations';
import { dataModelsOf } from '../engine/analysis/endpoints/data-models';
import { accountModelsOfPrisma } from '../engine/analysis/phi/account-models';
import type { DjangoSettingsModule, NestGlobalControls, ProjectAuditContext } from '../engine/model/audit-context';

/** React views (JSX): read for what they import, and nothing else. */
const VIEW_EXTENSIONS = ['.tsx', '.jsx'];
/** Larger files are not settings modules or bootstrap files anyone wrote by hand. */
const MAX_BYTES = 512 * 1024;
const SETTINGS_ASSIGNMENT = /^MIDDLEWARE(?:_CLASSES)?\s*(?::[^=\n]*)?(\+?=)\s*[[(]([\s\S]*?)[\])]/gm;
const SETTINGS_APPEND = /^MIDDLEWARE\.(?:append|insert)\s*\(([^)]*)\)/gm;
/** `settings.configure(MIDDLEWARE=(...), ...)`: settings given in code (standalone apps, test runners). */
const CONFIGURE_KEYWORD = /\bMIDDLEWARE(?:_CLASSES)?\s*=\s*[[(]([\s\S]*?)[\])]/g;
/** The arguments up to the statement's end (bounded: no pattern here may backtrack far). */
const NEST_GLOBAL_CALL = /\.useGlobal(?:Guards|Interceptors)\s*\(([^;]{0,400})/g;
const NEST_PROVIDER = /\{[^{}]*\bAPP_(?:GUARD|INTERCEPTOR)\b[^{}]*\}/g;

/**
 * Every list of the context: each file contributes entries to some of them, and a file's entries
 * are replaced as a whole when it changes (withFileEntries). A new kind of entry is added here once.
 */
const CONTEXT_LISTS = [
  'djangoSettings', 'nestGlobals', 'fastapiApps', 'fastapiMounts', 'expressUses', 'expressPasses', 'pathListedMiddleware',
  'moduleImports', 'redactingLoggers', 'consoleStrippingBuilds', 'writeOnlyMiddleware', 'dataModels', 'accountModels', 'flaskActivityHooks',
  'flaskBlueprintRegistrations',
] as const satisfies readonly (keyof ProjectAuditContext)[];

/** One list of the context, whatever the kind of its entries. */
type AnyEntries = { file: string }[];

function listOf(context: ProjectAuditContext, key: (typeof CONTEXT_LISTS)[number]): AnyEntries {
  return (context[key] ?? []) as AnyEntries;
}

export function emptyAuditContext(): ProjectAuditContext {
  return Object.fromEntries(CONTEXT_LISTS.map((key) => [key, []])) as unknown as ProjectAuditContext;
}

/** The audit context of a set of files (absolute paths): the ones that register controls are read. */
export async function computeAuditContext(files: readonly string[]): Promise<ProjectAuditContext> {
  const context = emptyAuditContext();
  const candidates = files.filter((file) => AUDIT_CONTEXT_EXTENSIONS.has(path.extname(file).toLowerCase()));
  // Read a batch synchronously, then yield to the event loop: the editor's first diagnostics of a
  // workspace file wait for this context. Asynchronous reads (stat, open, fstat, read, close on
  // the thread pool, each a turn of the loop) took 1.3-1.7 s for 4,300 files; these take a fraction.
  for (let start = 0; start < candidates.length; start += READ_BATCH) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const file of candidates.slice(start, start + READ_BATCH)) addEntries(context, file, readSmall(file));
  }
  return context;
}

/** The source files that may register audit controls, and the views read only for their imports. */
const AUDIT_CONTEXT_EXTENSIONS = new Set(['.py', '.ts', '.js', '.mts', '.cts', '.mjs', '.cjs', '.prisma', ...VIEW_EXTENSIONS]);
/** Files read between two turns of the event loop (a few milliseconds of work). */
const READ_BATCH = 64;

function addEntries(context: ProjectAuditContext, file: string, text: string | undefined): void {
  if (text === undefined) return;
  const entries = auditContextOfFile(file, text);
  for (const key of CONTEXT_LISTS) listOf(context, key).push(...listOf(entries, key));
}

/** What one file contributes to the audit context (empty lists when nothing). */
export function auditContextOfFile(file: string, text: string): ProjectAuditContext {
  const entries = emptyAuditContext();
  if (path.extname(file).toLowerCase() === '.prisma') {
    entries.accountModels!.push(...accountModelsOfPrisma(file, stripComments(text, '//')));
  } else if (VIEW_EXTENSIONS.includes(path.extname(file).toLowerCase())) {
    // A React view registers no control, but a service it imports runs: only its imports are read.
    entries.moduleImports!.push(moduleImportsOf(file, stripComments(text, '//')));
  } else if (path.extname(file).toLowerCase() === '.py') {
    const settings = djangoSettingsOf(file, text);
    if (settings) entries.djangoSettings.push(settings);
    const code = stripComments(text, '#');
    entries.fastapiApps!.push(...fastapiAppsOf(file, code));
    entries.fastapiMounts!.push(...fastapiMountsOf(file, code));
    entries.redactingLoggers!.push(...redactingLoggersOf(file, code));
    entries.writeOnlyMiddleware!.push(...writeOnlyMiddlewareOf(file, code));
    entries.dataModels!.push(...dataModelsOf(file, text));
    entries.flaskActivityHooks!.push(...flaskActivityHooksOf(file, code));
    entries.flaskBlueprintRegistrations!.push(...flaskBlueprintRegistrationsOf(file, code));
  } else {
    const globals = nestGlobalsOf(file, text);
    if (globals) entries.nestGlobals.push(globals);
    const code = stripComments(text, '//');
    const express = expressMountsOf(file, code);
    entries.expressUses!.push(...express.uses);
    entries.expressPasses!.push(...express.passes);
    entries.pathListedMiddleware!.push(...pathListedMiddlewareOf(file, code));
    entries.moduleImports!.push(moduleImportsOf(file, code));
    entries.redactingLoggers!.push(...redactingLoggersOf(file, code));
    entries.consoleStrippingBuilds!.push(...consoleStrippingBuildsOf(file, code));
  }
  return entries;
}

/** The context with `file`'s entries replaced by `entries` (a new object; undefined when nothing changes). */
export function withFileEntries(context: ProjectAuditContext, file: string, entries: ProjectAuditContext): ProjectAuditContext | undefined {
  const before = CONTEXT_LISTS.map((key) => listOf(context, key).filter((entry) => entry.file === file));
  const after = CONTEXT_LISTS.map((key) => listOf(entries, key));
  if (JSON.stringify(before) === JSON.stringify(after)) return undefined;
  return Object.fromEntries(
    CONTEXT_LISTS.map((key) => [key, [...listOf(context, key).filter((entry) => entry.file !== file), ...listOf(entries, key)]]),
  ) as unknown as ProjectAuditContext;
}

/** A settings module's `MIDDLEWARE` entries, if the file assigns it. */
export function djangoSettingsOf(file: string, text: string): DjangoSettingsModule | undefined {
  if (!text.includes('MIDDLEWARE') && !text.includes('DEFAULT_')) return undefined;
  const code = stripComments(text, '#');
  const middleware: string[] = [];
  let assigns = false;
  for (const match of code.matchAll(SETTINGS_ASSIGNMENT)) {
    if (match[1] === '=') assigns = true;
    middleware.push(...stringsIn(match[2]));
  }
  for (const match of code.matchAll(SETTINGS_APPEND)) middleware.push(...stringsIn(match[1]));
  if (/\bsettings\.configure\s*\(/.test(code)) {
    for (const match of code.matchAll(CONFIGURE_KEYWORD)) {
      assigns = true;
      middleware.push(...stringsIn(match[1]));
    }
  }
  const permission = drfDefault(code, 'DEFAULT_PERMISSION_CLASSES');
  const authentication = drfDefault(code, 'DEFAULT_AUTHENTICATION_CLASSES');
  if (!assigns && !permission.length && !authentication.length) return undefined;
  const settings: DjangoSettingsModule = { file, projectRoot: djangoProjectRoot(file), middleware: [...new Set(middleware)] };
  if (permission.length || authentication.length) settings.drfDefaults = { permission, authentication };
  return settings;
}

/** `"DEFAULT_PERMISSION_CLASSES": ["clinic.api.AuditedPatientAccess"]` inside `REST_FRAMEWORK = {...}`. */
function drfDefault(code: string, key: string): string[] {
  if (!/^REST_FRAMEWORK\s*(?::[^=\n]*)?=/m.test(code)) return [];
  const pattern = new RegExp(`["']${key}["']\\s*:\\s*[[(]([^\\])]{0,2000})`, 'g');
  return [...code.matchAll(pattern)].flatMap((match) => stringsIn(match[1]));
}

/** Guard and interceptor classes a file registers globally (`app.useGlobalGuards(new X())`, an `APP_GUARD` provider). */
export function nestGlobalsOf(file: string, text: string): NestGlobalControls | undefined {
  if (!/useGlobal(Guards|Interceptors)|APP_(GUARD|INTERCEPTOR)/.test(text)) return undefined;
  const code = stripComments(text, '//');
  const names: string[] = [];
  for (const match of code.matchAll(NEST_GLOBAL_CALL)) {
    for (const name of untilClosingParenthesis(match[1]).matchAll(/(?:new\s+)?\b([A-Z][A-Za-z0-9_$]*)\b/g)) names.push(name[1]);
  }
  for (const match of code.matchAll(NEST_PROVIDER)) {
    const used = /\buse(?:Class|Existing)\s*:\s*([A-Za-z_$][A-Za-z0-9_$]*)/.exec(match[0]);
    if (used) names.push(used[1]);
  }
  if (!names.length) return undefined;
  return { file, packageRoot: nearestWith(path.dirname(file), 'package.json') ?? path.dirname(file), names: [...new Set(names)] };
}

/**
 * The folder of the Django project a settings module configures: the nearest folder above it
 * holding `manage.py`, else the folder its dotted module name starts from (above every package
 * folder, those with an `__init__.py`).
 */
function djangoProjectRoot(settingsFile: string): string {
  const managed = nearestWith(path.dirname(settingsFile), 'manage.py', 4);
  if (managed) return managed;
  return pythonProjectRoot(settingsFile);
}

function nearestWith(start: string, marker: string, levels = 32): string | undefined {
  let folder = start;
  for (let level = 0; level < levels; level++) {
    if (existsSync(path.join(folder, marker))) return folder;
    const parent = path.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
  return undefined;
}

/** Dotted names in string literals: `"clinic.audit.middleware.PHIAuditMiddleware"`. */
function stringsIn(text: string): string[] {
  return [...text.matchAll(/["']([A-Za-z_][A-Za-z0-9_.]*)["']/g)].map((match) => match[1]);
}

/** Whole-line and trailing comments removed (a `#` or `//` inside a string is rare in these files). */
function stripComments(text: string, marker: '#' | '//'): string {
  return text
    .split('\n')
    .map((line) => {
      const at = line.indexOf(marker);
      return at < 0 ? line : line.slice(0, at);
    })
    .join('\n');
}

function readSmall(file: string): string | undefined {
  try {
    const stat = statSync(file);
    if (!stat.isFile() || stat.size > MAX_BYTES) return undefined;
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

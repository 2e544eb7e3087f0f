// The audit controls a workspace seems to have already, proposed by `phi-guard init` and *Create
// Policy File* as commented entries of the policy's `audit` lists (docs/policy.md): a dependency,
// middleware, permission class, guard, wrapper or function whose name contains `audit`, found by
// small patterns over each file's text. Only names and the file they were found in are kept,
// never source text; a team uncomments the ones that really audit PHI access.

import * as path from 'node:path';
import { HISTORY_MIDDLEWARE } from '../engine/catalogues/history-middleware';

export type PythonCandidateList = 'dependencies' | 'permissionClasses' | 'middleware' | 'calls';
export type TypeScriptCandidateList = 'middleware' | 'guards' | 'wrappers' | 'calls';

export interface AuditCandidate {
  name: string;
  /** Where it was first found: a path relative to the policy's folder, with `/`. */
  file: string;
}

export interface AuditCandidates {
  python: Record<PythonCandidateList, AuditCandidate[]>;
  typescript: Record<TypeScriptCandidateList, AuditCandidate[]>;
}

/** At most this many proposals per list: the file is for people to read. */
export const MAX_CANDIDATES_PER_LIST = 8;

const AUDIT = /audit/i;
const NAME = /^[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)*$/;
/** Receivers that are loggers or the language, not an audit service (`console.log`). */
const NOT_AUDIT_RECEIVERS = new Set(['console', 'logging', 'logger', 'log']);

export function emptyCandidates(): AuditCandidates {
  return {
    python: { dependencies: [], permissionClasses: [], middleware: [], calls: [] },
    typescript: { middleware: [], guards: [], wrappers: [], calls: [] },
  };
}

export function hasCandidates(candidates: AuditCandidates): boolean {
  return [...Object.values(candidates.python), ...Object.values(candidates.typescript)].some((list) => list.length > 0);
}

/** Adds the candidates of one file (`file`: its path relative to the policy's folder). */
export function collectCandidates(candidates: AuditCandidates, file: string, text: string): void {
  if ((!AUDIT.test(text) && !mentionsHistoryMiddleware(text)) || isTestFile(file)) return;
  const code = withoutComments(text, file.endsWith('.py') ? '#' : '//');
  if (file.endsWith('.py')) {
    for (const name of matches(code, /\b(?:Depends|Security)\(\s*(?:dependency\s*=\s*)?([A-Za-z_][\w.]*)/g)) add(candidates.python.dependencies, name, file);
    for (const list of matches(code, /\b(?:permission_classes|authentication_classes)\s*(?:=|\()\s*[[(]([^\])]*)/g)) {
      for (const name of identifiers(list)) add(candidates.python.permissionClasses, name, file);
    }
    for (const name of matches(code, /^class\s+(\w+)\s*\([^)]*Permission[^)]*\)/gm)) add(candidates.python.permissionClasses, name, file);
    // In a settings module (`MIDDLEWARE = [...]`) or given in code (`settings.configure(MIDDLEWARE=(...))`).
    for (const list of matches(code, /^\s*MIDDLEWARE\s*(?::[^=\n]*)?\+?=\s*[[(]([^\])]*)/gm)) {
      for (const name of matches(list, /["']([A-Za-z_][\w.]*)["']/g)) {
        if (HISTORY_MIDDLEWARE.has(name)) addAlways(candidates.python.middleware, name, file);
        else add(candidates.python.middleware, name, file);
      }
    }
    for (const name of matches(code, /^class\s+(\w*Middleware)\b/gm)) add(candidates.python.middleware, name, file);
    for (const name of matches(code, /^\s+(?:await\s+)?((?:self\.)?[A-Za-z_]\w*\.[A-Za-z_]\w*)\s*\(/gm)) addCall(candidates.python.calls, name.replace(/^self\./, ''), file);
    // A module-level audit function the handlers call by its bare name (`audit_access(...)`).
    for (const name of matches(code, /^(?:async\s+)?def\s+([A-Za-z_]\w*)\s*\(/gm)) addFunction(candidates.python.calls, name, file);
    return;
  }
  for (const list of matches(code, /\.use\s*\(([^;\n]{0,400}?)\)\s*;?\s*$/gm)) {
    for (const name of identifiers(list)) add(candidates.typescript.middleware, name, file);
  }
  for (const list of matches(code, /\.(?:get|post|put|patch|delete|all)\s*\(\s*['"`][^'"`\n]{0,200}['"`]\s*,([^;\n]{0,400})/g)) {
    // The arguments between the path and the handler: a name followed by a comma.
    for (const name of matches(list, /(?:^|[,[])\s*([A-Za-z_$][\w$]*)(?:\([^()]*\))?\s*(?=,)/g)) add(candidates.typescript.middleware, name, file);
  }
  for (const name of matches(code, /\b(?:preHandler|onRequest)\s*:\s*\[?\s*([A-Za-z_$][\w$]*)/g)) add(candidates.typescript.middleware, name, file);
  for (const name of matches(code, /\.addHook\(\s*['"](?:preHandler|onRequest)['"]\s*,\s*([A-Za-z_$][\w$]*)/g)) add(candidates.typescript.middleware, name, file);
  for (const list of matches(code, /@Use(?:Guards|Interceptors)\s*\(([^)]*)\)/g)) {
    for (const name of identifiers(list)) add(candidates.typescript.guards, name, file);
  }
  for (const list of matches(code, /\.useGlobal(?:Guards|Interceptors)\s*\(([^;]{0,400})/g)) {
    for (const name of identifiers(untilClosingParenthesis(list))) add(candidates.typescript.guards, name, file);
  }
  for (const name of matches(code, /\bclass\s+([A-Za-z_$][\w$]*(?:Guard|Interceptor))\b/g)) add(candidates.typescript.guards, name, file);
  for (const name of matches(code, /export\s+(?:const\s+(?:GET|POST|PUT|PATCH|DELETE)\s*=|default)\s*([A-Za-z_$][\w$]*)\s*\(/g)) add(candidates.typescript.wrappers, name, file);
  for (const name of matches(code, /(?:^|[\s;{(=>])(?:await\s+)?((?:this\.)?[A-Za-z_$][\w$]*\.[A-Za-z_$][\w$]*)\s*\(/gm)) addCall(candidates.typescript.calls, name.replace(/^this\./, ''), file);
  // An exported audit function the handlers import and call by its bare name (`auditLog(...)`).
  for (const name of matches(code, /^export\s+(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)\s*[(<]/gm)) addFunction(candidates.typescript.calls, name, file);
  for (const name of matches(code, /^export\s+const\s+([A-Za-z_$][\w$]*)\s*(?::[^=\n]*)?=\s*(?:async\s+)?(?:function\b|\([^()]*\)\s*(?::[^=\n]*)?=>|[A-Za-z_$][\w$]*\s*=>)/gm)) addFunction(candidates.typescript.calls, name, file);
}

/**
 * Tests, mocks and fixtures: the doubles and routers they set up are not the project's controls
 * (`auditMock.mockReset`, a test's `auditRouter`), so nothing found there is proposed.
 */
export function isTestFile(file: string): boolean {
  return /(^|\/)(__tests__|__mocks__|tests?|mocks?|fixtures|e2e|spec)\//i.test(file)
    || /(^|\/)(test_[^/]*\.py|[^/]*_test\.py|conftest\.py|[^/]*\.(test|spec)\.[cm]?[jt]sx?|jest\.[^/]*)$/i.test(file);
}

function mentionsHistoryMiddleware(text: string): boolean {
  return text.includes('Middleware') && [...HISTORY_MIDDLEWARE].some((name) => text.includes(name));
}

/** Lists each proposal once, in the order found, names containing `audit` only. */
function add(list: AuditCandidate[], name: string, file: string): void {
  if (AUDIT.test(name)) addAlways(list, name, file);
}

/** Lists a proposal once, in the order found, whatever its name. */
function addAlways(list: AuditCandidate[], name: string, file: string): void {
  if (!NAME.test(name) || list.length >= MAX_CANDIDATES_PER_LIST) return;
  if (list.some((candidate) => candidate.name === name)) return;
  list.push({ name, file });
}

/**
 * A function defined with `audit` in its name that writes an audit record (`auditLog`,
 * `log_audit_event`, `recordAuditEntry`), or a writer an audit module exports under another name
 * (`logAction` in `services/auditLog.js`): readers (`getAuditLog`), reports, middleware and routers
 * are something else, and would crowd the list.
 */
function addFunction(list: AuditCandidate[], name: string, file: string): void {
  if (!/^_?(audit|log|record|write|track|emit|save|create|add|insert|store)/i.test(name)) return;
  if (/(middleware|router|routes|handler|report|reports|stats)$/i.test(name)) return;
  if (AUDIT.test(name) || AUDIT.test(path.basename(file))) addAlways(list, name, file);
}

/** `audit_log.record`, `auditService.log`: a call on a receiver named for auditing (not a logger). */
function addCall(list: AuditCandidate[], name: string, file: string): void {
  const [receiver, method = ''] = name.split('.');
  if (!AUDIT.test(receiver) || NOT_AUDIT_RECEIVERS.has(receiver)) return;
  // A router's route registrations, a list's iteration and a service's readers write no audit record.
  if (/^(get|post|put|patch|delete|head|options|all|use|route|forEach|map|filter|reduce|find|some|every|mockReset|mockResolvedValue|mockRejectedValueOnce|mockReturnValue|close|inc|dec|observe)$/.test(method)) return;
  if (/^(get|list|find|fetch|query|search|count|export|generate|perform)[A-Z_]/.test(method)) return;
  add(list, name, file);
}

function matches(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((match) => match[1]).filter((value): value is string => value !== undefined);
}

/** The names written in a list of arguments (`new X()`, `X`, `mod.X`), strings left out. */
function identifiers(text: string): string[] {
  return [...text.replace(/(["'`])(?:\\.|(?!\1).)*\1/g, ' ').matchAll(/(?:new\s+)?\b([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)/g)]
    .map((match) => match[1].split('.').pop() ?? '')
    .filter(Boolean);
}

/** The text up to the parenthesis closing an argument list whose opening one precedes `text`. */
export function untilClosingParenthesis(text: string): string {
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '(') depth++;
    else if (text[index] === ')' && depth-- === 0) return text.slice(0, index);
  }
  return text;
}

/** The text with its line comments left out (a commented-out import or call is not the project's). */
export function withoutComments(text: string, marker: '#' | '//'): string {
  return text
    .split('\n')
    .map((line) => {
      const at = line.indexOf(marker);
      // `//` inside a URL string (`'https://...'`) is kept: only a marker outside quotes counts.
      if (at < 0 || (marker === '//' && line.slice(0, at).endsWith(':'))) return line;
      return line.slice(0, at);
    })
    .join('\n');
}

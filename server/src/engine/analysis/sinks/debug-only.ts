// A log written only in a development run (docs/rules/phi-in-log.md, "What stays quiet"):
// `if settings.DEBUG: logger.error("Invalid phone %s", phone)`, `elif settings.DEBUG: print(otp, phone)`,
// `if (process.env.NODE_ENV === 'development') { console.log(patient) }`. The branch never runs in
// production, so nothing reaches the production logs. Only the innermost `if` holding the call
// counts, and only a condition that is the debug flag alone or joined with `and`/`&&` (with `or`,
// `||` or a negation the branch also runs in production); an `else` of such an `if` is production.
// The flag may be a module-level constant made of such a test (`const debugLoggingEnabled =
// process.env.DEBUG_LOGGING === "true" && process.env.NODE_ENV !== "production"`), and the branch
// may be the rest of a function after a guard that returns in production (`if
// (!debugLoggingEnabled) return;`): a project's own debug logger, whose callers' PHI never
// reaches a production log either (the summaries run this rule on the logger's body).

import type { FileFacts, ScopeFact } from '../../model/facts';
import { enclosingFunctions } from '../../model/facts-index';
import type { Position } from '../../model/ranges';
import { offsetOf } from '../../model/text';

/** A term saying the process runs in development. */
const DEBUG_TERM = /(?:^|[^\w.!])(?:(?:settings|config|conf|app|current_app|self\.settings)\.)?(?:DEBUG|debug)\b(?!\s*[(=])|process\.env\.NODE_ENV\s*===?\s*['"](?:development|dev)['"]|process\.env\.NODE_ENV\s*!==?\s*['"]production['"]|\b__DEV__\b|(?:^|[^\w.!])isDev(?:elopment)?(?:Mode)?\b|import\.meta\.env\.DEV\b/;
const ANY_OR = /\|\||\bor\b|\?\?/;

/**
 * A file with no `if` testing a debug term needs no walk (a keystroke profile put the per-sink walk
 * at the top when every file was walked): found once per file's facts.
 */
const TESTS_DEBUG = /\b(?:if|elif)\b[^\n]{0,300}?(?:DEBUG|debug|NODE_ENV|__DEV__|isDev|env\.DEV)/;
const testsDebug = new WeakMap<object, boolean>();

/** Whether the call starting at `start` is inside a branch that runs only in development. */
export function inDebugOnlyBranch(facts: FileFacts, start: Position, scopeId: number): boolean {
  let tests = testsDebug.get(facts);
  if (tests === undefined) {
    tests = TESTS_DEBUG.test(facts.text);
    testsDebug.set(facts, tests);
  }
  if (!tests) return false;
  const flags = debugFlags(facts);
  const condition = facts.language === 'python' ? pythonCondition(facts, start.line) : braceCondition(facts, offsetOf(facts.lineStarts, facts.text, start));
  if (condition !== undefined && isDebugCondition(condition, flags)) return true;
  return afterProductionReturn(facts, start.line, scopeId, flags);
}

/**
 * The flag, alone or joined with `and`/`&&` to other tests (`settings.DEBUG and not settings.USE_SMS`,
 * `!sent && process.env.NODE_ENV !== "production"`); the flag itself never negated, nothing joined with `or`.
 */
function isDebugCondition(condition: string, flags: ReadonlySet<string>): boolean {
  const trimmed = condition.trim();
  if (ANY_OR.test(trimmed) || /^(?:not\s*\(|!\s*\()/.test(trimmed)) return false;
  const terms = trimmed.replace(/^\(([\s\S]*)\)$/, '$1').split(/\s+and\s+|&&/);
  return terms.some((term) => !/^\s*(?:not\b|!)/.test(term) && isDebugTerm(term, flags));
}

function isDebugTerm(term: string, flags: ReadonlySet<string>): boolean {
  const bare = term.trim().replace(/^\(([\s\S]*)\)$/, '$1').trim();
  return DEBUG_TERM.test(term) || flags.has(bare) || flags.has(bare.replace(/\(\s*\)$/, '()'));
}

/** A guard's test that holds in production: a negated debug term, or a production test, joined with `or`/`||`. */
function holdsInProduction(condition: string, flags: ReadonlySet<string>): boolean {
  const terms = condition.trim().replace(/^\(([\s\S]*)\)$/, '$1').split(/\s+or\s+|\|\|/);
  if (terms.some((term) => /\s+and\s+|&&/.test(term))) return false;
  return terms.some((term) => {
    const negated = /^\s*(?:not\s+|!\s*)(.+)$/.exec(term);
    return negated ? isDebugTerm(negated[1], flags) && !/^\s*\(/.test(negated[1]) : PRODUCTION_TERM.test(term);
  });
}

/** `process.env.NODE_ENV === "production"`. */
const PRODUCTION_TERM = /process\.env\.NODE_ENV\s*===?\s*['"](?:production|prod)['"]/;

/**
 * Whether, earlier in the function holding `line` and in a block the line is still in, a guard
 * returns in production: `if (!debugLoggingEnabled) return;`, `if not settings.DEBUG: return`.
 */
function afterProductionReturn(facts: FileFacts, line: number, scopeId: number, flags: ReadonlySet<string>): boolean {
  const scope = enclosingFunctions(facts, scopeId)[0];
  if (!scope) return false;
  let blockIndent = indentOf(lineOf(facts, line));
  for (let i = line - 1; i > scope.range.start.line; i--) {
    const text = lineOf(facts, i);
    if (!text.trim()) continue;
    const indent = indentOf(text);
    if (indent > blockIndent) continue;
    blockIndent = indent;
    if (returnsInProduction(facts, text, lineOf(facts, i + 1), flags)) return true;
  }
  return false;
}

/**
 * Whether a handler's first statement returns in production (`if (!isDevHarnessEnabled()) { return
 * NextResponse.json({ error }, { status: 403 }); }`): a development tool, serving nothing in production.
 */
export function servesDevelopmentOnly(facts: FileFacts, handler: ScopeFact): boolean {
  if (!TESTS_DEBUG.test(facts.text) && !facts.text.includes('NODE_ENV')) return false;
  const flags = debugFlags(facts);
  // The body's first statement: the first line after the header that is no comment or docstring.
  const last = Math.min(handler.range.end.line, handler.range.start.line + 8);
  for (let i = handler.range.start.line + 1; i <= last; i++) {
    const text = lineOf(facts, i).trim();
    if (!text || /^(?:\/\/|#|\*|\/\*|[rRbBuU]?(?:"{3}|'{3}))/.test(text)) continue;
    return returnsInProduction(facts, text, lineOf(facts, i + 1), flags);
  }
  return false;
}

/**
 * Whether `text` is a guard that returns in production: `if (!flag) return;`, `if not DEBUG:`
 * with `return` alone on the `next` line, `if (!isDevEnabled()) {` then `return ...`.
 */
function returnsInProduction(facts: FileFacts, text: string, next: string, flags: ReadonlySet<string>): boolean {
  const [sameLine, header] = facts.language === 'python' ? [/^\s*if\s+(.+?):\s*return\b/, /^\s*if\s+(.+?):\s*$/] : [/^\s*if\s*\((.+)\)\s*(?:\{\s*)?return\b/, /^\s*if\s*\((.+)\)\s*\{?\s*$/];
  const guard = sameLine.exec(text) ?? (/^\s*return\b/.test(next) ? header.exec(text) : null);
  return guard !== null && holdsInProduction(guard[1], flags);
}

/** The text of line `i`, without its line break. */
function lineOf(facts: FileFacts, i: number): string {
  return facts.text.slice(facts.lineStarts[i], facts.lineStarts[i + 1] ?? facts.text.length).replace(/\r?\n$/, '');
}

/**
 * Module-level names bound to a debug test (`const debugLoggingEnabled = process.env.DEBUG_LOGGING
 * === "true" && process.env.NODE_ENV !== "production"`, `VERBOSE = settings.DEBUG`), once per file's facts.
 */
const flagsOf = new WeakMap<object, ReadonlySet<string>>();
const TS_BINDING = /(?:^|\n)(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::\s*boolean\s*)?=\s*([^;=][^;]{0,300}?)\s*(?:;|\n(?=\S))/g;
/** `function isDevHarnessEnabled(): boolean { return (process.env.NODE_ENV === "development" && ...); }`: called as a flag. */
const TS_FLAG_FUNCTION = /(?:^|\n)(?:export\s+)?function\s+([A-Za-z_$][\w$]*)\s*\(\s*\)\s*(?::\s*boolean\s*)?\{\s*return\s+([^;{}]{1,300}?)\s*;?\s*\}/g;
const PY_FLAG_FUNCTION = /(?:^|\n)def\s+([A-Za-z_]\w*)\s*\(\s*\)\s*(?:->\s*bool\s*)?:\s*\n\s+return\s+([^\n]{1,300})/g;
const PY_BINDING = /(?:^|\n)([A-Za-z_]\w*)\s*(?::\s*bool\s*)?=\s*([^\n]{1,300})/g;

function debugFlags(facts: FileFacts): ReadonlySet<string> {
  let flags = flagsOf.get(facts);
  if (flags) return flags;
  const found = new Set<string>();
  const pattern = facts.language === 'python' ? PY_BINDING : TS_BINDING;
  for (const match of facts.text.matchAll(pattern)) if (isDebugCondition(match[2], found)) found.add(match[1]);
  for (const match of facts.text.matchAll(facts.language === 'python' ? PY_FLAG_FUNCTION : TS_FLAG_FUNCTION)) {
    if (isDebugCondition(match[2], found)) found.add(`${match[1]}()`);
  }
  flagsOf.set(facts, (flags = found));
  return flags;
}

/** The condition of the innermost `if`/`elif` whose block holds `line`, by indentation. */
function pythonCondition(facts: FileFacts, line: number): string | undefined {
  const indent = indentOf(lineOf(facts, line));
  for (let i = line - 1; i >= 0 && i > line - 200; i--) {
    const text = lineOf(facts, i);
    if (!text.trim() || text.trim().startsWith('#')) continue;
    if (indentOf(text) >= indent) continue;
    const match = /^\s*(?:if|elif)\s+(.+):\s*(?:#.*)?$/.exec(text);
    return match ? match[1] : undefined;
  }
  return undefined;
}

/** The condition of the `if (...) {` whose block holds `offset`, by braces (strings and comments are not skipped: a miss only keeps a finding). */
function braceCondition(facts: FileFacts, offset: number): string | undefined {
  const text = facts.text;
  let depth = 0;
  for (let i = offset - 1; i >= 0 && i > offset - 20000; i--) {
    const char = text[i];
    if (char === '}') depth++;
    else if (char === '{') {
      if (depth === 0) {
        const before = text.slice(Math.max(0, i - 400), i);
        const match = /\bif\s*\(([\s\S]*)\)\s*$/.exec(before);
        if (!match || /\belse\s*$/.test(before)) return undefined;
        return balancedTail(match[1]);
      }
      depth--;
    }
  }
  return undefined;
}

/** `a) { x } if (b` cannot be one condition: keep the text after the last unbalanced `(`. */
function balancedTail(condition: string): string | undefined {
  let depth = 0;
  for (let i = condition.length - 1; i >= 0; i--) {
    if (condition[i] === ')') depth++;
    else if (condition[i] === '(') {
      if (depth === 0) return undefined;
      depth--;
    }
  }
  return /[{};]/.test(condition) ? undefined : condition;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

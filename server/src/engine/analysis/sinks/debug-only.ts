// A log written only in a development run (docs/rules/phi-in-log.md, "What stays quiet"):
// `if settings.DEBUG: logger.error("Invalid phone %s", phone)`, `elif settings.DEBUG: print(otp, phone)`,
// `if (process.env.NODE_ENV === 'development') { console.log(patient) }`. The branch never runs in
// production, so nothing reaches the production logs. Only the innermost `if` holding the call
// counts, and only a condition that is the debug flag alone or joined with `and`/`&&` (with `or`,
// `||` or a negation the branch also runs in production); an `else` of such an `if` is production.

import type { FileFacts } from '../../model/facts';
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
export function inDebugOnlyBranch(facts: FileFacts, start: Position): boolean {
  let tests = testsDebug.get(facts);
  if (tests === undefined) {
    tests = TESTS_DEBUG.test(facts.text);
    testsDebug.set(facts, tests);
  }
  if (!tests) return false;
  const condition = facts.language === 'python' ? pythonCondition(facts, start.line) : braceCondition(facts, offsetOf(facts.lineStarts, facts.text, start));
  return condition !== undefined && isDebugCondition(condition);
}

/** The flag, alone or joined with `and`/`&&` to other tests (`settings.DEBUG and not settings.USE_SMS`); never negated itself. */
function isDebugCondition(condition: string): boolean {
  if (ANY_OR.test(condition) || /^\s*(?:not\b|!)/.test(condition)) return false;
  const terms = condition.trim().replace(/^\((.*)\)$/, '$1').split(/\s+and\s+|&&/);
  return terms.some((term) => !/^\s*(?:not\b|!)/.test(term) && DEBUG_TERM.test(term));
}

/** The condition of the innermost `if`/`elif` whose block holds `line`, by indentation. */
function pythonCondition(facts: FileFacts, line: number): string | undefined {
  const lineText = (i: number) => facts.text.slice(facts.lineStarts[i], facts.lineStarts[i + 1] ?? facts.text.length).replace(/\r?\n$/, '');
  const indent = indentOf(lineText(line));
  for (let i = line - 1; i >= 0 && i > line - 200; i--) {
    const text = lineText(i);
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

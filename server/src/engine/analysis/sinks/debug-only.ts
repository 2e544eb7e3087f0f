// A Python log that runs only in the framework's debug mode (docs/rules/phi-in-log.md, "What stays
// quiet"): `if settings.DEBUG: logger.error(...)`, `elif settings.DEBUG: print(...)`. Django's and
// Flask's debug mode must be off in production (their deployment checklists), so such a line is a
// developer's local aid, not a production log. Read from the file's lines by indentation: the
// blocks around the call up to its function; an `else:` of a debug test is production.

import type { FileFacts } from '../../model/facts';
import { positionAt } from '../../model/text';

/** Django's `settings.DEBUG` (also imported bare), Flask's `app.debug` / `current_app.debug`. */
const DEBUG_FLAG = /^(?:(?:django\.conf\.)?settings\.DEBUG|DEBUG|(?:current_)?app\.debug|(?:current_)?app\.config\[["']DEBUG["']\])$/;
const BLOCK_HEADER = /^(\s*)(if|elif|else|for|while|with|try|except|finally|def|async\s+def|class|async\s+for|async\s+with|match|case)\b(.*?):\s*(?:#.*)?$/;

/** The lines of a file that test a debug flag (`if settings.DEBUG:`), found once per file's facts. */
const debugTests = new WeakMap<object, number[]>();
const DEBUG_TEST_LINE = /^[ \t]*(?:if|elif)\b[^\n]*\b(?:DEBUG|app\.debug)\b[^\n]*:[ \t]*(?:#[^\n]*)?$/gm;

export function runsOnlyInDebug(facts: Pick<FileFacts, 'language' | 'text' | 'lineStarts'>, line: number): boolean {
  if (facts.language !== 'python') return false;
  const tests = debugTestLines(facts);
  // The nearest test above the call: a walk past it finds no other.
  const nearest = tests.filter((testLine) => testLine < line).pop();
  if (nearest === undefined) return false;
  let indent = indentationOf(lineText(facts, line));
  for (let above = line - 1; above >= nearest && indent > 0; above--) {
    const text = lineText(facts, above);
    if (!text.trim() || text.trim().startsWith('#')) continue;
    const own = indentationOf(text);
    if (own >= indent) continue;
    const header = BLOCK_HEADER.exec(text);
    if (!header) return false;
    indent = own;
    const keyword = header[2];
    if (keyword === 'def' || keyword.startsWith('async def') || keyword === 'class' || keyword === 'else') return false;
    if ((keyword === 'if' || keyword === 'elif') && isDebugTest(header[3])) return true;
  }
  return false;
}

function debugTestLines(facts: Pick<FileFacts, 'text' | 'lineStarts'>): number[] {
  let lines = debugTests.get(facts);
  if (lines) return lines;
  lines = [];
  if (facts.text.includes('DEBUG') || facts.text.includes('app.debug')) {
    for (const match of facts.text.matchAll(DEBUG_TEST_LINE)) lines.push(positionAt(facts.lineStarts, match.index ?? 0).line);
  }
  debugTests.set(facts, lines);
  return lines;
}

/** `settings.DEBUG`, or a conjunction with it (`settings.DEBUG and not settings.USE_SMS`). */
function isDebugTest(condition: string): boolean {
  return condition
    .trim()
    .replace(/^\((.*)\)$/, '$1')
    .split(/\s+and\s+/)
    .some((term) => DEBUG_FLAG.test(term.trim()));
}

function lineText(facts: Pick<FileFacts, 'text' | 'lineStarts'>, line: number): string {
  const start = facts.lineStarts[line] ?? facts.text.length;
  const end = facts.lineStarts[line + 1] ?? facts.text.length;
  return facts.text.slice(start, end).replace(/\r?\n$/, '');
}

function indentationOf(text: string): number {
  return /^[ \t]*/.exec(text)![0].replace(/\t/g, '        ').length;
}

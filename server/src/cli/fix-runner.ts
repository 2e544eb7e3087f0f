// `phi-guard fix` on one file's text, like `eslint --fix`: apply every preferred fix that does not
// collide with another, re-analyse, and repeat until none is left (or a few passes). A pass whose
// result parses with more syntax errors than the original is never kept.

import {
  analyze,
  applyTextEdits,
  countSyntaxErrors,
  languageFromPath,
  type AnalysisResult,
  type AnalyzeOptions,
  type Finding,
  type Fix,
  type Position,
  type ResolvedPolicy,
  type TextEdit,
} from '../engine';

export const MAX_FIX_PASSES = 10;

export interface FixOutcome {
  text: string;
  /** Fixes applied, over all passes. */
  applied: number;
  /** Fixes left out because their result would not parse as well as the original. */
  refused: number;
  /** The analysis of the final text. */
  result: AnalysisResult;
}

export function fixText(text: string, filePath: string, policy: ResolvedPolicy, options: AnalyzeOptions = {}): FixOutcome {
  const languageId = languageFromPath(filePath);
  let current = text;
  let result = analyze({ text: current, path: filePath }, policy, options);
  if (!languageId || result.skipped) return { text, applied: 0, refused: 0, result };

  const baselineErrors = countSyntaxErrors(text, languageId);
  const parsesAsWell = (candidate: string) => countSyntaxErrors(candidate, languageId) <= baselineErrors;
  const refusedFixes = new Set<string>();
  const seenTexts = new Set<string>([current]);
  let applied = 0;

  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const candidates = result.findings
      .map(preferredFix)
      .filter((fix): fix is Fix => fix !== undefined && !refusedFixes.has(fixKey(fix)))
      .map((fix) => withLineEndings(fix, current));
    if (candidates.length === 0) break;

    const batch = nonOverlapping(candidates);
    let next = applyTextEdits(current, batch.flatMap((fix) => fix.edits));
    let count = batch.length;
    if (!parsesAsWell(next)) {
      // Find the culprits one by one; keep the fixes that are fine on their own.
      const good = batch.filter((fix) => {
        const ok = parsesAsWell(applyTextEdits(current, fix.edits));
        if (!ok) refusedFixes.add(fixKey(fix));
        return ok;
      });
      next = applyTextEdits(current, good.flatMap((fix) => fix.edits));
      count = good.length;
      if (good.length > 1 && !parsesAsWell(next)) {
        next = applyTextEdits(current, good[0].edits);
        count = 1;
      }
      if (count === 0) continue;
    }
    // A fix that does not make its finding go away would loop forever.
    if (seenTexts.has(next)) break;
    seenTexts.add(next);
    current = next;
    applied += count;
    result = analyze({ text: current, path: filePath }, policy, options);
  }
  return { text: current, applied, refused: refusedFixes.size, result };
}

/** The fix `phi-guard fix` applies: the preferred one, never a suppression. */
export function preferredFix(finding: Finding): Fix | undefined {
  return finding.fixes.find((fix) => fix.isPreferred && fix.kind !== 'suppress' && fix.edits.length > 0);
}

function fixKey(fix: Fix): string {
  return JSON.stringify(fix.edits);
}

/** Keeps CRLF files CRLF when a fix inserts new lines. */
function withLineEndings(fix: Fix, text: string): Fix {
  if (!text.includes('\r\n')) return fix;
  return { ...fix, edits: fix.edits.map((edit) => ({ ...edit, newText: edit.newText.replace(/\r?\n/g, '\r\n') })) };
}

/** Greedily picks fixes whose edits neither overlap nor touch those already picked. */
function nonOverlapping(fixes: readonly Fix[]): Fix[] {
  const picked: Fix[] = [];
  const taken: TextEdit[] = [];
  for (const fix of fixes) {
    if (fix.edits.some((edit) => taken.some((other) => touches(edit, other)))) continue;
    picked.push(fix);
    taken.push(...fix.edits);
  }
  return picked;
}

function touches(a: TextEdit, b: TextEdit): boolean {
  return compare(a.range.start, b.range.end) <= 0 && compare(b.range.start, a.range.end) <= 0;
}

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

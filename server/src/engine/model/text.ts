// Offsets, line starts and positions of a text, and edits applied to it: shared by the parsers,
// the adapters, the fixes, the CLI's `fix` command and the tests.

import type { FileFacts } from './facts';
import type { Position, Range } from './ranges';
import type { TextEdit } from './types';

export function offsetOf(lineStarts: number[], text: string, position: Position): number {
  if (position.line >= lineStarts.length) return text.length;
  return Math.min(lineStarts[position.line] + position.character, text.length);
}

/**
 * Applies non-overlapping edits (as LSP would): all ranges refer to the original text. Edits
 * that overlap an earlier one are dropped rather than corrupting the text.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = computeLineStarts(text);
  const resolved = edits
    .map((edit) => ({
      start: offsetOf(lineStarts, text, edit.range.start),
      end: offsetOf(lineStarts, text, edit.range.end),
      newText: edit.newText,
    }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let cursor = 0;
  for (const edit of resolved) {
    if (edit.start < cursor) continue;
    result += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}

export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/**
 * The line starts of a text after one replacement (`start`..`oldEnd` of the old text became
 * `start`..`newEnd` of `text`), from the old text's: a keystroke rescans the lines it touched, not
 * the whole file. Equal to computeLineStarts(text). The scan starts one character early and
 * runs one past the insertion, so that a CR and an LF the edit joined or parted are counted as
 * computeLineStarts counts them.
 */
export function updatedLineStarts(oldStarts: readonly number[], text: string, start: number, oldEnd: number, newEnd: number): number[] {
  const delta = newEnd - oldEnd;
  const from = Math.max(0, start - 1);
  const starts: number[] = [];
  // Line starts whose line break ends before `from`: untouched.
  let kept = 0;
  while (kept < oldStarts.length && oldStarts[kept] <= from) starts.push(oldStarts[kept++]);
  let i = from;
  for (; i < text.length && i <= newEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  // Everything from `i` on is the old text's, moved by `delta`; its line breaks are the old ones.
  for (let k = kept; k < oldStarts.length; k++) {
    const moved = oldStarts[k] + delta;
    if (moved > i) starts.push(moved);
  }
  return starts;
}

/** The LSP position of a text offset, given the text's line starts (binary search). */
export function positionAt(lineStarts: readonly number[], offset: number): Position {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low, character: offset - lineStarts[low] };
}

/** The leading whitespace of a line (of its first 200 characters). */
export function lineIndent(text: string, lineStarts: readonly number[], line: number): string {
  const lineStart = lineStarts[line] ?? 0;
  return /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))?.[0] ?? '';
}

/** The source text of a range of the file. */
export function sourceOf(facts: Pick<FileFacts, 'text' | 'lineStarts'>, range: Range): string {
  return facts.text.slice(offsetOf(facts.lineStarts, facts.text, range.start), offsetOf(facts.lineStarts, facts.text, range.end));
}

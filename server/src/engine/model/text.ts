// Small text utilities shared by fixes, the CLI's `fix` command and the tests.

import { computeLineStarts, hasGrammar, parse } from '../parsing/parsed-document';
import { countPrismaSyntaxErrors } from '../adapters/prisma/facts';
import type { LanguageId, Position, TextEdit } from './types';

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

/** How many ERROR / MISSING nodes the text parses with: fixes must never add any. */
export function countSyntaxErrors(text: string, languageId: LanguageId): number {
  if (!hasGrammar(languageId)) return countPrismaSyntaxErrors(text);
  const tree = parse(languageId, text);
  try {
    let count = 0;
    const cursor = tree.walk();
    let done = false;
    while (!done) {
      const node = cursor.currentNode;
      if (node.isError || node.isMissing) count++;
      if (node.hasError && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) {
          done = true;
          break;
        }
      }
    }
    cursor.delete();
    return count;
  } finally {
    tree.delete();
  }
}

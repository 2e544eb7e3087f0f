// A source file with its syntax tree, kept up to date by incremental reparsing: the server holds
// one per open editor, the CLI makes a fresh one per file.

import { Edit, type Tree } from 'web-tree-sitter';
import { computeLineStarts, positionAt, updatedLineStarts } from '../model/text';
import type { LanguageId, Position } from '../model/types';
import { hasGrammar, parse } from './parsers';

/** A text change in LSP terms: the range replaced in the old text, and the new text. */
export interface TextChange {
  range: { start: Position; end: Position };
  text: string;
}

export class ParsedDocument {
  /** Undefined for languages without a grammar (Prisma): their facts come from the text. */
  private currentTree: Tree | undefined;
  private currentLineStarts: number[];

  constructor(
    readonly languageId: LanguageId,
    private currentText: string,
  ) {
    this.currentLineStarts = computeLineStarts(currentText);
    this.currentTree = hasGrammar(languageId) ? parse(languageId, currentText) : undefined;
  }

  get text(): string {
    return this.currentText;
  }

  /** Offsets of the text's line starts (LF, CRLF and lone CR end a line). Do not modify. */
  get lineStarts(): number[] {
    return this.currentLineStarts;
  }

  get tree(): Tree {
    if (!this.currentTree) throw new Error(`no syntax tree for ${this.languageId}`);
    return this.currentTree;
  }

  /** Whether the document is parsed with tree-sitter (`tree` is then available). */
  get hasTree(): boolean {
    return this.currentTree !== undefined;
  }

  /** Applies LSP content changes in order and reparses once, reusing the old tree. */
  applyChanges(changes: readonly TextChange[]): void {
    const tree = this.currentTree;
    let text = this.currentText;
    let lineStarts = this.currentLineStarts;
    for (const change of changes) {
      const startIndex = offsetAt(lineStarts, text, change.range.start);
      const oldEndIndex = offsetAt(lineStarts, text, change.range.end);
      const newText = text.slice(0, startIndex) + change.text + text.slice(oldEndIndex);
      const newEndIndex = startIndex + change.text.length;
      const newLineStarts = updatedLineStarts(lineStarts, newText, startIndex, oldEndIndex, newEndIndex);
      const edit = new Edit({
        startIndex,
        oldEndIndex,
        newEndIndex,
        startPosition: pointAt(lineStarts, startIndex),
        oldEndPosition: pointAt(lineStarts, oldEndIndex),
        newEndPosition: pointAt(newLineStarts, newEndIndex),
      });
      tree?.edit(edit);
      text = newText;
      lineStarts = newLineStarts;
    }
    if (tree) {
      this.currentTree = parse(this.languageId, text, tree);
      tree.delete();
    }
    this.currentText = text;
    this.currentLineStarts = lineStarts;
  }

  /** Replaces the whole text (full sync or a reload): a fresh parse. */
  replaceText(text: string): void {
    this.currentTree?.delete();
    this.currentText = text;
    this.currentLineStarts = computeLineStarts(text);
    this.currentTree = hasGrammar(this.languageId) ? parse(this.languageId, text) : undefined;
  }

  dispose(): void {
    this.currentTree?.delete();
    this.currentTree = undefined;
  }
}

function offsetAt(lineStarts: number[], text: string, position: Position): number {
  if (position.line >= lineStarts.length) return text.length;
  if (position.line < 0) return 0;
  const lineStart = lineStarts[position.line];
  let lineEnd = position.line + 1 < lineStarts.length ? lineStarts[position.line + 1] : text.length;
  // As LSP (and vscode-languageserver-textdocument): a character past the end of the line means
  // the end of the line, before its line break; otherwise the tree and the document's text differ.
  if (lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 10) lineEnd--;
  if (lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
  return Math.min(lineStart + Math.max(0, position.character), lineEnd);
}

function pointAt(lineStarts: number[], offset: number): { row: number; column: number } {
  const { line, character } = positionAt(lineStarts, offset);
  return { row: line, column: character };
}

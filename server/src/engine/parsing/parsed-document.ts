// Tree-sitter through WebAssembly: one parser per language, grammars loaded once, and
// documents that keep their tree so edits reparse incrementally (ARCHITECTURE.md §7).

import * as path from 'node:path';
import { Edit, Language, Parser, type Tree } from 'web-tree-sitter';
import { quietLongCommentBlocks } from './python-comment-runs';
import type { LanguageId, Position } from '../model/types';

export type GrammarName = 'python' | 'typescript' | 'tsx' | 'javascript';

/** Languages parsed with tree-sitter; Prisma schemas have no grammar and use a line parser. */
const grammarByLanguage: Record<Exclude<LanguageId, 'prisma'>, GrammarName> = {
  python: 'python',
  typescript: 'typescript',
  typescriptreact: 'tsx',
  javascript: 'javascript',
  javascriptreact: 'javascript',
};

const parsers = new Map<GrammarName, Parser>();
let initialising: Promise<void> | undefined;

/** Where the `.wasm` files are: beside the bundle (dist/) in every shipped form. */
function defaultWasmDir(): string {
  return __dirname;
}

/** Loads web-tree-sitter and the four grammars. Idempotent; call before analysing. */
export function initParsers(wasmDir = defaultWasmDir()): Promise<void> {
  initialising ??= (async () => {
    await Parser.init({ locateFile: (file: string) => path.join(wasmDir, file) });
    for (const grammar of ['python', 'typescript', 'tsx', 'javascript'] as const) {
      const language = await Language.load(path.join(wasmDir, `tree-sitter-${grammar}.wasm`));
      const parser = new Parser();
      parser.setLanguage(language);
      parsers.set(grammar, parser);
    }
  })();
  return initialising;
}

export function grammarFor(languageId: LanguageId): GrammarName {
  if (!hasGrammar(languageId)) throw new Error(`no tree-sitter grammar for ${languageId}`);
  return grammarByLanguage[languageId];
}

/** Whether the language is parsed with tree-sitter (everything but Prisma schemas). */
export function hasGrammar(languageId: LanguageId): languageId is Exclude<LanguageId, 'prisma'> {
  return languageId !== 'prisma';
}

function parserFor(languageId: LanguageId): Parser {
  const parser = parsers.get(grammarFor(languageId));
  if (!parser) throw new Error('PHI Guard engine used before initEngine() resolved');
  return parser;
}

export function parse(languageId: LanguageId, text: string, previous?: Tree): Tree {
  // Never hand the grammar a file it corrupts memory on (see MAX_PYTHON_INDENT_DEPTH): an
  // empty tree instead, and analysis reports the file as skipped (checkAnalysable).
  if (languageId === 'python' && pythonIndentDepth(text, MAX_PYTHON_INDENT_DEPTH) > MAX_PYTHON_INDENT_DEPTH) {
    return parse(languageId, '');
  }
  const plain = parserSource(text);
  const source = languageId === 'python' ? quietLongCommentBlocks(plain) : plain;
  // Blanked comment blocks depend on lines far from an edit, so a tree from or for such a source
  // is never reused: tree-sitter would keep the old text's tokens where nothing was edited.
  const quieted = source !== plain;
  const reuse = previous && !quieted && !quietedTrees.has(previous) ? previous : undefined;
  const tree = parserFor(languageId).parse(source, reuse);
  if (!tree) throw new Error('tree-sitter returned no tree');
  if (quieted) quietedTrees.add(tree);
  return tree;
}

/** Trees parsed from a source with blanked comment blocks. */
const quietedTrees = new WeakSet<Tree>();

/**
 * The text as the grammars should see it, same length so every index and position is kept:
 * - tree-sitter counts rows by LF only; LSP (and Python, and JS) also break lines at a lone CR,
 *   so a lone CR is parsed as LF;
 * - the lexers take a NUL for the end of the input, so one NUL (say, in a comment) would hide
 *   everything after it from every rule; it is parsed as a space.
 * Python's long comment blocks are blanked as well, by parse() (python-comment-runs.ts).
 */
export function parserSource(text: string): string {
  let source = text;
  if (source.includes('\r')) source = source.replace(/\r(?!\n)/g, '\n');
  if (source.includes('\u0000')) source = source.replace(/\u0000/g, ' ');
  return source;
}

/**
 * tree-sitter-python's external scanner saves its indentation stack in a fixed 1 KB buffer and
 * overruns it at about 500 nested indentation levels, corrupting the WebAssembly heap: every
 * later parse in the process then fails. Found by fuzzing; 300 leaves room for the scanner's
 * string delimiters (up to 255 bytes) and is far beyond anything written by hand.
 */
export const MAX_PYTHON_INDENT_DEPTH = 300;

/** The deepest stack of indentation levels (as the Python tokenizer keeps), stopping past `limit`. */
export function pythonIndentDepth(text: string, limit = Infinity): number {
  // Reaching `limit` levels takes at least 1 + 2 + ... + limit columns of indentation.
  if (text.length < (limit * (limit + 1)) / 2) return 0;
  const stack = [0];
  let deepest = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    let width = 0;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 32) width++;
      else if (c === 9) width = (width + 8) & ~7;
      else if (c === 12) width = 0;
      else break;
    }
    const c = text.charCodeAt(i);
    if (i < n && c !== 10 && c !== 13 && c !== 35) {
      while (stack.length > 1 && stack[stack.length - 1] > width) stack.pop();
      if (width > stack[stack.length - 1]) {
        stack.push(width);
        deepest = Math.max(deepest, stack.length - 1);
        if (deepest > limit) return deepest;
      }
    }
    for (; i < n; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10 || ch === 13) {
        i += ch === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
        break;
      }
    }
  }
  return deepest;
}

/** A text change in LSP terms: the range replaced in the old text, and the new text. */
export interface TextChange {
  range: { start: Position; end: Position };
  text: string;
}

/**
 * A source file with its syntax tree, kept up to date by incremental reparsing. The server holds
 * one per open editor; the CLI makes a fresh one per file.
 */
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
      const newLineStarts = computeLineStarts(newText);
      const newEndIndex = startIndex + change.text.length;
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

function pointAt(lineStarts: number[], offset: number): { row: number; column: number } {
  const { line, character } = positionAt(lineStarts, offset);
  return { row: line, column: character };
}

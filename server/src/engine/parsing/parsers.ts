// Tree-sitter through WebAssembly: one parser per grammar, loaded once, and the text as the
// grammars must see it. Documents that keep their tree are parsed-document.ts.

import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { Language, Parser, type Tree } from 'web-tree-sitter';
import { quietLongCommentBlocks } from './python-comment-runs';
import { withErrorsRepaired, type GrammarTraits } from './error-repairs';
import type { LanguageId } from '../model/types';

export type GrammarName = 'python' | 'typescript' | 'tsx' | 'javascript';

/** The languages with a tree-sitter grammar: source code. */
export type GrammarLanguageId = 'python' | 'typescript' | 'typescriptreact' | 'javascript' | 'javascriptreact';

/** Languages parsed with tree-sitter; Prisma schemas have no grammar and use a line parser. */
const grammarByLanguage: Record<GrammarLanguageId, GrammarName> = {
  python: 'python',
  typescript: 'typescript',
  typescriptreact: 'tsx',
  javascript: 'javascript',
  javascriptreact: 'javascript',
};

const GRAMMARS = ['python', 'typescript', 'tsx', 'javascript'] as const satisfies readonly GrammarName[];

const parsers = new Map<GrammarName, Parser>();
let initialising: Promise<void> | undefined;
let initialisingRuntime: Promise<void> | undefined;
/** Where the runtime found its `.wasm`: the grammars are read from there too. */
let runtimeWasmDir: string | undefined;

/** Where the `.wasm` files are: beside the bundle (dist/) in every shipped form. */
function defaultWasmDir(): string {
  return __dirname;
}

function grammarFile(wasmDir: string, grammar: GrammarName): string {
  return path.join(wasmDir, `tree-sitter-${grammar}.wasm`);
}

function parserOf(language: Language): Parser {
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

/**
 * Loads web-tree-sitter alone: each grammar is then loaded when a file first needs it (see
 * parserFor), or by initParsers(). A fresh language server awaits only this before its first
 * analysis, so its first file waits for one grammar, not four (docs/performance.md).
 */
export function initParserRuntime(wasmDir = defaultWasmDir()): Promise<void> {
  initialisingRuntime ??= (async () => {
    await Parser.init({ locateFile: (file: string) => path.join(wasmDir, file) });
    runtimeWasmDir = wasmDir;
  })();
  return initialisingRuntime;
}

/** Loads web-tree-sitter and the four grammars. Idempotent; call before analysing. */
export function initParsers(wasmDir = defaultWasmDir()): Promise<void> {
  initialising ??= (async () => {
    await initParserRuntime(wasmDir);
    for (const grammar of GRAMMARS) {
      if (parsers.has(grammar)) continue;
      // The bytes, not the path: given a path, web-tree-sitter reads it through a dynamic
      // import(), which fails in code run from V8's code cache (server/src/bootstrap.ts).
      const language = await Language.load(await readFile(grammarFile(runtimeWasmDir ?? wasmDir, grammar)));
      // A file may have needed this grammar while it loaded (parserFor): that one is kept.
      if (!parsers.has(grammar)) parsers.set(grammar, parserOf(language));
    }
  })();
  return initialising;
}

export function grammarFor(languageId: LanguageId): GrammarName {
  if (!hasGrammar(languageId)) throw new Error(`no tree-sitter grammar for ${languageId}`);
  return grammarByLanguage[languageId];
}

/** Whether the language is parsed with tree-sitter (source code; not Prisma schemas or data files). */
export function hasGrammar(languageId: LanguageId): languageId is GrammarLanguageId {
  return Object.hasOwn(grammarByLanguage, languageId);
}

/** JSX: TSX, and JavaScript, whose grammar takes JSX in any file; types: TypeScript and TSX. */
function traitsOf(grammar: GrammarName): GrammarTraits {
  return { jsx: grammar === 'tsx' || grammar === 'javascript', types: grammar === 'typescript' || grammar === 'tsx' };
}

/** WebAssembly.Module (the project's type libraries do not declare WebAssembly). */
const WasmModule = (globalThis as unknown as { WebAssembly: { Module: new (bytes: Uint8Array) => Parameters<typeof Language.loadSync>[0] } }).WebAssembly.Module;

function parserFor(languageId: LanguageId): Parser {
  const grammar = grammarFor(languageId);
  const loaded = parsers.get(grammar);
  if (loaded) return loaded;
  if (runtimeWasmDir === undefined) throw new Error('PHI Guard engine used before initEngine() resolved');
  // The runtime is up and this grammar is not (yet): compiled here, synchronously, so every
  // caller can parse as soon as the runtime is ready (a few tens of ms, once per grammar).
  const parser = parserOf(Language.loadSync(new WasmModule(readFileSync(grammarFile(runtimeWasmDir, grammar)))));
  parsers.set(grammar, parser);
  return parser;
}

export function parse(languageId: LanguageId, text: string, previous?: Tree): Tree {
  // Never hand the grammar a file it corrupts memory on (see MAX_PYTHON_INDENT_DEPTH): an
  // empty tree instead, and analysis reports the file as skipped (checkAnalysable).
  if (languageId === 'python' && pythonIndentDepth(text, MAX_PYTHON_INDENT_DEPTH) > MAX_PYTHON_INDENT_DEPTH) {
    return parse(languageId, '');
  }
  const plain = parserSource(text);
  const source = languageId === 'python' ? quietLongCommentBlocks(plain) : withoutGrammarGaps(grammarFor(languageId), plain);
  // Blanked comment blocks (and the rewrites of withoutGrammarGaps) depend on text beyond an edit, so a tree from or for such a source
  // is never reused: tree-sitter would keep the old text's tokens where nothing was edited.
  const quieted = source !== plain;
  const reuse = previous && !quieted && !quietedTrees.has(previous) ? previous : undefined;
  const parser = parserFor(languageId);
  const parsed = parser.parse(source, reuse);
  if (!parsed) throw new Error('tree-sitter returned no tree');
  // A repaired tree may be reused: each repair depends on the text of its own line alone (error-repairs.ts).
  const tree = withErrorsRepaired(parser, traitsOf(grammarFor(languageId)), source, parsed);
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

/** `&#128681;`: a decimal character reference of six or seven digits (the grammars take five at most). */
const LONG_DECIMAL_REFERENCE = /&#(\d{6,7});/g;
/** `: (any) =>`, `type T = (string) =>`: a function type whose one parameter is named like a predefined type. */
const PREDEFINED_NAME_PARAMETER = /((?::|\btype\s+[A-Za-z_$][\w$]*(?:<[^<>=]*>)?\s*=)\s*\(\s*)(any|number|string|boolean|object|symbol|unknown|never|bigint)(\s*\)\s*=>)/g;

/**
 * Valid TypeScript and JSX that the grammars of @vscode/tree-sitter-wasm reject, rewritten to
 * the same length so every index and position is kept (docs/reliability.md, "Known parser limits"):
 * - JSX text `&#128681;` becomes the same character in hexadecimal, zero-padded (`&#x1f6a9;`);
 * - a function type's lone parameter named `any`, `number`, `string`… gets a name that is no
 *   keyword (`(any) =>` becomes `(_ny) =>`): the name of a parameter in a type is never data.
 */
export function withoutGrammarGaps(grammar: GrammarName, text: string): string {
  let source = text;
  if ((grammar === 'tsx' || grammar === 'javascript') && source.includes('&#')) {
    source = source.replace(LONG_DECIMAL_REFERENCE, (whole, digits: string) => {
      const hex = Number(digits).toString(16);
      return hex.length <= digits.length - 1 ? `&#x${hex.padStart(digits.length - 1, '0')};` : whole;
    });
  }
  if ((grammar === 'typescript' || grammar === 'tsx') && source.includes('=>')) {
    source = source.replace(PREDEFINED_NAME_PARAMETER, (_whole, before: string, name: string, after: string) => `${before}_${name.slice(1)}${after}`);
  }
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
  // The levels' widths rise from 1, so passing `limit` takes a line indented by more than
  // `limit` spaces when the text has no tab or form feed: three native searches, where the walk
  // below would run over the whole text on every keystroke.
  if (limit !== Infinity && !text.includes('\t') && !text.includes('\f') && !text.includes(' '.repeat(limit + 1))) return 0;
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

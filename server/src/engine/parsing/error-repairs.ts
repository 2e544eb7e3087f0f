// Valid TypeScript and JSX that the grammars of @vscode/tree-sitter-wasm reject, and that cannot
// be told from other code without the tree (docs/reliability.md, "Known parser limits"):
// - a bare `&` in JSX text or in a JSX attribute string (`<th>Date & time</th>`,
//   `src="/a?w=1&h=2"`): the JSX lexer takes an `&` only as the start of a character reference
//   (upstream: tree-sitter-javascript#366, tree-sitter-typescript#366). Lexically it is the `&` of
//   an intersection type or a bitwise and;
// - an import type (`import("./m").T[]`, the type query of one in type arguments). Lexically it
//   is a dynamic import;
// - type arguments of a tagged template on a member (`prisma.$queryRaw<Row[]>\`...\``). Lexically
//   they are comparisons;
// - a JSX attribute named `in` (`<Collapse in={open}>`, the transitions of Material UI) in the
//   JavaScript grammar (TSX takes it). Lexically it is the `in` operator.
// Such a file was reported as having syntax errors and analysed only in part. The repair reads
// the tree: where an error sits, the construct on the error's line is rewritten to the same length
// (so every index and position holds) as something the grammar takes and that means the same to
// the rules (a space for the `&`, a name for the import's module, spaces for type arguments, `_n`
// for `in`), and
// the text is parsed again. The repaired tree is kept only when its errors cover less of the text
// than those of the tree it came from: a file with real syntax errors keeps them.

import type { Node, Parser, Tree } from 'web-tree-sitter';

/** Parses after a repair at most this many times (each may uncover the next error). */
const MAX_ROUNDS = 4;
/** Error sites read per round: enough for the `&`s of a page, bounded on a broken file. */
const MAX_SITES = 64;
/** Bare `&`s rewritten per error and round. */
const MAX_AMPERSANDS = 256;
/** `&amp;`, `&#123;`, `&#x1F6A9;`: what the grammar takes after an `&`. */
const CHARACTER_REFERENCE = /^&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{0,31});/;
/** `import("./m")` where a type is written: after `typeof`, `:`, `<`, `|`, `&`, `as` or `extends`. */
const IMPORT_TYPE = /((?:\btypeof|:|<|\||&|\bas|\bextends)\s*)(import\s*\(\s*(?:"[^"\n]*"|'[^'\n]*')\s*\))/g;
/** `<Collapse in={open}>`, `<Fade in timeout={3}>`, `<Zoom in>`, and `in={open}` alone on a line of a tag. */
const IN_ATTRIBUTE = /((?:<[A-Za-z][\w.]*|[}"'\w])\s+|^\s*)in(?=\s*=\s*[{"']|\s+[A-Za-z_][\w-]*\s*(?:=|\/?>)|\s*\/?>)/g;
/** `x.tag<Row[]>` right before a template literal's backtick. */
const TEMPLATE_TYPE_ARGUMENTS = /([\w$])(<(?:[^<>`\n]|<[^<>`\n]*>)*>)(\s*`)/g;

/** What a grammar parses: JSX (tsx, javascript), type annotations (typescript, tsx). */
export interface GrammarTraits {
  jsx: boolean;
  types: boolean;
}

/** The tree, with the constructs above repaired where errors sit, when that removes errors. */
export function withErrorsRepaired(parser: Parser, grammar: GrammarTraits, source: string, tree: Tree): Tree {
  if ((!grammar.jsx && !grammar.types) || !tree.rootNode.hasError) return tree;
  const made: Tree[] = [];
  let best = tree;
  let bestErrors = errorExtent(errorSites(tree));
  let text = source;
  let current = tree;
  for (let round = 0; round < MAX_ROUNDS && bestErrors > 0; round++) {
    const repaired = repairedAtErrors(grammar, text, errorSites(current));
    if (repaired === text) break;
    text = repaired;
    const next = parser.parse(text);
    if (!next) break;
    made.push(next);
    current = next;
    const errors = errorExtent(errorSites(next));
    if (errors < bestErrors) {
      best = next;
      bestErrors = errors;
    }
  }
  for (const other of [tree, ...made]) if (other !== best) other.delete();
  return best;
}

function repairedAtErrors(grammar: GrammarTraits, text: string, sites: readonly Node[]): string {
  const chars = text.split('');
  /** Where the lines holding an error start. */
  const lineStarts = new Set<number>();
  for (const site of sites) {
    if (grammar.jsx && site.isError) for (const index of bareAmpersands(text, site)) chars[index] = ' ';
    lineStarts.add(text.lastIndexOf('\n', site.startIndex - 1) + 1);
  }
  for (const start of lineStarts) {
    const end = lineEnd(text, start);
    const line = text.slice(start, end);
    let rewritten = line;
    if (grammar.types) {
      rewritten = rewritten
        .replace(IMPORT_TYPE, (_whole, before: string, call: string) => `${before}${'_'.repeat(call.length)}`)
        .replace(TEMPLATE_TYPE_ARGUMENTS, (_whole, tag: string, types: string, tick: string) => `${tag}${' '.repeat(types.length)}${tick}`);
    }
    if (grammar.jsx) rewritten = rewritten.replace(IN_ATTRIBUTE, (_whole, before: string) => `${before}_n`);
    for (let index = 0; index < rewritten.length; index++) if (rewritten[index] !== line[index]) chars[start + index] = rewritten[index];
  }
  return chars.join('');
}

/** The lone `&`s inside an ERROR: the grammar's recovery may start it well before the JSX text that broke it. */
function bareAmpersands(text: string, site: Node): number[] {
  const found: number[] = [];
  for (let index = text.indexOf('&', site.startIndex); index !== -1 && index < site.endIndex && found.length < MAX_AMPERSANDS; index = text.indexOf('&', index + 1)) {
    if (isBareAmpersand(text, index)) found.push(index);
  }
  return found;
}

/** An `&` that is no `&&`, `&=` or character reference. */
function isBareAmpersand(text: string, index: number): boolean {
  if (text[index] !== '&') return false;
  const next = text[index + 1];
  if (next === '&' || next === '=' || text[index - 1] === '&') return false;
  return !CHARACTER_REFERENCE.test(text.slice(index, index + 40));
}

function lineEnd(text: string, index: number): number {
  const end = text.indexOf('\n', index);
  return end === -1 ? text.length : end;
}

/**
 * How much of the text the errors cover (a MISSING node counts one): a repair is kept when it
 * leaves less of the file unparsed, so a rewrite that breaks a line while mending a page is not.
 */
function errorExtent(sites: readonly Node[]): number {
  return sites.reduce((sum, site) => sum + Math.max(1, site.endIndex - site.startIndex), 0);
}

/** The tree's ERROR and MISSING nodes, outermost first, read only along the branches that hold one. */
function errorSites(tree: Tree): Node[] {
  const sites: Node[] = [];
  const cursor = tree.walk();
  try {
    let done = !tree.rootNode.hasError;
    while (!done && sites.length < MAX_SITES) {
      const node = cursor.currentNode;
      if (node.isError || node.isMissing) sites.push(node);
      else if (node.hasError && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) {
          done = true;
          break;
        }
      }
    }
  } finally {
    cursor.delete();
  }
  return sites;
}

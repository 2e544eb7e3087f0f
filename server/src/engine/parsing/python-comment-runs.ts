// tree-sitter-python's external scanner looks ahead over every following comment line at each line
// break inside a block of comment-only lines, so a block of N such lines costs N² (measured: 100 KB
// of `#` lines takes ~2.5 s to parse, 400 KB over 30 s; blank lines, code lines and the other
// grammars stay linear). Commented-out modules and generated headers reach that size. Before
// parsing, the comment lines of a long block are replaced by spaces (same length: every position
// is kept), which the scanner skips in linear time. Comments carry nothing the rules read except
// suppressions, and lines that mention `phi-guard` are left as they are.

/** Comment lines in one block before it is quieted: far above any license header, cheap to parse. */
export const COMMENT_BLOCK_LIMIT = 64;

const HASH = 35;
const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const BACKSLASH = 92;

interface CommentLine {
  /** Offset of the `#`. */
  start: number;
  /** Offset of the line break (or the end of the text). */
  end: number;
}

/** The text with the comment lines of long comment blocks blanked; the same string when there are none. */
export function quietLongCommentBlocks(text: string): string {
  if (!hasMoreHashesThan(text, COMMENT_BLOCK_LIMIT)) return text;
  const toBlank: CommentLine[] = [];
  let block: CommentLine[] = [];
  const closeBlock = () => {
    if (block.length > COMMENT_BLOCK_LIMIT) toBlank.push(...block.filter((line) => !text.slice(line.start, line.end).includes('phi-guard')));
    block = [];
  };
  forEachLine(text, (line) => {
    if (line === 'code') closeBlock();
    else if (line !== 'blank') block.push(line);
  });
  closeBlock();
  if (toBlank.length === 0) return text;

  const parts: string[] = [];
  let cursor = 0;
  for (const line of toBlank) {
    parts.push(text.slice(cursor, line.start), ' '.repeat(line.end - line.start));
    cursor = line.end;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

function hasMoreHashesThan(text: string, limit: number): boolean {
  let count = 0;
  for (let i = text.indexOf('#'); i !== -1; i = text.indexOf('#', i + 1)) {
    if (++count > limit) return true;
  }
  return false;
}

/**
 * Calls `visit` for each physical line that starts outside a string: a comment-only line (with
 * where its comment runs), a blank line, or a line of code. Lines inside a triple-quoted string
 * or continuing a string are code: blanking them would change the string.
 */
function forEachLine(text: string, visit: (line: CommentLine | 'blank' | 'code') => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    // At the start of a line, outside any string.
    let j = i;
    while (j < n && isIndent(text.charCodeAt(j))) j++;
    const first = j < n ? text.charCodeAt(j) : NEWLINE;
    if (first === HASH) {
      const end = lineEnd(text, j);
      // A trailing backslash in a comment is text, but is left alone to keep the rule simple.
      visit(text.charCodeAt(end - 1) === BACKSLASH ? 'code' : { start: j, end });
      i = nextLine(text, end);
      continue;
    }
    if (first === NEWLINE || first === CARRIAGE_RETURN) {
      visit('blank');
      i = nextLine(text, j);
      continue;
    }
    visit('code');
    i = skipLogicalLineRest(text, j);
  }
}

function isIndent(c: number): boolean {
  return c === 32 || c === 9 || c === 12;
}

function lineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE || c === CARRIAGE_RETURN) break;
    i++;
  }
  return i;
}

function nextLine(text: string, end: number): number {
  if (text.charCodeAt(end) === CARRIAGE_RETURN && text.charCodeAt(end + 1) === NEWLINE) return end + 2;
  return end + 1;
}

/**
 * From inside a code line to the start of the next line that begins outside a string: strings
 * (single- and triple-quoted, with escapes) and backslash continuations are stepped over, a
 * comment ends the line.
 */
function skipLogicalLineRest(text: string, from: number): number {
  const n = text.length;
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE || c === CARRIAGE_RETURN) return nextLine(text, i);
    if (c === HASH) return nextLine(text, lineEnd(text, i));
    if (c === BACKSLASH) {
      i += 2; // an escaped line break continues the line
      continue;
    }
    if (c === 34 || c === 39) {
      i = skipString(text, i);
      continue;
    }
    i++;
  }
  return n;
}

/** From an opening quote to just after its string ends (or where an unclosed one-line string stops). */
function skipString(text: string, open: number): number {
  const n = text.length;
  const quote = text[open];
  const triple = text.startsWith(quote.repeat(3), open);
  let i = open + (triple ? 3 : 1);
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) {
      i += 2;
      continue;
    }
    if (!triple && (c === NEWLINE || c === CARRIAGE_RETURN)) return i; // unclosed: the line ends it
    if (text[i] === quote && (!triple || text.startsWith(quote.repeat(3), i))) return i + (triple ? 3 : 1);
    i++;
  }
  return n;
}

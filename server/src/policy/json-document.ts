// Parses one policy file's text as JSON with comments (and trailing commas) into a syntax tree and
// a plain value, reporting syntax errors and duplicate keys with exact positions. A file with
// syntax errors yields no value: a partly parsed policy is not trusted (docs/policy.md: invalid JSON
// means the defaults apply).
//
// Nesting is bounded before anything recursive sees the text: jsonc-parser's parser, the value
// conversion below, schema validation and pruning all recurse once per level, and a file nested a
// few thousand levels deep would overflow the stack. A value that opens deeper than
// MAX_NESTING_DEPTH is reported where it opens and replaced by a placeholder of the same length,
// so every offset (and so every other diagnostic's position) stays exact; validation then drops
// the setting that holds it, and the rest of the file still applies.

// The UMD build of jsonc-parser loses its internal modules when bundled by esbuild; the ESM
// build bundles cleanly.
import { createScanner, findNodeAtOffset, getNodePath, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import type { PolicyDiagnostic } from './types';
import { LineIndex } from './text-positions';

export type JsonPath = (string | number)[];

export interface PolicyJsonDocument {
  file: string;
  lines: LineIndex;
  /** Undefined when the text is not valid JSON or holds no value. */
  root?: Node;
  value?: unknown;
  diagnostics: PolicyDiagnostic[];
  /** Where a value nested too deeply was cut off (already diagnosed): validation drops what holds it. */
  tooDeep: JsonPath[];
}

const MAX_SYNTAX_DIAGNOSTICS = 20;

/** Real policies nest four or five levels; nothing legitimate comes near this. */
export const MAX_NESTING_DEPTH = 64;

export function parsePolicyJson(text: string, file: string): PolicyJsonDocument {
  const lines = new LineIndex(text);
  const { text: bounded, cuts } = cutTooDeep(text);
  const depthDiagnostics = cuts.slice(0, MAX_SYNTAX_DIAGNOSTICS).map((cut): PolicyDiagnostic => ({
    file,
    range: lines.rangeAt(cut.offset, 1),
    severity: 'error',
    code: 'too-deep',
    message: `Nested too deeply: more than ${MAX_NESTING_DEPTH} levels of arrays and objects. PHI Guard reads no deeper; the setting that holds this is ignored.`,
  }));
  const errors: ParseError[] = [];
  const root = parseTree(bounded, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  if (errors.length > 0) {
    const diagnostics = errors.slice(0, MAX_SYNTAX_DIAGNOSTICS).map((error): PolicyDiagnostic => ({
      file,
      range: lines.rangeAt(error.offset, error.length),
      severity: 'error',
      code: 'invalid-json',
      message: `Invalid JSON: ${syntaxErrorText(error.error)}. The whole file is ignored until this is fixed; the built-in defaults apply.`,
    }));
    return { file, lines, diagnostics: [...depthDiagnostics, ...diagnostics], tooDeep: [] };
  }
  if (!root) {
    return {
      file,
      lines,
      tooDeep: [],
      diagnostics: [
        {
          file,
          range: lines.rangeAt(0, 0),
          severity: 'warning',
          code: 'empty-file',
          message: 'The policy file is empty; the built-in defaults apply.',
        },
      ],
    };
  }
  const diagnostics: PolicyDiagnostic[] = [...depthDiagnostics];
  const value = nodeValue(root, [], file, lines, diagnostics);
  // The placeholder is the innermost node at the cut (the tree is now at most MAX_NESTING_DEPTH + 1 deep).
  const tooDeep = cuts.flatMap((cut) => {
    const node = findNodeAtOffset(root, cut.offset);
    return node ? [getNodePath(node)] : [];
  });
  return { file, lines, root, value, diagnostics, tooDeep };
}

interface DepthCut {
  /** Offset of the bracket or brace that opens one level too many. */
  offset: number;
}

/**
 * The text with every value that opens deeper than MAX_NESTING_DEPTH replaced by `0` and spaces
 * (line breaks kept), and where each one was. Iterative: the scanner tokenises without recursing,
 * so strings and comments holding brackets do not count.
 */
function cutTooDeep(text: string): { text: string; cuts: DepthCut[] } {
  // A cheap bound first: with no more opening characters than the limit, no value can exceed it.
  let openings = 0;
  for (let i = 0; i < text.length && openings <= MAX_NESTING_DEPTH; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 123 /* { */ || ch === 91 /* [ */) openings++;
  }
  if (openings <= MAX_NESTING_DEPTH) return { text, cuts: [] };

  const scanner = createScanner(text, true);
  const cuts: DepthCut[] = [];
  const spans: [number, number][] = [];
  let depth = 0;
  let cutStart = -1;
  for (let token = scanner.scan(); token !== TOKEN_EOF; token = scanner.scan()) {
    if (token === TOKEN_OPEN_BRACE || token === TOKEN_OPEN_BRACKET) {
      depth++;
      if (depth === MAX_NESTING_DEPTH + 1) {
        cutStart = scanner.getTokenOffset();
        cuts.push({ offset: cutStart });
      }
    } else if (token === TOKEN_CLOSE_BRACE || token === TOKEN_CLOSE_BRACKET) {
      if (depth === MAX_NESTING_DEPTH + 1 && cutStart >= 0) {
        spans.push([cutStart, scanner.getTokenOffset() + scanner.getTokenLength()]);
        cutStart = -1;
      }
      if (depth > 0) depth--;
    }
  }
  // Unclosed to the end of the text: the parser reports the missing brackets.
  if (cutStart >= 0) spans.push([cutStart, text.length]);
  if (spans.length === 0) return { text, cuts };
  const parts: string[] = [];
  let position = 0;
  for (const [start, end] of spans) {
    parts.push(text.slice(position, start), '0', text.slice(start + 1, end).replace(/[^\r\n]/g, ' '));
    position = end;
  }
  parts.push(text.slice(position));
  return { text: parts.join(''), cuts };
}

// jsonc-parser's SyntaxKind values (a const enum, which cannot be imported under esbuild).
const TOKEN_OPEN_BRACE = 1;
const TOKEN_CLOSE_BRACE = 2;
const TOKEN_OPEN_BRACKET = 3;
const TOKEN_CLOSE_BRACKET = 4;
const TOKEN_EOF = 17;

/** The value of a node, with own properties only; later duplicate keys win, as in JSON.parse. */
function nodeValue(node: Node, path: JsonPath, file: string, lines: LineIndex, diagnostics: PolicyDiagnostic[]): unknown {
  switch (node.type) {
    case 'object': {
      const result: Record<string, unknown> = {};
      const seen = new Map<string, Node>();
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode || !valueNode) continue;
        const key = String(keyNode.value);
        if (key === '__proto__') {
          diagnostics.push({
            file,
            range: lines.rangeAt(keyNode.offset, keyNode.length),
            severity: 'error',
            code: 'unknown-property',
            message: `The key \`__proto__\` is not allowed in ${formatJsonPath(path)}; it is ignored.`,
          });
          continue;
        }
        const earlier = seen.get(key);
        if (earlier) {
          diagnostics.push({
            file,
            range: lines.rangeAt(earlier.offset, earlier.length),
            severity: 'warning',
            code: 'duplicate-key',
            message: `Duplicate key ${quoteKey(key)} in ${formatJsonPath(path)}: only the last one applies.`,
          });
        }
        seen.set(key, keyNode);
        result[key] = nodeValue(valueNode, [...path, key], file, lines, diagnostics);
      }
      return result;
    }
    case 'array':
      return (node.children ?? []).map((child, index) => nodeValue(child, [...path, index], file, lines, diagnostics));
    default:
      return node.value;
  }
}

/** The node at a path; for duplicate keys, the last one (the one whose value applies). */
export function nodeAtPath(root: Node, path: JsonPath): Node | undefined {
  let node: Node | undefined = root;
  for (const segment of path) {
    if (!node) return undefined;
    if (node.type === 'array') {
      node = node.children?.[Number(segment)];
    } else if (node.type === 'object') {
      const property = lastProperty(node, String(segment));
      node = property?.children?.[1];
    } else {
      return undefined;
    }
  }
  return node;
}

/** The key node of the property at a path (for "unknown property" and map-key problems). */
export function propertyKeyNodeAtPath(root: Node, path: JsonPath): Node | undefined {
  if (path.length === 0) return undefined;
  const parent = nodeAtPath(root, path.slice(0, -1));
  if (parent?.type !== 'object') return undefined;
  return lastProperty(parent, String(path[path.length - 1]))?.children?.[0];
}

function lastProperty(objectNode: Node, key: string): Node | undefined {
  let found: Node | undefined;
  for (const property of objectNode.children ?? []) {
    if (property.children?.[0]?.value === key) found = property;
  }
  return found;
}

/** `vendors[1].baa`, `rules["phi-in-logs"]`; `the policy` for the root. */
export function formatJsonPath(path: JsonPath): string {
  if (path.length === 0) return 'the policy';
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(segment)) text += text ? `.${segment}` : segment;
    else text += text ? `[${JSON.stringify(shorten(segment))}]` : JSON.stringify(shorten(segment));
  }
  return `\`${text}\``;
}

export function quoteKey(key: string): string {
  return `\`${shorten(key)}\``;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

const SYNTAX_ERROR_TEXT: Record<string, string> = {
  InvalidSymbol: 'unexpected symbol',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'a property name in double quotes is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: 'a colon is expected',
  CommaExpected: 'a comma is expected',
  CloseBraceExpected: 'a closing brace `}` is expected',
  CloseBracketExpected: 'a closing bracket `]` is expected',
  EndOfFileExpected: 'end of file expected (only one top-level value is allowed)',
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string',
};

function syntaxErrorText(code: ParseError['error']): string {
  return SYNTAX_ERROR_TEXT[printParseErrorCode(code)] ?? 'syntax error';
}

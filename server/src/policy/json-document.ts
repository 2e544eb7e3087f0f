// Parses one policy file's text as JSON with comments (and trailing commas) into a syntax tree and
// a plain value, reporting syntax errors and duplicate keys with exact positions. A file with
// syntax errors yields no value: a partly parsed policy is not trusted (POLICY.md: invalid JSON
// means the defaults apply).

// The UMD build of jsonc-parser loses its internal modules when bundled by esbuild; the ESM
// build bundles cleanly.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser/lib/esm/main.js';
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
}

const MAX_SYNTAX_DIAGNOSTICS = 20;

export function parsePolicyJson(text: string, file: string): PolicyJsonDocument {
  const lines = new LineIndex(text);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  if (errors.length > 0) {
    const diagnostics = errors.slice(0, MAX_SYNTAX_DIAGNOSTICS).map((error): PolicyDiagnostic => ({
      file,
      range: lines.rangeAt(error.offset, error.length),
      severity: 'error',
      code: 'invalid-json',
      message: `Invalid JSON: ${syntaxErrorText(error.error)}. The whole file is ignored until this is fixed; the built-in defaults apply.`,
    }));
    return { file, lines, diagnostics };
  }
  if (!root) {
    return {
      file,
      lines,
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
  const diagnostics: PolicyDiagnostic[] = [];
  const value = nodeValue(root, [], file, lines, diagnostics);
  return { file, lines, root, value, diagnostics };
}

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

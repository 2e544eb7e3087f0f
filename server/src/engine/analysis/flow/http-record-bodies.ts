// A record fetched over HTTP by its REST path: the body that comes back from
// `fetch(\`${base}/Patient/${id}\`)`, `axios.get('/api/encounters/' + id)` or
// `requests.get(f"{base}/patients/{pid}")` is that record (RULES.md, "Whole records"). Only the
// body is: the response object itself, its status and headers are not, and a path whose last
// word names no record (`/Patient/$count`, `/api/settings/clinic`) brings back something else.

import type { CallExpr, Expr } from '../../model/facts';
import { calleePath, innerValue } from '../../model/expressions';
import { tokenize } from '../phi/identifiers';

/** Clients that send an HTTP request as a function (`fetch(url)`) or through a method (`axios.get(url)`). */
const HTTP_CLIENTS = new Set(['fetch', 'axios', 'got', 'ky', 'superagent', 'requests', 'httpx', 'ofetch', '$fetch']);

/** Methods of a client, or of the project's instance of one (`api.get`, `httpClient.patch`), that send a request. */
const REQUEST_METHODS = new Set(['get', 'post', 'put', 'patch', 'request']);

/** Words that name the project's own HTTP client instance (`api`, `apiClient`, `httpClient`, `axiosInstance`). */
const CLIENT_INSTANCE_WORDS = new Set(['api', 'http', 'axios']);

/** Calls that read a response's body (`await response.json()`, `res.text()`; requests' `r.json()`). */
export const BODY_READING_METHODS: ReadonlySet<string> = new Set(['json', 'text']);

/** Members that hold a response's body (axios' `res.data`; requests' `r.text`, `r.content`). */
export const BODY_MEMBERS: ReadonlySet<string> = new Set(['data', 'text', 'content']);

/** A URL's placeholder for a value written into it (an id, a base URL). */
const PLACEHOLDER = '\u0000';

/** Whether a call sends an HTTP request, by its callee (`fetch`, `axios.get`, `requests.post`, `api.get`). */
function sendsRequest(call: CallExpr): boolean {
  const path = calleePath(call.callee);
  if (!path?.length) return false;
  if (HTTP_CLIENTS.has(path[0]) && (path.length === 1 || REQUEST_METHODS.has(path[path.length - 1]))) return true;
  return path.length === 2 && REQUEST_METHODS.has(path[1]) && tokenize(path[0]).some((token) => CLIENT_INSTANCE_WORDS.has(token));
}

/** The text of a URL with a placeholder for each value written into it; undefined when it is not built in place. */
function urlText(expr: Expr | undefined, depth = 0): string | undefined {
  const value = innerValue(expr);
  if (!value || depth > 8) return undefined;
  if (value.kind === 'string') return value.value;
  if (value.kind === 'template') return value.parts.map((part) => ('text' in part ? part.text : PLACEHOLDER)).join('');
  if (value.kind === 'binary' && value.operator === '+') {
    const [left, right] = [urlText(value.left, depth + 1), urlText(value.right, depth + 1)];
    return left === undefined && right === undefined ? undefined : `${left ?? PLACEHOLDER}${right ?? PLACEHOLDER}`;
  }
  return undefined;
}

/**
 * The last word of a request's path when the path ends with it, or with it and one value after it
 * (`/Patient/${id}`, `/api/encounters`, `Patient?identifier=...`); undefined otherwise.
 */
function lastPathWord(call: CallExpr, urlOf: (expr: Expr) => Expr | undefined): string | undefined {
  const arg = call.args.find((candidate) => !candidate.name) ?? call.args.find((candidate) => candidate.name === 'url');
  if (!arg) return undefined;
  const text = urlText(arg.value) ?? urlText(urlOf(arg.value));
  if (text === undefined) return undefined;
  const segments = text.split(/[?#]/)[0].split('/').filter((segment) => segment.length > 0);
  if (segments.length && segments[segments.length - 1] === PLACEHOLDER) segments.pop();
  const last = segments.at(-1);
  return last && /^[A-Za-z][A-Za-z_-]*$/.test(last) ? last : undefined;
}

/** How far back from a body read the `if` around it may start. */
const MAX_GUARD_CHARS = 600;

/**
 * Whether the code at `offset` sits in the block of an `if` whose condition says `response`
 * failed (`if (!response.ok) { const error = await response.json(); ... }`, `response.status >= 400`):
 * there the body is the server's error (a FHIR `OperationOutcome`), not the record asked for.
 */
export function readOnFailedResponse(text: string, offset: number, response: string): boolean {
  const before = text.slice(Math.max(0, offset - MAX_GUARD_CHARS), offset);
  // The innermost block still open at the read.
  let depth = 0;
  let open = -1;
  for (let i = before.length - 1; i >= 0; i--) {
    if (before[i] === '}') depth++;
    else if (before[i] === '{' && depth-- === 0) {
      open = i;
      break;
    }
  }
  if (open < 0) return false;
  const head = before.slice(0, open);
  const closing = /\)\s*$/.exec(head);
  if (!closing) return false;
  let parens = 0;
  for (let i = closing.index; i >= 0; i--) {
    if (head[i] === ')') parens++;
    else if (head[i] === '(' && --parens === 0) {
      if (!/\bif\s*$/.test(head.slice(Math.max(0, i - 8), i))) return false;
      return failedCondition(head.slice(i + 1, closing.index), response);
    }
  }
  return false;
}

/** `!response.ok`, `response.ok === false`, `response.status >= 400` / `> 299` / `!== 200`, alone or among `||` parts. */
function failedCondition(condition: string, response: string): boolean {
  const name = response.replace(/[$]/g, '\\$&');
  const failed = new RegExp(`!\\s*${name}\\??\\.ok\\b|${name}\\??\\.ok\\s*===?\\s*false|${name}\\??\\.status\\s*(?:>=\\s*[3-5]\\d\\d|>\\s*[2-5]\\d\\d|!==?\\s*20\\d)`);
  return condition.split('&&').length === 1 && failed.test(condition);
}

/**
 * The record word of the path a response came from (`Patient` for `fetch(\`${base}/Patient/${id}\`)`),
 * for the response the body is read from: the request call itself, or a variable it was assigned to.
 * `resolve` gives a name's assigned value; `isRecordWord` says whether a word names a record.
 */
export function requestedRecordWord(
  response: Expr,
  resolve: (name: Expr) => Expr | undefined,
  isRecordWord: (word: string) => boolean,
): string | undefined {
  let value = innerValue(response);
  if (value?.kind === 'name') value = innerValue(resolve(value));
  if (value?.kind !== 'call' || !sendsRequest(value)) return undefined;
  const word = lastPathWord(value, resolve);
  return word && isRecordWord(word) ? word : undefined;
}

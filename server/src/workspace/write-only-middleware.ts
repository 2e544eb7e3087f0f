// Django middleware classes of the workspace that audit writes only: the request hook starts by
// letting safe requests through untouched (`if request.method.lower() == "get": return
// self.get_response(request)`, or `in SAFE_METHODS`). Listed in `MIDDLEWARE`, such a class covers
// the project's write endpoints and leaves its reads unaudited (docs/rules/missing-phi-access.md).
// Read from the file's text (comments removed) with small patterns; names only are kept.

import type { WriteOnlyMiddleware } from '../engine/model/audit-context';

/**
 * A request hook whose first statement (after an optional docstring) is an `if` on the request
 * method that returns at once. Bounded: each part matches within a line or a docstring.
 */
const SKIPPING_HOOK =
  /^([ \t]+)def\s+(?:__call__|process_request|process_view)\s*\(\s*self\s*,\s*request\b[^)\n]*\)\s*(?:->[^:\n]*)?:[ \t]*\n(?:\s*(?:"""[\s\S]{0,2000}?"""|'''[\s\S]{0,2000}?''')[ \t]*\n)?\s*if\s+([^:\n]{1,200}):[ \t]*\n\s*return\b/gm;

/** The condition lets safe methods through: it names GET (or Django REST's SAFE_METHODS) and no write method. */
function skipsReads(condition: string): boolean {
  if (!/\brequest\.method\b/.test(condition)) return false;
  if (/\b(post|put|patch|delete)\b/i.test(condition) || /!=|\bnot\b/.test(condition)) return false;
  return /["'](get|GET)["']|\bSAFE_METHODS\b/.test(condition);
}

export function writeOnlyMiddlewareOf(file: string, code: string): WriteOnlyMiddleware[] {
  if (!code.includes('request.method')) return [];
  const found: WriteOnlyMiddleware[] = [];
  for (const match of code.matchAll(SKIPPING_HOOK)) {
    if (!skipsReads(match[2])) continue;
    const name = enclosingClass(code, match.index ?? 0, match[1].length);
    if (name && !found.some((entry) => entry.name === name)) found.push({ file, name });
  }
  return found;
}

/** The class a method indented by `indent` belongs to: the nearest `class` line above it, less indented. */
function enclosingClass(code: string, offset: number, indent: number): string | undefined {
  const lines = code.slice(0, offset).split('\n').reverse();
  for (const line of lines) {
    const match = /^([ \t]*)class\s+([A-Za-z_]\w*)/.exec(line);
    if (match && match[1].length < indent) return match[2];
    if (/^\S/.test(line) && !/^(class|@)/.test(line)) return undefined;
  }
  return undefined;
}

// Calls that refuse a request as forbidden (docs/rules/missing-phi-access.md, "Access checks behind
// an app-wide activity log"): `abort(403)`, `abort(HTTPStatus.FORBIDDEN)`, `raise Forbidden()`,
// `raise PermissionDenied(...)`, `HTTPException(status_code=403)`. A function making one is an
// access check: the caller who may not see the record gets no answer. A "not found" (`abort(404)`)
// refuses nothing to anyone in particular and does not count.

import { calleePath } from '../../model/expressions';
import type { CallExpr, Expr, FileFacts } from '../../model/facts';
import { sourceOf } from '../../model/text';

/** Exceptions whose raising answers 403 (werkzeug, Django, aiohttp). */
const FORBIDDEN_EXCEPTIONS = new Set(['Forbidden', 'PermissionDenied', 'HTTPForbidden']);
/** Functions and exceptions that answer with the status they are given (Flask's `abort`, FastAPI's and Starlette's `HTTPException`). */
const STATUS_TAKERS = new Set(['abort', 'HTTPException']);

/** Whether `call` refuses the request as forbidden. */
export function refusesAsForbidden(facts: Pick<FileFacts, 'text' | 'lineStarts'>, call: CallExpr): boolean {
  const name = calleePath(call.callee)?.at(-1);
  if (!name) return false;
  if (FORBIDDEN_EXCEPTIONS.has(name)) return true;
  if (!STATUS_TAKERS.has(name)) return false;
  const status = call.args.find((arg) => arg.name === 'status_code' || arg.name === 'code') ?? call.args.find((arg) => !arg.name);
  return !!status && isForbiddenStatus(facts, status.value);
}

/** `403`, `HTTPStatus.FORBIDDEN`, `status.HTTP_403_FORBIDDEN`. */
function isForbiddenStatus(facts: Pick<FileFacts, 'text' | 'lineStarts'>, value: Expr): boolean {
  if (value.kind === 'literal') return sourceOf(facts, value.range).trim() === '403';
  const last = calleePath(value)?.at(-1);
  return !!last && /^(FORBIDDEN|HTTP_403_FORBIDDEN)$/.test(last);
}

// Error sinks (docs/rules/phi-in-error.md): exception messages, HTTP error details, and error bodies
// returned to the client.

import { calleePath, labelOf } from '../../model/expressions';
import type { Argument, CallFact, Expr, FileFacts } from '../../model/facts';
import { sourceOf } from '../../model/text';

export type ErrorSinkKind = 'exception' | 'http-error' | 'error-body';

export interface ErrorSink {
  kind: ErrorSinkKind;
  label: string;
  /** The arguments whose content reaches the client or the exception message. */
  args: Argument[];
}

const HTTP_ERROR_FUNCTIONS = new Set(['abort', 'createError', 'httpErrors', 'HttpError']);
const PY_RESPONSE_CLASSES = new Set(['JSONResponse', 'Response', 'PlainTextResponse', 'HTMLResponse', 'ORJSONResponse', 'UJSONResponse', 'JsonResponse', 'HttpResponse']);
const PY_BODY_HELPERS = new Set(['jsonify', 'make_response', 'render_template', 'Response', 'JSONResponse', 'JsonResponse', 'dict']);
const TS_BODY_METHODS = new Set(['json', 'send', 'end', 'jsonp']);
const ERROR_STATUS_NAME = /(^|_)(HTTP_[45]\d\d|NOT_FOUND|BAD_REQUEST|FORBIDDEN|UNAUTHORIZED|CONFLICT|UNPROCESSABLE|INTERNAL_SERVER_ERROR|GONE|TOO_MANY|SERVICE_UNAVAILABLE)|^[45]\d\d$/;
const STATUS_ARG_NAMES = new Set(['status_code', 'status', 'code', 'headers', 'media_type', 'mimetype', 'content_type']);

export function classifyErrorSink(fact: CallFact, facts: FileFacts): ErrorSink | undefined {
  const { call } = fact;
  const path = calleePath(call.callee);
  const name = path?.[path.length - 1] ?? (call.callee.kind === 'member' ? call.callee.property : undefined);
  // Made only for the calls that are sinks: every call of the file is asked, at every keystroke.
  const sink = (kind: ErrorSink['kind'], args: (data: Argument[]) => Argument[] = (data) => data): ErrorSink => ({
    kind,
    label: labelOf(call.callee),
    args: args(call.args.filter((arg) => !arg.name || !STATUS_ARG_NAMES.has(arg.name))),
  });
  if ((fact.thrownBy || (name && isExceptionClassName(name) && (facts.language === 'python' || call.isNew))) && name && hasFixedMessage(name, facts)) {
    return sink('exception', () => []);
  }
  if (fact.thrownBy) return sink('exception');
  if (!name) return tsErrorBody(fact, facts);
  if (isExceptionClassName(name) && (facts.language === 'python' || call.isNew)) return sink('exception');
  if (HTTP_ERROR_FUNCTIONS.has(name) || (path && /^boom$/i.test(path[0]) && path.length === 2)) {
    return sink('http-error', (data) => data.filter((arg) => !isNumericLiteral(arg.value, facts)));
  }
  if (facts.language === 'python') {
    if (/^HttpResponse(BadRequest|NotFound|Forbidden|ServerError|NotAllowed|Gone)$/.test(name)) return sink('error-body');
    if (PY_RESPONSE_CLASSES.has(name)) {
      const status = call.args.find((arg) => arg.name === 'status_code' || arg.name === 'status');
      if (status && isErrorStatus(status.value, facts)) return sink('error-body');
    }
    if (PY_BODY_HELPERS.has(name) && fact.returnedWith?.some((expr) => isErrorStatus(expr, facts))) {
      return sink('error-body');
    }
    return undefined;
  }
  if (name === 'throw' && path?.length === 2) return sink('http-error', (data) => data.filter((arg) => !isNumericLiteral(arg.value, facts)));
  return tsErrorBody(fact, facts);
}

/** `res.status(404).json(body)` / `reply.code(500).send(body)`. */
function tsErrorBody(fact: CallFact, facts: FileFacts): ErrorSink | undefined {
  const { callee } = fact.call;
  if (callee.kind !== 'member' || !TS_BODY_METHODS.has(callee.property)) return undefined;
  const statusCall = callee.object;
  if (statusCall.kind !== 'call' || statusCall.callee.kind !== 'member') return undefined;
  if (statusCall.callee.property !== 'status' && statusCall.callee.property !== 'code') return undefined;
  const status = statusCall.args[0]?.value;
  if (!status || !isErrorStatus(status, facts)) return undefined;
  return { kind: 'error-body', label: `${labelOf(statusCall.callee)}(…).${callee.property}`, args: fact.call.args };
}

/**
 * An error class of the file whose constructor hands its base class a fixed message
 * (`super('Remove identifying details before sending.')`) and sets no `message` of its own: what
 * it is constructed with never reaches the message.
 */
function hasFixedMessage(className: string, facts: FileFacts): boolean {
  // Asked for every exception raised: answered once per class and file (it searches the file's scopes and calls).
  let byClass = fixedMessages.get(facts);
  if (!byClass) fixedMessages.set(facts, (byClass = new Map()));
  let fixed = byClass.get(className);
  if (fixed === undefined) byClass.set(className, (fixed = classHasFixedMessage(className, facts)));
  return fixed;
}

const fixedMessages = new WeakMap<FileFacts, Map<string, boolean>>();

function classHasFixedMessage(className: string, facts: FileFacts): boolean {
  const cls = facts.scopes.find((scope) => scope.kind === 'class' && scope.name === className);
  const ctor = cls && facts.scopes.find((scope) => scope.kind === 'function' && scope.parentId === cls.id && (scope.name === 'constructor' || scope.name === '__init__'));
  if (!ctor || /\b(this|self)\.(message|args)\s*=[^=]/.test(sourceOf(facts, ctor.range))) return false;
  const supers = facts.calls.filter((fact) => fact.scopeId === ctor.id && isSuperConstructorCall(fact.call.callee));
  return supers.length > 0 && supers.every((fact) => fact.call.args.every((arg) => arg.value.kind === 'string'));
}

/** `super(...)` (TS/JS), `super().__init__(...)` / `super(Cls, self).__init__(...)` (Python). */
function isSuperConstructorCall(callee: Expr): boolean {
  if (callee.kind === 'name') return callee.name === 'super';
  return callee.kind === 'member' && callee.property === '__init__' && callee.object.kind === 'call' && callee.object.callee.kind === 'name' && callee.object.callee.name === 'super';
}

function isExceptionClassName(name: string): boolean {
  return /^[A-Z]\w*(Error|Exception)$/.test(name) || name === 'Error';
}

function isErrorStatus(expr: Expr, facts: FileFacts): boolean {
  const text = sourceOf(facts, expr.range).trim();
  if (/^[45]\d\d$/.test(text)) return true;
  if (expr.kind === 'member' || expr.kind === 'name') return ERROR_STATUS_NAME.test(expr.kind === 'member' ? expr.property : expr.name);
  return false;
}

function isNumericLiteral(expr: Expr, facts: FileFacts): boolean {
  return expr.kind === 'literal' && /^\d+$/.test(sourceOf(facts, expr.range).trim());
}


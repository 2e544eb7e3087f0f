// The error of a request that failed validation carries what was sent: pydantic v2 puts the
// rejected `input` in each error of `exc.errors()` (for a missing field, the whole body), and
// FastAPI's `RequestValidationError.body` is the body itself. A patient form sent with one field
// wrong is written whole wherever the handler writes those errors (RULES.md, "Sinks": all arguments
// count). Only the request's own validation error: a `ValidationError` of a settings file or of a
// value the code built itself holds no one's form.

import type { DecoratorFact, Expr, ParamFact } from '../../model/facts';
import { calleePath } from '../../model/expressions';

/** The exceptions FastAPI raises for a request (or a websocket message) whose data failed validation. */
const REQUEST_VALIDATION_ERRORS = new Set(['RequestValidationError', 'WebSocketRequestValidationError']);

/** The method that lists a validation error's errors, each with the rejected `input`. */
export const ERRORS_METHOD = 'errors';

/** The attribute holding the rejected request body. */
export const BODY_ATTRIBUTE = 'body';

/** `@app.exception_handler(RequestValidationError)`: the function handles the request's validation errors. */
function handlesRequestValidation(decorators: readonly DecoratorFact[]): boolean {
  return decorators.some(({ expr }) => {
    if (expr.kind !== 'call' || calleePath(expr.callee)?.at(-1) !== 'exception_handler') return false;
    const handled = expr.args[0]?.value;
    return handled?.kind === 'name' ? REQUEST_VALIDATION_ERRORS.has(handled.name) : handled?.kind === 'member' && REQUEST_VALIDATION_ERRORS.has(handled.property);
  });
}

/**
 * Whether `param` of a function with these params and decorators holds a request's validation
 * error: annotated so (`exc: RequestValidationError`), or the exception (not the first, the
 * request) of a handler registered for it.
 */
export function holdsRequestValidationError(param: ParamFact, params: readonly ParamFact[], decorators: readonly DecoratorFact[]): boolean {
  if (param.typeNames.some((type) => REQUEST_VALIDATION_ERRORS.has(type))) return true;
  return params.indexOf(param) > 0 && param.typeNames.length === 0 && handlesRequestValidation(decorators);
}

/** The receiver of `.errors()` / `.body` as a bare name (`exc`), or undefined. */
export function receiverName(receiver: Expr): string | undefined {
  return receiver.kind === 'name' ? receiver.name : undefined;
}

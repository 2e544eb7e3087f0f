// Reading the expression model: the dotted path a callee names, the root of a member chain, and
// how a callee is named in messages.

import type { Expr } from './facts';

/** The dotted path of a callee (`logging.getLogger`, `this.logger.info`), or undefined. */
export function calleePath(expr: Expr): string[] | undefined {
  if (expr.kind === 'name') return [expr.name];
  if (expr.kind === 'member') {
    const object = calleePath(expr.object);
    return object ? [...object, expr.property] : undefined;
  }
  if (expr.kind === 'other' && expr.children.length === 1) return calleePath(expr.children[0]);
  return undefined;
}

/** The leftmost name of a member / call chain (`server` in `server.address()`). */
export function rootName(expr: Expr): string | undefined {
  let current: Expr = expr;
  for (let i = 0; i < 20; i++) {
    if (current.kind === 'name') return current.name;
    if (current.kind === 'member' || current.kind === 'index') current = current.object;
    else if (current.kind === 'call') current = current.callee;
    else if (current.kind === 'other' && current.children.length === 1) current = current.children[0];
    else return undefined;
  }
  return undefined;
}

/** How a callee is named in a message: its dotted path, or its last property. */
export function labelOf(expr: Expr): string {
  const path = calleePath(expr);
  if (path) return path.join('.');
  if (expr.kind === 'member') return `….${expr.property}`;
  return 'call';
}

/** `await x`, `(x)`, `x as T`: the value inside wrappers of one child (bounded). */
export function innerValue(expr: Expr | undefined): Expr | undefined {
  let current = expr;
  for (let i = 0; current?.kind === 'other' && current.children.length === 1 && i < 8; i++) current = current.children[0];
  return current;
}

// How a flow step names an expression: by its names only (identifiers, calls), never literal
// values, so messages never carry source text.

import type { Expr } from '../../model/facts';

/** An expression rendered by its names only (identifiers, calls), never literal values. */
export function exprLabel(expr: Expr, depth = 0): string {
  if (depth > 0) return renderLabel(expr, depth);
  let label = labels.get(expr);
  if (label === undefined) labels.set(expr, (label = renderLabel(expr, 0)));
  return label;
}

/** Expressions are never modified: a label once per expression. */
const labels = new WeakMap<Expr, string>();

function renderLabel(expr: Expr, depth: number): string {
  if (depth > 6) return '…';
  switch (expr.kind) {
    case 'name':
      return expr.name;
    case 'member':
      return `${exprLabel(expr.object, depth + 1)}.${/^[A-Za-z_$][\w$]*$/.test(expr.property) ? expr.property : '[…]'}`;
    case 'index':
      return `${exprLabel(expr.object, depth + 1)}[…]`;
    case 'call':
      return `${exprLabel(expr.callee, depth + 1)}(…)`;
    case 'other':
      return expr.children.length === 1 ? exprLabel(expr.children[0], depth + 1) : 'expression';
    case 'template':
      return 'formatted string';
    case 'string':
      return 'string';
    default:
      return 'expression';
  }
}

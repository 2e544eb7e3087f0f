// The parts of a log or error message that carry PHI, one by one: a template's or a
// concatenation's pieces, so a check can judge each value by its own name (`${routeCode}`,
// `${data.insuranceId}`) rather than the message as a whole.

import type { Expr } from '../../model/facts';
import type { PhiElementRef } from '../../model/types';

const MAX_DEPTH = 8;

/** What a check needs of a part's taint. */
export interface PartTaint {
  elements: readonly PhiElementRef[];
  record: boolean;
}

export type TaintOf = (expr: Expr) => PartTaint | undefined;

/** The innermost parts of a message that carry PHI: a template's or a concatenation's pieces, else the value itself. */
export function phiParts(expr: Expr, taintOf: TaintOf, depth = 0): { expr: Expr; taint: PartTaint }[] {
  if (depth <= MAX_DEPTH && expr.kind === 'template') return expr.parts.flatMap((part) => ('text' in part ? [] : phiParts(part.expr, taintOf, depth + 1)));
  if (depth <= MAX_DEPTH && expr.kind === 'binary') return [...phiParts(expr.left, taintOf, depth + 1), ...phiParts(expr.right, taintOf, depth + 1)];
  const taint = taintOf(expr);
  return taint ? [{ expr, taint }] : [];
}

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
  /** The record the value was read off (`patient` in `patient.balance`), when known. */
  recordRoot?: Expr;
}

export type TaintOf = (expr: Expr) => PartTaint | undefined;

/** The innermost parts of a message that carry PHI: a template's or a concatenation's pieces, else the value itself. */
export function phiParts(expr: Expr, taintOf: TaintOf, depth = 0): { expr: Expr; taint: PartTaint }[] {
  if (depth <= MAX_DEPTH && expr.kind === 'template') return expr.parts.flatMap((part) => ('text' in part ? [] : phiParts(part.expr, taintOf, depth + 1)));
  if (depth <= MAX_DEPTH && expr.kind === 'binary') return [...phiParts(expr.left, taintOf, depth + 1), ...phiParts(expr.right, taintOf, depth + 1)];
  const taint = taintOf(expr);
  return taint ? [{ expr, taint }] : [];
}

/**
 * The PHI-carrying values of a logged expression, each with the name it is known by: its own (a
 * variable's, the last field of a chain) or the key it is logged under (`{ icdCode: row.code }`).
 * Object literals are opened (`logger.warn('ERA claim not found', { claimNumber })`), unlike `phiParts`,
 * and so is arithmetic (`${auth.authorizedDoses + auth.unauthorizedDoses}`, `${due - paid}`): each
 * operand is judged by its own name.
 */
export function namedPhiParts(expr: Expr, key: string | undefined, taintOf: TaintOf, depth = 0): { expr: Expr; names: string[]; taint: PartTaint }[] {
  if (depth <= MAX_DEPTH) {
    const next = depth + 1;
    if (expr.kind === 'template') return expr.parts.flatMap((part) => ('text' in part ? [] : namedPhiParts(part.expr, undefined, taintOf, next)));
    if (expr.kind === 'binary') return [...namedPhiParts(expr.left, undefined, taintOf, next), ...namedPhiParts(expr.right, undefined, taintOf, next)];
    if (expr.kind === 'object' && expr.entries.every((entry) => !entry.spread)) return expr.entries.flatMap((entry) => namedPhiParts(entry.value, entry.key, taintOf, next));
  }
  const taint = taintOf(expr);
  if (!taint) return [];
  const own = ownName(expr);
  return [{ expr, names: [own, key].filter((name): name is string => !!name), taint }];
}

/** The name a value is known by: a variable's, or the last field of a chain (`claimPayment.claimNumber`). */
function ownName(expr: Expr): string | undefined {
  if (expr.kind === 'name') return expr.name;
  if (expr.kind === 'member') return expr.property;
  if (expr.kind === 'other' && expr.children.length === 1) return ownName(expr.children[0]);
  return undefined;
}

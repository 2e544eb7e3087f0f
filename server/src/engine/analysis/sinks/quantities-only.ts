// An error whose only PHI values are numbers named as quantities (docs/rules/phi-in-error.md,
// "What stays quiet"): `res.status(400).json({ error: 'Payment exceeds balance', amountPaid,
// balance: invoice.balance })`, `` throw new Error(`Insufficient stock: requested ${order.quantity}`) ``,
// `` `Authorized (${auth.authorizedDoses}) + Unauthorized (${auth.unauthorizedDoses}) ≠ Total` ``.
// An amount, a balance, a count of doses names no one and says nothing of anyone's health: it is
// PHI only beside who it belongs to. So each PHI part of the message must be a variable or a field
// whose own name says it is a quantity, read off no person's record (`patient.balance` is that
// patient's account), and not itself named for a person (`patientBalance`). A drug's name, a
// patient's name or any other value beside the numbers keeps the error reported.

import type { Argument, Expr } from '../../model/facts';
import { tokenize } from '../phi/identifiers';
import { lastName } from '../flow/taint';
import type { TaintOf } from './message-parts';

const MAX_DEPTH = 8;

/** Tokens that name a value as an amount of money or a count of things. */
const QUANTITY_TOKENS = new Set(['quantity', 'quantities', 'qty', 'amount', 'amounts', 'balance', 'balances', 'count', 'total', 'subtotal', 'price', 'cost', 'fee', 'fees']);

/** Plural units that, qualified (`authorizedDoses`, `totalUnits`), count how many: a bare `doses` may be a list of dose records. */
const COUNTED_UNITS = new Set(['doses', 'units', 'tablets', 'refills']);

/** Every PHI part of the arguments is a number named as a quantity, read off no person. */
export function onlyQuantities(args: readonly Argument[], taintOf: TaintOf, isPersonName: (name: string) => boolean): boolean {
  const parts = args.flatMap((arg) => taintedLeaves(arg.value, taintOf, 0));
  return parts.length > 0 && parts.every((expr) => isQuantity(expr, isPersonName));
}

/** The innermost values of a message that carry PHI: template, arithmetic and object-literal pieces opened. */
function taintedLeaves(expr: Expr, taintOf: TaintOf, depth: number): Expr[] {
  if (depth <= MAX_DEPTH) {
    const next = depth + 1;
    if (expr.kind === 'template') return expr.parts.flatMap((part) => ('text' in part ? [] : taintedLeaves(part.expr, taintOf, next)));
    if (expr.kind === 'binary') return [...taintedLeaves(expr.left, taintOf, next), ...taintedLeaves(expr.right, taintOf, next)];
    if (expr.kind === 'object' && expr.entries.every((entry) => !entry.spread)) return expr.entries.flatMap((entry) => taintedLeaves(entry.value, taintOf, next));
    if (expr.kind === 'other' && expr.children.length === 1) return taintedLeaves(expr.children[0], taintOf, next);
  }
  return taintOf(expr) ? [expr] : [];
}

/** A variable or a field named as a quantity (`amountPaid`, `invoice.balance`, `auth.authorizedDoses`), of no person. */
function isQuantity(expr: Expr, isPersonName: (name: string) => boolean): boolean {
  const own = expr.kind === 'name' ? expr.name : expr.kind === 'member' ? expr.property : undefined;
  if (!own || isPersonName(own)) return false;
  if (expr.kind === 'member') {
    const root = lastName(expr.object);
    if (root && isPersonName(root)) return false;
  }
  const tokens = tokenize(own);
  return tokens.some((token) => QUANTITY_TOKENS.has(token)) || (tokens.length > 1 && COUNTED_UNITS.has(tokens[tokens.length - 1]));
}

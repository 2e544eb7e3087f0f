// A log or an error whose only PHI values are amounts of money or counts (docs/rules/phi-in-log.md
// and docs/rules/phi-in-error.md, "What stays quiet"): one answer for both rules.
//
// The contract: counts are not PHI (`len(patients)`, attempts, doses), whatever they were computed
// from. An amount (`copay`, `balance`) is billing PHI on a patient's account: read off a person's
// record (`patient.balance`) or named for one (`patientBalance`), it is that person's, and beside
// a name or a diagnosis it says whose it is. An amount alone, in a message naming no one
// (`Payment ${amountPaid} exceeds balance ${invoice.balance}`, `amount_due=${invoice.amount_due}`),
// is a number reviewers dismiss. So each PHI part of the message must be a count or an amount,
// known as one by its catalogue element (`balance`, `copay`) or by its own name (`amountPaid`,
// `remainingAttempts`, `auth.authorizedDoses`, `currentBalance.toFixed(2)`), read off no person's
// record and not itself named for a person. A drug's name, a patient's name or any other value
// beside the numbers keeps the call reported.

import type { Argument, Expr } from '../../model/facts';
import { tokenize } from '../phi/identifiers';
import { lastName } from '../flow/taint';
import { namedPhiParts, type PartTaint, type TaintOf } from './message-parts';

/** Catalogue elements that are an amount of money: a number, whoever owes it. */
const AMOUNT_ELEMENTS = new Set(['balance', 'copay']);

/** Tokens that name a value as an amount of money or a count of things, wherever they stand. */
const QUANTITY_TOKENS = new Set([
  'quantity', 'quantities', 'qty', 'amount', 'amounts', 'balance', 'balances', 'count', 'total', 'subtotal', 'price', 'cost', 'fee', 'fees',
  // How many times something was tried (`remainingAttempts`, `otp.attempts`, `max_retries`).
  'attempts', 'retries',
]);

/** Plural units that, qualified (`authorizedDoses`, `totalUnits`), count how many: a bare `doses` may be a list of dose records. */
const COUNTED_UNITS = new Set(['doses', 'units', 'tablets', 'refills']);

/** Methods that format a number (`balance.toFixed(2)`): the text is the number's. */
const NUMBER_FORMAT_METHODS = new Set(['toFixed', 'toPrecision', 'toLocaleString', 'toString']);

/** Functions that convert or round a number given alone (`Number(x)`, `round(x, 2)`, `Math.abs(x)`). */
const NUMBER_CONVERSIONS = new Set(['Number', 'String', 'parseFloat', 'parseInt', 'round', 'abs', 'floor', 'ceil', 'int', 'float', 'str', 'Decimal']);

/** Every PHI part of the arguments is an amount or a count, read off no person and named for none. */
export function onlyAmountsAndCounts(args: readonly Argument[], taintOf: TaintOf, isPersonName: (name: string) => boolean): boolean {
  const parts = args.flatMap((arg) => namedPhiParts(arg.value, undefined, taintOf));
  return parts.length > 0 && parts.every(({ expr, taint }) => isAmountOrCount(expr, taint, isPersonName));
}

function isAmountOrCount(expr: Expr, taint: PartTaint, isPersonName: (name: string) => boolean): boolean {
  if (taint.record || !taint.elements.length) return false;
  const root = taint.recordRoot && namesOf(taint.recordRoot);
  if (root?.some((name) => namesPerson(name, isPersonName))) return false;
  const names = namesOf(numberFormatted(expr)) ?? [];
  if (names.some((name) => namesPerson(name, isPersonName))) return false;
  if (taint.elements.every((element) => AMOUNT_ELEMENTS.has(element.element))) return true;
  return names.length > 0 && namedAsQuantity(names[names.length - 1]);
}

/** The number a formatting call formats (`x.toFixed(2)`, `Number(x)`, `Math.round(x)`), else the value itself. */
function numberFormatted(expr: Expr): Expr {
  let value = expr;
  for (let depth = 0; depth < 4; depth++) {
    if (value.kind === 'other' && value.children.length === 1) value = value.children[0];
    else if (value.kind === 'call' && value.callee.kind === 'member' && NUMBER_FORMAT_METHODS.has(value.callee.property)) value = value.callee.object;
    else if (value.kind === 'call' && value.args.length >= 1 && conversionName(value.callee)) value = value.args[0].value;
    else break;
  }
  return value;
}

function conversionName(callee: Expr): boolean {
  const name = callee.kind === 'name' ? callee.name : callee.kind === 'member' && callee.object.kind === 'name' && callee.object.name === 'Math' ? callee.property : undefined;
  return !!name && NUMBER_CONVERSIONS.has(name);
}

/**
 * The names along a variable or a field chain, outermost first (`invoice.balance` -> invoice,
 * balance; `getPatient().balance` -> getPatient, balance); undefined for anything else.
 */
function namesOf(expr: Expr): string[] | undefined {
  if (expr.kind === 'name') return [expr.name];
  if (expr.kind === 'member') {
    const object = namesOf(expr.object) ?? [lastName(expr.object)].filter((name): name is string => !!name);
    return [...object, expr.property];
  }
  if (expr.kind === 'other' && expr.children.length === 1) return namesOf(expr.children[0]);
  return undefined;
}

/** `patient`, `patientBalance`, `client_copay`: a name with a person's word in it. */
function namesPerson(name: string, isPersonName: (name: string) => boolean): boolean {
  return isPersonName(name) || tokenize(name).some((token) => isPersonName(token));
}

/** `amountPaid`, `invoiceBalance`, `remainingAttempts`, `authorizedDoses`. */
function namedAsQuantity(name: string): boolean {
  const tokens = tokenize(name);
  return tokens.some((token) => QUANTITY_TOKENS.has(token)) || (tokens.length > 1 && COUNTED_UNITS.has(tokens[tokens.length - 1]));
}

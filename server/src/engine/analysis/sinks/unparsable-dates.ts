// A log or an error that reports a date it could not read (docs/rules/phi-in-log.md, "What stays
// quiet"): `logger.warning(f"Error parsing birthDate '{birth_date}'")`,
// `throw new Error(\`Invalid practice date key: ${dateKey}\`)`. The value is malformed input,
// logged alone: a broken date string identifies no one. Anything else PHI in the same call (a
// name, a record) keeps the call reported.

import type { Argument, Expr } from '../../model/facts';
import { SUMMARY_MARKER } from '../../model/types';
import type { Taint } from '../flow/taint';

/** Words of a message saying a value could not be read. */
const FAILURE_WORDS = /\b(?:un)?pars(?:e|ed|es|ing|able|eable)\b|\bmalformed\b|\binvalid\b|\bunrecogni[sz]ed\b/i;
/** Words of a message saying the value is a date. */
const DATE_WORDS = /\b(?:date|dates|datetime|timestamp|dob|birth ?date|date of birth)\b/i;
/** Catalogue elements that are dates tied to a person. */
const DATE_ELEMENT = /(?:^|_)(?:date|dob)(?:_|$)|^date_of_/;

/** The call's own words (its string literals and the text of its templates) report a date that could not be read. */
export function reportsUnreadableDate(args: Argument[]): boolean {
  const words = args.map((arg) => staticText(arg.value)).join(' ');
  return FAILURE_WORDS.test(words) && DATE_WORDS.test(splitCamel(words));
}

/**
 * Every PHI value the call carries is such a date, or a value whose element is not named here
 * (a function's parameter, as its summary sees it: what a caller passes to a date parser).
 */
export function onlyUnreadableDates(taints: Taint[]): boolean {
  return taints.every((taint) => !taint.record && taint.elements.every((element) => DATE_ELEMENT.test(element.element) || element.element.startsWith(SUMMARY_MARKER)));
}

function staticText(expr: Expr): string {
  if (expr.kind === 'string') return expr.value;
  if (expr.kind === 'template') return expr.parts.map((part) => ('text' in part ? part.text : ' ')).join('');
  if (expr.kind === 'binary') return `${staticText(expr.left)} ${staticText(expr.right)}`;
  return '';
}

/** `birthDate` -> `birth Date`, so the date words match identifiers written into a message. */
function splitCamel(text: string): string {
  return text.replace(/([a-z])([A-Z])/g, '$1 $2');
}

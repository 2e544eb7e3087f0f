// Arithmetic gives a number (docs/rules/phi-in-log.md, "What stays quiet"): in `feeCents * cpt.units`
// the code's entry only gave a count, and `totalCents += chargeTotal` is a sum of prices. A
// procedure code, a diagnosis, a drug, a name or an address is text no one multiplies or subtracts,
// so a product, quotient or difference carries none of them: only the numbers a record holds
// (a balance, a vital sign, a date) survive arithmetic as PHI.

import type { Taint } from './taint';

/**
 * Operators whose result is a number (`+` joins strings, Python's `%` formats, and its `-` also
 * takes the difference of two sets, which holds their elements).
 */
const ARITHMETIC_OPERATORS = { python: new Set(['*', '/', '**', '//']), ts: new Set(['*', '/', '-', '**']) };

/** Elements that are text: no arithmetic result is one of them. */
const TEXT_ELEMENTS = new Set(['billing_code', 'diagnosis', 'procedure', 'medication', 'name', 'email', 'address', 'city']);

export function isArithmeticOperator(operator: string, language: 'python' | 'ts'): boolean {
  return ARITHMETIC_OPERATORS[language].has(operator);
}

/** What an arithmetic result carries of its operands' taint: their numeric elements only. */
export function arithmeticResult(taint: Taint | undefined): Taint | undefined {
  if (!taint || taint.record) return taint;
  const elements = taint.elements.filter((element) => !TEXT_ELEMENTS.has(element.element));
  if (elements.length === taint.elements.length) return taint;
  return elements.length ? { ...taint, elements } : undefined;
}

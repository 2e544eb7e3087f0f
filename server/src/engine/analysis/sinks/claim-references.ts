// A claim's number alone is a reference to the claim record (docs/rules/phi-in-log.md, "What stays
// quiet"): `logger.info('Claim submitted', { claimId, claimNumber: claim.claimNumber })`. The number
// a billing system gives a claim (a sequence, a timestamp with a prefix) is how staff find the claim,
// like its id; it carries none of the patient's data. So is an amount (`amount_due`, a balance)
// beside ids only: a number that names no one. Beside a patient's name, a diagnosis or the claim
// object itself, the log stays reported: those are what the number would otherwise stand for.

import type { Expr, FileFacts } from '../../model/facts';
import { lastName } from '../flow/taint';
import { sourceOf } from '../../model/text';
import type { Range } from '../../model/types';
import { tokenize } from '../phi/identifiers';

/** The last words of a name that make it a reference to a claim, not the claim. */
const REFERENCE_TOKENS = new Set(['number', 'no', 'num', 'nbr', 'ref', 'reference', 'control']);

/** The name a value was read by: `claimPayment.claimNumber` -> `claimNumber`, `row["claim_no"]` -> `claim_no`. */
const LAST_NAME = /([A-Za-z_][A-Za-z0-9_]*)\W*$/;

interface ClaimTaint {
  taint: { elements: readonly { element: string }[]; record: boolean; origin: Range; recordRoot?: Expr };
}

/** Catalogue elements that are an amount of money: a number, whoever owes it. */
const AMOUNT_ELEMENTS = new Set(['balance']);

/**
 * Every PHI value the log call carries is a claim's number, read by a name that says so, or an
 * amount; none read off a person's record (`patient.claim_number`, `patient.balance` are the
 * patient's billing data).
 */
export function onlyClaimNumbersAndAmounts(facts: Pick<FileFacts, 'text' | 'lineStarts'>, phiArgs: readonly ClaimTaint[], isPersonRecordName: (name: string) => boolean): boolean {
  return (
    phiArgs.length > 0 &&
    phiArgs.every(({ taint }) => {
      if (taint.record || !taint.elements.length) return false;
      const root = taint.recordRoot && lastName(taint.recordRoot);
      if (root && isPersonRecordName(root)) return false;
      if (taint.elements.every((element) => AMOUNT_ELEMENTS.has(element.element))) return true;
      if (taint.elements.some((element) => element.element !== 'claim')) return false;
      const name = LAST_NAME.exec(sourceOf(facts, taint.origin))?.[1];
      const tokens = name ? tokenize(name) : [];
      return tokens.includes('claim') && REFERENCE_TOKENS.has(tokens.at(-1) ?? '');
    })
  );
}

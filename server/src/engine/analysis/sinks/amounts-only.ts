// An amount of money logged beside ids only (docs/rules/phi-in-log.md, "What stays quiet"):
// `Charging invoice ${invoice.id} (amount_due=${invoice.amount_due})` is a number that names no
// one. Read off a person's record (`patient.balance`), or beside a patient's name or diagnosis, it
// is the patient's billing data and stays reported. A claim's number is not quiet: the contract
// lists `claim_number` among billing PHI, whatever system numbered it.

import type { Expr } from '../../model/facts';
import { lastName } from '../flow/taint';

interface AmountTaint {
  taint: { elements: readonly { element: string }[]; record: boolean; recordRoot?: Expr };
}

/** Catalogue elements that are an amount of money: a number, whoever owes it. */
const AMOUNT_ELEMENTS = new Set(['balance']);

/** Every PHI value the log call carries is an amount, none read off a person's record. */
export function onlyAmounts(phiArgs: readonly AmountTaint[], isPersonRecordName: (name: string) => boolean): boolean {
  return (
    phiArgs.length > 0 &&
    phiArgs.every(({ taint }) => {
      if (taint.record || !taint.elements.length) return false;
      const root = taint.recordRoot && lastName(taint.recordRoot);
      if (root && isPersonRecordName(root)) return false;
      return taint.elements.every((element) => AMOUNT_ELEMENTS.has(element.element));
    })
  );
}

// A drug's name alone in an error whose own words name no one (docs/rules/phi-in-error.md, "What
// stays quiet"): `` throw new Error(`No pricing found for medication: ${prescription.medicationName}`) ``,
// `res.status(400).json({ error: 'Missing eye selection for ophthalmic medications', medicationsNeedingEyeSelection })`.
// A drug is a product of a catalogue; it is a patient's medication only beside who takes it. The
// reader of an error sees its text, not the variables it was built from, so what the message
// *says* decides: its fixed words, its keys and its argument names must name no person and no
// record of care (`patient`, `client`, `prescription`, `visit`, `invoice`...) nor say the drug was
// given or ordered (`No dose recorded for …`, `Cannot dispense …`), and every PHI value
// in it must be a drug read off no person's record (`patient.medications` stays reported). A
// patient's name, an id or a date beside the drug, or `'Prescription not approved for …'`, keeps the
// error reported.

import type { Argument, Expr } from '../../model/facts';
import { tokenize } from '../phi/identifiers';
import { lastName } from '../flow/taint';
import { phiParts, type TaintOf } from './message-parts';
import { CARE_RECORD_WORDS } from './reference-codes';

const MAX_DEPTH = 8;

/** Words that say a drug was given to, ordered for or taken by someone: `No dose recorded for …`, `Cannot dispense …`. */
const CARE_ACT_WORDS = new Set([
  'dose', 'doses', 'dosage', 'administer', 'administered', 'administering', 'administration', 'dispense', 'dispensed', 'dispensing',
  'prescribe', 'prescribed', 'ordered', 'taking', 'takes', 'allergic', 'allergy', 'allergies', 'given',
]);

/** Every PHI part of the error is a drug of no person, and its words name no person or record of care. */
export function onlyDrugNamesNamingNoOne(args: readonly Argument[], taintOf: TaintOf, isPersonName: (name: string) => boolean): boolean {
  const parts = args.flatMap((arg) => phiParts(arg.value, taintOf));
  if (!parts.length) return false;
  const drugsOnly = parts.every(({ expr, taint }) => {
    if (taint.record || !taint.elements.length || !taint.elements.every((element) => element.element === 'medication')) return false;
    const root = expr.kind === 'member' ? lastName(expr.object) : undefined;
    return !root || !isPersonName(root);
  });
  if (!drugsOnly) return false;
  const words: string[] = [];
  for (const arg of args) {
    if (arg.name) words.push(arg.name);
    saidWords(arg.value, words, 0);
  }
  return !words.some((word) => tokenize(word).some((token) => CARE_RECORD_WORDS.has(token) || CARE_ACT_WORDS.has(token)));
}

/** What a message says: its literal text and its keys, not the names of the variables it reads. */
function saidWords(expr: Expr, words: string[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  const next = depth + 1;
  switch (expr.kind) {
    case 'string':
      words.push(expr.value);
      return;
    case 'template':
      for (const part of expr.parts) if (!('text' in part)) saidWords(part.expr, words, next);
      else words.push(part.text);
      return;
    case 'binary':
      saidWords(expr.left, words, next);
      saidWords(expr.right, words, next);
      return;
    case 'object':
      for (const entry of expr.entries) {
        if (entry.key) words.push(entry.key);
        saidWords(entry.value, words, next);
      }
      return;
    case 'array':
      for (const item of expr.items) saidWords(item, words, next);
      return;
    case 'other':
      for (const child of expr.children) saidWords(child, words, next);
      return;
    default:
      return;
  }
}

// A procedure code alone is reference data (docs/rules/phi-in-log.md, "What stays quiet"):
// `logger.error('Error looking up CPT code', { cptCode })`,
// `throw new UnpricedCptCodesError(codes)`, `throw new Error(\`Unknown procedure type: ${code}\`)`.
// A code of the CPT/HCPCS tables identifies no one; it is billing PHI only tied to a person or to
// a record of their care. So a log or an error whose only PHI is such a code, and whose words
// (its message, the keys and names of its arguments, the error's class) name no patient and no
// record of care (`encounterId`, `claim`, `patient`), is not a finding. The same call with a claim
// id, an encounter id or a patient's name beside the code stays reported. In a module about stock
// (`inventoryService.ts`) a drug alone is a product (`Logged sample receipt: ${sample.drugName}`);
// dispensed with a patient id beside it, it is that patient's medication.

import type { Argument, CallFact, Expr, FileFacts } from '../../model/facts';
import { enclosingFunctions } from '../../model/facts-index';
import type { PhiElementRef } from '../../model/types';
import { tokenize } from '../phi/identifiers';
import { namedPhiParts, phiParts, type TaintOf } from './message-parts';

/** Catalogue elements that are entries of a public code table. */
const REFERENCE_CODE_ELEMENTS = new Set(['billing_code']);

/** Elements a function given a code treats as that code (`getDrugWarnings(rxcui)` given a drug name as fallback). */
const CODE_LIKE_ELEMENTS = new Set(['billing_code', 'medication']);

/** Words that tie a value to a person or to a record of their care. */
export const CARE_RECORD_WORDS: ReadonlySet<string> = new Set([
  'patient', 'patients', 'client', 'clients', 'member', 'members', 'subscriber', 'beneficiary', 'enrollee', 'insured',
  'guarantor', 'person', 'resident', 'encounter', 'encounters', 'visit', 'visits', 'claim', 'claims', 'appointment',
  'appointments', 'admission', 'episode', 'consultation', 'chart', 'mrn', 'charge', 'charges', 'invoice', 'statement',
  'bill', 'prescription', 'prescriptions', 'referral', 'case', 'paciente',
]);

/** Parameter names of a function that takes a code (`cptCode`, `rxcui`, `ndc`, `procedure_code`). */
const CODE_PARAMETER_TOKENS = new Set(['code', 'codes', 'cpt', 'hcpcs', 'rxcui', 'rxnorm', 'ndc']);

const MAX_DEPTH = 8;

/** Elements that are a product in a module about stock (`inventoryService.ts`): the drug a sample or a shelf holds. */
const STOCK_ELEMENTS = new Set(['billing_code', 'medication']);

/**
 * Every PHI element the call carries is a code of a public table, or, in a module about stock, a
 * code or a drug (module-traits.ts `inventory`).
 */
export function onlyReferenceCodes(elements: readonly PhiElementRef[], record = false, inventory = false): boolean {
  const reference = inventory ? STOCK_ELEMENTS : REFERENCE_CODE_ELEMENTS;
  return !record && elements.length > 0 && elements.every((element) => reference.has(element.element));
}

/**
 * What a caller passes to a parameter the callee takes as a code (`rxcui`, `cptCode`) and only
 * logs or throws with nothing naming a person: a procedure code, or a drug named in its stead.
 */
export function onlyCodesForCodeParameter(elements: readonly PhiElementRef[], record: boolean, paramName: string | undefined): boolean {
  if (record || !elements.length) return false;
  if (onlyReferenceCodes(elements)) return true;
  return !!paramName && tokenize(paramName).some((token) => CODE_PARAMETER_TOKENS.has(token)) && elements.every((element) => CODE_LIKE_ELEMENTS.has(element.element));
}

/**
 * Every PHI part of the call's arguments is a value named as a code (`routeCode`, `rxcui`) and
 * holds only code-like elements (a procedure code, a drug): `throw new Error(\`No route was found
 * for code: ${routeCode}\`)`, where the code was read off a medication. A terminology code that
 * failed a lookup identifies no one; named otherwise (`drugName`, `dosage`), it stays reported.
 */
export function onlyValuesNamedAsCodes(args: readonly Argument[], taintOf: TaintOf): boolean {
  const parts = args.flatMap((arg) => phiParts(arg.value, taintOf));
  return (
    parts.length > 0 &&
    parts.every(({ expr, taint }) => {
      const name = codeName(expr);
      return !taint.record && !!name && tokenize(name).some((token) => CODE_PARAMETER_TOKENS.has(token)) && taint.elements.every((element) => CODE_LIKE_ELEMENTS.has(element.element));
    })
  );
}

/** Elements whose value, named as a code, is an entry of a public code table: a procedure's (CPT) or a diagnosis's (ICD-10). */
const LOGGED_CODE_ELEMENTS = new Set(['billing_code', 'diagnosis']);

/** Tokens that name a value as a code of a code table (`icdCode`, `icd10`, `dx_code`). */
const CODE_NAME_TOKENS = new Set(['code', 'codes', 'icd', 'icd10', 'icd9', 'cpt', 'hcpcs']);

/**
 * Every PHI value a log carries is named as a code (its own name or the key it is logged under:
 * `{ icdCode }`, `${cptCode}`) and is a procedure or a diagnosis code: `logger.error('Error looking
 * up ICD-10 code', { icdCode, error })`. An ICD-10 code alone, like a CPT code, is a row of a public
 * table and identifies no one. A diagnosis not named as a code (`diagnosis`, `dx`), a call whose
 * words name a patient or a record of care (namesCareRecord), or one in a function given a patient
 * (inFunctionGivenCareRecord), stays reported.
 */
export function onlyValuesNamedAsTableCodes(args: readonly Argument[], taintOf: TaintOf): boolean {
  const parts = args.flatMap((arg) => namedPhiParts(arg.value, arg.name, taintOf));
  return (
    parts.length > 0 &&
    parts.every(({ names, taint }) => !taint.record && names.some((name) => tokenize(name).some((token) => CODE_NAME_TOKENS.has(token))) && taint.elements.every((element) => LOGGED_CODE_ELEMENTS.has(element.element)))
  );
}

/**
 * A function the call is in is given a patient or a record of care (`def other_sinks(patient,
 * dob, diagnosis_code)`): a diagnosis code there is that patient's, however the message reads.
 */
export function inFunctionGivenCareRecord(facts: FileFacts, fact: CallFact): boolean {
  return enclosingFunctions(facts, fact.scopeId).some((scope) => scope.params.some((param) => tokenize(param.name).some((token) => CARE_RECORD_WORDS.has(token))));
}

/** The name a value is known by: a variable's, a field's, or the last field of a chain (`orderData.route.code`). */
function codeName(expr: Expr): string | undefined {
  if (expr.kind === 'name') return expr.name;
  if (expr.kind === 'member') return expr.property;
  if (expr.kind === 'other' && expr.children.length === 1) return codeName(expr.children[0]);
  return undefined;
}

/**
 * The call's words (message text, keys, names read, the callee's name) or the name of a function
 * it is in (`post_charge`, `addEncounterProcedure`) name a patient or a record of their care.
 */
export function namesCareRecord(facts: FileFacts, fact: CallFact, args: readonly Argument[]): boolean {
  const words: string[] = enclosingFunctions(facts, fact.scopeId).flatMap((scope) => (scope.name ? [scope.name] : []));
  words.push(...callWords(fact, args));
  return words.some((word) => tokenize(word).some((token) => CARE_RECORD_WORDS.has(token)));
}

/** Words of a call about stock: `'Insufficient stock for some medications'`, `{ insufficientStock }`, `inventoryError`. */
const STOCK_WORDS = new Set(['stock', 'inventory', 'inventories', 'restock', 'warehouse']);

/**
 * A log or error whose own words speak of stock and name no patient and no record of care
 * (`res.status(400).json({ error: 'Insufficient stock for some medications', insufficientStock })`):
 * a drug there is a product short on the shelf, as in a module about stock, wherever the call is.
 * Its words alone decide: the function it sits in may dispense a prescription, but the message
 * says which products are missing, not whose prescription it was.
 */
export function speaksOfStockOnly(fact: CallFact, args: readonly Argument[]): boolean {
  const tokens = callWords(fact, args).flatMap((word) => tokenize(word));
  return tokens.some((token) => STOCK_WORDS.has(token)) && !tokens.some((token) => CARE_RECORD_WORDS.has(token));
}

/** The call's own words: its callee, its argument names and what its arguments read and say. */
function callWords(fact: CallFact, args: readonly Argument[]): string[] {
  const words: string[] = [];
  collectWords(fact.call.callee, words, 0);
  for (const arg of args) {
    if (arg.name) words.push(arg.name);
    collectWords(arg.value, words, 0);
  }
  return words;
}

function collectWords(expr: Expr, words: string[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  const next = depth + 1;
  switch (expr.kind) {
    case 'name':
      words.push(expr.name);
      return;
    case 'member':
      words.push(expr.property);
      collectWords(expr.object, words, next);
      return;
    case 'index':
      collectWords(expr.object, words, next);
      collectWords(expr.index, words, next);
      return;
    case 'call':
      collectWords(expr.callee, words, next);
      for (const arg of expr.args) collectWords(arg.value, words, next);
      return;
    case 'string':
      words.push(expr.value);
      return;
    case 'template':
      for (const part of expr.parts) {
        if ('text' in part) words.push(part.text);
        else collectWords(part.expr, words, next);
      }
      return;
    case 'binary':
      collectWords(expr.left, words, next);
      collectWords(expr.right, words, next);
      return;
    case 'object':
      for (const entry of expr.entries) {
        if (entry.key) words.push(entry.key);
        collectWords(entry.value, words, next);
      }
      return;
    case 'array':
      for (const item of expr.items) collectWords(item, words, next);
      return;
    case 'other':
      for (const child of expr.children) collectWords(child, words, next);
      return;
    default:
      return;
  }
}

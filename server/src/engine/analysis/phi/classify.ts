// Classifies identifiers against the PHI catalogue and the policy: is this name an element of
// PHI, a whole patient record, something known to be safe, or unknown?

import type { ResolvedPolicy } from '../../model/policy';
import type { PhiCategory } from '../../model/types';
import { BoundedCache } from '../bounded-cache';
import {
  ACCOUNT_OBJECT_WORDS,
  ADJECTIVE_STEMS,
  AUTHORIZATION_WORDS,
  BARE_NAME_WORDS,
  BUILTIN_ELEMENTS,
  BUILTIN_RECORD_NOUNS,
  BUILTIN_SAFE_IDENTIFIERS,
  CLINICAL_OBJECT_WORDS,
  CLINICAL_RECORD_NOUNS,
  MASKED_VALUE_TOKENS,
  NON_PERSON_OBJECTS,
  NOT_ELEMENT_TOKENS,
  NUMBER_ABBREVIATIONS,
  NON_PERSON_QUALIFIERS,
  PERSON_NAME_QUALIFIERS,
  PERSON_OBJECT_WORDS,
  RECORD_WORDS,
  SAFE_FIRST_TOKENS,
  SAFE_LAST_TOKENS,
  SOFTWARE_SHAPED_ELEMENTS,
  STAFF_WORDS,
  type CatalogueElement,
  type ElementContext,
} from '../../catalogues/phi-elements';
import { findRun, matchableWords, tokenize, tokenMatches } from './identifiers';

export type IdentifierClass =
  | { kind: 'safe' }
  | { kind: 'unknown' }
  | { kind: 'record'; category: PhiCategory }
  | { kind: 'element'; element: string; category: PhiCategory; context: ElementContext };

const SAFE: IdentifierClass = { kind: 'safe' };
/** Tokens after an element that make the name a count of it (`treatmentCountResult`). */
const COUNT_TOKENS = new Set(['count', 'counts', 'total', 'totals', 'tally']);
/**
 * Tokens right after an element that make the name a kind of it when more follows
 * (`insuranceTypeTab`), as `insurance_type` alone is. Not `category`: a `diagnosisCategory` is a
 * patient's diagnosis class.
 */
const KIND_TOKENS = new Set(['type', 'types', 'kind', 'kinds']);
const UNKNOWN: IdentifierClass = { kind: 'unknown' };
/** Words before a plural that make it a quantity of that thing (`additionalDoses`, `remaining_doses`). */
const QUANTITY_TOKENS = new Set(['additional', 'extra', 'remaining', 'total', 'max', 'min', 'number', 'num']);
/** Elements that are dates of a person's life or care: all their parts but the year are identifiers (45 CFR 164.514(b)(2)(i)(C)). */
const DATE_ELEMENTS = new Set(['date_of_birth', 'admission_date', 'discharge_date', 'date_of_death']);
/**
 * First tokens that make an element a template's or a catalogue's (`templateDiagnosis`,
 * `catalog_medication`): reference content. `templateData`, which names no element, is not one.
 */
const TEMPLATE_WORDS = new Set(['template', 'templates', 'catalog', 'catalogue']);
/** Tokens after a date element that leave only its year (`birthdayYear`, `dob_year`). */
const YEAR_TOKENS = new Set(['year', 'yr', 'yyyy']);
/** Elements that are a message's address (`email`, `fax`): followed by a word for the message's parts, the name is the message's. */
const MESSAGE_ADDRESS_ELEMENTS = new Set(['email', 'fax']);
/** Parts of a message (`emailDetails`, `faxContent`, `email_subject`): what is sent, not where to. */
const MESSAGE_PART_TOKENS = new Set(['details', 'content', 'contents', 'body', 'subject', 'payload', 'html', 'attachment', 'attachments']);
/** Tokens that name a lookup structure after what it maps to (`encounterIdMap`, `id_lookup`). */
const MAP_TOKENS = new Set(['map', 'maps', 'dict', 'lookup', 'index', 'mapping', 'table', 'cache']);
const ID_TOKENS = new Set(['id', 'ids', 'uuid', 'uuids', 'pk', 'key', 'keys']);

/** Organisations and places, whose contact details are the business's (`facility.phone`, `location.address`). */
const PLACE_WORDS = new Set([
  'facility', 'facilities', 'location', 'locations', 'clinic', 'hospital', 'organization', 'organisation', 'org',
  'company', 'practice', 'pharmacy', 'department', 'site', 'ward', 'tenant', 'vendor', 'supplier',
]);
/** Words for the values of a thing being entered or shown, beside the record words (`locationForm`, `facility_fields`). */
const FORM_WORDS = new Set(['form', 'forms', 'values', 'fields', 'body', 'params', 'state', 'draft']);

/** `claim id to encounter id map`: the element is on the key side of a map whose values are ids (after `to`). */
function mapsToIds(tokens: readonly string[], elementEnd: number): boolean {
  const to = tokens.indexOf('to', elementEnd + 1);
  if (to < 1) return false;
  let end = tokens.length - 1;
  while (end > to && MAP_TOKENS.has(tokens[end])) end--;
  return end > to && ID_TOKENS.has(tokens[end]);
}

const SANITIZER_STEMS = ['mask', 'redact', 'hash', 'saniti', 'deidentif', 'anonymi', 'anonymis', 'tokeniz', 'tokenis', 'encrypt', 'pseudonym', 'hmac', 'scrub'];
const SANITIZER_TOKENS = new Set(['sha1', 'sha256', 'sha512', 'md5', 'blake2b', 'hexdigest', 'digest']);

const MAX_CACHED_IDENTIFIERS = 50_000;

export class PhiClassifier {
  private readonly elements: CatalogueElement[];
  private readonly recordNouns: string[][];
  private readonly safeIdentifiers: Set<string>;
  private readonly sanitizers: Set<string>;
  // One classifier serves a whole scan: bounded, so a large monorepo's names do not pile up.
  private readonly cache = new BoundedCache<string, IdentifierClass>(MAX_CACHED_IDENTIFIERS);
  private readonly sanitizerCache = new BoundedCache<string, boolean>(MAX_CACHED_IDENTIFIERS);

  constructor(policy: ResolvedPolicy) {
    const removed = new Set(policy.phi.remove.map((name) => name.toLowerCase()));
    const added: CatalogueElement[] = policy.phi.add.map((element) => ({
      element: element.name,
      category: element.category,
      words: [tokenize(element.name)],
      context: 'any',
      encrypt: element.encrypt,
    }));
    this.elements = [
      ...added,
      ...BUILTIN_ELEMENTS.filter((element) => !isRemoved(element, removed)).map((element) => ({
        ...element,
        words: element.words.filter((words) => !removed.has(words.join('_'))),
      })),
    ];
    this.recordNouns = [...BUILTIN_RECORD_NOUNS, ...policy.phi.recordNames.map((name) => tokenize(name))];
    this.safeIdentifiers = new Set([...BUILTIN_SAFE_IDENTIFIERS, ...policy.phi.safeIdentifiers]);
    this.sanitizers = new Set(policy.phi.sanitizers);
  }

  classify(identifier: string): IdentifierClass {
    return this.cache.get(identifier, () => this.classifyUncached(identifier));
  }

  private classifyUncached(identifier: string): IdentifierClass {
    if (this.safeIdentifiers.has(identifier)) return SAFE;
    const tokens = canonicalTokens(identifier);
    if (tokens.length === 0) return UNKNOWN;
    if (tokens.length > 1 && SAFE_FIRST_TOKENS.has(tokens[0])) return SAFE;
    if (isMaskedName(tokens)) return SAFE;
    // `createdWithoutEmail`, `patientsWithoutPhone`: what follows `without` is absent; the name is what comes before.
    const without = tokens.indexOf('without');
    if (without > 0) return this.classifyUncached(tokens.slice(0, without).join('_'));
    const match = this.bestElementMatch(tokens);
    // `templateDiagnosisCondition`, `catalog_medication`: a template's or a catalogue's own entry, the same for every patient.
    if (match && match.start > 0 && TEMPLATE_WORDS.has(tokens[0])) return SAFE;
    const last = tokens.length - 1;
    if (match && isDoseCount(tokens, match)) return SAFE;
    if (match && match.end === last) return this.qualify(match, tokens);
    if (SAFE_LAST_TOKENS.has(tokens[last])) return SAFE;
    // `diagnosis_ser_num`, `DiagnosisSerNum`: a row's serial number in the system it came from, a key.
    if (last > 0 && tokens[last] === 'number' && tokens[last - 1] === 'ser') return SAFE;
    // `birthdayYear`, `dob_year`: the year of a date alone, which Safe Harbor leaves out of the identifiers.
    if (match && DATE_ELEMENTS.has(match.element.element) && tokens.slice(match.end + 1).some((token) => YEAR_TOKENS.has(token))) return SAFE;
    // `claimIdToEncounterIdMap`, `patient_id_to_visit_id`: a map whose values are ids.
    if (match && mapsToIds(tokens, match.end)) return SAFE;
    // `emailDetails`, `fax_content`: the message sent (its value, when known, still counts).
    if (match && MESSAGE_ADDRESS_ELEMENTS.has(match.element.element) && tokens.slice(match.end + 1).some((token) => MESSAGE_PART_TOKENS.has(token))) return SAFE;
    // `selectedInsuranceTypeTab`, `medication_kind_label`: about a kind of the element (as `insurance_type` is), not one patient's value.
    if (match && KIND_TOKENS.has(tokens[match.end + 1]) && match.end + 2 <= last) return SAFE;
    // `treatmentCountResult`, `patient_total_rows`: a count of the element, whatever holds it.
    if (match && tokens.slice(match.end + 1).some((token) => COUNT_TOKENS.has(token))) return SAFE;
    if (match) return this.qualify(match, tokens);
    const record = this.recordCategory(tokens);
    return record ? { kind: 'record', category: record } : UNKNOWN;
  }

  /** The catalogue run that ends last in the identifier, the longest one on a tie. */
  private bestElementMatch(tokens: string[]): { element: CatalogueElement; start: number; end: number; words: string[] } | undefined {
    let best: { element: CatalogueElement; start: number; end: number; words: string[] } | undefined;
    const matchable = matchableWords(tokens);
    for (const element of this.elements) {
      for (const words of element.words) {
        if (!words.every((word) => matchable.has(word))) continue;
        const start = findRun(tokens, words);
        if (start < 0) continue;
        const end = start + words.length - 1;
        if (!best || end > best.end || (end === best.end && words.length > best.words.length)) {
          best = { element, start, end, words };
        }
      }
    }
    return best;
  }

  private qualify(
    match: { element: CatalogueElement; start: number; words: string[] },
    tokens: string[],
  ): IdentifierClass {
    const before = match.start > 0 ? tokens[match.start - 1] : undefined;
    const { element } = match;
    let context = element.context;
    // `token_claims`, `jwt_claims`, `id_token_claims`: authorization claims, not insurance claims.
    if (element.element === 'claim' && before !== undefined && AUTHORIZATION_WORDS.has(before)) return SAFE;
    // `terms_conditions`, `termsAndConditions`: an offer's legal text, not a clinical condition.
    if (element.element === 'condition' && isTermsAndConditions(tokens, match.start)) return SAFE;
    if (element.element === 'name' && match.words.length === 1 && BARE_NAME_WORDS.has(match.words[0])) {
      if (before === undefined) context = 'person';
      else if (!PERSON_NAME_QUALIFIERS.has(before)) return SAFE;
    } else if (before !== undefined && NON_PERSON_QUALIFIERS.has(before) && !PERSON_OBJECT_WORDS.has(before)) {
      context = 'person';
    }
    // `clinician_first_name`, `prescriber_email_address`: a member of staff's, not a patient's.
    if (context === 'any' && tokens.slice(0, match.start).some((token) => STAFF_WORDS.has(token) || STAFF_WORDS.has(token.replace(/s$/, '')))) context = 'person';
    return { kind: 'element', element: element.element, category: element.category, context };
  }

  private recordCategory(tokens: string[]): PhiCategory | undefined {
    const matchable = matchableWords(tokens);
    for (const noun of this.recordNouns) {
      if (!noun.every((word) => matchable.has(word))) continue;
      const start = findRun(tokens, noun);
      if (start < 0) continue;
      // `inPerson`, `in_person_visits`: the phrase "in person" (a kind of visit), not a person.
      if (start === 1 && tokens[0] === 'in' && noun.join(' ') === 'person') continue;
      const rest = [...tokens.slice(0, start), ...tokens.slice(start + noun.length)];
      if (rest.every((token) => RECORD_WORDS.has(token) || /^\d+$/.test(token))) {
        return CLINICAL_RECORD_NOUNS.has(noun.join(' ')) ? 'clinical' : 'demographics';
      }
    }
    return undefined;
  }

  /** A type name that denotes a patient record (`Patient`, `PatientOut`, `List[Patient]` parts). */
  isRecordType(typeName: string): boolean {
    return this.classify(typeName).kind === 'record';
  }

  /** Whether a function or method name is a sanitizer: its result is clean. */
  isSanitizer(name: string): boolean {
    return this.sanitizerCache.get(name, () => this.isSanitizerUncached(name));
  }

  private isSanitizerUncached(name: string): boolean {
    if (this.sanitizers.has(name)) return true;
    const tokens = tokenize(name);
    if (tokens.some((token) => SANITIZER_TOKENS.has(token))) return true;
    if (tokens.some((token) => SANITIZER_STEMS.some((stem) => token.startsWith(stem)))) return true;
    return tokens.some((token, i) => token === 'de' && tokens[i + 1]?.startsWith('identif'));
  }

  /** `patient`, `current_member`: an object whose `name` is a person's name. */
  isPersonObjectName(name: string): boolean {
    if (this.classify(name).kind === 'record') return true;
    const tokens = canonicalTokens(name);
    return tokens.length > 0 && PERSON_OBJECT_WORDS.has(tokens[tokens.length - 1]);
  }

  /**
   * `client` is the patient in behavioural health and a software client elsewhere: a bare name
   * that is both (`client`, `existing_client`, not `http_client`) is a person when the element read
   * off it is one only a person has (`client.firstName`, `client.dateOfBirth`), not a server's or a
   * sender's (`client.address`, `client.email`).
   */
  isPersonByElement(objectName: string, element: string): boolean {
    if (SOFTWARE_SHAPED_ELEMENTS.has(element)) return false;
    const tokens = canonicalTokens(objectName);
    const last = tokens[tokens.length - 1];
    if (!last || !PERSON_OBJECT_WORDS.has(last) || !NON_PERSON_OBJECTS.has(last)) return false;
    return tokens.slice(0, -1).every((token) => RECORD_WORDS.has(token));
  }

  /** `clinic`, `settings`, `app`: objects whose attributes are not about a patient. */
  isNonPersonObjectName(name: string): boolean {
    const tokens = tokenize(name);
    if (tokens.length === 0) return false;
    // `templateDiagnosisCondition.code`: what a template holds (not `templateData`, the values filled into one).
    if (tokens.length > 1 && TEMPLATE_WORDS.has(tokens[0]) && this.bestElementMatch(canonicalTokens(name))) return true;
    const lastToken = tokens[tokens.length - 1];
    return NON_PERSON_OBJECTS.has(lastToken) || (tokens.length > 1 && NON_PERSON_QUALIFIERS.has(tokens[0]) && NON_PERSON_OBJECTS.has(lastToken));
  }

  /**
   * `locationForm`, `facilityData`, `newClinicDetails`: the values of one organisation or place (a
   * form a user fills in for a new location, a facility's row), named by that place and words for
   * holding values only. Its e-mail, phone and address are the place's, as `facility.phone` is.
   * Not `patientLocationForm` nor `clientData` (a person word is there).
   */
  isPlaceValuesName(name: string): boolean {
    const tokens = tokenize(name);
    const rest = tokens.filter((token) => !RECORD_WORDS.has(token) && !FORM_WORDS.has(token));
    return tokens.length > 1 && rest.length === 1 && PLACE_WORDS.has(rest[0]) && !PERSON_OBJECT_WORDS.has(rest[0]);
  }

  isClinicalObjectName(name: string): boolean {
    const tokens = tokenize(name);
    return tokens.some((token, index) => !isSoftwareResult(tokens, index) && [...CLINICAL_OBJECT_WORDS].some((word) => tokenMatches(token, word)));
  }

  isAccountObjectName(name: string): boolean {
    return tokenize(name).some((token) => ACCOUNT_OBJECT_WORDS.has(token));
  }
}

/**
 * The identifier's tokens as the catalogue reads them: abbreviations of `number` after the first
 * token become `number` (`patient_no`, `pat_num`), and look-alikes of an element
 * (`diagnostics`) become a token that matches nothing.
 */
export function canonicalTokens(identifier: string): string[] {
  const tokens = tokenize(identifier);
  const needsWork = (token: string, i: number) => (i > 0 && (NUMBER_ABBREVIATIONS.has(token) || token === 'no')) || NOT_ELEMENT_TOKENS.has(token) || ADJECTIVE_STEMS.has(token);
  if (!tokens.some(needsWork)) return tokens;
  return tokens.map((token, i) => {
    if (NOT_ELEMENT_TOKENS.has(token)) return '-';
    const followers = ADJECTIVE_STEMS.get(token);
    if (followers && i < tokens.length - 1 && !followers.has(tokens[i + 1])) return '-';
    if (i === 0) return token;
    // `no` only at the end: `patient_no`, not `patient_no_show`.
    if (NUMBER_ABBREVIATIONS.has(token) || (token === 'no' && i === tokens.length - 1)) return 'number';
    return token;
  });
}

/**
 * `additionalDoses`, `remaining_doses`, `dosesPerDay`: how many doses (a number), where a `dose`
 * alone is an amount of a drug. Only the plural with a quantity word before it or a rate after it:
 * `patient.doses` may be the list of doses given.
 */
function isDoseCount(tokens: string[], match: { start: number; end: number }): boolean {
  if (tokens[match.end] !== 'doses' || match.start !== match.end) return false;
  return QUANTITY_TOKENS.has(tokens[match.start - 1] ?? '') || tokens[match.end + 1] === 'per';
}

/** `ssn_last4`, `masked_phone`, `phone_last_four`, `last_4_ssn`: a value already masked to a few characters. */
function isMaskedName(tokens: string[]): boolean {
  return tokens.some((token, i) => MASKED_VALUE_TOKENS.has(token) || (token === 'last' && /^(4|four|digits)$/.test(tokens[i + 1] ?? '')));
}

function isRemoved(element: CatalogueElement, removed: Set<string>): boolean {
  return removed.has(element.element.toLowerCase());
}

/**
 * Runs a program does, whose `result` is the program's, not a lab's (`execution_results`,
 * `query_result`, `syncResults`). Not `test`, `check` or `search`: a test's result is a lab's, and
 * a search's results may be patients.
 */
const SOFTWARE_RUN_WORDS = new Set([
  'execution', 'exec', 'query', 'queries', 'task', 'job', 'sync', 'validation', 'operation', 'request', 'batch',
  'import', 'export', 'migration', 'run', 'build', 'api', 'pipeline', 'workflow',
]);

/** `result`/`results` after a word for a program's run (`execution_results`): a program's outcome. */
function isSoftwareResult(tokens: readonly string[], index: number): boolean {
  return (tokens[index] === 'result' || tokens[index] === 'results') && index > 0 && SOFTWARE_RUN_WORDS.has(tokens[index - 1]);
}

/** `terms conditions`, `terms and conditions`, `term_and_condition`: the run before `condition` at `start`. */
function isTermsAndConditions(tokens: readonly string[], start: number): boolean {
  const before = tokens[start - 1];
  const terms = (token: string | undefined) => token === 'terms' || token === 'term';
  return terms(before) || (before === 'and' && terms(tokens[start - 2]));
}

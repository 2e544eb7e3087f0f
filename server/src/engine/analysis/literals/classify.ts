// Whether one written value is PHI: the key it sits under says which element it could be, the
// value must then pass that element's validation, and contact data counts only in a person's
// record. Without a key that says anything, only identifiers whose shape is proof enough (a
// valid dashed SSN, a dashed MBI) count. Synthetic values and marked records stay quiet.

import { checkDate, checkEmail, checkIpv4, checkMbi, checkNhsNumber, checkRecordNumber, checkSsn, checkUsPhone, checkZip, type IdentifierCheck } from './identifiers';
import { isFixOutput } from './synthetic';
import { elementOfKey, hasSyntheticMarker, isOtherIdentifierKey, isPersonContext, keyWords, type LiteralElement } from './keys';

export interface LiteralCandidate {
  value: string;
  /** The key, column, variable or HL7 field the value sits under. */
  key?: string;
  /** Names of the records around it, outermost first. */
  context: readonly string[];
  siblingKeys?: readonly string[];
}

/** Elements that are PHI only in a person's record: a clinic's phone number is not. */
const CONTACT_ELEMENTS: ReadonlySet<LiteralElement> = new Set(['phone', 'email', 'address', 'zip', 'ip', 'name']);

const MAX_VALUE_LENGTH = 200;

/** The PHI element the value is, or undefined when it is not PHI (or is synthetic). */
export function classifyCandidate(candidate: LiteralCandidate): LiteralElement | undefined {
  const value = candidate.value.trim();
  if (value.length < 4 || value.length > MAX_VALUE_LENGTH) return undefined;
  if (hasSyntheticMarker(candidate.key) || hasSyntheticMarker(value) || candidate.context.some(hasSyntheticMarker)) return undefined;
  if (isLabel(value)) return undefined;
  const keyed = elementOfKey(candidate.key, candidate.context);
  if (keyed) {
    if (CONTACT_ELEMENTS.has(keyed) && !isPersonContext(candidate.key, candidate.context, candidate.siblingKeys)) return undefined;
    return real(checkElement(keyed, value, candidate.key)) ? keyed : undefined;
  }
  if (isOtherIdentifierKey(candidate.key)) return undefined;
  // Shapes that are proof without a key.
  if (real(checkSsn(value, true))) return 'ssn';
  if (real(checkMbi(value, true))) return 'mbi';
  if (isPersonContext(candidate.key, candidate.context, candidate.siblingKeys)) {
    if (real(checkEmail(value))) return 'email';
    if (/[()\s.-]/.test(value) && real(checkUsPhone(value))) return 'phone';
  }
  return undefined;
}

/** Words of column titles and form labels (`"first_name": "First Name"` in a CSV mapping). */
const LABEL_WORDS = new Set([
  'name', 'names', 'first', 'last', 'middle', 'full', 'given', 'family', 'surname', 'maiden', 'preferred', 'legal', 'phone',
  'number', 'no', 'mobile', 'cell', 'home', 'work', 'telephone', 'email', 'e', 'mail', 'address', 'addresses', 'street',
  'line', 'city', 'state', 'zip', 'postal', 'code', 'date', 'of', 'birth', 'dob', 'ssn', 'social', 'security', 'mrn',
  'medical', 'record', 'id', 'member', 'policy', 'account', 'patient', 'patients', 'contact', 'emergency', 'primary',
  'secondary', 'your', 'enter', 'the', 'a', 'and', 'or', 'optional', 'required', 'new', 'edit', 'person', 'user',
]);

/** A value that is a label or title, every word one a form would print. */
function isLabel(value: string): boolean {
  const words = keyWords(value);
  return words.length > 0 && /[A-Za-z]/.test(value) && !/\d/.test(value) && words.every((word) => LABEL_WORDS.has(word));
}

/**
 * Whether a value proves its record made up: an e-mail at a reserved domain, a 555 phone number,
 * an example or never-issued SSN under its key, a Synthea-style name, a test/fake/demo marker in
 * a short value. A record holding one is generated as a whole (`jane@example.test` beside a
 * real-looking name).
 */
export function provesSynthetic(candidate: LiteralCandidate): boolean {
  const value = candidate.value.trim();
  if (value.length > 60 || isFixOutput(value)) return false;
  if (hasSyntheticMarker(value)) return true;
  if (value.includes('@')) {
    const email = checkEmail(value);
    return email.valid && email.synthetic === true && /@(?:.*\.)?(?:example|test|invalid|localhost|local|email|domain|fake|sample|mailinator|yopmail)\b/i.test(value);
  }
  const keyed = elementOfKey(candidate.key, candidate.context);
  // Area code 555 is made up whatever follows (`555-123-4567` is not even a valid number).
  if (keyed === 'phone') return checkUsPhone(value).synthetic === true || /^1?555\d{7}$/.test(value.replace(/\D/g, ''));
  // An NHS test number (starting 9), the CMS example MBI, a placeholder record number.
  if (keyed === 'nhs' || keyed === 'mbi' || keyed === 'mrn' || keyed === 'member' || keyed === 'policy' || keyed === 'account') {
    const check = checkElement(keyed, value, candidate.key);
    // Ten digits starting 9 under an NHS key are a test number, even with a wrong check digit.
    return (check.valid && check.synthetic === true) || (keyed === 'nhs' && /^9\d{2}[ -]?\d{3}[ -]?\d{4}$/.test(value));
  }
  if (keyed === 'ssn') {
    const ssn = checkSsn(value, false);
    return ssn.synthetic === true || (!ssn.valid && /^9\d\d[ -]?\d\d[ -]?\d{4}$/.test(value));
  }
  // A Synthea name, or a placeholder such as Jane Smith: the record around it was made up with it.
  // A relative's placeholder name (`NK1|1|DOE^JOHN`) says nothing of the patient's own fields.
  if (keyed === 'name' && /^NK1-/i.test(candidate.key ?? '')) return false;
  if (keyed === 'name') return /^[A-Za-z]+\d{2,}(?:[ ^][A-Za-z]+\d{2,})*$/.test(value) || checkPersonName(value, candidate.key).synthetic === true;
  return false;
}

function real(check: IdentifierCheck): boolean {
  return check.valid && !check.synthetic;
}

export function checkElement(element: LiteralElement, value: string, key?: string): IdentifierCheck {
  switch (element) {
    case 'ssn':
      return checkSsn(value, false);
    case 'mbi':
      return checkMbi(value, false);
    case 'nhs':
      return checkNhsNumber(value);
    case 'mrn':
    case 'member':
    case 'policy':
    case 'account': {
      // An SSN used as the member number is still a valid value here.
      return checkRecordNumber(value);
    }
    case 'dob':
      return checkDate(value, true);
    case 'phone':
      return checkUsPhone(value);
    case 'email':
      return checkEmail(value);
    case 'address':
      return checkStreetAddress(value);
    case 'zip':
      return checkZip(value);
    case 'ip':
      return checkIpv4(value);
    case 'name':
      return checkPersonName(value, key);
  }
}

const STREET_ADDRESS = /^(?:\d{1,6}[A-Za-z]?(?:[ -]\d+)?\s+[A-Za-z][A-Za-z0-9.' -]*|P\.?\s?O\.?\s+Box\s+\d+.*)$/i;

function checkStreetAddress(value: string): IdentifierCheck {
  if (value.length > 120 || value.includes('@') || !STREET_ADDRESS.test(value.replace(/,/g, ' ').replace(/\s+/g, ' '))) return { valid: false };
  // `123 Main Street`: the address every form shows as its example.
  return { valid: true, synthetic: /^(?:123|1234|0+)\s+(?:main|any|elm|example|fake|sample)\b/i.test(value) };
}

const NAME_WORD = /^[A-Z][A-Za-z'.-]*$|^[A-Z][A-Z'.-]+$/;
/** Words that make a "name" an organisation's, a role's or a placeholder's. */
const NOT_NAME_WORDS = new Set([
  'clinic', 'hospital', 'health', 'healthcare', 'medical', 'medicine', 'center', 'centre', 'care', 'inc', 'llc', 'ltd',
  'corp', 'group', 'department', 'dept', 'pharmacy', 'lab', 'labs', 'laboratory', 'practice', 'associates', 'services',
  'service', 'university', 'college', 'school', 'system', 'systems', 'admin', 'administrator', 'user', 'patient', 'unknown',
  'anonymous', 'none', 'null', 'undefined', 'na', 'n/a', 'nobody', 'doe', 'john doe', 'jane doe', 'foo', 'bar', 'baz',
  'default', 'new', 'untitled', 'team', 'office', 'api', 'app', 'bot', 'insurance', 'plan', 'blue', 'cross', 'shield',
  'county', 'city', 'state', 'general', 'memorial', 'regional', 'community', 'family', 'street', 'road', 'avenue',
]);

/** The names every example uses (John Doe, Jane Smith, Alice and Bob, Max Mustermann). */
const PLACEHOLDER_NAME_WORDS = new Set([
  'john', 'jane', 'joe', 'doe', 'roe', 'smith', 'richard', 'alice', 'bob', 'carol', 'eve', 'mallory', 'max', 'mustermann',
  'erika', 'musterfrau', 'test', 'tester', 'sample', 'user', 'patient', 'demo', 'mr', 'mrs', 'ms', 'dr', 'q', 'public',
]);

/** `Doe`, `Jane Smith`, `Alice`: every word one the examples use for a person. */
export function isPlaceholderName(raw: string): boolean {
  const words = raw.replace(/[\^,]+/g, ' ').trim().split(/\s+/);
  return words.length <= 4 && words.every((word) => PLACEHOLDER_NAME_WORDS.has(word.toLowerCase().replace(/\.$/, '')));
}

/** A person's name as a record holds it: one to four capitalised words, no digits (Synthea adds digits). */
function checkPersonName(raw: string, key?: string): IdentifierCheck {
  const value = raw.replace(/\^+/g, ' ').replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
  const words = value.split(' ');
  if (words.length > 4 || !words.every((word) => NAME_WORD.test(word) || /^[a-z]+$/.test(word))) return { valid: false };
  // Before the other checks: `Doe, Jane` and `john doe` are a person's name, and a made-up one
  // (a record holding one is made up as a whole), not a word that is no name.
  if (words.every((word) => PLACEHOLDER_NAME_WORDS.has(word.toLowerCase().replace(/\.$/, '')))) return { valid: true, synthetic: true };
  if (!words.every((word) => NAME_WORD.test(word))) return { valid: false };
  if (words.some((word) => NOT_NAME_WORDS.has(word.toLowerCase().replace(/\.$/, '')))) return { valid: false };
  if (words.every((word) => word.replace(/\./g, '').length <= 1)) return { valid: false };
  // A bare `name` holds a whole name: one word there is a label as often as a person.
  const keyParts = key ? keyWords(key) : [];
  const partKey = keyParts.some((word) => /^(?:given|family|first|last|surname|forename|middle|maiden|firstname|lastname|givenname|familyname|middlename)$/.test(word)) || /^(?:PID|NK1)-/i.test(key ?? '');
  if (!partKey && words.length < 2) return { valid: false };
  return { valid: true };
}

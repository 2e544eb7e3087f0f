// Validation of identifier values: a value is an identifier of its kind only when the issuer's
// rules allow it (SSN area/group/serial, NANP phone numbers, the NHS number's check digit, the
// Medicare MBI's character positions). Values that are documented examples or reserved ranges
// are synthetic: `syntheticReason` says so, and the fixes write such values.

export interface IdentifierCheck {
  /** The value has the element's shape and passes its validation. */
  valid: boolean;
  /** A documented example, a reserved range or a placeholder: not a person's. */
  synthetic?: boolean;
}

const DASHED_SSN = /^(\d{3})-(\d{2})-(\d{4})$/;
const LOOSE_SSN = /^(\d{3})[ -]?(\d{2})[ -]?(\d{4})$/;

/** SSNs published as examples (the Woolworth wallet card, 123-45-6789, 219-09-9999 from SSA ads). */
const EXAMPLE_SSNS = new Set(['123456789', '078051120', '219099999', '111223333']);

/**
 * `dashedOnly`: a bare literal counts only in the `123-45-6789` shape; under an SSN key, nine
 * digits or spaces do too.
 */
export function checkSsn(value: string, dashedOnly: boolean): IdentifierCheck {
  const match = (dashedOnly ? DASHED_SSN : LOOSE_SSN).exec(value.trim());
  if (!match) return { valid: false };
  const [, area, group, serial] = match;
  // SSA never issues area 000, 666 or 900-999, group 00 or serial 0000.
  if (area === '000' || area === '666' || area[0] === '9' || group === '00' || serial === '0000') return { valid: false };
  const digits = area + group + serial;
  if (EXAMPLE_SSNS.has(digits) || /^(\d)\1{8}$/.test(digits) || countsUp(digits)) return { valid: true, synthetic: true };
  return { valid: true };
}

/** MBI characters: digits, and letters without S, L, O, I, B, Z. */
const MBI_LETTER = '[AC-HJKMNP-RT-Y]';
const MBI = new RegExp(`^[1-9]${MBI_LETTER}[AC-HJKMNP-RT-Y0-9]\\d(-?)${MBI_LETTER}[AC-HJKMNP-RT-Y0-9]\\d\\1${MBI_LETTER}{2}\\d{2}$`);
/** The MBI CMS publishes as its example. */
const EXAMPLE_MBIS = new Set(['1EG4TE5MK73']);

/** `dashedOnly`: a bare literal counts only in the dashed `1EG4-TE5-MK73` shape. */
export function checkMbi(value: string, dashedOnly: boolean): IdentifierCheck {
  const upper = value.trim();
  const match = MBI.exec(upper);
  if (!match) return { valid: false };
  if (dashedOnly && match[1] !== '-') return { valid: false };
  return { valid: true, synthetic: EXAMPLE_MBIS.has(upper.replace(/-/g, '')) };
}

/** NHS number: ten digits (3-3-4, spaced or dashed), the last a modulus 11 check digit. */
export function checkNhsNumber(value: string): IdentifierCheck {
  const match = /^(\d{3})[ -]?(\d{3})[ -]?(\d{4})$/.exec(value.trim());
  if (!match) return { valid: false };
  const digits = match[1] + match[2] + match[3];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  if (expected === 10 || expected !== Number(digits[9])) return { valid: false };
  // Numbers starting 9 are never issued: NHS test data uses them.
  return { valid: true, synthetic: digits[0] === '9' || /^(\d)\1{9}$/.test(digits) || countsUp(digits) };
}

const US_PHONE = /^(?:\+?1[ .-]?)?(?:\((\d{3})\)|(\d{3}))[ .-]?(\d{3})[ .-]?(\d{4})(?:\s*(?:x|ext\.?)\s*\d{1,5})?$/i;
const LOCAL_PHONE = /^(\d{3})-(\d{4})$/;

/** A North American number (10 digits, or 7 in the `555-0142` shape). */
export function checkUsPhone(value: string): IdentifierCheck {
  const text = value.trim();
  const local = LOCAL_PHONE.exec(text);
  if (local) return exchangeAndLine(local[1], local[2]);
  const match = US_PHONE.exec(text);
  if (!match) return { valid: false };
  const area = match[1] ?? match[2];
  // NANP: area codes and exchanges start 2-9; N11 codes are services.
  if (!/^[2-9]\d\d$/.test(area) || /^[2-9]11$/.test(area)) return { valid: false };
  const rest = exchangeAndLine(match[3], match[4]);
  // 555 is not a geographic area code: numbers in it are made up.
  return area === '555' && rest.valid ? { valid: true, synthetic: true } : rest;
}

function exchangeAndLine(exchange: string, line: string): IdentifierCheck {
  if (!/^[2-9]\d\d$/.test(exchange) || /^[2-9]11$/.test(exchange)) return { valid: false };
  // 555-0100 to 555-0199 are reserved for fiction, and the rest of the 555 exchange is what
  // made-up numbers use (it was never assigned to subscribers).
  if (exchange === '555') return { valid: true, synthetic: true };
  if (/^(\d)\1{6}$/.test(exchange + line)) return { valid: true, synthetic: true };
  return { valid: true };
}

const EMAIL = /^([A-Za-z0-9._%+'-]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})$/;
/** Domains reserved for documentation and tests (RFC 2606, RFC 6761) and throwaway mail. */
const SYNTHETIC_DOMAIN = /(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid|localhost|local|mailinator\.com|yopmail\.com|email\.com|domain\.com|test\.com|fake\.com|sample\.com|foo\.com|bar\.com|foobar\.com|abc\.com|xyz\.com)$/i;
/** Mailboxes of systems and teams, not persons. */
const ROLE_MAILBOX = /^(?:no-?reply|do-?not-?reply|admin|administrator|support|info|help|contact|hello|office|billing|privacy|security|webmaster|postmaster|root|team|sales|noc|it|hr|test|tester|testing|dummy|fake|user|username|someone|somebody|email|name|jdoe|john\.?doe|jane\.?doe|foo|bar|baz|foobar|abc|xyz|asdf|qwerty)$/i;

export function checkEmail(value: string): IdentifierCheck {
  const match = EMAIL.exec(value.trim());
  if (!match) return { valid: false };
  const [, local, domain] = match;
  if (SYNTHETIC_DOMAIN.test(domain) || ROLE_MAILBOX.test(local)) return { valid: true, synthetic: true };
  return { valid: true };
}

/** A calendar date: ISO (time allowed), US `MM/DD/YYYY`, day-first `DD.MM.YYYY` or HL7 `YYYYMMDD`. */
export function checkDate(value: string, compactAllowed: boolean): IdentifierCheck {
  const text = value.trim();
  let year: number;
  let month: number;
  let day: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text))) {
    [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text))) {
    const first = Number(match[1]);
    const second = Number(match[2]);
    year = Number(match[3]);
    // Month first unless that is impossible.
    [month, day] = first > 12 ? [second, first] : [first, second];
  } else if (compactAllowed && (match = /^(\d{4})(\d{2})(\d{2})(?:\d{4,6}(?:\.\d+)?)?(?:[+-]\d{4})?$/.exec(text))) {
    [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    return { valid: false };
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1870 || year > 2100) return { valid: false };
  // January 1st is what programs and people write when they have no date (and the epochs).
  const placeholder = (month === 1 && day === 1) || year < 1900;
  return { valid: true, synthetic: placeholder };
}

const US_ZIP = /^(\d{5})(?:-\d{4})?$/;

export function checkZip(value: string): IdentifierCheck {
  const match = US_ZIP.exec(value.trim());
  if (!match) return { valid: false };
  return { valid: true, synthetic: /^(\d)\1{4}$/.test(match[1]) || match[1] === '12345' };
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export function checkIpv4(value: string): IdentifierCheck {
  const match = IPV4.exec(value.trim());
  if (!match) return { valid: false };
  const octets = match.slice(1).map(Number);
  if (octets.some((octet) => octet > 255)) return { valid: false };
  const [a, b, c] = octets;
  // Loopback, unspecified and the documentation ranges (RFC 5737).
  const synthetic = a === 127 || a === 0 || (a === 192 && b === 0 && c === 2) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113);
  return { valid: true, synthetic };
}

/**
 * A record number (MRN, member, policy, account): 5 to 20 letters, digits and dashes, mostly
 * digits. Placeholders (all zeros, one digit repeated, `12345…`, counting digits, padding then
 * counting: `002345`) and padded counters (`ACCT-000059`: the first records a seed script
 * numbers) are synthetic.
 */
export function checkRecordNumber(value: string): IdentifierCheck {
  const text = value.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9-]{3,19}$/.test(text)) return { valid: false };
  const digits = text.replace(/\D/g, '');
  const alnum = text.replace(/-/g, '');
  if (digits.length < 4 || digits.length * 2 < alnum.length) return { valid: false };
  const synthetic = /^(\d)\1*$/.test(digits) || '1234567890'.startsWith(digits) || /^0*1234/.test(digits) || countsUp(digits) || significantDigitsCountUp(digits) || paddedCountFromOne(digits) || /^0{3,}[1-9]\d{0,2}$/.test(digits) || typedByPattern(digits);
  return { valid: true, synthetic };
}

/**
 * Digits typed as a pattern, not issued: a short block repeated (`123123`, `45674567`), a few
 * runs of one digit (`999000111`, `111222333`), five zeros closing it (`11200000`), or one
 * digit other than zero typed five times or more and making most of the number (`9999993`,
 * `SIMM99999999`: a test's records numbered by holding a key down; zeros are padding in issued
 * numbers).
 */
function typedByPattern(digits: string): boolean {
  if (/^(\d{2,4})\1+$/.test(digits) || /^(?:(\d)\1{2,}){2,3}$/.test(digits) || /\d0{5,}$/.test(digits)) return true;
  const run = /([1-9])\1{4,}/.exec(digits);
  return run !== null && run[0].length * 5 >= digits.length * 3;
}

/**
 * Digits that, past any zero padding, count up from first to last (`002345`, `MRN-003456`,
 * `4567`): an author typing a placeholder for the second, third, fourth sample record the way
 * `001234` is typed for the first. Issued numbers whose every significant digit counts up are
 * a handful in tens of thousands.
 */
function significantDigitsCountUp(digits: string): boolean {
  const significant = digits.replace(/^0+/, '');
  if (significant.length < 4) return false;
  for (let i = 1; i < significant.length; i++) if (Number(significant[i]) !== Number(significant[i - 1]) + 1) return false;
  return true;
}

/**
 * Zero padding, then the digits counting from one (`00123`, `0123`): the first record's number
 * padded to the field's width, the way a mocked response or a fixture numbers its only row.
 */
function paddedCountFromOne(digits: string): boolean {
  const significant = digits.replace(/^0+/, '');
  return significant.length >= 2 && significant.length < digits.length && '1234567890'.startsWith(significant);
}

/**
 * Digits typed by counting (`345678`, `23456789`): six or more in a row are how people make
 * an identifier up (a test's `VALID_NHS_NUMBER`); issued numbers almost never hold such a run.
 */
export function countsUp(digits: string): boolean {
  let run = 1;
  for (let i = 1; i < digits.length; i++) {
    run = Number(digits[i]) === Number(digits[i - 1]) + 1 ? run + 1 : 1;
    if (run >= 6) return true;
  }
  // Counting down is made up too (`987654321`), but six in a row occur in real numbers more often.
  let down = 1;
  for (let i = 1; i < digits.length; i++) {
    down = Number(digits[i]) === Number(digits[i - 1]) - 1 ? down + 1 : 1;
    if (down >= 7) return true;
  }
  return false;
}

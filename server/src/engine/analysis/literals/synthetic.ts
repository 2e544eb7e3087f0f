// Synthetic stand-ins for PHI values: the same shape (separators, length, letter case) and the
// same kind of value, from the ranges the classifier itself treats as made up (identifiers.ts),
// so *Replace with synthetic value* makes the finding go away and the fixture keeps working.

import type { LiteralElement } from './keys';

/** The synthetic value for `value`, or undefined when its shape cannot be kept. */
export function syntheticValue(element: LiteralElement, value: string, key?: string): string | undefined {
  switch (element) {
    case 'ssn':
      // 987-65-4320..4329: the SSA's range for advertisements; area 9xx is never issued.
      return replaceDigits(value, '987654320');
    case 'mbi':
      // The MBI CMS publishes as its example.
      return value.includes('-') ? '1EG4-TE5-MK73' : '1EG4TE5MK73';
    case 'nhs':
      // Numbers starting 9 are never issued; 999 999 9999 passes the check digit.
      return replaceDigits(value, '9999999999');
    case 'mrn':
    case 'member':
    case 'policy':
    case 'account':
      return value.replace(/\d/g, '0');
    case 'dob':
      return syntheticDate(value);
    case 'phone': {
      const digits = value.replace(/\D/g, '');
      // Keep the area code; 555-0100 is reserved for fiction.
      const wanted = digits.length === 7 ? '5550100' : digits.slice(0, digits.length - 7) + '5550100';
      return replaceDigits(value, wanted);
    }
    case 'email':
      return 'patient@example.org';
    case 'address':
      return '123 Example Street';
    case 'zip':
      return value.replace(/\d/g, '0');
    case 'ip':
      return '192.0.2.1';
    case 'name':
      return syntheticName(value, key !== undefined && /family|last|surname|^PID-|^NK1-/i.test(key));
  }
}

/** `value`'s digits replaced one by one with `digits`' (separators kept); undefined when the counts differ. */
function replaceDigits(value: string, digits: string): string | undefined {
  if (value.replace(/\D/g, '').length !== digits.length) return undefined;
  let next = 0;
  return value.replace(/\d/g, () => digits[next++]);
}

function syntheticDate(value: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return value.replace(/^\d{4}-\d{2}-\d{2}/, '1970-01-01');
  const us = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(value);
  if (us) return `01${us[2]}01${us[2]}1970`;
  if (/^\d{8}/.test(value)) return value.replace(/^\d{8}/, '19700101');
  return undefined;
}

const SYNTHETIC_WORDS = ['Jane123', 'Doe456', 'Lee789', 'Roe012'];

/**
 * Whether a value is one the fixes write. A record with such a value is not thereby made up:
 * replacing one real value must leave the record's other real values reported.
 */
export function isFixOutput(value: string): boolean {
  const text = value.trim();
  const digits = text.replace(/\D/g, '');
  if (/^[\d -]+$/.test(text) && (digits === '987654320' || digits === '9999999999' || /^0+$/.test(digits))) return true;
  if (/^[\d()+. -]+$/.test(text) && digits.endsWith('5550100')) return true;
  if (/^[A-Za-z]?0+$/.test(text) || text === 'patient@example.org' || text === '123 Example Street' || text === '192.0.2.1') return true;
  const words = text.split(/[ ^]+/);
  return words.every((word) => SYNTHETIC_WORDS.includes(word) || SYNTHETIC_WORDS.map((w) => w.toUpperCase()).includes(word));
}

/** Synthea-style: as many words as the name had, each with digits (a family name starts `Doe456`); HL7 `^` separators kept. */
function syntheticName(value: string, familyName: boolean): string {
  const separator = value.includes('^') ? '^' : ' ';
  const words = value.split(separator);
  let index = familyName ? 1 : 0;
  const replaced = words.map((word) => {
    if (!word.trim()) return word;
    const synthetic = SYNTHETIC_WORDS[index++ % SYNTHETIC_WORDS.length];
    return word === word.toUpperCase() && word.length > 1 ? synthetic.toUpperCase() : synthetic;
  });
  return replaced.join(separator);
}

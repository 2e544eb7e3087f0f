// Variables named for a member of staff's data (`providerEmails`): what they hold is staff data.

import { STAFF_WORDS } from '../../catalogues/phi-elements';
import { tokenize } from '../phi/identifiers';
import type { Taint } from './taint';

/**
 * `const practitionersEmails = await getEmailsFromGroup(group)`: a variable its author named for a
 * member of staff's element (`clinicianPhone`, `providerEmails`) holds staff contact data, whatever
 * helper filled it; that element is dropped from what it holds (a whole record stays).
 */
export function withoutStaffElement(taint: Taint, name: string): Taint | undefined {
  if (taint.record) return taint;
  const tokens = tokenize(name);
  const staffAt = tokens.findIndex((token) => STAFF_WORDS.has(token) || STAFF_WORDS.has(token.replace(/s$/, '')));
  if (staffAt < 0) return taint;
  const named = new Set(tokens.slice(staffAt + 1).flatMap((token) => [token, token.replace(/e?s$/, '')]));
  const elements = taint.elements.filter((element) => !(named.has(element.element) || element.element.split('_').every((word) => named.has(word))));
  if (elements.length === taint.elements.length) return taint;
  return elements.length ? { ...taint, elements } : undefined;
}

// A call to a helper that texts or e-mails an account-security message (a one-time code, a
// verification, a password reset) given only the person's phone number or e-mail address: the
// messaging service learns the address it delivers to and a code, nothing of anyone's health or
// care (docs/rules/phi-to-third-party.md, "What stays quiet"; recipient-only.ts is the same
// judgement for a send written in the function itself). The helper's name says what it sends;
// a name that also speaks of care (`sendAppointmentCode`), another argument carrying PHI (the
// patient's name for the greeting), or a record passed whole keeps the call reported.

import type { PhiElementRef } from '../../model/types';
import { VENDORS } from '../../catalogues/vendors';
import { tokenize } from '../phi/identifiers';
import { ADDRESS_ELEMENTS, CARE_WORDS } from './recipient-only';

/** Tokens of a helper's name that say it sends an account-security message. */
const SECURITY_MESSAGE_TOKENS = new Set(['otp', 'otps', 'totp', 'passcode', 'verification', 'verify', 'password', 'reset', 'mfa', 'twofa', 'magic', 'login', 'signin']);

/** The helper's names (as called, as declared) say it sends a security code, and none speaks of care. */
export function namesSecurityMessage(names: readonly string[]): boolean {
  const tokens = names.flatMap((name) => tokenize(name));
  return tokens.some((token) => SECURITY_MESSAGE_TOKENS.has(token)) && !tokens.some((token) => CARE_WORDS.has(token));
}

/** Every element is a phone number or an e-mail address, and no whole record. */
export function onlyAddressElements(elements: readonly PhiElementRef[], record: boolean | undefined): boolean {
  return !record && elements.length > 0 && elements.every((element) => ADDRESS_ELEMENTS.has(element.element));
}

/** A sink effect's vendor (`Twilio: messages.create`) is a messaging service of the catalogue. */
export function isMessagingSink(sink: string): boolean {
  const vendor = sink.split(':')[0].trim().toLowerCase();
  return VENDORS.some((entry) => entry.kind === 'messaging' && entry.name.toLowerCase() === vendor);
}

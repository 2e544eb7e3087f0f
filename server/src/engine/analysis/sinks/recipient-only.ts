// A text or an e-mail whose only PHI is the address it is delivered to (docs/rules/phi-to-third-party.md,
// "What stays quiet"): `client.messages.create({ body: \`${clinicName}: your code is ${code}\`, from,
// to: toE164(patientPhone) })`. A messaging service cannot deliver without the number or the address;
// a body of fixed words, a one-time code, a link or the clinic's name tells it nothing about anyone's
// health or care. So a messaging call stays quiet when every PHI value it carries sits under a
// recipient key (`to`, `cc`, `PhoneNumber`, `Destination.ToAddresses`, Python's `to=`) and is only a
// phone number or an e-mail address (or, in a helper, the parameter it delivers to), and the fixed
// words of its message (written in the call, or in the one variable of the function it is built in)
// speak of no care: `'Your visit is confirmed.'` to a patient's phone tells the service that this
// person has a visit, and stays reported. A patient's name or anything clinical in the body, a
// name given with the address (`to: { email, name }`), a whole record under `to`, or a body the
// function is given as a parameter (its callers write it) keeps the call reported.

import type { Argument, CallFact, Expr, FileFacts } from '../../model/facts';
import { SUMMARY_MARKER } from '../../model/types';
import { enclosingFunctions } from '../../model/facts-index';
import { tokenize } from '../phi/identifiers';
import type { TaintOf } from './message-parts';

const MAX_DEPTH = 8;

/** Tokens of a key that names where a message goes. */
const RECIPIENT_TOKENS = new Set(['to', 'cc', 'bcc', 'recipient', 'recipients', 'destination', 'destinations', 'phone', 'number', 'numbers', 'email', 'emails', 'address', 'addresses', 'mobile']);

/** The elements that are a delivery address: what a messaging service needs to deliver. */
export const ADDRESS_ELEMENTS = new Set(['phone', 'email']);

/** Words of a message that speak of someone's care: a visit, a result, a prescription. */
export const CARE_WORDS = new Set([
  'appointment', 'appointments', 'visit', 'visits', 'reminder', 'reminders', 'provider', 'doctor', 'physician', 'dr', 'nurse', 'therapist', 'therapy',
  'prescription', 'prescriptions', 'medication', 'medications', 'refill', 'pharmacy', 'result', 'results', 'lab', 'labs', 'test',
  'tests', 'diagnosis', 'treatment', 'surgery', 'procedure', 'referral', 'vaccine', 'vaccination', 'dose', 'scan', 'biopsy',
  'claim', 'bill', 'invoice', 'balance', 'payment', 'admission', 'discharge', 'consultation', 'counseling', 'clinical',
]);

/**
 * Every PHI value of a messaging call's arguments is a phone number or an e-mail address under a
 * recipient key, and the message's fixed words speak of no care.
 */
export function onlyRecipientAddresses(fact: CallFact, facts: FileFacts, args: readonly Argument[], taintOf: TaintOf): boolean {
  if (!onlyAddressesCarryPhi(args, taintOf)) return false;
  const words: string[] = [];
  const unread: string[] = [];
  for (const arg of args) if (!arg.name || !namesRecipient(arg.name)) messageWords(arg.value, fact, facts, { words, unread }, 0, true);
  // A body the function is given (`sendViaTwilio(phoneNumber, message)`) is written by its callers: unread here, it stays reported.
  if (unread.length) return false;
  return !words.some((word) => tokenize(word).some((token) => CARE_WORDS.has(token)));
}

function onlyAddressesCarryPhi(args: readonly Argument[], taintOf: TaintOf): boolean {
  let addresses = 0;
  for (const arg of args) {
    if (arg.spread) return false;
    const verdict = arg.name ? keyed(arg.name, arg.value, taintOf, 0) : unkeyed(arg.value, taintOf, 0);
    if (verdict === 'content') return false;
    if (verdict === 'address') addresses++;
  }
  return addresses > 0;
}

type Verdict = 'clean' | 'address' | 'content';

/** A value given under `key`: an address where the key names a recipient, else judged as content. */
function keyed(key: string, value: Expr, taintOf: TaintOf, depth: number): Verdict {
  if (namesRecipient(key)) {
    const taint = taintOf(value);
    if (!taint) return 'clean';
    // A helper's parameter (a summary marker) under `to` is the address its callers give.
    return !taint.record && taint.elements.length > 0 && taint.elements.every((element) => ADDRESS_ELEMENTS.has(element.element) || element.element.startsWith(SUMMARY_MARKER)) ? 'address' : 'content';
  }
  return unkeyed(value, taintOf, depth);
}

/** A value under no recipient key: its object literals are opened, any other PHI is content. */
function unkeyed(value: Expr, taintOf: TaintOf, depth: number): Verdict {
  if (value.kind === 'object' && depth <= MAX_DEPTH) {
    let found: Verdict = 'clean';
    for (const entry of value.entries) {
      if (entry.spread || entry.key === undefined) {
        if (taintOf(entry.value)) return 'content';
        continue;
      }
      const verdict = keyed(entry.key, entry.value, taintOf, depth + 1);
      if (verdict === 'content') return 'content';
      if (verdict === 'address') found = 'address';
    }
    return found;
  }
  return taintOf(value) ? 'content' : 'clean';
}

function namesRecipient(key: string): boolean {
  const tokens = tokenize(key);
  return tokens.length > 0 && tokens.every((token) => RECIPIENT_TOKENS.has(token));
}

interface MessageText {
  words: string[];
  /** Names the message is given whose text the function does not write (its parameters). */
  unread: string[];
}

/** The fixed words of a message: its literal text, and that of the variable of the function it is built in (one step). */
function messageWords(expr: Expr, fact: CallFact, facts: FileFacts, text: MessageText, depth: number, followNames: boolean): void {
  const { words } = text;
  if (depth > MAX_DEPTH) return;
  const next = depth + 1;
  switch (expr.kind) {
    case 'string':
      words.push(expr.value);
      return;
    case 'template':
      for (const part of expr.parts) {
        if ('text' in part) words.push(part.text);
        // A value set in a sentence (`Open ${link}`) is not the body: its words are the sentence's.
        else messageWords(part.expr, fact, facts, text, next, false);
      }
      return;
    case 'binary':
      messageWords(expr.left, fact, facts, text, next, followNames);
      messageWords(expr.right, fact, facts, text, next, followNames);
      return;
    case 'object':
      for (const entry of expr.entries) if (!entry.key || !namesRecipient(entry.key)) messageWords(entry.value, fact, facts, text, next, followNames);
      return;
    case 'name':
      if (!followNames) return;
      let built = false;
      for (const binding of facts.bindings) {
        if (binding.scopeId !== fact.scopeId || binding.name !== expr.name || binding.kind !== 'assign') continue;
        built = true;
        messageWords(binding.value, fact, facts, text, next, false);
      }
      if (!built && isParameterOf(facts, fact.scopeId, expr.name)) text.unread.push(expr.name);
      return;
    case 'other':
      for (const child of expr.children) messageWords(child, fact, facts, text, next, followNames);
      return;
    default:
      return;
  }
}

/** `name` is a parameter of the function the call is in. */
function isParameterOf(facts: FileFacts, scopeId: number, name: string): boolean {
  return enclosingFunctions(facts, scopeId).some((scope) => scope.params.some((param) => param.name === name));
}

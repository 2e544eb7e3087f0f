// The framework's request object as a project types it to carry the signed-in caller
// (`PatientAuthenticatedRequest`, `AuthRequest`, `SessionRequest`): every handler behind the
// sign-in takes one, so its name says who is calling, not which record the handler serves. A
// request body's schema (`CreatePatientRequest`, `PriorAuthorizationRequest`) names no sign-in.

import { tokenize } from '../phi/identifiers';

/** Words of a request typed as signed in (not `authorization`: a prior authorization is a patient's care). */
const SIGNED_IN_WORDS = new Set(['authenticated', 'auth', 'authed', 'session', 'signed', 'logged']);
const REQUEST_WORDS = new Set(['request', 'req']);

/**
 * Words that may stand beside the signed-in word: who signs in, or the framework. Any other word
 * makes it a body's schema (`TherapySessionRequest`, `PriorAuthRequest` are a patient's care).
 */
const CALLER_WORDS = new Set(['patient', 'user', 'admin', 'staff', 'doctor', 'provider', 'clinician', 'client', 'member', 'current', 'custom', 'typed', 'express', 'api', 'app', 'http']);

export function isCallerRequestType(name: string): boolean {
  const tokens = tokenize(name);
  if (tokens.length < 2 || !REQUEST_WORDS.has(tokens[tokens.length - 1])) return false;
  const words = tokens.slice(0, -1);
  return words.some((token) => SIGNED_IN_WORDS.has(token)) && words.every((token) => SIGNED_IN_WORDS.has(token) || CALLER_WORDS.has(token));
}

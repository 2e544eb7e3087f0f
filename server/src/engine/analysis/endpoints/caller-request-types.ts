// The framework's request object as a project types it to carry the signed-in caller
// (`PatientAuthenticatedRequest`, `AuthRequest`, `SessionRequest`): every handler behind the
// sign-in takes one, so its name says who is calling, not which record the handler serves. A
// request body's schema (`CreatePatientRequest`, `PriorAuthorizationRequest`) names no sign-in.

import { tokenize } from '../phi/identifiers';

/** Words of a request typed as signed in (not `authorization`: a prior authorization is a patient's care). */
const SIGNED_IN_WORDS = new Set(['authenticated', 'auth', 'authed', 'session', 'signed', 'logged']);
const REQUEST_WORDS = new Set(['request', 'req']);

export function isCallerRequestType(name: string): boolean {
  const tokens = tokenize(name);
  return tokens.length > 1 && REQUEST_WORDS.has(tokens[tokens.length - 1]) && tokens.slice(0, -1).some((token) => SIGNED_IN_WORDS.has(token));
}

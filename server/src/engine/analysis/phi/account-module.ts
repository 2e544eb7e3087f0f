// Modules about the application's own accounts (sign-in, passwords, MFA, invitations): the
// `user` they handle is the account holder, a member of the workforce in an EHR back end, and
// the e-mail or phone they read off it is a credential, not a patient's contact data
// (docs/rules/phi-in-log.md, "What stays quiet").

import { ACCOUNT_HOLDER_WORDS, ACCOUNT_MODULE_WORDS, STAFF_WORDS } from '../../catalogues/phi-elements';
import type { Expr } from '../../model/facts';
import { tokenize } from './identifiers';

/**
 * `auth.service.ts`, `users/views.py`, `mfa.ts`: the file's name or its folder's is about accounts;
 * not a patient portal's (`portal/auth.service.ts`, `patient_accounts.py`), whose accounts are patients.
 */
export function isAccountModule(filePath: string): boolean {
  const parts = filePath.replace(/\\/g, '/').split('/');
  const stem = (parts.at(-1) ?? '').replace(/\..*$/, '');
  const tokens = [...tokenize(stem), ...tokenize(parts.at(-2) ?? '')];
  return tokens.some((token) => ACCOUNT_MODULE_WORDS.has(token)) && !tokens.some((token) => PATIENT_SIDE_WORDS.has(token));
}

/** `portal/auth.service.ts`, `portalAuth.service.ts`, `patient_accounts.py`: a module on the patient's side. */
export function isPatientSideModule(filePath: string): boolean {
  const parts = filePath.replace(/\\/g, '/').split('/');
  const stem = (parts.at(-1) ?? '').replace(/\..*$/, '');
  return [...tokenize(stem), ...tokenize(parts.at(-2) ?? '')].some((token) => PATIENT_SIDE_WORDS.has(token));
}

/** `user`, `current_user`, `account`: the account holder, in an account module; not `portalAccount`, `patientUser`. */
export function isAccountHolderName(name: string): boolean {
  const tokens = tokenize(name);
  return tokens.length > 0 && ACCOUNT_HOLDER_WORDS.has(tokens[tokens.length - 1]) && !tokens.some((token) => PATIENT_SIDE_WORDS.has(token));
}

/**
 * `loginStaff`, `resetPassword`, `verifyMfa`, `send2FASetupConfirmation`: a function about signing
 * in; not a portal's (`portalLogin`).
 */
export function isSignInFunctionName(name: string): boolean {
  const tokens = tokenize(name);
  const joined = tokens.join('');
  const signsIn = tokens.some((token) => SIGN_IN_WORDS.has(token)) || SIGN_IN_RUNS.some((run) => joined.includes(run));
  return signsIn && !tokens.some((token) => PATIENT_SIDE_WORDS.has(token));
}

const SIGN_IN_WORDS = new Set(['login', 'logout', 'signin', 'signup', 'password', 'passwords', 'mfa', 'otp', 'totp', 'authenticate', 'authentication']);
/**
 * Sign-in words the tokens split (`signIn` -> sign, in) or glue to a digit (`send2FASetup` ->
 * send2, fa, setup; `enable_2fa` -> enable, 2, fa): found in the joined tokens.
 */
const SIGN_IN_RUNS = ['signin', 'signup', '2fa', 'twofactor'];

/** Names that put a value on the patient's side: `portalEmail`, `patientData`, `clientUser`. */
export function isPatientSideName(name: string): boolean {
  return tokenize(name).some((token) => PATIENT_SIDE_WORDS.has(token));
}

/**
 * `adminUser`, `staff_account`, `providerUser`, `staffMember`: an account or a person qualified as
 * a member of staff, in any module.
 */
export function isStaffAccountName(name: string): boolean {
  const tokens = tokenize(name);
  const last = tokens[tokens.length - 1];
  return tokens.length > 1 && (ACCOUNT_HOLDER_WORDS.has(last) || STAFF_PERSON_WORDS.has(last)) && tokens.slice(0, -1).some((token) => STAFF_WORDS.has(token));
}

/** What names one person of a group: `member` of the staff, `person` of a provider (not a plan's `member` alone). */
const STAFF_PERSON_WORDS = new Set(['member', 'members', 'person', 'profile']);

/**
 * The account signed in to a request or a socket (`req.user`, `request.user`, `socket.user`,
 * `ctx.state.user`, `self.request.user`, a Cognito trigger's `event.request.userAttributes`): in a
 * clinical back end, a member of the workforce
 * (on a path that names the patient's side, `isPatientSidePath`, it may be a patient).
 */
export function isSignedInAccount(object: Expr): boolean {
  if (object.kind !== 'member') return false;
  // An AWS Cognito trigger's `event.request.userAttributes`: the account signing up or in.
  if (object.property === 'userAttributes') return object.object.kind === 'member' && object.object.property === 'request';
  if (!SIGNED_IN_PROPERTIES.has(object.property)) return false;
  let holder = object.object;
  // `ctx.state.user`, `self.request.user`, `this.request.user`.
  if (holder.kind === 'member' && holder.property === 'state') holder = holder.object;
  else if (holder.kind === 'member' && REQUEST_NAMES.has(holder.property)) return holder.object.kind === 'name' && (holder.object.name === 'self' || holder.object.name === 'this');
  return holder.kind === 'name' && REQUEST_NAMES.has(holder.name);
}

/** A folder or the file on the path names the patient's side (`patient-portal/`, `portal/`, `clients/`). */
export function isPatientSidePath(filePath: string): boolean {
  return filePath
    .replace(/\\/g, '/')
    .split('/')
    .some((part) => tokenize(part.replace(/\..*$/, '')).some((token) => PATIENT_SIDE_WORDS.has(token)));
}

/** What a request or a socket calls the account signed in to it. */
const SIGNED_IN_PROPERTIES = new Set(['user', 'currentUser', 'current_user', 'authUser', 'auth_user']);
/** Names of a request, a socket or a request context in handlers and middleware. */
const REQUEST_NAMES = new Set(['req', 'request', 'socket', 'ctx', 'context']);

/** What an account holds as its sign-in and contact details: an SSN or a birth date on it is still reported. */
export function isCredentialElement(element: string): boolean {
  return CREDENTIAL_ELEMENTS.has(element);
}

const CREDENTIAL_ELEMENTS = new Set(['email', 'phone', 'name', 'username']);

/** Words that put an account on the patient's side: a portal's accounts are its patients'. */
const PATIENT_SIDE_WORDS = new Set(['portal', 'patient', 'patients', 'client', 'clients', 'member', 'members', 'paciente']);

// Names are not values (docs/policy.md, "Names are not values"): a constant or an enum member that
// only *mentions* a PHI element (`FieldName.DATE_OF_BIRTH`, `NHS_NUMBER_SYSTEM`), authorization
// claims (`request.claims`, `claims.sub`), and values already cut to their last few characters
// (`ssn[-4:]`, `phone.slice(-4)`) carry no patient data. The flow analysis asks these questions
// before it reads PHI into a name; they look at names and the shape of expressions only.

import { calleePath } from '../../model/expressions';
import type { CallExpr, Expr } from '../../model/facts';
import { ACTION_VERBS, AUTHORIZATION_SOURCE_WORDS, JWT_CLAIM_NAMES } from '../../catalogues/phi-elements';
import { tokenize } from './identifiers';

/** `NHS_NUMBER_SYSTEM`, `DATE_OF_BIRTH`: an upper-case name of two or more words is a constant, not a variable. */
const CONSTANT_NAME = /^_*[A-Z][A-Z0-9]*(?:_+[A-Z0-9]+)+_*$/;
/** `FieldName`, `SearchParam`: a type-like name (an enum, a class, an `as const` object). */
const TYPE_LIKE_NAME = /^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)*$/;

export function isConstantName(name: string | undefined): boolean {
  return !!name && CONSTANT_NAME.test(name);
}

/**
 * `FieldName.DATE_OF_BIRTH`, `Urls.NHS_NUMBER`, `settings.ADMIN_EMAIL`, `FIELD_NAMES.dob`,
 * `FieldName.DateOfBirth` (a TypeScript enum member): a constant's name, not a patient's value.
 * The caller has checked that the object carries no PHI of its own.
 */
export function isConstantMember(object: Expr, property: string, isRecordName: (name: string) => boolean): boolean {
  if (isConstantName(property)) return true;
  if (object.kind !== 'name') return false;
  if (isConstantName(object.name)) return true;
  // `ServiceMode['in-person']`: a key no identifier could be is an enum's or a table's entry.
  return TYPE_LIKE_NAME.test(object.name) && (/^[A-Z]/.test(property) || /[^\w$]/.test(property)) && !isRecordName(object.name);
}

/**
 * `{ dateOfBirth: 'dob', email: 'E-mail' } as const`: an object literal of string literals only, a
 * table of field names or labels; reading one of its members gives a name, not a value.
 */
export function isTableOfStrings(value: Expr | undefined): boolean {
  let current = value;
  // `as const`, `satisfies T`, parentheses.
  while (current?.kind === 'other' && current.children.length === 1) current = current.children[0];
  return current?.kind === 'object' && current.entries.length > 0 && current.entries.every((entry) => !entry.spread && entry.value.kind === 'string');
}

/** Whether an expression is read from an authorization source: a token, a request, a session, a JWT. */
export function isAuthorizationSource(expr: Expr, depth = 0): boolean {
  if (depth > 8) return false;
  switch (expr.kind) {
    case 'name':
      return hasAuthorizationWord(expr.name);
    case 'member':
      return hasAuthorizationWord(expr.property) || isAuthorizationSource(expr.object, depth + 1);
    case 'index':
      return isAuthorizationSource(expr.object, depth + 1);
    case 'call': {
      const path = calleePath(expr.callee) ?? [];
      // `jwt.verify(token)`, `jwt_decode(token)`, `auth.verifyIdToken(idToken)`, `get_jwt()`.
      return path.some((segment) => hasAuthorizationWord(segment) || /verify|decode/i.test(segment)) || (expr.callee.kind === 'member' && isAuthorizationSource(expr.callee.object, depth + 1));
    }
    case 'other':
      return expr.children.length > 0 && expr.children.every((child) => isAuthorizationSource(child, depth + 1));
    default:
      return false;
  }
}

function hasAuthorizationWord(name: string): boolean {
  return tokenize(name).some((token) => AUTHORIZATION_SOURCE_WORDS.has(token));
}

/** `ensureEncounterCanReceiveDiagnosis`, `validate_ssn`: a function named for an action or a check, not a getter. */
export function isActionName(name: string): boolean {
  const first = tokenize(name)[0];
  return first !== undefined && ACTION_VERBS.has(first);
}

/** `claims.sub`, `tokenClaims.roles`: a registered JWT claim. */
export function isJwtClaimName(property: string): boolean {
  return JWT_CLAIM_NAMES.has(property);
}

const LAST_FEW = /^-\s*[1-4]$/;
const LENGTH_MINUS_FEW = /\.length\s*-\s*[1-4]$|^len\(.*\)\s*-\s*[1-4]$/;
const PYTHON_LAST_FEW_SLICE = /^(?:-\s*[1-4]|len\(.*\)\s*-\s*[1-4])\s*:\s*$/;

/** `phone.slice(-4)`, `ssn.substring(ssn.length - 4)`, `ssn.substr(-4)`: the last few characters only. */
export function isLastFewCharactersCall(call: CallExpr, sourceOf: (expr: Expr) => string): boolean {
  if (call.callee.kind !== 'member' || !['slice', 'substr', 'substring'].includes(call.callee.property)) return false;
  if (call.args.length !== 1) return false;
  const start = sourceOf(call.args[0].value).trim();
  return LAST_FEW.test(start) || LENGTH_MINUS_FEW.test(start);
}

/**
 * `ssn.replace(/\d(?=\d{4})/g, '*')`, `phone.replaceAll(/\d/g, 'X')`, Python `re.sub(r"\d(?=\d{4})", "*", ssn)`:
 * digits replaced by a mask character.
 */
export function isMaskingReplace(call: CallExpr, sourceOf: (expr: Expr) => string): boolean {
  if (call.callee.kind !== 'member') return false;
  const { property, object } = call.callee;
  const isPythonSub = property === 'sub' && object.kind === 'name' && object.name === 're' && call.args.length >= 3;
  if (!isPythonSub && !(['replace', 'replaceAll'].includes(property) && call.args.length === 2)) return false;
  const replacement = call.args[1].value;
  if (replacement.kind !== 'string') return false;
  if (/^[*xX•#]+$/.test(replacement.value) && /\\d|\[0-9/.test(sourceOf(call.args[0].value))) return true;
  return keepsGroupsAroundMask(replacement.value);
}

/** `$1`, `$<user>`, `\\1`, `\\g<1>`: a capture group put back into a replacement. */
const GROUP_REFERENCE = /\$\d+|\$<\w+>|\\\d+|\\g<\w+>/g;
/** A run of mask characters long enough to stand for hidden text. */
const MASK_RUN = /\*{2,}|•{2,}|#{3,}|x{3,}|X{3,}/;

/**
 * `email.replace(/(.{2})(.*)(@.*)/, '$1***$3')`, `re.sub(r"(\d{3})\d+", r"\1****", phone)`: some
 * captured characters kept and the rest written as a mask. A replacement made only of group
 * references, punctuation and a run of mask characters drops whatever its groups did not capture.
 */
function keepsGroupsAroundMask(replacement: string): boolean {
  if (!GROUP_REFERENCE.test(replacement)) return false;
  GROUP_REFERENCE.lastIndex = 0;
  const rest = replacement.replace(GROUP_REFERENCE, '');
  return MASK_RUN.test(rest) && !/[A-Za-z0-9]/.test(rest.replace(MASK_RUN, ''));
}

const FIRST_FEW = /^0\s*,\s*[1-4]$/;

/**
 * `${phone.substring(0, 4)}****`, `email.slice(0, 2) + '***'`: the first few characters of a value
 * written in front of a mask. `nextText` is the text that follows the call.
 */
export function isMaskedPrefix(expr: Expr, nextText: string | undefined, sourceOf: (expr: Expr) => string): boolean {
  if (nextText === undefined || !new RegExp(`^(?:${MASK_RUN.source})`).test(nextText)) return false;
  if (expr.kind !== 'call' || expr.callee.kind !== 'member' || !['slice', 'substr', 'substring'].includes(expr.callee.property)) return false;
  if (expr.args.length !== 2) return false;
  return FIRST_FEW.test(expr.args.map((arg) => sourceOf(arg.value).trim()).join(','));
}

/** Python `ssn[-4:]`, `phone[len(phone) - 4:]`: the index's source text is a slice of the last few characters. */
export function isLastFewCharactersSlice(indexSource: string): boolean {
  return PYTHON_LAST_FEW_SLICE.test(indexSource.trim());
}

/** Vocabularies that name kinds of tests and observations (LOINC), not anyone's results. */
const TEST_VOCABULARY_TOKENS = new Set(['loinc']);

/**
 * `labResult.loincCodeAndDisplay`, `observation.loinc_code`: the code of the test a result is for,
 * from a public table of kinds of tests (like a CPT code of a procedure), not the result itself.
 */
export function namesTestVocabularyCode(property: string): boolean {
  return tokenize(property).some((token) => TEST_VOCABULARY_TOKENS.has(token));
}

/** What an order or a document is numbered by: a number of the paperwork, not of a person. */
const PAPERWORK_TOKENS = new Set([
  'order', 'requisition', 'document', 'doc', 'page', 'batch', 'version', 'confirmation', 'tracking', 'transaction',
  'request', 'job', 'task', 'line', 'sequence', 'revision',
]);

/**
 * `labResult.orderNumber`, `result.documentId`: a field of a clinical value that numbers its
 * paperwork (the order it was placed under, the document it was filed in), not a part of the value.
 */
export function namesPaperworkNumber(property: string): boolean {
  const tokens = tokenize(property);
  return tokens.length === 2 && PAPERWORK_TOKENS.has(tokens[0]) && ['number', 'num', 'no', 'id', 'ids', 'uuid', 'key'].includes(tokens[1]);
}

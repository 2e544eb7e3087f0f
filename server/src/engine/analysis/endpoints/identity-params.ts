// The caller's own identity: parameters of a FastAPI handler such as `patient_id: str =
// Depends(current_patient_id)`, and a patient portal's `session.patientId`. Such a key is the
// signed-in patient's, resolved from the session, not a request naming which patient to read.

import { calleePath } from '../../model/expressions';
import type { Expr, FileFacts, ParamFact, ScopeFact } from '../../model/facts';
import { bindingsIn, callsIn, scopeTree } from '../../model/facts-index';
import { tokenize, tokenMatches } from '../phi/identifiers';
import { pathSegments } from './resources';
import { dependencyTarget, isDependencyCall } from './controls/python-controls';

/** Words of a dependency that resolves who is calling (`current_patient_id`, `get_my_patient_id`, `auth_user`). */
const IDENTITY_WORDS = new Set(['current', 'me', 'my', 'self', 'signed', 'logged', 'authenticated', 'auth', 'session', 'token', 'requester', 'caller']);

/** The handler's parameters whose value is a dependency naming the caller's identity. */
export function identityParams(facts: FileFacts, scope: ScopeFact): Set<ParamFact> {
  const found = new Set<ParamFact>();
  if (facts.language !== 'python' || !scope.params.length) return found;
  const lastParam = scope.params[scope.params.length - 1];
  for (const { call } of callsIn(facts, scope.id)) {
    // Only a default written in the signature: the body starts after the last parameter's line.
    if (call.range.start.line > lastParam.range.end.line) continue;
    if (!isDependencyCall(call)) continue;
    const target = dependencyTarget(call);
    const name = target && (target.kind === 'name' ? target.name : target.kind === 'member' ? target.property : undefined);
    if (!name || !tokenize(name).some((token) => IDENTITY_WORDS.has(token))) continue;
    const param = paramBefore(scope.params, call.range.start);
    if (param) found.add(param);
  }
  return found;
}

/** The parameter a default at `position` belongs to: the last one starting before it on the same line. */
function paramBefore(params: readonly ParamFact[], position: { line: number; character: number }): ParamFact | undefined {
  let best: ParamFact | undefined;
  for (const param of params) {
    const start = param.range.start;
    if (start.line !== position.line || start.character > position.character) continue;
    if (!best || start.character > best.range.start.character) best = param;
  }
  return best;
}

/** Roots of the signed-in user's session object (`session.patientId`, `session.user.patientId`). */
const SESSION_ROOTS = new Set(['session', 'serverSession', 'authSession']);
/** A request and the segments under which it carries its signed-in user (`req.user`, `ctx.state.user`, `req.auth`). */
const REQUEST_ROOTS = new Set(['req', 'request', 'ctx', 'context']);
const USER_SEGMENTS = new Set(['user', 'auth', 'session', 'currentUser', 'identity', 'claims']);
/** Words of the key of a person a portal serves. */
const PERSON_KEY_WORDS = new Set(['patient', 'client', 'member']);
/**
 * The signed-in patient a portal's sign-in middleware puts on the request (`req.patient.patientId`
 * after `patientAuthenticate`). Trusted only on a route whose path names no person: a staff route
 * `/patients/:id` may load the patient it serves onto the request under the same name.
 */
const SIGNED_IN_PERSON_SEGMENTS = new Set(['patient']);

/**
 * Whether the handler's scopes read the signed-in patient's own key from the session
 * (`session.patientId`, `req.user.patientId`): a patient portal serving the caller their own record.
 */
export function readsSignedInPatientKey(facts: FileFacts, scopes: ReadonlySet<number>, routePath?: string): boolean {
  const personOnRequest = routePath !== undefined && !pathNamesPerson(routePath);
  if (readsSessionKeyIn(facts, scopes, personOnRequest)) return true;
  // `const auth = await ensurePatient()`: a function of the file that reads the session for the handler.
  return calledModuleFunctions(facts, scopes).some((helper) => {
    const helperScopes = scopeTree(facts, helper.id);
    // `return { patientId: session.patientId }` in such a function.
    return readsSessionKeyIn(facts, helperScopes, personOnRequest) || (facts.returns ?? []).some((fact) => helperScopes.has(fact.scopeId) && !!fact.value && namesSessionPatientKeyIn(fact.value, personOnRequest));
  });
}

/**
 * The module-level functions of the file called by name in `scopes` (`ensurePatient()`): what the
 * handler's evidence reads outside its own definition (evidence-memo.ts keys by their text too).
 */
export function calledModuleFunctions(facts: FileFacts, scopes: ReadonlySet<number>): ScopeFact[] {
  const found: ScopeFact[] = [];
  for (const scopeId of scopes) {
    for (const { call } of callsIn(facts, scopeId)) {
      const helper = call.callee.kind === 'name' ? moduleFunction(facts, call.callee.name) : undefined;
      if (helper && !found.includes(helper)) found.push(helper);
    }
  }
  return found;
}

function readsSessionKeyIn(facts: FileFacts, scopes: ReadonlySet<number>, personOnRequest: boolean): boolean {
  for (const scopeId of scopes) {
    for (const binding of bindingsIn(facts, scopeId)) if (namesSessionPatientKey(binding.value, 0, personOnRequest)) return true;
    for (const { call } of callsIn(facts, scopeId)) if (call.args.some((arg) => namesSessionPatientKey(arg.value, 0, personOnRequest))) return true;
  }
  return false;
}

/** A fixed segment of the route's path names a person (`/patients/:id`, `/clients/search`). */
function pathNamesPerson(routePath: string): boolean {
  return pathSegments(routePath).some((segment) => !segment.param && tokenize(segment.name).some((token) => [...PERSON_KEY_WORDS].some((word) => tokenMatches(token, word))));
}

/** A session key held directly or as a value of an object literal (`{ patientId: session.patientId }`). */
function namesSessionPatientKeyIn(expr: Expr, personOnRequest: boolean): boolean {
  return namesSessionPatientKey(expr, 0, personOnRequest) || (expr.kind === 'object' && expr.entries.some((entry) => namesSessionPatientKey(entry.value, 0, personOnRequest)));
}

/** The module-level function of the file named `name`, if there is one. */
function moduleFunction(facts: FileFacts, name: string): ScopeFact | undefined {
  let byName = moduleFunctions.get(facts);
  if (!byName) {
    byName = new Map();
    for (const scope of facts.scopes) {
      if (scope.kind === 'function' && scope.name && facts.scopes[scope.parentId ?? -1]?.kind === 'module' && !byName.has(scope.name)) byName.set(scope.name, scope);
    }
    moduleFunctions.set(facts, byName);
  }
  return byName.get(name);
}

/** Per file's facts (asked per endpoint at every keystroke). */
const moduleFunctions = new WeakMap<FileFacts, Map<string, ScopeFact>>();

function namesSessionPatientKey(expr: Expr, depth: number, personOnRequest: boolean): boolean {
  if (depth > 4) return false;
  if (expr.kind === 'other') return expr.children.some((child) => namesSessionPatientKey(child, depth + 1, personOnRequest));
  // `req.patient?.patientId || ''`: the key with a fallback.
  if (expr.kind === 'binary' && (expr.operator === '||' || expr.operator === '??')) return namesSessionPatientKey(expr.left, depth + 1, personOnRequest);
  if (expr.kind !== 'member') return false;
  const path = calleePath(expr);
  if (!path || path.length < 2) return false;
  const tokens = tokenize(path[path.length - 1]);
  if (tokens.length < 2 || tokens[tokens.length - 1] !== 'id' || !tokens.some((token) => PERSON_KEY_WORDS.has(token))) return false;
  if (SESSION_ROOTS.has(path[0])) return true;
  if (!REQUEST_ROOTS.has(path[0])) return false;
  const carriers = path.slice(1, -1);
  return carriers.some((segment) => USER_SEGMENTS.has(segment)) || (personOnRequest && carriers.length === 1 && SIGNED_IN_PERSON_SEGMENTS.has(carriers[0]));
}

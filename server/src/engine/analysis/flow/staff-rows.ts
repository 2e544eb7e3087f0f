// Rows of the application's own users and staff (docs/rules/phi-in-log.md, "What stays quiet"):
// `for (const member of await prisma.user.findMany({ where: { roles: ... } }))`,
// `const [policy, user] = await Promise.all([prisma.policy.findUnique(…), prisma.user.findUnique(…)])`,
// `admin = User.objects.filter(is_staff=True).first()`. The e-mail, phone or name read off such a
// row is a member of the workforce's, whatever the variable is called (`member` names a
// health-plan member elsewhere). A query whose text names patients (`role: 'PATIENT'`,
// `include: { client: true }`) is not one: a portal's users are its patients.

import { calleePath, innerValue } from '../../model/expressions';
import type { BindingFact, CallExpr, Expr, FileFacts, ScopeFact } from '../../model/facts';
import { functionWithin, scopeChain } from '../../model/facts-index';
import { offsetOf, sourceOf } from '../../model/text';
import { ACCOUNT_HOLDER_WORDS, STAFF_WORDS } from '../../catalogues/phi-elements';
import { isPatientSideName } from '../phi/account-module';
import { tokenize } from '../phi/identifiers';

type ResolveBinding = (name: string, scopeId: number, offset: number) => BindingFact | undefined;

/** Verbs of a method that reads rows (`findMany`, `find_one`, `filter`, `get`, `first`). */
const ROW_READING_VERBS = new Set(['find', 'get', 'filter', 'all', 'first', 'last', 'select', 'query', 'fetch', 'list', 'where', 'one', 'scalar', 'scalars', 'exclude', 'order', 'aggregate']);
/** Words after a model's name that name a way to reach it (`userRepository`, `staffModel`, `User.objects`). */
const ACCESS_WORDS = new Set(['repository', 'repo', 'model', 'models', 'objects', 'table', 'collection', 'dao', 'service', 'store', 'query']);
/** Members through which a query result's rows are read (`result.rows[0]`, `response.data.items`). */
export const RESULT_ROW_WORDS: ReadonlySet<string> = new Set(['rows', 'row', 'data', 'result', 'results', 'records', 'items', 'first']);
const MAX_STEPS = 8;

export class StaffRows {
  constructor(
    private readonly facts: FileFacts,
    private readonly resolveBinding: ResolveBinding,
  ) {}

  /** Whether `object` (what an element is read off) is a row a query on a user or staff model returned. */
  isStaffRow(object: Expr, scopeId: number): boolean {
    let current: Expr | undefined = object;
    let scope = scopeId;
    for (let i = 0; current && i < MAX_STEPS; i++) {
      if (current.kind === 'index') current = current.object;
      else if (current.kind === 'member' && RESULT_ROW_WORDS.has(current.property)) current = current.object;
      // `application.identity.email`: a part of the same person's row (their identity, profile, contact details).
      else if (current.kind === 'member' && isPersonPart(current.property)) current = current.object;
      else if (current.kind === 'other' && current.children.length === 1) current = current.children[0];
      else if (current.kind === 'call') return this.isStaffQuery(current);
      else if (current.kind === 'name') {
        const binding = this.resolveBinding(current.name, scope, offsetOf(this.facts.lineStarts, this.facts.text, current.range.start));
        // `users.map((u) => u.firstName)`: an inline callback's element is a row of the receiver.
        const element: { receiver: Expr; scopeId: number } | undefined = binding ? undefined : this.callbackReceiver(current.name, scope);
        if (element) {
          current = element.receiver;
          scope = element.scopeId;
          continue;
        }
        if (!binding || binding.kind === 'augmented' || (binding.kind === 'destructure' && binding.property)) return false;
        const part = binding.kind === 'destructure' ? this.destructuredQuery(binding) : undefined;
        if (part) return this.isStaffQuery(part);
        current = binding.value;
        scope = binding.scopeId;
      } else return false;
    }
    return false;
  }

  /**
   * The receiver whose elements an inline callback's first parameter gets (`rows.map((u) => ...)`,
   * `users.forEach(function (user) {...})`), and the scope the call is in.
   */
  private callbackReceiver(name: string, scopeId: number): { receiver: Expr; scopeId: number } | undefined {
    let owner: ScopeFact | undefined;
    for (const scope of scopeChain(this.facts, scopeId)) {
      if (scope.kind !== 'function') continue;
      const index = scope.params.findIndex((param) => param.name === name);
      if (index === 0 && !scope.params[0].destructured) owner = scope;
      if (index >= 0) break;
    }
    if (!owner || owner.parentId === undefined) return undefined;
    for (const { call, scopeId: callScope } of this.facts.calls) {
      if (call.callee.kind !== 'member' || !ELEMENT_METHODS.has(call.callee.property)) continue;
      const callback = call.args[0];
      if (!callback || callback.name || callback.spread || callback.value.kind !== 'literal') continue;
      if (functionWithin(this.facts, callScope, callback.range) === owner) return { receiver: call.callee.object, scopeId: callScope };
    }
    return undefined;
  }

  /** `const [policy, user] = await Promise.all([q1, q2])`: the query at the name's place in the pattern. */
  private destructuredQuery(binding: BindingFact): CallExpr | undefined {
    const all = innerValue(binding.value);
    if (all?.kind !== 'call' || calleePath(all.callee)?.join('.') !== 'Promise.all') return undefined;
    const list = all.args[0]?.value;
    if (list?.kind !== 'array') return undefined;
    const siblings = this.facts.bindings.filter((other) => other.value === binding.value && other.kind === 'destructure' && !other.property);
    const item = innerValue(list.items[siblings.indexOf(binding)]);
    return item?.kind === 'call' ? item : undefined;
  }

  /** `prisma.user.findMany(…)`, `User.objects.filter(…).first()`, `staffRepository.findOne(…)`. */
  private isStaffQuery(call: CallExpr): boolean {
    const path = calleePath(call.callee);
    if (!path) {
      // `User.objects.filter(…).first()`: the chain's first query names the model.
      const inner = call.callee.kind === 'member' ? innerValue(call.callee.object) : undefined;
      return inner?.kind === 'call' && readsRows(call.callee.kind === 'member' ? call.callee.property : '') && this.isStaffQuery(inner);
    }
    if (path.length === 1) return (readsStaffByName(path[0]) || queriesStaffModel(path, call)) && !isPatientSideName(sourceOf(this.facts, call.range));
    if (path.length < 2 || !readsRows(path[path.length - 1])) return false;
    if (!path.slice(0, -1).some(isStaffModelName) && !requestsStaffPath(call) && !queriesStaffModel(path, call)) return false;
    return !isPatientSideName(sourceOf(this.facts, call.range));
  }
}

/** Array methods whose inline callback gets the receiver's elements, one by one. */
const ELEMENT_METHODS = new Set(['map', 'flatMap', 'filter', 'forEach', 'find', 'some', 'every']);

/**
 * `api.get('/users')`, `axios.get(\`${base}/api/staff\`)`: a GET of the API's users or staff, by
 * the last segment of its literal path (`/api/users?role=clinician` too).
 */
function requestsStaffPath(call: CallExpr): boolean {
  const url = call.args[0]?.value;
  const text = url?.kind === 'string' ? url.value : url?.kind === 'template' ? url.parts.map((part) => ('text' in part ? part.text : '/:param')).join('') : undefined;
  if (!text) return false;
  const segments = text.split(/[?#]/)[0].split('/').filter((segment) => segment && !segment.startsWith(':'));
  const last = segments.at(-1);
  return !!last && isStaffModelName(last);
}

/** Words of a member that is a part of the person a row is about, not another record (`identity`, `profile`, `contactInfo`). */
const PERSON_PART_WORDS = new Set(['identity', 'profile', 'contact', 'contacts', 'details', 'personal', 'info', 'demographics']);

function isPersonPart(property: string): boolean {
  const tokens = tokenize(property);
  return tokens.length > 0 && tokens.every((token) => PERSON_PART_WORDS.has(token));
}

/** What a staff member's own rows are called after their role (`clinicianApplication`, `providerProfile`). */
const STAFF_RECORD_WORDS = new Set(['application', 'applications', 'profile', 'profiles', 'account', 'accounts', 'record', 'records', 'details', 'info', 'user', 'users']);
/** Words that start a lookup's key after the model (`getClinicianByEmail`, `findProviderForNpi`). */
const KEY_WORDS = new Set(['by', 'for', 'from', 'with']);

/**
 * `getClinicianApplication(appId)`, `fetchProvider(id)`, `findStaffProfileByEmail(email)`: a
 * module's own function that reads rows, named by its verb and, before any key, a member of staff
 * (and what of theirs it reads). A name that says more (`getProviderPatients`,
 * `getClinicianNotes`) may read patients' data and is not one.
 */
function readsStaffByName(name: string): boolean {
  const tokens = tokenize(name);
  if (tokens.length < 2 || !readsRows(tokens[0])) return false;
  const keyAt = tokens.findIndex((token, index) => index > 0 && KEY_WORDS.has(token));
  const model = tokens.slice(1, keyAt < 0 ? undefined : keyAt);
  const [role, ...rest] = model;
  return !!role && (STAFF_WORDS.has(role) || STAFF_WORDS.has(role.replace(/s$/, ''))) && rest.every((token) => STAFF_RECORD_WORDS.has(token));
}

function readsRows(method: string): boolean {
  return ROW_READING_VERBS.has(tokenize(method)[0] ?? '');
}

/**
 * `db.query(UserClinicAssociation)`, `session.query(User)`, `select(Staff)`: SQLAlchemy names the
 * model it reads in its first argument: one of accounts or of the workforce, or a user's
 * membership of the organisation (`UserClinicAssociation`, `UserRole`), whose name is the user's.
 */
function queriesStaffModel(path: readonly string[], call: CallExpr): boolean {
  if (!MODEL_ARGUMENT_QUERIES.has(path[path.length - 1])) return false;
  const model = innerValue(call.args[0]?.value);
  return model?.kind === 'name' && /^[A-Z]/.test(model.name) && (isStaffModelName(model.name) || isMembershipModelName(model.name));
}

/** Query functions whose first argument is the model read (SQLAlchemy). */
const MODEL_ARGUMENT_QUERIES = new Set(['query', 'select']);
/** What links an account to the organisation (`UserClinicAssociation`, `UserRole`, `AccountMembership`). */
const MEMBERSHIP_WORDS = new Set(['association', 'associations', 'membership', 'memberships', 'role', 'roles', 'clinic', 'organization', 'organisation', 'org', 'tenant', 'practice', 'link']);

function isMembershipModelName(name: string): boolean {
  const [first, ...rest] = tokenize(name);
  return !!first && ACCOUNT_HOLDER_WORDS.has(first) && rest.length > 0 && rest.every((token) => MEMBERSHIP_WORDS.has(token));
}

/** `user`, `users`, `staffMember`, `Clinician`, `userRepository`: a model of accounts or of the workforce. */
function isStaffModelName(segment: string): boolean {
  const tokens = tokenize(segment);
  while (tokens.length > 1 && ACCESS_WORDS.has(tokens[tokens.length - 1])) tokens.pop();
  const last = tokens[tokens.length - 1];
  return !!last && (ACCOUNT_HOLDER_WORDS.has(last) || STAFF_WORDS.has(last)) && !isPatientSideName(segment);
}

// Is an endpoint's audit control right (docs/rules/phi-access-mismatch.md)? The action must agree
// with the HTTP method, `data_category` and `roles` must be present, and every role must be
// permitted for the category by the policy's role map. A control the project already has (named
// in the policy's `audit` lists) is checked only on what is written at it, in its own words
// (`CREATE` is a write), and only where the endpoint touches PHI: no argument is missing. A control
// shared by a router or an app cannot name one route's action, so nothing is missing there either.

import type { ResolvedPolicy } from '../../model/policy';
import { tokenize } from '../phi/identifiers';
import { PHI_CATEGORIES, type PhiCategory } from '../../catalogues/phi-elements';
import { primaryCategory } from './resources';
import type { AuditAction, AuditArgument, EndpointFact, HttpMethod } from '../../model/endpoints';

const ACTIONS: readonly AuditAction[] = ['read', 'write', 'delete'];

const ACTION_OF: Partial<Record<HttpMethod, AuditAction>> = {
  GET: 'read', HEAD: 'read', OPTIONS: 'read', POST: 'write', PUT: 'write', PATCH: 'write', DELETE: 'delete',
};

export type AuditProblem =
  | { kind: 'action-missing'; expected: AuditAction }
  | { kind: 'action-wrong'; actual: string; expected: AuditAction; argument: AuditArgument }
  | { kind: 'category-missing'; expected: PhiCategory }
  | { kind: 'category-invalid'; actual: string; expected: PhiCategory; argument: AuditArgument }
  | { kind: 'roles-missing'; expected: string[] }
  | { kind: 'roles-not-permitted'; denied: string[]; category: string; replacement: string[]; argument: AuditArgument };

// Words by the action they mean: a project's own audit vocabulary (`action: 'CREATE'`), and the
// words of a handler's name that say what a view of any method does (`delete_note`). A word in
// none of these is the project's business (`EXPORT`, `LOGIN`): not judged.
const ACTION_WORDS: Record<AuditAction, readonly string[]> = {
  read: ['read', 'view', 'get', 'list', 'access', 'search', 'query', 'retrieve', 'fetch', 'show'],
  write: ['write', 'create', 'update', 'insert', 'modify', 'edit', 'patch', 'put', 'post', 'upsert', 'save', 'add', 'new', 'upload', 'submit', 'set'],
  delete: ['delete', 'remove', 'destroy', 'purge', 'erase'],
};

/** The action a project's own control means by `value`, if it says one. */
function actionMeant(value: string): AuditAction | undefined {
  const word = value.toLowerCase();
  return ACTIONS.find((action) => ACTION_WORDS[action].includes(word));
}

/** The actions an endpoint's methods call for; empty when any action fits (a Django view of any method). */
export function expectedActions(methods: readonly HttpMethod[]): AuditAction[] {
  const actions = methods.flatMap((method) => ACTION_OF[method] ?? []);
  return methods.includes('ANY') ? [] : [...new Set(actions)];
}

/** The action a new audit control gets: from the method, or from the handler's name for any-method views. */
export function actionFor(endpoint: EndpointFact): AuditAction {
  const expected = expectedActions(endpoint.methods);
  if (expected.length) return expected.includes('write') ? 'write' : expected.includes('delete') ? 'delete' : expected[0];
  const tokens = tokenize(endpoint.handler.name);
  if (tokens.some((t) => ACTION_WORDS.delete.includes(t))) return 'delete';
  if (tokens.some((t) => ACTION_WORDS.write.includes(t))) return 'write';
  return 'read';
}

export function categoryFor(endpoint: EndpointFact): PhiCategory {
  return primaryCategory(endpoint.categories);
}

export function rolePermits(policy: ResolvedPolicy, role: string, category: string): boolean {
  const allowed = policy.roles[role];
  return !!allowed && (allowed.includes('*') || allowed.includes(category));
}

/** The policy's roles for a category, leaving out wildcard (admin) roles unless nothing else fits. */
export function rolesFor(policy: ResolvedPolicy, category: string): string[] {
  const permitted = Object.keys(policy.roles).filter((role) => rolePermits(policy, role, category));
  const specific = permitted.filter((role) => !policy.roles[role].includes('*') && role !== 'admin');
  return specific.length ? specific : permitted;
}

export function auditProblems(endpoint: EndpointFact, policy: ResolvedPolicy): AuditProblem[] {
  const audit = endpoint.audit;
  if (!audit) return [];
  // What a project's own control audits on an endpoint without patient data is its own business.
  if (audit.existing && !endpoint.touchesPhi) return [];
  const problems: AuditProblem[] = [];
  const expected = expectedActions(endpoint.methods);
  // A control the project already has is checked only on what is written at it; so is one shared
  // by a router, a class or the app, which no one route's action could be written at.
  const checkMissing = !audit.existing && audit.level === 'endpoint';
  if (!audit.action) {
    if (checkMissing) problems.push({ kind: 'action-missing', expected: actionFor(endpoint) });
  } else if (audit.action.values) {
    const actual = audit.action.values[0] ?? '';
    const meant = audit.existing ? actionMeant(actual) : ACTIONS.includes(actual as AuditAction) ? (actual as AuditAction) : undefined;
    const judged = meant !== undefined || !audit.existing;
    if (judged && (!meant || (expected.length && !expected.includes(meant)))) {
      problems.push({ kind: 'action-wrong', actual, expected: actionFor(endpoint), argument: audit.action });
    }
  }
  let categories: string[] | undefined;
  if (!audit.dataCategory) {
    if (checkMissing) problems.push({ kind: 'category-missing', expected: categoryFor(endpoint) });
  } else if (audit.dataCategory.values) {
    const invalid = audit.dataCategory.values.find((value) => !PHI_CATEGORIES.includes(value as PhiCategory));
    if (invalid !== undefined || audit.dataCategory.values.length === 0) {
      problems.push({ kind: 'category-invalid', actual: invalid ?? '', expected: categoryFor(endpoint), argument: audit.dataCategory });
    } else categories = audit.dataCategory.values;
  }
  const category = categories?.[0] ?? categoryFor(endpoint);
  if (!audit.roles ? checkMissing : audit.roles.values?.length === 0) {
    problems.push({ kind: 'roles-missing', expected: rolesFor(policy, category) });
  } else if (audit.roles?.values) {
    const checked = categories ?? [category];
    const denied = audit.roles.values.filter((role) => !checked.every((c) => rolePermits(policy, role, c)));
    if (denied.length) {
      const kept = audit.roles.values.filter((role) => !denied.includes(role));
      const deniedCategory = checked.find((c) => denied.some((role) => !rolePermits(policy, role, c))) ?? category;
      problems.push({
        kind: 'roles-not-permitted',
        denied,
        category: deniedCategory,
        replacement: kept.length ? kept : rolesFor(policy, category),
        argument: audit.roles,
      });
    }
  }
  return problems;
}

export function describeProblem(problem: AuditProblem, methods: readonly HttpMethod[]): string {
  switch (problem.kind) {
    case 'action-missing':
      return `no \`action\` (expected "${problem.expected}")`;
    case 'action-wrong':
      return `action "${problem.actual}" does not match ${methods.join('/')} (expected "${problem.expected}")`;
    case 'category-missing':
      return `no data category (the handler touches ${problem.expected} data)`;
    case 'category-invalid':
      return `data_category "${problem.actual}" is not demographics, clinical or billing`;
    case 'roles-missing':
      return 'no `roles`';
    case 'roles-not-permitted':
      return `role${problem.denied.length > 1 ? 's' : ''} ${problem.denied.map((r) => `"${r}"`).join(', ')} not permitted for ${problem.category} data by the policy`;
  }
}

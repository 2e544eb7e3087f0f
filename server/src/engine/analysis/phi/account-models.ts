// The application's own people (docs/rules/phi-in-error.md, "What stays quiet"): a persistence
// model named for a person in general (`Person`, `User`, `Member`) whose fields make it an
// account of the app's workforce (role assignments, memberships, sign-in, staff title) and name no
// patient or clinical data. In such a workspace `person.name` is a clinic member's, not a
// patient's: a staff and volunteer hub keeps no patients in its `Person`. Read from Prisma
// schemas, names only.

import type { AccountModel, ProjectAuditContext } from '../../model/audit-context';
import { tokenize } from './identifiers';

/** Model names that say "a person" without saying whose: the fields decide. */
const GENERIC_PERSON_MODELS = new Set(['person', 'people', 'member', 'user', 'profile', 'account']);

/** Field tokens of an account in the app: its roles, memberships, sign-in, staff position. */
const ACCOUNT_FIELD_GROUPS: readonly ReadonlySet<string>[] = [
  new Set(['role', 'roles']),
  new Set(['membership', 'memberships']),
  new Set(['login', 'logins', 'password', 'signin']),
  new Set(['staff', 'volunteer', 'employee', 'shift', 'shifts']),
];

/** Field tokens that put patients or clinical data in the model: then its people may be patients. */
const PATIENT_FIELD_WORDS = new Set([
  'patient', 'patients', 'mrn', 'diagnosis', 'diagnoses', 'medication', 'medications', 'prescription', 'prescriptions',
  'allergy', 'allergies', 'encounter', 'encounters', 'insurance', 'claim', 'claims', 'chart', 'vitals', 'client', 'clients',
]);

const MODEL = /^model\s+(\w+)\s*\{([^}]*)\}/gm;
const FIELD = /^\s*(\w+)\s+(\w+)/gm;
const ENUM = /^enum\s+(\w+)\s*\{([^}]*)\}/gm;
/** Larger models are not read (no hand-written model has this many fields). */
const MAX_MODEL_CHARS = 64 * 1024;

/** The account models a Prisma schema declares. */
export function accountModelsOfPrisma(file: string, text: string): AccountModel[] {
  // An enum with a PATIENT value as a model's field type (`role Role`): some of its people are patients.
  const patientEnums = new Set<string>();
  for (const [, name, body] of text.matchAll(ENUM)) {
    if (body.length <= MAX_MODEL_CHARS && /^\s*(?:PATIENT|CLIENT)S?\b/im.test(body)) patientEnums.add(name);
  }
  const models: AccountModel[] = [];
  for (const [, name, body] of text.matchAll(MODEL)) {
    if (!GENERIC_PERSON_MODELS.has(name.toLowerCase()) || body.length > MAX_MODEL_CHARS) continue;
    const groups = new Set<number>();
    let patientData = false;
    for (const [, field, type] of body.matchAll(FIELD)) {
      const tokens = tokenize(field);
      if (tokens.some((token) => PATIENT_FIELD_WORDS.has(token)) || patientEnums.has(type) || tokenize(type).some((token) => PATIENT_FIELD_WORDS.has(token))) patientData = true;
      ACCOUNT_FIELD_GROUPS.forEach((group, index) => {
        if (tokens.some((token) => group.has(token))) groups.add(index);
      });
    }
    // Two kinds of account fields: one alone (a `role`) is common in any person table.
    if (!patientData && groups.size >= 2) models.push({ file, name: name.toLowerCase() });
  }
  return models;
}

const namesByContext = new WeakMap<ProjectAuditContext, ReadonlySet<string>>();

/** The workspace's account model names (`person`), computed once per audit context. */
export function accountModelNames(context: ProjectAuditContext | undefined): ReadonlySet<string> | undefined {
  if (!context?.accountModels?.length) return undefined;
  let names = namesByContext.get(context);
  if (!names) namesByContext.set(context, (names = new Set(context.accountModels.map((model) => model.name))));
  return names;
}

/** `person`, `r.person`, `people`, `submitter.user`: an object named for one of the workspace's account models. */
export function namesAccountModel(objectName: string, accountModels: ReadonlySet<string> | undefined): boolean {
  if (!accountModels) return false;
  const last = tokenize(objectName).at(-1);
  if (!last) return false;
  return accountModels.has(last) || (last === 'people' && accountModels.has('person')) || accountModels.has(last.replace(/s$/, ''));
}

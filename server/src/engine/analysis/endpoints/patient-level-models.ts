// Evidence judged by the models it names (docs/rules/missing-phi-access.md, "Models that hold no
// patient's data"). An endpoint touches patient-level data through a model only if that model is
// patient-level: it holds PHI fields, or it links (a foreign key, a relationship, a key column, a
// nested record) to a patient, a person or a patient's record (an appointment, an encounter, an
// invoice). `BillingScenario` (a practitioner's price for a service: a name, an amount, keys of
// the practitioner, the service and the clinic) and `AppointmentResourceRequirement` (the rooms a
// kind of visit needs) are named after billing and appointments yet hold no one's data: what
// rests only on such names (`queries BillingScenario`, `calls BillingScenarioService.delete`, the
// path `/billing-scenarios/{id}`) is set aside. A model whose fields are out of sight (a base in
// another module), or a name that is no model in sight, keeps today's judgement by its name.

import type { DataModel } from '../../model/audit-context';
import type { PhiCategory } from '../../model/types';
import { STAFF_WORDS } from '../../catalogues/phi-elements';
import type { PhiClassifier } from '../phi/classify';
import { tokenize, tokenMatches } from '../phi/identifiers';
import type { EvidenceItem } from './touches-phi';
import { namesKindsOf, resourceOfToken, resourcesOf, uniqueCategories } from './resources';
import { KEY_COLUMN_TOKENS } from './sql-tables';

/** A column that points at another table, and what it points at (`ForeignKey("users.id")`, `ForeignKey(Patient)`, `ForeignKey("app.Visit")`). */
const KEY_FIELD = /\b(ForeignKey|ForeignKeyField|OneToOneField|ManyToManyField|ReferenceField|GenericForeignKey|GenericRelation)\b\s*\(\s*(?:to\s*=\s*)?["']?([A-Za-z_][\w.]*)?/;
const RELATIONSHIP = /\brelationship\s*\(\s*(?:lambda\s*:\s*)?["']?([A-Za-z_][\w.]*)/;
/** Words that name a person a row may belong to, besides the demographic resource words. */
const PERSON_WORDS = ['client', 'person', 'user', 'guardian', 'caregiver', 'resident', 'account', 'customer'];
/** Words of a link to whoever keeps the row rather than whom it is about (`created_by_id`, `approved_by`). */
const BOOKKEEPING_LINK_WORDS = new Set(['created', 'updated', 'modified', 'deleted', 'approved', 'reviewed', 'assigned', 'by', 'owner', 'creator', 'editor']);
/** Field names of an entry's own name or description in a catalogue or a setting (`BillingScenario.name`: "member price"). */
const ENTRY_NAME_FIELDS = new Set(['name', 'title', 'label', 'display_name', 'displayName', 'description']);
/** Words around a model's name in a store, a schema or a call (`BillingScenarioService`, `get_billing_scenario_by_id`, `BillingScenarioOut`). */
const AROUND_MODEL_WORDS = new Set([
  'crud', 'service', 'services', 'repo', 'repository', 'dao', 'model', 'models', 'schema', 'schemas', 'manager', 'store', 'by', 'id',
  'ids', 'pk', 'one', 'many', 'all', 'create', 'update', 'read', 'out', 'in', 'base', 'response', 'request', 'data', 'list', 'item',
  'items', 'detail', 'details', 'dto', 'payload',
]);
/** How deep links are followed (a model's link's link's ...). */
const MAX_DEPTH = 2;

/**
 * The evidence that stands once what rests only on models holding no patient's data is set aside,
 * or undefined when nothing is set aside (the endpoint's judgement stands as it is).
 */
export function withoutNonPatientModels(items: readonly EvidenceItem[], models: readonly DataModel[], classifier: PhiClassifier): { categories: PhiCategory[]; why: string[] } | undefined {
  if (!models.length) return undefined;
  const kept = items.filter((item) => !item.subjects?.length || !item.subjects.every((subject) => namesNonPatientModel(subject, models, classifier)));
  if (kept.length === items.length) return undefined;
  const why: string[] = [];
  for (const item of kept) if (why.length < 6 && !why.includes(item.reason)) why.push(item.reason);
  return { categories: uniqueCategories(kept.flatMap((item) => item.categories)), why };
}

/** Whether a name (a model, its store or schema, a call or a path segment naming it) stands for a model in sight that holds no patient's data. */
export function namesNonPatientModel(name: string, models: readonly DataModel[], classifier: PhiClassifier): boolean {
  const definitions = modelsNamed(name, models);
  return definitions.length > 0 && definitions.every((model) => !isPatientLevel(model, models, classifier, 0));
}

/** The models in sight a name stands for: the model itself, or the one whose words it carries with store and call words around them. */
function modelsNamed(name: string, models: readonly DataModel[]): DataModel[] {
  // A class declaring no field (`class BillingScenarioService:` and its methods) is no model: its name is looked through.
  const declared = models.filter((model) => model.open || model.fields.length > 0);
  const exact = declared.filter((model) => model.name === name);
  if (exact.length) return exact;
  const tokens = tokenize(name).filter((token) => !/^\d+$/.test(token));
  if (!tokens.some((token) => resourceOfToken(token))) return [];
  return declared.filter((model) => {
    // The words around the model's own (`list` in `PatientListLanguage` is its own; in `get_patient_list` it is not).
    const own = tokenize(model.name);
    const words = tokens.filter((token) => !AROUND_MODEL_WORDS.has(token) || own.some((word) => tokenMatches(token, word)));
    return sameWords(own, words);
  });
}

/** `billing scenarios` and `BillingScenario`: the same words, plural or not. */
function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((token, index) => tokenMatches(b[index], token) || tokenMatches(token, b[index]));
}

/** Whether a model holds PHI fields or links to a patient, a person or a patient's record. Unknown fields count as patient-level. */
function isPatientLevel(model: DataModel, models: readonly DataModel[], classifier: PhiClassifier, depth: number): boolean {
  if (model.open || !model.fields.length) return true;
  const personModel = namesPerson(lastWord(model.name));
  for (const field of model.fields) {
    const key = KEY_FIELD.exec(field.text);
    if (key) {
      // A generic foreign key (`content_object`) may point at anything, a patient among them.
      if (key[1].startsWith('Generic')) return true;
      if (linksToPatient(field.name, key[2] ? targetName(key[2]) : undefined, model, models, classifier, depth)) return true;
      continue;
    }
    const related = RELATIONSHIP.exec(field.text);
    if (related) {
      if (linksToPatient(field.name, targetName(related[1]), model, models, classifier, depth)) return true;
      continue;
    }
    const tokens = tokenize(field.name);
    // A key column without a declared foreign key (`patient_id: int` in a schema).
    if (KEY_COLUMN_TOKENS.has(tokens[tokens.length - 1] ?? '') && tokens.length > 1) {
      if (linksToPatient(field.name, undefined, model, models, classifier, depth)) return true;
      continue;
    }
    // A nested record (`patient: PatientOut`, `visits: List[Visit]`).
    for (const type of field.text.match(/\b[A-Z]\w*/g) ?? []) {
      if (type !== model.name && resourcesOf(type).length > 0 && linksToPatient(field.name, type, model, models, classifier, depth)) return true;
    }
    if (ENTRY_NAME_FIELDS.has(field.name) && !personModel) continue;
    const kind = classifier.classify(field.name).kind;
    if (kind === 'element' || kind === 'record') return true;
  }
  return false;
}

/** `ForeignKey("users.id")`: the table `users`; `ForeignKey("clinic.Patient")`: the model `Patient`; `ForeignKey(Visit)`: `Visit`. */
function targetName(written: string): string {
  const parts = written.split('.');
  if (parts.length < 2) return written;
  const last = parts[parts.length - 1];
  return /^[A-Z]/.test(last) ? last : parts[parts.length - 2];
}

/**
 * Whether a field linking to `target` (a model or table name; none when only the field's name
 * says) links to a patient, a person or a patient's record. A link to the staff or to whoever
 * keeps the row (`practitioner_id`, `created_by`) is none; a link to a kind of thing
 * (`appointment_types`) is none; a link to a model in sight is one when that model is
 * patient-level; a link to a table out of sight is one when it is named after a resource.
 */
function linksToPatient(fieldName: string, target: string | undefined, model: DataModel, models: readonly DataModel[], classifier: PhiClassifier, depth: number): boolean {
  const fieldWords = tokenize(fieldName).filter((token) => !KEY_COLUMN_TOKENS.has(token));
  if (fieldWords.some((token) => STAFF_WORDS.has(token) || BOOKKEEPING_LINK_WORDS.has(token))) return false;
  if (target === 'self' || target === model.name) return false;
  const names = [fieldWords.join('_'), ...(target ? [target] : [])].filter((name) => name.length > 0);
  if (names.some((name) => tokenize(name).some(namesPerson))) return true;
  for (const name of names) {
    if (namesKindsOf(name)) continue;
    const linked = modelsNamed(name, models).filter((candidate) => candidate !== model);
    if (linked.length) {
      if (depth >= MAX_DEPTH || linked.some((candidate) => isPatientLevel(candidate, models, classifier, depth + 1))) return true;
      continue;
    }
    if (resourcesOf(name).length > 0) return true;
  }
  return false;
}

function lastWord(name: string): string {
  const tokens = tokenize(name);
  return tokens[tokens.length - 1] ?? '';
}

/** A token naming a patient or another person a row may be about (`patient`, `member`, `client`, `user`). */
function namesPerson(token: string): boolean {
  return resourceOfToken(token)?.category === 'demographics' || PERSON_WORDS.some((word) => tokenMatches(token, word));
}

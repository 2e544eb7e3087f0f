// Endpoints over lookup tables: "touches PHI" leaves out reference data (docs/rules/missing-phi-access.md,
// "Lookup tables judged by their fields"). A project's catalogue of problem names, drug names or
// allergy types is often named after the patient data it serves (`PatientProblemList`,
// `PatientPrescriptionList`, `AllergyType`); what it holds says otherwise: an id, a value or a
// name, bookkeeping columns, and no link to a patient. An endpoint every one of whose resource-named
// models is such a table, and that is not keyed to one patient, serves no patient's record.

import { calleePath } from '../../model/expressions';
import type { DataModel } from '../../model/audit-context';
import type { FileFacts } from '../../model/facts';
import { bindingsIn, callsIn, scopeTree } from '../../model/facts-index';
import type { PhiClassifier } from '../phi/classify';
import { tokenize, tokenMatches } from '../phi/identifiers';
import { readsRequestInput } from './request-inputs';
import { keyedResources, namesKindsOf, resourceOfToken, resourcesOf } from './resources';
import { keyedToPatient } from './totals-only';
import { KEY_COLUMN_TOKENS } from './sql-tables';
import { namesIn } from './touches-phi';

/** Tokens of bookkeeping columns every table has (`Id`, `IsDeleted`, `CreatedById`, `UpdatedDateTime`). */
const BOOKKEEPING_TOKENS = new Set([
  'id', 'pk', 'uuid', 'is', 'deleted', 'created', 'modified', 'updated', 'date', 'time', 'datetime', 'timestamp', 'at', 'on',
  'by', 'version', 'active', 'enabled', 'sort', 'order', 'user',
]);
/** A column that points at another table (Django, SQLAlchemy, Peewee, MongoEngine). */
const FOREIGN_KEY = /\b(ForeignKey|ForeignKeyField|OneToOneField|ManyToManyField|ReferenceField|GenericForeignKey)\b/;
const RELATIONSHIP = /\brelationship\s*\(\s*(?:lambda\s*:\s*)?["']?([A-Za-z_][\w.]*)/;
/** Words that name a person a row may belong to, besides the demographic resource words. */
const PERSON_WORDS = ['client', 'person', 'user', 'guardian', 'caregiver', 'resident'];

/**
 * Whether every definition of `name` in sight is a lookup table: fields all known, at least one
 * value column, none of them PHI, no key of another row, no foreign key, and no relation to a person
 * or nested record (a table others point at, `relationship("PatientProblem")`, is still a lookup table).
 */
export function isLookupTable(name: string, models: readonly DataModel[], classifier: PhiClassifier, depth = 0): boolean {
  const definitions = models.filter((model) => model.name === name);
  return definitions.length > 0 && definitions.every((model) => holdsOnlyReferenceValues(model, models, classifier, depth));
}

/** The model a foreign key or many-to-many field points at (`models.ManyToManyField(PatientInvestigationGroup)`, `ForeignKey("app.Group")`). */
const KEY_TARGET = /\b(?:ForeignKey|ForeignKeyField|OneToOneField|ManyToManyField)\s*\(\s*["']?([A-Za-z_][\w.]*)/;
/**
 * Field names that hold an entry's own name in a catalogue (`name`, `title`, `label`), or its
 * description (`AllergyType.description`: what the kind is; a patient's notes sit in a table that
 * points at the patient, which no lookup table does).
 */
const ENTRY_NAME_FIELDS = new Set(['name', 'title', 'label', 'display_name', 'displayName', 'description']);

function holdsOnlyReferenceValues(model: DataModel, models: readonly DataModel[], classifier: PhiClassifier, depth: number): boolean {
  if (model.open) return false;
  const own = new Set(tokenize(model.name));
  // An access-control setting may point at the person it protects: that link is its subject, not their data.
  const setting = isAccessSetting(model.name);
  let values = 0;
  for (const field of model.fields) {
    const tokens = tokenize(field.name);
    if (FOREIGN_KEY.test(field.text)) {
      if (setting) continue;
      // A catalogue grouped by another (`groups = ManyToManyField(PatientInvestigationGroup)`): a key of a lookup table is a value.
      const target = KEY_TARGET.exec(field.text)?.[1].split('.').pop();
      if (target && target !== model.name && depth < 2 && !isPersonModel(target) && isLookupTable(target, models, classifier, depth + 1)) continue;
      return false;
    }
    const related = RELATIONSHIP.exec(field.text);
    if (related) {
      // A relation to a person is a link; the rows of others that point at this one are not its content.
      if (!setting && isPersonModel(related[1].split('.').pop() ?? '')) return false;
      continue;
    }
    if (tokens.every((token) => BOOKKEEPING_TOKENS.has(token))) continue;
    // The table's own key (`AllergyTypeID` in `AllergyType`) or another row's (`PatientId`).
    if (KEY_COLUMN_TOKENS.has(tokens[tokens.length - 1])) {
      if (setting || tokens.slice(0, -1).every((token) => own.has(token) || BOOKKEEPING_TOKENS.has(token))) continue;
      return false;
    }
    // A nested record (`patient: PatientOut`, `problems: List[PatientProblem]`).
    if ((field.text.match(/\b[A-Z]\w*/g) ?? []).some((type) => type !== model.name && resourcesOf(type).length > 0)) return false;
    // A catalogue entry's own name (`PatientInvestigation.name`: "Haemoglobin", `Allergy.allergy_name`,
    // `PatientType.type_name`: the model's own words before `name`, none of them a person's); a person model's name is theirs.
    if ((ENTRY_NAME_FIELDS.has(field.name) || namesEntryByOwnWords(tokens, own)) && !isPersonModel(model.name)) {
      values++;
      continue;
    }
    const kind = classifier.classify(field.name).kind;
    if (kind === 'element' || kind === 'record' || namesPerson(field.name)) return false;
    values++;
  }
  return values > 0;
}

/** `allergy_name` in `Allergy`, `type_name` in `PatientType`: the entry's name, by the model's own words (`patient_name` is a person's). */
function namesEntryByOwnWords(tokens: readonly string[], own: ReadonlySet<string>): boolean {
  const words = tokens.slice(0, -1);
  return tokens[tokens.length - 1] === 'name' && words.length > 0 && words.every((token) => own.has(token) && !namesPerson(token));
}

/**
 * Words of a model that configures who may see what (`PatientPrivacyLevel`, `RecordPermission`,
 * `ChartVisibilitySetting`): its rows are access-control configuration, a person's key and an
 * access level, not the person's data.
 */
const ACCESS_SETTING_TOKENS = new Set(['privacy', 'permission', 'permissions', 'visibility', 'acl', 'acls']);

function isAccessSetting(name: string): boolean {
  return tokenize(name).some((token) => ACCESS_SETTING_TOKENS.has(token));
}

/** `Patient`, `PatientGuardian`, `Client`: a model of people (`PatientProblem` is a patient's problem, not a person). */
function isPersonModel(name: string): boolean {
  const tokens = tokenize(name);
  return tokens.length > 0 && namesPerson(tokens[tokens.length - 1]);
}

function namesPerson(identifier: string): boolean {
  return tokenize(identifier).some((token) => resourceOfToken(token)?.category === 'demographics' || PERSON_WORDS.some((word) => tokenMatches(token, word)));
}

/**
 * Whether the endpoint's handler (function `handlerScopeId`) serves only lookup tables: it names
 * at least one resource-named model (in its parameters' and decorators' types or its calls), each
 * is a lookup table, its path and request inputs are keyed to no person, and nothing else it calls
 * names a person.
 */
export function servesOnlyLookupTables(handlerScopeId: number, path: string, facts: FileFacts, models: readonly DataModel[], classifier: PhiClassifier): boolean {
  if (!models.length) return false;
  const handler = facts.scopes[handlerScopeId];
  if (!handler || keyedToPatient(path)) return false;
  const scopes = scopeTree(facts, handlerScopeId);
  const used = new Set<string>();
  const segments: string[] = [];
  for (const param of handler.params) {
    // `patient_id: int`, `patient: Patient`: one patient's.
    const kind = classifier.classify(param.name);
    if (keyedResources(param.name).some((match) => match.category === 'demographics') || (kind.kind === 'record' && kind.category === 'demographics')) return false;
    for (const type of param.typeNames) used.add(type);
  }
  for (const decorator of handler.decorators) for (const name of namesIn(decorator.expr)) used.add(name);
  for (const scopeId of scopes) {
    for (const binding of bindingsIn(facts, scopeId)) {
      if (!readsRequestInput(binding.value)) continue;
      const read = calleePath(binding.value) ?? [];
      if ([binding.property ?? binding.name, read[read.length - 1]].some((key) => !!key && keyedResources(key).length > 0 && namesPerson(key))) return false;
    }
    for (const { call } of callsIn(facts, scopeId)) {
      for (const name of [...(calleePath(call.callee) ?? []), ...call.args.flatMap((arg) => namesIn(arg.value))]) {
        if (/^[A-Z]/.test(name)) used.add(name);
        else segments.push(name);
      }
    }
  }
  // A model named for kinds of a resource (`PatientType`, `PatientTypeCreate`) is judged like the
  // others when its fields are in sight: the flow takes `PatientTypeCreate` for a patient record.
  // One whose fields are out of sight (an envelope on another module's base) says nothing either way.
  const kindModels = [...used].filter((name) => {
    const definitions = models.filter((model) => model.name === name);
    return /^[A-Z]/.test(name) && namesKindsOf(name) && definitions.length > 0 && definitions.every((model) => !model.open);
  });
  const resourceModels = [...used].filter((name) => /^[A-Z]/.test(name) && resourcesOf(name).length > 0).concat(kindModels);
  const lookups = resourceModels.filter((name) => isLookupTable(name, models, classifier));
  if (!resourceModels.length || !resourceModels.every((name) => lookups.includes(name) || wrapsLookupTable(name, lookups, models))) return false;
  // `crud_allergy_type.get_allergy_type_by_id`: the table's own store; `crud_patient.get_patient`: a person's.
  const modelTokens = new Set(resourceModels.flatMap((name) => tokenize(name)));
  return !segments.some((segment) => namesAnotherPerson(segment, modelTokens));
}

/** Words of a response wrapper around a model's rows (`AllergySingleEnvelope`, `PatientTypeListResponse`). */
const WRAPPER_TOKENS = new Set(['envelope', 'single', 'list', 'page', 'paged', 'paginated', 'response', 'result', 'results', 'data', 'out', 'dto', 'read', 'delete', 'create', 'update', 'item', 'items']);

/**
 * `AllergySingleEnvelope(SuccessEnvelope)` beside the lookup table `AllergyDTO`: a response wrapper
 * whose base is in another module (so its fields are out of sight), named for nothing but a
 * lookup table the handler serves and wrapper words, wraps that table's rows.
 */
function wrapsLookupTable(name: string, lookups: readonly string[], models: readonly DataModel[]): boolean {
  const definitions = models.filter((model) => model.name === name);
  if (!definitions.length || !definitions.every((model) => model.open)) return false;
  const subject = (identifier: string) => tokenize(identifier).filter((token) => !WRAPPER_TOKENS.has(token)).join(' ');
  const own = subject(name);
  return own.length > 0 && lookups.some((lookup) => subject(lookup) === own);
}

/** Tokens of a store module or a call around a model's name (`crud_allergy_type`, `get_problem_lists`, `by_id`). */
const STORE_TOKENS = new Set([
  'crud', 'service', 'services', 'repo', 'repository', 'dao', 'model', 'models', 'schema', 'schemas', 'db', 'manager', 'store',
  'get', 'list', 'lists', 'all', 'find', 'fetch', 'create', 'update', 'delete', 'add', 'remove', 'by', 'id', 'one', 'many',
]);

/**
 * `crud_patient.get_patient(db, id)` beside a lookup table reads a person; `crud_patient_problem_list`
 * is the table's own store: its words are the model's, and not its person word alone.
 */
function namesAnotherPerson(segment: string, modelTokens: Set<string>): boolean {
  const tokens = tokenize(segment).filter((token) => !STORE_TOKENS.has(token));
  if (!tokens.some((token) => resourceOfToken(token)?.category === 'demographics')) return false;
  // `get_privacy_levels_by_patient` beside `PatientPrivacyLevel`: the model's words, plural or not.
  const ofModel = (token: string) => [...modelTokens].some((word) => tokenMatches(token, word));
  return tokens.some((token) => !ofModel(token)) || tokens.every((token) => resourceOfToken(token)?.category === 'demographics');
}

/** Class attributes of a DRF view that say what it serves. */
const DATA_ATTRIBUTES = new Set(['queryset', 'serializer_class', 'model']);
/** Methods of a DRF view that choose its rows or serializer at run time: then its attributes are not the whole story. */
const DATA_METHODS = new Set(['get_queryset', 'get_object', 'get_serializer_class', 'list', 'retrieve']);

/**
 * Whether a DRF view class whose actions are inherited (`PatientInvestigationViewSet` with
 * `queryset = PatientInvestigation.objects.all()`) serves only lookup tables: every resource-named
 * model of its `queryset`, `serializer_class` and `model` is one (a serializer named after a model
 * in sight, `PatientInvestigationSerializer`, stands for that model), it names at least one, and it
 * defines no method that picks its rows.
 */
export function classServesOnlyLookupTables(classScopeId: number, facts: FileFacts, models: readonly DataModel[], classifier: PhiClassifier): boolean {
  if (!models.length) return false;
  if (facts.scopes.some((scope) => scope.parentId === classScopeId && scope.kind === 'function' && DATA_METHODS.has(scope.name ?? ''))) return false;
  const used = new Set<string>();
  for (const binding of bindingsIn(facts, classScopeId)) {
    if (!DATA_ATTRIBUTES.has(binding.name)) continue;
    for (const name of namesIn(binding.value)) if (/^[A-Z]/.test(name)) used.add(name);
  }
  const served = [...used].filter((name) => resourcesOf(name).length > 0).map((name) => servedModel(name, models));
  return served.length > 0 && served.every((name) => isLookupTable(name, models, classifier));
}

/** `PatientInvestigationSerializer` -> `PatientInvestigation` when that model is in sight. */
function servedModel(name: string, models: readonly DataModel[]): string {
  const base = name.replace(/(Serializer|Schema)$/, '');
  return base !== name && models.some((model) => model.name === base) ? base : name;
}

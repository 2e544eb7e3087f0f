// Which names denote patient data in an endpoint's path, types and calls: a small vocabulary of
// resource words (docs/coverage-report.md, "What is an endpoint": record nouns plus clinical and billing resources), matched on whole
// identifier tokens with plurals.

import { BoundedCache } from '../bounded-cache';
import { findRun, tokenize, tokenMatches } from '../phi/identifiers';
import type { PhiCategory } from '../../model/types';
import { STAFF_WORDS } from '../../catalogues/phi-elements';

const RESOURCE_WORDS: Record<PhiCategory, readonly string[]> = {
  demographics: [
    'patient', 'member', 'beneficiary', 'enrollee', 'subscriber', 'guarantor', 'insured', 'demographic', 'demographics', 'inpatient',
    'outpatient',
  ],
  clinical: [
    'encounter', 'chart', 'record', 'prescription', 'rx', 'lab', 'diagnosis', 'medication', 'allergy', 'immunization',
    'vaccination', 'vital', 'vitals', 'observation', 'condition', 'procedure', 'ehr', 'emr', 'symptom', 'treatment',
    'admission', 'discharge', 'referral', 'careplan', 'imaging', 'radiology', 'pathology', 'genetic', 'dx', 'clinical',
    'medical', 'visit', 'appointment', 'booking', 'consultation', 'triage', 'notes', 'soap', 'episode', 'laboratory', 'census', 'wound',
  ],
  billing: ['claim', 'invoice', 'billing', 'eob', 'insurance', 'copay', 'remittance', 'superbill'],
};

/**
 * Tokens of reference data: code systems and catalogues (`IcdCode`, `LoincTest`, `DiagnosisCode`,
 * `MedicationCatalog`) hold no patient, whatever clinical word is beside them.
 */
const REFERENCE_TOKENS = new Set([
  'icd', 'loinc', 'snomed', 'cpt', 'hcpcs', 'ndc', 'rxnorm', 'atc', 'code', 'codes', 'codeset', 'valueset', 'catalog', 'catalogs',
  'catalogue', 'catalogues', 'formulary', 'formularies', 'terminology', 'terminologies', 'vocabulary', 'ontology',
]);

/** Whether an identifier names reference data rather than a patient's (`ICD11Diagnosis`, `get_icd_codes`, not `PatientCode`). */
export function isReferenceData(identifier: string): boolean {
  const tokens = tokenize(identifier);
  // A terminology's value set (`value_sets`, `/value-sets/{id}`) is a code list too.
  const codeList = tokens.some((token) => REFERENCE_TOKENS.has(token.replace(/\d+$/, ''))) || findRun(tokens, ['value', 'set']) >= 0 || findRun(tokens, ['value', 'sets']) >= 0;
  return codeList && !tokens.some((token) => resourceOfToken(token)?.category === 'demographics');
}

/** Wrapper and framework types that say nothing about the data (`List[...]`, `Promise<...>`). */
const NEUTRAL_TYPE_NAMES = new Set(['Record']);

export interface ResourceMatch {
  word: string;
  category: PhiCategory;
}

/** The resource word an identifier token is, if any (`prescriptions` -> prescription, clinical). */
export function resourceOfToken(token: string): ResourceMatch | undefined {
  for (const category of ['clinical', 'billing', 'demographics'] as const) {
    for (const word of RESOURCE_WORDS[category]) if (tokenMatches(token, word)) return { word, category };
  }
  return undefined;
}

/**
 * Identifiers repeat across a file and across keystrokes, and every endpoint asks about the
 * names of its calls: the answers are kept (bounded, emptied when full).
 */
const resourcesByIdentifier = new BoundedCache<string, readonly ResourceMatch[]>(20_000);

/** Every resource word among an identifier's tokens (`PatientLabResultDto` -> patient, lab). */
export function resourcesOf(identifier: string): readonly ResourceMatch[] {
  return resourcesByIdentifier.get(identifier, () =>
    NEUTRAL_TYPE_NAMES.has(identifier) || isReferenceData(identifier) ? [] : resourcesOfTokens(tokenize(identifier)),
  );
}

/**
 * `record` alone (`/records/{id}`) is a chart; beside other words it is whatever they say
 * (`AvailabilityRecord`, `AuditRecord`, `MedicalRecord` is medical).
 */
function resourcesOfTokens(tokens: string[]): ResourceMatch[] {
  // `getBookingSettingsByOrgId`, `emr_connections`, `getBookingEnabledClinics`: the name is about its
  // head, the configuration or the place a resource word only qualifies.
  if (tokens.length > 1 && headsOnNoRecord(tokens)) return [];
  const found = tokens.flatMap((token, index) => {
    const match = resourceOfToken(token);
    // `getExpectedTokenClaims`, `jwt_claims`: what a sign-in token asserts, not insurance claims.
    if (match?.word.startsWith('claim') && TOKEN_WORDS.has(tokens[index - 1] ?? '')) return [];
    // A referral source (`ReferralSource`, `createReferralSourceSchema`) is a marketing channel, not a referral.
    if (match?.word === 'referral' && /^sources?$/.test(tokens[index + 1] ?? '')) return [];
    // `PatientType`, `/patient-types/{patient_type_id}`, `visit_categories`: the kinds a practice keeps, not a patient's data.
    if (match && KIND_WORDS.has(tokens[index + 1] ?? '')) return [];
    // `BookingStaff`, `search_doctors_for_booking`, `appointment_provider`: the staff of a visit, not the
    // patient's visit (a nurse's notes or a provider's chart stay clinical: they are the patient's).
    if (match && SCHEDULE_WORDS.has(match.word) && tokens.some((other) => STAFF_WORDS.has(other) || STAFF_WORDS.has(other.replace(/s$/, '')))) return [];
    return !match || (match.word === 'record' && tokens.length > 1) ? [] : [match];
  });
  for (const words of TWO_WORD_RESOURCES) if (findRun(tokens, words) >= 0) found.push({ word: words.join(' '), category: 'clinical' });
  return found;
}

/**
 * `PatientType`, `PatientTypeCreate`, `visit_categories`: a resource word followed by a word of
 * kinds. Such a name is no resource (resourcesOf gives none), yet what it names may be a data
 * model to judge by its fields (a graphene `PatientType` is the patient's own object type).
 */
export function namesKindsOf(identifier: string): boolean {
  const tokens = tokenize(identifier);
  return tokens.some((token, index) => !!resourceOfToken(token) && KIND_WORDS.has(tokens[index + 1] ?? ''));
}

/** Words before `claims` that make them a sign-in token's. */
const TOKEN_WORDS = new Set(['token', 'jwt', 'id', 'access', 'auth', 'session', 'identity', 'custom', 'user']);

/**
 * Heads of a name that are never a patient's record, whatever qualifies them: a service's
 * configuration and connections, and the places of a practice (`BookingSettings`,
 * `emr_connections`, `bookingEnabledClinics`).
 */
const NO_RECORD_HEADS = new Set([
  'settings', 'setting', 'config', 'configs', 'configuration', 'configurations', 'preferences', 'connection', 'connections',
  'integration', 'integrations', 'credential', 'credentials', 'clinic', 'clinics', 'organization', 'organizations',
  'organisation', 'organisations', 'org', 'orgs', 'facility', 'facilities', 'location', 'locations', 'directory',
]);
/** Words after which a name says what it is looked up by, not what it is (`…ByOrgId`, `…_for_clinic`). */
const QUALIFIER_WORDS = new Set(['by', 'for', 'from', 'with', 'in', 'of', 'per']);

/** Whether the name's head, its last word before any `by`/`for`… part, is one of NO_RECORD_HEADS and no resource. */
function headsOnNoRecord(tokens: readonly string[]): boolean {
  const qualifier = tokens.findIndex((token, index) => index > 0 && QUALIFIER_WORDS.has(token));
  const head = tokens[(qualifier > 0 ? qualifier : tokens.length) - 1];
  return head !== undefined && NO_RECORD_HEADS.has(head) && !resourceOfToken(head);
}

/** `settings`, `bookingConfig`, `clinic`: a name for configuration or a place, whose members are no patient's record. */
export function namesNoRecord(identifier: string): boolean {
  return headsOnNoRecord(tokenize(identifier));
}

/** Resource words of scheduling, whose staff (a booking's doctors) are not the patient's data. */
const SCHEDULE_WORDS = new Set(['booking', 'appointment', 'visit', 'consultation']);

/** Words after a resource word that make the name a list of kinds (reference data). */
const KIND_WORDS = new Set(['type', 'types', 'category', 'categories', 'kind', 'kinds']);

/**
 * Resources named by two words, neither of which is one alone: a questionnaire is a form, its
 * response is a patient's answers (FHIR `QuestionnaireResponse`).
 */
const TWO_WORD_RESOURCES: readonly (readonly string[])[] = [['questionnaire', 'response'], ['questionnaire', 'answer']];

/** Last tokens of an identifier that names one record by its key (`patient_id`, `encounterIds`). */
const KEY_TOKENS = new Set(['id', 'ids', 'uuid', 'pk', 'key']);

/**
 * The resource whose record an identifier is the key of (`patient_id`, `patientId` -> patient): a
 * request input so named scopes the endpoint to that resource, as a `{patient_id}` path parameter does.
 */
export function keyedResources(identifier: string): readonly ResourceMatch[] {
  const tokens = tokenize(identifier);
  if (tokens.length < 2 || !KEY_TOKENS.has(tokens[tokens.length - 1])) return [];
  return resourcesOf(identifier);
}

export interface PathSegment {
  text: string;
  param: boolean;
  /** For a parameter, its name (`pid` in `{pid}`, `<int:pk>`, `:id`). */
  name: string;
}

/**
 * Splits a route into segments, recognising FastAPI, Flask, Django, Express and NestJS parameters.
 * Remembered by path (every endpoint's path is split several times per analysis, five regular
 * expressions a segment): callers only read the segments.
 */
export function pathSegments(path: string): readonly PathSegment[] {
  let segments = segmentsByPath.get(path);
  if (!segments) {
    if (segmentsByPath.size >= MAX_REMEMBERED_PATHS) segmentsByPath.clear();
    segmentsByPath.set(path, (segments = splitPath(path)));
  }
  return segments;
}

const MAX_REMEMBERED_PATHS = 4_096;
const segmentsByPath = new Map<string, readonly PathSegment[]>();

function splitPath(path: string): PathSegment[] {
  return path
    .replace(/^\^|\$$/g, '')
    .split('/')
    .filter((segment) => segment.length > 0)
    .map((text) => {
      const param =
        /^\{([^}:]+)(?::[^}]*)?\}$/.exec(text) ??
        /^<(?:[^:>]+:)?([^>]+)>$/.exec(text) ??
        /^:([A-Za-z_$][\w$]*)\??$/.exec(text) ??
        /^\(\?P<([^>]+)>.*\)$/.exec(text) ??
        /^\[\.{0,3}([^\]]+)\]$/.exec(text);
      return param ? { text, param: true, name: param[1] } : { text, param: false, name: text };
    });
}

/**
 * The resource words by which a path names patient data: a resource that is the path's last
 * fixed segment, or that a parameter then addresses (`/patients/{id}/...`), or a parameter named
 * after one (`{patient_id}`). `/patients/version` names none: it is about the service.
 * `personShaped`: whether person-shaped words (`/clients/:id`) count, i.e. the handler's body is out of sight.
 */
export function pathResources(path: string, personShaped = true): ResourceMatch[] {
  const segments = pathSegments(path);
  const found: ResourceMatch[] = [];
  const lastStatic = segments.reduce((last, segment, index) => (segment.param ? last : index), -1);
  // `/notes/:id/audit-logs`: the access trail of a record (who did what, when), not the record.
  if (lastStatic >= 0 && lastStatic === segments.length - 1 && isAuditTrailSegment(segments[lastStatic].name)) return [];
  // `/oauth/clients/:id` is software whatever its last segment says.
  const skipPersonShaped = !personShaped || segments.some((segment) => !segment.param && tokenize(segment.name).some((token) => SOFTWARE_TOKENS.has(token)));
  segments.forEach((segment, index) => {
    const named = resourcesOf(segment.name);
    const matches = named.length || skipPersonShaped ? named : personShapedResources(tokenize(segment.name));
    if (!matches.length) return;
    // `/booking/[clinicSlug]/...`: the parameter addresses a clinic, not a booking.
    const addressed = segments[index + 1]?.param && !namesPlace(segments[index + 1].name);
    if (segment.param || index === lastStatic || addressed) found.push(...matches);
  });
  // `/fhir/{path:path}`, `/fhir/R4/:resource/:id`: a FHIR server's resources, patients among them.
  // Its bare base (`/fhir/metadata`) is the server's capability statement.
  segments.forEach((segment, index) => {
    if (segment.param || !tokenize(segment.name).includes('fhir')) return;
    const next = segments.slice(index + 1).find((later) => later.param || !VERSION_SEGMENT.test(later.name));
    if (next?.param) found.push({ word: 'fhir', category: 'clinical' });
  });
  return found;
}

/** Words of the places and tenants of a practice, which a path parameter may address (`[clinicSlug]`, `:orgId`). */
const PLACE_PARAM_WORDS = new Set(['clinic', 'org', 'organization', 'organisation', 'facility', 'location', 'tenant', 'site', 'practice', 'hospital', 'branch']);

function namesPlace(name: string): boolean {
  return tokenize(name).some((token) => PLACE_PARAM_WORDS.has(token));
}

/**
 * `audit`, `audit-logs`, `auditTrail`, `access-log`, `PatientRecordAccess`: a path segment or a
 * view's name naming an audit trail (who opened which record when), not the records.
 */
export function isAuditTrailSegment(name: string): boolean {
  const tokens = tokenize(name);
  const access = tokens.indexOf('access');
  return tokens.includes('audit') || (access >= 0 && tokens.some((token) => token === 'log' || token === 'logs')) || (access > 0 && ['record', 'records'].includes(tokens[access - 1]));
}

/**
 * Words for the people a practice serves that software uses too: behavioural-health and
 * social-care records call patients `clients`, while `apiClient`, `httpClient` or an OAuth client
 * are software. They count only where a route names its own resource (its path, its view's or
 * handler's name), never in the names of the objects a handler calls, and not beside a word of
 * software (`/oauth/clients/:id`, `getApiClients`).
 */
const PERSON_SHAPED_WORDS: readonly string[] = ['client'];
const SOFTWARE_TOKENS = new Set([
  'oauth', 'oauth2', 'oidc', 'openid', 'auth', 'sso', 'saml', 'api', 'apis', 'http', 'https', 'rest', 'grpc', 'rpc', 'redis', 'db',
  'database', 'sdk', 'secret', 'secrets', 'credential', 'credentials', 'token', 'tokens', 'app', 'apps', 'application',
  'applications', 'registration', 'registrations', 'socket', 'websocket', 'ws', 'mqtt', 'smtp', 'mail', 'ftp', 'vpn', 'cert',
  'certificate', 'certificates', 'key', 'keys', 'scope', 'scopes', 'realm', 'realms', 'config', 'configuration', 'settings',
  'version', 'side', 'cache', 'ip', 'browser', 'device', 'devices', 'keycloak', 'cognito', 'webhook', 'webhooks', 'error', 'errors', 'log', 'logs',
]);

/**
 * The person-shaped resource an identifier of a route's own names is (`getAllClients`, `/clients`,
 * `:clientId`). Callers ask only when the handler's body is out of sight (registered by reference
 * from another module): a body in view must show the patient data itself, since a CRM's or a
 * platform's `/admin/clients` are its customers.
 */
function personShapedResources(tokens: readonly string[]): ResourceMatch[] {
  if (tokens.some((token) => SOFTWARE_TOKENS.has(token))) return [];
  const word = PERSON_SHAPED_WORDS.find((candidate) => tokens.some((token) => tokenMatches(token, candidate)));
  return word ? [{ word, category: 'demographics' }] : [];
}

/**
 * Every resource a route's own name says it serves (a handler or view name written where the
 * route is registered): the resource words, and the person-shaped ones.
 */
export function routeNameResources(identifier: string, personShaped = true): readonly ResourceMatch[] {
  const found = resourcesOf(identifier);
  return found.length || !personShaped || isReferenceData(identifier) ? found : personShapedResources(tokenize(identifier));
}

/** Version segments a route passes over (`v2`, `R4`, `STU3`, `api`). */
const VERSION_SEGMENT = /^(v\d+(\.\d+)*|r\d+b?|d?stu\d+|api)$/i;

/** Joins a prefix and a route the way routers do (`/patients` + `/{pid}` -> `/patients/{pid}`). */
export function joinPaths(...parts: string[]): string {
  const joined = parts
    .filter((part) => part.length > 0)
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter((part) => part.length > 0)
    .join('/');
  const trailing = parts.length > 0 && parts[parts.length - 1].length > 1 && parts[parts.length - 1].endsWith('/');
  return `/${joined}${trailing && joined ? '/' : ''}`;
}

/** clinical > billing > demographics: the category the audit event should carry. */
export function primaryCategory(categories: readonly PhiCategory[]): PhiCategory {
  if (categories.includes('clinical')) return 'clinical';
  if (categories.includes('billing')) return 'billing';
  return 'demographics';
}

export function uniqueCategories(categories: Iterable<PhiCategory>): PhiCategory[] {
  const set = new Set(categories);
  return (['clinical', 'billing', 'demographics'] as const).filter((category) => set.has(category));
}

// The built-in PHI catalogue (docs/policy.md, "What counts as PHI"), as data. The classifier in
// analysis/phi/classify.ts reads it; the policy's `phi.add` / `phi.remove` adjust it per workspace.

/** The data categories of PHI: what an element belongs to, what a BAA allows and what an audit control names (`data_category`). */
export type PhiCategory = 'demographics' | 'clinical' | 'billing';

export const PHI_CATEGORIES: readonly PhiCategory[] = ['demographics', 'clinical', 'billing'];

/** What an element needs from the value it is read from before it counts as PHI. */
export type ElementContext =
  /** PHI wherever it appears (`ssn`, `date_of_birth`). */
  | 'any'
  /** Only on a person-like record (`name` on `patient`, not on `clinic`). */
  | 'person'
  /** Only on a clinical record (`notes` on an encounter, not on a ticket). */
  | 'clinical'
  /** Only on a patient account (`balance`). */
  | 'account';

export interface CatalogueElement {
  /** Canonical element name shown in messages, e.g. `date_of_birth`. */
  element: string;
  category: PhiCategory;
  /** Token sequences that denote it (`['date', 'of', 'birth']`). */
  words: string[][];
  context: ElementContext;
  /** Default for encryption at rest (policy `encryption.required` adds more). */
  encrypt?: boolean;
}

const demographics = (element: string, words: string[][], context: ElementContext = 'any'): CatalogueElement => ({
  element,
  category: 'demographics',
  words,
  context,
});
const clinical = (element: string, words: string[][], context: ElementContext = 'any'): CatalogueElement => ({
  element,
  category: 'clinical',
  words,
  context,
});
const billing = (element: string, words: string[][], context: ElementContext = 'any'): CatalogueElement => ({
  element,
  category: 'billing',
  words,
  context,
});

export const BUILTIN_ELEMENTS: CatalogueElement[] = [
  // Names are handled with care: see PERSON_NAME_QUALIFIERS below.
  // Spanish and Portuguese names sit beside the English ones (docs/policy.md, "What counts as PHI"); accents are dropped before matching.
  demographics('name', [
    ['name'], ['fname'], ['lname'], ['firstname'], ['lastname'], ['fullname'], ['surname'], ['forename'], ['middlename'], ['maidenname'],
    ['nombre'], ['nome'], ['apellido'], ['sobrenome'], ['nombre', 'completo'], ['nome', 'completo'], ['nombre', 'paciente'], ['nome', 'paciente'],
    ['nombre', 'del', 'paciente'], ['nome', 'do', 'paciente'], ['primer', 'apellido'], ['segundo', 'apellido'],
  ]),
  demographics('date_of_birth', [
    ['dob'], ['date', 'of', 'birth'], ['birth', 'date'], ['birthdate'], ['birthday'], ['birth', 'day'],
    ['fecha', 'nacimiento'], ['fecha', 'de', 'nacimiento'], ['nacimiento'], ['data', 'nascimento'], ['data', 'de', 'nascimento'], ['nascimento'],
  ]),
  demographics('admission_date', [['admission', 'date'], ['admit', 'date'], ['admitted', 'at'], ['admission', 'at']]),
  demographics('discharge_date', [['discharge', 'date'], ['discharged', 'at'], ['discharge', 'at']]),
  demographics('date_of_death', [['date', 'of', 'death'], ['death', 'date'], ['dod']]),
  demographics('ssn', [['ssn'], ['social', 'security', 'number'], ['social', 'security'], ['socialsecuritynumber']]),
  // Human-facing record numbers are MRN-class (unlike the opaque `patient_id`); `no`, `num`, `nbr` read as `number` (NUMBER_ABBREVIATIONS).
  demographics('mrn', [
    ['mrn'], ['medical', 'record', 'number'], ['patient', 'number'], ['pat', 'number'], ['pt', 'number'], ['hospital', 'number'],
    ['case', 'number'], ['chart', 'number'], ['number', 'historia', 'clinica'], ['number', 'historia'], ['nhc'], ['number', 'prontuario'],
  ]),
  demographics('address', [['address'], ['street'], ['street', 'address'], ['addr'], ['address', 'line'], ['direccion'], ['domicilio'], ['endereco'], ['logradouro']]),
  demographics('city', [['city'], ['ciudad'], ['cidade']]),
  demographics('zip_code', [['zip'], ['zip', 'code'], ['zipcode'], ['postal', 'code'], ['postcode'], ['codigo', 'postal'], ['cep']]),
  demographics('phone', [['phone'], ['phone', 'number'], ['mobile'], ['mobile', 'number'], ['cell', 'phone'], ['telephone'], ['telefono'], ['telefone'], ['celular'], ['movil'],
    // Telephony's ANI (automatic number identification) is the caller's number; the DNIS, the number dialled, is not PHI.
    ['ani']]),
  // A fax number is an office's (a practice, a pharmacy, a payer) unless a person's record holds it.
  demographics('fax', [['fax'], ['fax', 'number']], 'person'),
  demographics('email', [['email'], ['e', 'mail'], ['email', 'address'], ['to', 'address'], ['cc', 'address'], ['bcc', 'address'], ['correo'], ['correo', 'electronico']]),
  demographics('insurance_id', [['insurance', 'id'], ['insurance', 'number'], ['insurance', 'member', 'id']]),
  demographics('member_id', [['member', 'id'], ['member', 'number'], ['subscriber', 'id']]),
  demographics('policy_number', [['policy', 'number'], ['policy', 'no']]),
  demographics('health_plan_id', [['health', 'plan', 'id'], ['health', 'plan', 'number'], ['plan', 'member', 'id']]),
  demographics('beneficiary_id', [['beneficiary', 'id'], ['beneficiary', 'number'], ['medicare', 'id'], ['medicaid', 'id'], ['medicare', 'number'], ['medicaid', 'number']]),
  demographics('account_number', [['account', 'number'], ['bank', 'account'], ['account', 'no'], ['iban']]),
  demographics('license_number', [['license', 'number'], ['licence', 'number'], ['drivers', 'license'], ['driver', 'license'], ['driving', 'license'], ['drivers', 'licence'], ['dl', 'number']]),
  demographics('certificate_number', [['certificate', 'number'], ['certificate', 'id']]),
  demographics('vehicle_id', [['vin'], ['license', 'plate'], ['vehicle', 'id'], ['vehicle', 'serial'], ['plate', 'number']]),
  demographics('device_serial', [['serial', 'number'], ['device', 'serial'], ['device', 'serial', 'number'], ['serial', 'no']]),
  demographics('biometric', [['biometric'], ['biometrics'], ['fingerprint', 'scan'], ['fingerprint', 'image'], ['retina', 'scan'], ['voice', 'print'], ['voiceprint'], ['face', 'scan'], ['facial', 'image']]),
  demographics('photo', [['photo'], ['photograph'], ['headshot'], ['face', 'image'], ['profile', 'photo'], ['patient', 'photo']]),
  demographics('ip_address', [['ip', 'address'], ['ip', 'addr']], 'person'),
  // National and health-system identifiers beyond the US ones: UK NHS / Scottish CHI, Canadian health card,
  // Australian IHI, French INSEE/NIR, Dutch BSN, Swedish personnummer, Indian Aadhaar, Spanish DNI, Brazilian CPF, Mexican CURP.
  demographics('national_id', [
    ['national', 'id'], ['aadhar', 'number'], ['aadhaar', 'number'], ['aadhar'], ['aadhaar'], ['nhs', 'number'], ['passport', 'number'],
    ['passport'], ['sin', 'number'], ['tax', 'id'], ['chi', 'number'], ['health', 'card', 'number'], ['health', 'card'], ['ihi', 'number'],
    ['ihi'], ['insee'], ['insee', 'number'], ['nir'], ['bsn'], ['personnummer'], ['dni'], ['cpf'], ['curp'], ['cedula'],
  ]),
  // `documento` is an identity document only on a person's record (`paciente.documento`), not a file.
  demographics('identity_document', [['documento'], ['documento', 'identidad'], ['documento', 'de', 'identidad']], 'person'),

  clinical('diagnosis', [
    ['diagnosis'], ['diagnosis', 'code'], ['diagnostic'], ['diagnostic', 'code'], ['dx'], ['dx', 'code'], ['icd10'], ['icd10', 'code'],
    ['icd', 'code'], ['icd'], ['diagnostico'],
  ]),
  clinical('condition', [['condition'], ['medical', 'condition'], ['chronic', 'condition'], ['enfermedad'], ['doenca']]),
  clinical('problem_list', [['problem', 'list']]),
  clinical('medication', [
    ['medication'], ['meds'], ['drug', 'name'], ['prescription'], ['prescription', 'name'], ['medication', 'name'], ['rx'], ['dosage'], ['dose'],
    ['medicamento'], ['medicacion'], ['medicacao'], ['receta'], ['receita', 'medica'], ['prescripcion'], ['prescricao'],
  ]),
  clinical('allergy', [['allergy'], ['allergies'], ['alergia']]),
  clinical('lab_result', [['lab', 'result'], ['labs'], ['test', 'result'], ['lab', 'value'], ['lab', 'report']]),
  // Vital-sign readings by their measurement's own name; `temperature` alone only on a clinical record
  // (`vital_record.temperature`), never on a model's settings (`completion.temperature`).
  clinical('vitals', [['temperature']], 'clinical'),
  clinical('vitals', [
    ['vitals'], ['vital', 'signs'], ['blood', 'pressure'], ['heart', 'rate'], ['pulse', 'rate'], ['respiratory', 'rate'],
    ['systolic'], ['diastolic'], ['systolic', 'bp'], ['diastolic', 'bp'], ['systolic', 'blood', 'pressure'], ['diastolic', 'blood', 'pressure'],
    ['blood', 'sugar'], ['blood', 'sugar', 'level'], ['blood', 'glucose'], ['spo2'], ['sp', 'o2'], ['oxygen', 'saturation'], ['body', 'temperature'],
  ]),
  clinical('blood_type', [['blood', 'type'], ['blood', 'group']]),
  clinical('procedure', [['procedure'], ['surgery'], ['surgical', 'history']]),
  clinical('clinical_notes', [['clinical', 'notes'], ['clinical', 'note'], ['progress', 'note'], ['progress', 'notes'], ['medical', 'history'], ['medical', 'notes'], ['chief', 'complaint'],
    ['patient', 'history'], ['family', 'history'], ['social', 'history'], ['exam', 'findings'], ['examination', 'findings'], ['clinical', 'findings']]),
  clinical('notes', [['notes'], ['note'], ['description'], ['summary'], ['findings'], ['investigations']], 'clinical'),
  clinical('symptoms', [['symptom'], ['symptoms'], ['sintoma']]),
  clinical('treatment', [['treatment'], ['treatment', 'plan'], ['therapy'], ['tratamiento'], ['tratamento']]),
  clinical('immunizations', [['vaccine', 'history']]),
  clinical('genetic', [['genetic'], ['genetics'], ['genome'], ['genotype'], ['dna']]),
  clinical('mental_health', [['mental', 'health'], ['psychiatric'], ['psych', 'history'], ['substance', 'abuse']]),
  clinical('hiv_status', [['hiv', 'status'], ['hiv']]),
  clinical('pregnancy', [['pregnancy'], ['pregnant'], ['pregnancy', 'status']]),

  billing('insurance', [['insurance'], ['insurance', 'plan'], ['insurance', 'provider']]),
  billing('claim', [['claim'], ['claim', 'number']]),
  billing('billing_code', [['billing', 'code'], ['cpt', 'code'], ['cpt'], ['hcpcs'], ['hcpcs', 'code']]),
  billing('payer', [['payer'], ['payor']]),
  billing('copay', [['copay'], ['co', 'pay'], ['copayment']]),
  billing('balance', [['balance'], ['amount', 'due'], ['outstanding', 'balance']], 'account'),
];

/** Tokens before `name` that make it a person's name (`first_name`, `patient_name`). */
export const PERSON_NAME_QUALIFIERS = new Set([
  'first', 'last', 'full', 'middle', 'maiden', 'given', 'family', 'preferred', 'legal', 'patient', 'member',
  'nick', 'birth', 'sur', 'person', 'beneficiary', 'subscriber', 'guarantor', 'mother', 'father', 'spouse',
  'guardian', 'caregiver', 'contact', 'enrollee', 'insured', 'pt', 'client', 'resident',
]);

/** Whole-record nouns (the policy's `phi.recordNames` adds more, docs/policy.md). */
export const BUILTIN_RECORD_NOUNS: string[][] = [
  ['patient'], ['member'], ['beneficiary'], ['encounter'], ['medical', 'record'], ['chart'], ['person'], ['people'],
  ['enrollee'], ['subscriber'], ['health', 'record'], ['ehr'], ['emr'], ['clinical', 'record'], ['pt'],
  ['paciente'], ['historia', 'clinica'], ['prontuario'], ['expediente', 'clinico'], ['pessoa'],
  // An immunization is a clinical record (a FHIR resource) with fields of its own, like an encounter.
  ['immunization'], ['vaccination'],
];

/** Record nouns whose record is clinical rather than demographic. */
export const CLINICAL_RECORD_NOUNS = new Set(['encounter', 'chart', 'medical record', 'health record', 'ehr', 'emr', 'clinical record', 'historia clinica', 'prontuario', 'expediente clinico', 'immunization', 'vaccination']);

/** Words that stand on their own for a person's name, and so need a person-like record (`patient.name`, not `clinic.name`). */
export const BARE_NAME_WORDS = new Set(['name', 'nombre', 'nome']);

/** Abbreviations of `number` in record numbers (`patient_no`, `pat_num`, `case_nbr`, `numero_historia`). */
export const NUMBER_ABBREVIATIONS = new Set(['num', 'nbr', 'nro', 'numero', 'nr']);

/**
 * Tokens that look like an element's plural or stem but name something else: `diagnostics` are a
 * tool's or a compiler's messages, not a patient's diagnoses; DNIS is the number a caller dialled.
 */
export const NOT_ELEMENT_TOKENS = new Set(['diagnostics', 'dnis']);

/** Staff, not patients: an element anywhere after one of these (`clinician_first_name`, `prescriber_email_address`) is theirs. */
export const STAFF_WORDS = new Set([
  'doctor', 'physician', 'provider', 'nurse', 'staff', 'clinician', 'prescriber', 'practitioner', 'therapist', 'pharmacist',
  'dentist', 'surgeon', 'employee', 'admin', 'administrator', 'operator', 'author', 'reviewer', 'approver', 'referrer', 'attending',
  'medico', 'enfermera', 'doctora',
]);

/**
 * Stems that name an element only at the end of a name or before these words: `encounter.diagnostic`
 * and `diagnostic_report` are clinical, `diagnostic_mode` and `diagnostic_level` are not.
 */
export const ADJECTIVE_STEMS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['diagnostic', new Set(['code', 'codes', 'report', 'reports', 'result', 'results', 'impression', 'impressions', 'finding', 'findings', 'summary', 'test', 'tests'])],
]);

/** Tokens that say a value is already masked, truncated or hashed (`ssn_last4`, `masked_phone`, `phone_last_four`). */
export const MASKED_VALUE_TOKENS = new Set(['masked', 'redacted', 'obfuscated', 'truncated', 'last4', 'lastfour', 'hashed', 'encrypted']);

/**
 * `claims` of a token, request, session or JWT are authorization claims, not insurance claims:
 * the words before `claims` (`token_claims`) or the objects they hang on (`request.claims`).
 */
export const AUTHORIZATION_WORDS = new Set([
  'token', 'tokens', 'jwt', 'id', 'access', 'refresh', 'auth', 'authorization', 'authz', 'authn', 'request', 'req', 'session',
  'custom', 'oidc', 'oauth', 'identity', 'security', 'principal', 'decoded', 'verified', 'payload', 'bearer', 'cognito',
  'firebase', 'ctx', 'context', 'locals', 'user', 'current', 'jws', 'jwe', 'saml', 'assertion', 'credential', 'credentials',
]);

/** Objects and calls that hold authorization claims: `request.claims`, `jwt.decode(token)`, `session.claims`. */
export const AUTHORIZATION_SOURCE_WORDS = new Set([
  'token', 'tokens', 'jwt', 'auth', 'authorization', 'authz', 'authn', 'request', 'req', 'session', 'oidc', 'oauth', 'identity',
  'principal', 'decoded', 'bearer', 'cognito', 'firebase', 'ctx', 'context', 'jws', 'jwe', 'saml', 'assertion', 'credential', 'credentials',
]);

/**
 * First words of a function name that make it an action or a check rather than a getter: the
 * result of `ensureEncounterCanReceiveDiagnosis(...)` or `validateSsn(...)` is a status, not the element its name mentions.
 */
export const ACTION_VERBS = new Set([
  'ensure', 'check', 'assert', 'verify', 'require', 'validate', 'can', 'is', 'has', 'should', 'receive', 'update', 'set',
  'save', 'store', 'create', 'delete', 'remove', 'send', 'notify', 'handle', 'process', 'sync', 'add', 'apply', 'mark',
  'lock', 'unlock', 'audit', 'log', 'track', 'emit', 'publish', 'schedule', 'queue', 'enqueue', 'submit', 'approve',
  'reject', 'cancel', 'confirm', 'register', 'upsert', 'insert', 'import', 'export', 'upload',
  'sign', 'attach', 'detach', 'link', 'unlink', 'assign', 'reset', 'clear', 'invalidate', 'refresh',
]);

/** Registered JWT / OIDC claim names: reading them from any claims object is authorization data. */
export const JWT_CLAIM_NAMES = new Set(['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'jti', 'azp', 'scope', 'scp', 'roles', 'role', 'groups', 'tid', 'oid', 'sid', 'amr', 'acr', 'permissions']);

/** Words that may stand around a record noun and still denote the record (`current_patient_data`). */
export const RECORD_WORDS = new Set([
  'current', 'new', 'existing', 'old', 'updated', 'target', 'matched', 'matching', 'found', 'selected', 'active',
  'the', 'a', 'my', 'db', 'raw', 'full', 'other', 'primary', 'cached', 'saved', 'created', 'loaded', 'fetched',
  'input', 'orig', 'original', 'record', 'records', 'data', 'info', 'information', 'details', 'detail', 'obj',
  'object', 'dict', 'json', 'row', 'rows', 'doc', 'document', 'profile', 'payload', 'dto', 'entity', 'model',
  'response', 'list', 'array', 'out', 'in', 'create', 'update', 'base', 'schema', 'read', 'public', 'request',
  'type', 'interface', 'result', 'results', 'item', 'items', 'entry', 'entries', 'by', 'all', 'some', 'one',
  'first', 'last', 'each', 'batch', 'export', 'snapshot', 'view', 'with', 'and', 'medical', 'clinical', 'health',
  'summary', 'chart', 'file', 'dump', 'copy', 'clone', 'merged', 'partial', 'p',
  'datos', 'dados', 'de', 'del', 'do', 'da', 'nuevo', 'novo', 'actual', 'atual',
]);

/** Objects whose attributes describe organisations or infrastructure, not a patient. */
export const NON_PERSON_OBJECTS = new Set([
  'clinic', 'hospital', 'provider', 'doctor', 'physician', 'practitioner', 'nurse', 'staff', 'facility',
  'organization', 'organisation', 'org', 'company', 'practice', 'pharmacy', 'payer', 'insurer', 'vendor',
  'tenant', 'site', 'department', 'app', 'application', 'config', 'settings', 'setting', 'env', 'environ',
  'os', 'server', 'host', 'service', 'smtp', 'options', 'opts', 'conf', 'cfg', 'constants', 'process',
  'module', 'model', 'file', 'table', 'column', 'field', 'schema', 'class', 'type', 'cls', 'func', 'fn',
  'function', 'router', 'route', 'blueprint', 'logger', 'log', 'queue', 'job', 'task', 'event', 'channel',
  'bucket', 'database', 'db', 'engine', 'session', 'connection', 'client', 'api', 'sdk', 'tool', 'plugin',
  'product', 'plan', 'template', 'feature', 'flag', 'team', 'project', 'repo', 'package', 'device', 'region',
  'location', 'ward', 'unit', 'lab', 'labs', 'insurance', 'admin', 'sender', 'system', 'platform', 'brand',
  'drug', 'medication', 'test', 'exc', 'err', 'error', 'exception', 'e', 'ex', 'path', 'url', 'uri',
  // Tallies: `counts.diagnoses`, `stats.medications` are numbers of them.
  'counts', 'totals', 'stats', 'statistics', 'tallies', 'metrics',
  // Passes and tokens of admission: `pass.serialNumber` is the pass's, not a device a person carries.
  'pass', 'badge', 'ticket', 'voucher', 'coupon',
  // Staff, not patients: their contact data is not PHI (docs/policy.md, "Names are not values").
  'prescriber', 'clinician', 'therapist', 'pharmacist', 'dentist', 'surgeon', 'employee', 'operator', 'reviewer',
  'approver', 'author', 'referrer', 'attending', 'medico', 'enfermera', 'doctora', 'supervisor', 'supervisee',
  'administrator', 'counselor', 'counsellor', 'psychiatrist', 'psychologist', 'auditor', 'coordinator', 'biller',
  'clinicians', 'therapists', 'supervisors', 'employees',
  // Network connections: their `address` is the peer's IP, not where a person lives (`client.handshake.address`).
  'handshake', 'socket', 'sock', 'websocket', 'ws', 'conn', 'peer',
  // Network interfaces of the host (`os.networkInterfaces()`): `iface.address` is the server's own IP.
  'iface', 'ifaces', 'nic', 'netif',
  // Names, labels and messages about fields, not the fields' values (`labels.date_of_birth`, `messages.ssn`).
  'errors', 'labels', 'label', 'columns', 'headers', 'urls', 'paths', 'choices', 'i18n', 'enum', 'enums', 'placeholders', 'titles',
]);

/**
 * The account signed in to the application (`user.email`, `account.phone`): in a module about
 * accounts (sign-in, passwords, MFA, invitations: ACCOUNT_MODULE_WORDS), the account holder's
 * credentials, not a patient's record.
 */
export const ACCOUNT_HOLDER_WORDS = new Set(['user', 'users', 'account', 'accounts', 'login', 'credentials', 'principal']);

/**
 * File names of modules about accounts: `auth.service.ts`, `users/views.py`, `mfa.ts`, `invite_user.py`;
 * and about the workforce, whose users are staff: `onboarding-reminders.job.ts`, `payroll.py`.
 */
export const ACCOUNT_MODULE_WORDS = new Set([
  'auth', 'authentication', 'login', 'logout', 'signin', 'signup', 'register', 'registration', 'password', 'passwords',
  'mfa', 'otp', 'totp', 'twofa', 'user', 'users', 'account', 'accounts', 'invite', 'invitation', 'invitations',
  'identity', 'iam', 'cognito', 'okta', 'sso', 'oauth', 'credentials',
  'onboarding', 'payroll', 'credentialing', 'timesheet', 'timesheets', 'workforce', 'employee', 'employees',
  // Human resources (`hr-automation.job.ts`, `hr/views.py`) and staff management: the users are the workforce.
  'hr', 'staff', 'personnel',
]);

/** Tokens before an element that make it describe a non-person (`hospital_name`, `server_address`). */
export const NON_PERSON_QUALIFIERS = new Set([
  ...NON_PERSON_OBJECTS,
  'display', 'host', 'domain', 'file', 'dir', 'folder', 'image', 'container', 'pod', 'node', 'cluster',
  'namespace', 'key', 'index', 'attr', 'attribute', 'param', 'parameter', 'variable', 'var', 'method', 'tag',
  'topic', 'metric', 'span', 'trace', 'hostname', 'ip', 'mac', 'remote', 'local', 'bind', 'listen', 'socket',
  'memory', 'base', 'web', 'return', 'reply', 'support', 'admin', 'noreply', 'sender', 'from', 'smtp', 'mail',
  'callback', 'redirect', 'webhook', 'endpoint', 'sales', 'company', 'business',
  'practice', 'clinic', 'hospital', 'facility', 'provider', 'doctor', 'physician', 'nurse', 'staff',
  'drug', 'brand', 'generic', 'product', 'test', 'lab', 'model', 'app', 'service', 'queue', 'column', 'field',
  'event', 'job', 'task', 'class', 'function', 'module', 'package', 'project', 'repo', 'branch', 'bucket',
  'table', 'database', 'db', 'schema', 'role', 'group', 'team', 'org', 'tenant', 'vendor', 'device', 'printer',
  'site', 'region', 'zone', 'country', 'state', 'locale', 'language', 'font', 'color', 'theme', 'style',
  'component', 'element', 'widget', 'page', 'screen', 'view', 'form', 'input', 'button', 'label', 'icon',
  'section', 'category', 'plan', 'insurance', 'insurer', 'payer', 'dept', 'department', 'ward', 'room', 'bed',
  'prescriber', 'clinician', 'therapist', 'pharmacist', 'practitioner', 'employee', 'operator', 'conf', 'config',
  'server', 'system', 'mailer', 'ops',
]);

/** Last tokens that make an identifier a count, flag, key or kind rather than PHI (`patient_id`). */
export const SAFE_LAST_TOKENS = new Set([
  'id', 'ids', 'uuid', 'guid', 'pk', 'key', 'keys', 'count', 'counts', 'total', 'num', 'length', 'len', 'size',
  'index', 'idx', 'type', 'types', 'kind', 'status', 'state', 'code', 'codes', 'flag', 'flags', 'enabled',
  'exists', 'present', 'valid', 'verified', 'required', 'ts', 'timestamp', 'at', 'version', 'hash', 'hashed',
  'field', 'fields', 'column', 'columns', 'template', 'format', 'pattern', 'regex', 'schema', 'mask', 'masked',
  'redacted', 'encrypted', 'token', 'tokenized', 'ref', 'refs', 'reference', 'references', 'url', 'uri', 'path', 'label', 'labels', 'header',
  'headers', 'placeholder', 'validator', 'validation', 'error', 'errors', 'message', 'widget', 'input',
  'button', 'class', 'style', 'option', 'options', 'changed', 'updated', 'sent', 'received', 'set', 'missing',
  'enabled', 'disabled', 'visible', 'hidden', 'allowed', 'permission', 'permissions', 'scope', 'config',
  'settings', 'form', 'component', 'view', 'page', 'model', 'serializer', 'regexp', 'matcher', 'parser',
  'formatter', 'handler', 'callback', 'fn', 'func', 'service', 'client', 'repository', 'repo', 'router', 'table',
  'checksum', 'digest', 'fingerprint', 'loaded', 'saved', 'fetched', 'ok', 'length',
  // A row's serial number in the system it came from (`diagnosis_aria_ser`, `diagnosisSerNum`): a key.
  'ser', 'sernum',
  // Whether a record is in use (`active`, `patientActive`): a flag, like `enabled`.
  'active', 'inactive',
  // A code set's or a form's flag (`icdIndicator`: ICD-9 or ICD-10), like `flag`.
  'indicator', 'indicators',
  // Outcomes of a run or a check (`score.passed`, `summaryGenerated`): booleans and counts.
  'passed', 'failed', 'succeeded', 'skipped', 'generated', 'processed',
  // Rules that match values, not values (`requiredIcdPrefix`, `allowedIcdPatterns`): configuration.
  'patterns', 'prefix', 'prefixes', 'suffix', 'suffixes', 'regexes', 'matchers',
  // Parts of a rule's definition (`condition.operator`, `reflexConditionLanguage`): how it is written, not a value.
  'operator', 'operators', 'language', 'languages', 'expression', 'expressions',
  // What a workflow does about an element (`birthdayActions`, `dobReminderRules`): its configuration, not the value.
  'action', 'actions', 'trigger', 'triggers', 'rule', 'rules', 'templates', 'campaign', 'campaigns',
  // Sums of money (`patientResponsibilityCents`): numbers, not a person's data.
  'cents', 'dollars', 'amount', 'amounts',
]);

/** First tokens that make an identifier a boolean or a number (`has_diagnosis`, `num_allergies`). */
export const SAFE_FIRST_TOKENS = new Set([
  'is', 'has', 'have', 'should', 'can', 'did', 'was', 'were', 'needs', 'need', 'num', 'n', 'count', 'total',
  'max', 'min', 'avg', 'mean', 'no', 'allow', 'allows', 'enable', 'enabled', 'show', 'hide', 'use', 'validate',
  'valid', 'invalid', 'missing', 'on', 'handle', 'format', 'parse', 'set', 'with', 'without', 'number', 'len',
  // Durations (`daysOverdue`, `hours_since_dose`): numbers.
  'days', 'hours', 'minutes', 'seconds', 'weeks',
]);

/** Identifiers that are never PHI on their own (docs/policy.md, "What counts as PHI"), beyond the token rules. */
export const BUILTIN_SAFE_IDENTIFIERS = new Set([
  'id', 'uuid', 'patient_id', 'patientId', 'user_id', 'userId', 'event_type', 'eventType', 'timestamp',
  'created_at', 'createdAt', 'updated_at', 'updatedAt', 'request_id', 'requestId', 'status_code', 'statusCode',
  '__name__', 'self', 'cls', 'this', 'filename', 'hostname', 'username', 'namespace', 'pathname',
]);

/** Person-like objects: `name` and friends on these are a person's name. */
export const PERSON_OBJECT_WORDS = new Set([
  'patient', 'person', 'member', 'beneficiary', 'subscriber', 'enrollee', 'guarantor', 'dependent', 'resident',
  'applicant', 'caregiver', 'guardian', 'contact', 'spouse', 'insured', 'individual', 'pt', 'newborn', 'mother',
  'father', 'client', 'people', 'demographics', 'identity', 'paciente', 'persona', 'pessoa', 'titular', 'beneficiario', 'afiliado',
]);

/** Clinical-record objects: `notes`, `description`, `summary` on these are clinical notes. */
export const CLINICAL_OBJECT_WORDS = new Set([
  'encounter', 'visit', 'vital', 'chart', 'note', 'notes', 'consult', 'consultation', 'admission', 'episode',
  'observation', 'assessment', 'soap', 'diagnosis', 'condition', 'problem', 'appointment', 'referral',
  'prescription', 'medication', 'procedure', 'record', 'history', 'patient', 'clinical', 'medical', 'lab', 'result',
  'paciente', 'consulta', 'cita', 'historia', 'diagnostico', 'receta', 'prontuario', 'atendimento', 'atencion', 'evolucion',
]);

/**
 * Elements a software object can carry too (a server's `address`, a sender `email` or `phone`, a
 * TLS `certificate_number`, a licence key): on a name that is both a person and a software object
 * (`client`), only the other elements (`client.firstName`, `client.medicalRecordNumber`) say it is a person.
 */
export const SOFTWARE_SHAPED_ELEMENTS = new Set([
  'email', 'phone', 'address', 'city', 'zip_code', 'ip_address', 'device_serial', 'license_number', 'certificate_number', 'account_number', 'vehicle_id', 'photo',
]);

export const ACCOUNT_OBJECT_WORDS = new Set(['account', 'patient', 'member', 'ledger', 'statement', 'invoice', 'bill']);

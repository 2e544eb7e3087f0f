// What keys, columns and record names say about the values under them: which PHI element a key
// names, whether a record is a person's, and whether a name marks the data as made up.

/** The PHI elements phi-literal reports, with the words messages use for them. */
export const ELEMENT_LABELS = {
  ssn: 'SSN',
  mbi: 'Medicare MBI',
  nhs: 'NHS number',
  mrn: 'medical record number',
  member: 'member ID',
  policy: 'policy number',
  account: 'account number',
  dob: 'date of birth',
  phone: 'phone number',
  email: 'e-mail address',
  address: 'street address',
  zip: 'ZIP code',
  ip: 'IP address',
  name: 'person name',
} as const;

export type LiteralElement = keyof typeof ELEMENT_LABELS;

/**
 * Keys repeat across a data file's records (and across files): what they split into and which
 * element they name are remembered, up to this many (then forgotten at once: a memo, not a leak).
 * The profile of a cold scan of a Django code base with fixtures had these two at ~15 % of the
 * workers' time.
 */
const KEY_MEMO_LIMIT = 20_000;
const keyWordsMemo = new Map<string, readonly string[]>();
const elementMemo = new Map<string, LiteralElement | undefined>();

function remember<T>(memo: Map<string, T>, key: string, value: T): T {
  if (memo.size >= KEY_MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

/** `patientFirstName`, `PATIENT_SSN`, `date-of-birth`, `PID-5` → lower-case words. */
export function keyWords(key: string): readonly string[] {
  const known = keyWordsMemo.get(key);
  if (known) return known;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return remember(keyWordsMemo, key, words);
}

const has = (words: readonly string[], ...any: string[]) => any.some((word) => words.includes(word));
const NUMBER_WORDS = ['number', 'no', 'num', 'nbr', 'nr', 'id', 'identifier'];

/** The element a key names, if any: `ssn`, `birth_date`, `memberId`, `PID-19`... */
export function elementOfKey(key: string | undefined, context: readonly string[] = []): LiteralElement | undefined {
  if (!key) return undefined;
  // Of the context, only whether the innermost record is an address matters (`line`).
  const inAddress = innermost(context, 'address');
  const memoKey = `${inAddress ? 1 : 0}${key}`;
  if (elementMemo.has(memoKey)) return elementMemo.get(memoKey);
  return remember(elementMemo, memoKey, elementOfKeyIn(key, inAddress));
}

function elementOfKeyIn(key: string, inAddress: boolean): LiteralElement | undefined {
  const hl7 = HL7_FIELDS[key.toUpperCase()];
  if (hl7) return hl7;
  const words = keyWords(key);
  const joined = words.join('');
  if (words.length === 0 || has(words, 'hash', 'hashed', 'encrypted', 'masked', 'last4', 'format', 'regex', 'pattern', 'label', 'type', 'system', 'verified', 'status')) return undefined;
  if (has(words, 'ssn', 'ssns', 'usssn') || joined.includes('socialsecurity')) return 'ssn';
  if (has(words, 'mbi', 'hicn') || (has(words, 'medicare') && has(words, ...NUMBER_WORDS, 'beneficiary'))) return 'mbi';
  if (joined.includes('nhsnumber') || (has(words, 'nhs') && has(words, ...NUMBER_WORDS))) return 'nhs';
  if (has(words, 'mrn', 'mrns') || joined.includes('medicalrecord') || (has(words, 'chart') && has(words, 'number', 'no', 'num'))) return 'mrn';
  // A group, payer or plan number is the employer's or insurer's, the same for every member.
  if ((has(words, 'member', 'subscriber', 'beneficiary', 'insurance', 'insured') && has(words, ...NUMBER_WORDS) && !has(words, 'group', 'payer', 'plan', 'carrier', 'employer')) || joined.includes('healthplanid')) return 'member';
  if (has(words, 'policy') && has(words, 'number', 'no', 'num', 'nbr')) return 'policy';
  if ((has(words, 'account') && has(words, 'number', 'no', 'num', 'nbr')) || has(words, 'acct', 'acctno')) return 'account';
  if (has(words, 'dob', 'birthdate', 'birthday', 'birthtime') || (has(words, 'birth') && !has(words, 'place', 'country', 'city', 'sex', 'order', 'weight'))) return 'dob';
  if (has(words, 'phone', 'telephone', 'tel', 'mobile', 'cell', 'cellphone', 'fax', 'phonenumber', 'msisdn')) return 'phone';
  if (has(words, 'email', 'mail', 'emailaddress')) return 'email';
  if (has(words, 'zip', 'zipcode', 'postal', 'postcode', 'postalcode')) return 'zip';
  if (has(words, 'street', 'address', 'addr', 'address1', 'address2', 'addressline', 'addressline1')) return has(words, 'ip', 'mac', 'email', 'web', 'url', 'server', 'host', 'bitcoin', 'wallet') ? (has(words, 'ip') ? 'ip' : undefined) : 'address';
  if (has(words, 'line', 'line1', 'line2') && inAddress) return 'address';
  if (has(words, 'ip', 'ipv4')) return 'ip';
  if (isNameKey(words)) return 'name';
  return undefined;
}

/** Whether the innermost named record is `word` (FHIR `address.line`). */
function innermost(context: readonly string[], word: string): boolean {
  const last = context[context.length - 1];
  return last !== undefined && keyWords(last).includes(word);
}

function isNameKey(words: readonly string[]): boolean {
  if (has(words, 'given', 'family', 'surname', 'forename', 'firstname', 'lastname', 'fullname', 'middlename', 'maidenname', 'givenname', 'familyname')) return true;
  if (!has(words, 'name', 'names')) return false;
  // `file_name`, `user_name`, `display_name` of a thing...: only names of persons.
  const other = words.filter((word) => word !== 'name' && word !== 'names');
  return other.every((word) => PERSON_NAME_QUALIFIERS.has(word) || PERSON_WORDS.has(word));
}

const PERSON_NAME_QUALIFIERS = new Set(['first', 'last', 'full', 'middle', 'maiden', 'legal', 'preferred', 'birth', 'given', 'family', 'sur', 'fore', 'pt']);

/** HL7 v2 fields that hold patient data (PID, NK1). */
const HL7_FIELDS: Record<string, LiteralElement> = {
  'PID-2': 'mrn',
  'PID-3': 'mrn',
  'PID-4': 'mrn',
  'PID-5': 'name',
  'PID-6': 'name',
  'PID-7': 'dob',
  'PID-9': 'name',
  'PID-11': 'address',
  'PID-13': 'phone',
  'PID-14': 'phone',
  'PID-18': 'account',
  'PID-19': 'ssn',
  'NK1-2': 'name',
  'NK1-4': 'address',
  'NK1-5': 'phone',
};

/** Words that name a person whose data is PHI: a patient, a member, their relatives. */
const PERSON_WORDS = new Set([
  'patient', 'patients', 'pt', 'person', 'persons', 'people', 'member', 'members', 'beneficiary', 'beneficiaries',
  'subscriber', 'subscribers', 'insured', 'guarantor', 'guardian', 'kin', 'nok', 'relatedperson', 'emergency',
  'relative', 'spouse', 'mother', 'father', 'parent', 'child', 'dependent', 'dependents', 'enrollee', 'resident', 'residents', 'individual', 'decedent', 'newborn', 'pid', 'nk1', 'demographics', 'demographic',
]);

/** Words that name someone or something whose contact data is not a patient's. */
const NOT_PERSON_WORDS = new Set([
  'practitioner', 'practitionerrole', 'provider', 'providers', 'doctor', 'physician', 'clinician', 'nurse', 'staff',
  'employee', 'organization', 'organisation', 'org', 'clinic', 'hospital', 'facility', 'location', 'practice',
  'pharmacy', 'lab', 'laboratory', 'vendor', 'company', 'support', 'admin', 'admins', 'settings', 'config',
  'configuration', 'smtp', 'server', 'sender', 'from', 'author', 'maintainer', 'owner', 'contributor', 'team',
  'managing', 'managingorganization', 'performer', 'requester', 'referrer', 'attending', 'payer', 'insurer', 'device',
  'endpoint', 'npi', 'dea',
  // Clinical and billing things a patient record lists: their `name` is a drug's or a plan's.
  'medication', 'medications', 'meds', 'drug', 'drugs', 'allergy', 'allergies', 'condition', 'conditions', 'diagnosis',
  'diagnoses', 'procedure', 'procedures', 'observation', 'observations', 'problem', 'problems', 'immunization',
  'immunizations', 'vaccine', 'vaccines', 'insurance', 'plan', 'plans', 'coverage', 'department', 'ward', 'product',
  'products', 'item', 'items', 'service', 'services', 'encounter', 'encounters', 'coding', 'category',
]);

/** The strongest PHI keys: a record holding one of these is a person's. */
const PERSON_KEYS: ReadonlySet<LiteralElement> = new Set(['ssn', 'mrn', 'dob', 'mbi', 'nhs', 'member']);

/**
 * Whether a value's surroundings say it belongs to a patient-like person: the nearest record
 * name that says anything decides (a Practitioner inside a Bundle is not a patient), then the
 * key itself (`patient_phone`), then the record's other keys (a row with an SSN or MRN column).
 */
export function isPersonContext(key: string | undefined, context: readonly string[], siblingKeys: readonly string[] = []): boolean {
  const keyWordsList = key ? keyWords(key) : [];
  if (keyWordsList.some((word) => NOT_PERSON_WORDS.has(word))) return false;
  if (keyWordsList.some((word) => PERSON_WORDS.has(word))) return true;
  for (let i = context.length - 1; i >= 0; i--) {
    const words = keyWords(context[i]);
    if (words.some((word) => NOT_PERSON_WORDS.has(word))) return false;
    if (words.some((word) => PERSON_WORDS.has(word))) return true;
  }
  let names = 0;
  for (const sibling of siblingKeys) {
    const element = elementOfKey(sibling);
    if (element && PERSON_KEYS.has(element)) return true;
    if (element === 'name') names++;
  }
  // `first_name` and `last_name` together.
  return names >= 2;
}

/** Words that say the data is made up. */
const SYNTHETIC_WORDS = new Set([
  'test', 'tests', 'testing', 'dummy', 'dummies', 'fake', 'fakes', 'faker', 'mock', 'mocks', 'mocked', 'example',
  'examples', 'sample', 'samples', 'synthetic', 'synthea', 'placeholder', 'demo', 'fictional', 'fictitious', 'stub',
  'redacted', 'anonymized', 'anonymised', 'anonymous', 'deidentified', 'lorem', 'ipsum',
]);

/** A test/fake/dummy marker in a key, value or record name. */
export function hasSyntheticMarker(text: string | undefined): boolean {
  return text !== undefined && keyWords(text).some((word) => SYNTHETIC_WORDS.has(word));
}

/**
 * Words in a folder name that say what it holds was made up (`synthetic-patient-data/`,
 * `__mocks__/`, `demo/`, `examples/`). Not `test` or `fixtures`: a real record pasted into a
 * test is the leak phi-literal exists for; nor `anonymized`/`redacted`, which claim a real
 * record was cleaned (worth checking).
 */
const SYNTHETIC_FOLDER_WORDS = new Set([
  'synthetic', 'synthea', 'fake', 'fakes', 'faker', 'mock', 'mocks', 'mocked', 'dummy', 'dummies', 'demo', 'demos',
  'sample', 'samples', 'example', 'examples', 'fictional', 'fictitious', 'placeholder', 'placeholders', 'stub', 'stubs',
]);

/**
 * The same in a file's own name, less `sample` and `example`: `.env.example` and `hl7_samples.py`
 * are templates showing a format, where a real record gets pasted to show it.
 */
const SYNTHETIC_FILE_WORDS = new Set([...SYNTHETIC_FOLDER_WORDS].filter((word) => !/^(?:sample|example)s?$/.test(word)));

/** Whether a folder or the file name of `relativePath` (inside the project) marks its data made up. */
export function pathHasSyntheticMarker(relativePath: string): boolean {
  const segments = relativePath.split(/[\\/]/).filter(Boolean);
  const fileName = segments.pop() ?? '';
  return (
    keyWords(fileName).some((word) => SYNTHETIC_FILE_WORDS.has(word)) ||
    segments.some((segment) => keyWords(segment).some((word) => SYNTHETIC_FOLDER_WORDS.has(word)))
  );
}

/** Keys of identifiers that are not PHI, though shaped like one (order, tracking, provider numbers). */
export function isOtherIdentifierKey(key: string | undefined): boolean {
  if (!key) return false;
  const words = keyWords(key);
  return has(
    words,
    'order', 'orders', 'invoice', 'tracking', 'confirmation', 'reference', 'ref', 'transaction', 'txn', 'sku', 'serial',
    'npi', 'dea', 'license', 'licence', 'ein', 'tin', 'tax', 'routing', 'iban', 'swift', 'isbn', 'upc', 'ticket', 'batch',
    'lot', 'version', 'build', 'port', 'timestamp', 'created', 'updated', 'modified', 'hash', 'checksum', 'uuid',
    'guid', 'ndc', 'cpt', 'icd', 'loinc', 'snomed', 'rxnorm', 'code', 'phone', 'fax', 'zip', 'postal',
    // A key naming some other identifier (`run_id`, `job_number`): an SSN-shaped value there is that identifier.
    'id', 'ids', 'identifier', 'number', 'no', 'num', 'nbr', 'key', 'run', 'job',
  );
}

// phi-literal: each case of test/rules/phi-literal/ (source, CSV, FHIR, YAML, HL7, notebooks, with
// their look-alikes) is analysed, fixed and compared whole with its after-file; no value ever
// appears in what a finding reports; the policy's syntheticData and suppressions, the size cap,
// and notebooks staying valid nbformat once their PHI outputs are cleared.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { engine, repoRoot } from '../support/engine.mjs';
import { withoutMarkers } from '../support/expectations.mjs';
import { ruleFixtureSuite } from '../support/rule-fixtures.mjs';

// A file named `*synthetic*` is made up as a whole: the markers case is read under a plain name.
ruleFixtureSuite('phi-literal', { 'python-synthetic-markers': { path: 'markers.py' } });

const FIXTURES = path.join(repoRoot, 'test/rules/phi-literal');
const analyze = (text, file, policy = engine().defaultPolicy(), options) => engine().analyze({ text, path: file }, policy, options);
const fixture = (name) => withoutMarkers(readFileSync(path.join(FIXTURES, name), 'utf8')).source;
const literalFindings = (result) => result.findings.filter((f) => f.ruleId === 'phi-literal');

/** What a finding shows anywhere: message, fix titles, sink, PHI names. */
const shown = (result) => JSON.stringify([...result.findings, ...result.suppressed].map((f) => ({ ...f, fixes: f.fixes.map((fix) => fix.title) })));

test('no value appears in a finding: not the SSN, name, date of birth, MRN, e-mail or phone', () => {
  const values = ['471-28-3390', '471283390', 'Maria', 'Gonzalez', '1961-04-17', '1961', 'A0048812', 'maria', '867-2368', '02139', '523-41-7781', '485 777 3457'];
  for (const name of ['python-identifiers.before.py', 'typescript-fixture.before.ts', 'patients.before.csv', 'fhir-bundle.before.json', 'seed.before.yaml', 'adt.before.hl7', 'notebook-phi-outputs.before.ipynb']) {
    const result = analyze(fixture(name), name.replace('.before', ''));
    assert.ok(literalFindings(result).length > 0, name);
    const text = shown(result);
    for (const value of values) assert.ok(!text.includes(value), `${name}: "${value}" is in a finding`);
  }
});

test('the message names the element, the key and, in a notebook, the cell and output', () => {
  const csv = literalFindings(analyze(fixture('patients.before.csv'), 'patients.csv'));
  assert.match(csv[0].message, /SSN under "ssn"/);
  assert.match(csv[0].message, /date of birth under "dob"/);
  const notebook = literalFindings(analyze(fixture('notebook-phi-outputs.before.ipynb'), 'analysis.ipynb'));
  assert.deepEqual(
    notebook.map((f) => /\((cell \d+(?:, output \d+)?)\)/.exec(f.message)?.[1]),
    ['cell 2, output 1', 'cell 3, output 1', 'cell 4'],
  );
});

test('the markdown prose of a notebook and free prose in code are never read as names', () => {
  const prose = 'note = "Maria Gonzalez called about her results"\npatient_note = "Spoke with Maria Gonzalez today"\n';
  assert.deepEqual(literalFindings(analyze(prose, 'notes.py')), []);
});

test('a person context is needed for contact data; an SSN-shaped value under another identifier is quiet', () => {
  const cases = [
    ['staff = {"email": "maria.gonzalez@gmail.com", "phone": "(617) 867-2368"}\n', 0],
    ['patient = {"email": "maria.gonzalez@gmail.com"}\n', 1],
    ['contact = {"patient_phone": "(617) 867-2368"}\n', 1],
    ['row = {"first_name": "Maria", "last_name": "Gonzalez"}\n', 1],
    ['row = {"first_name": "Maria", "city": "Boston"}\n', 0],
    ['job = {"run_id": "471-28-3390", "tracking_number": "471-28-3390"}\n', 0],
    ['events = [{"created_at": "1961-04-17T10:00:00Z", "updated_at": "1961-04-17"}]\n', 0],
    ['person = {"dob": "1961-04-17T00:00:00Z"}\n', 1],
  ];
  // Each case beside a real-looking identifier: contact data and names count only in a file that holds one.
  for (const [code, count] of cases) assert.equal(literalFindings(analyze(code + ANCHOR, 'seed.py')).length, count + 1, code);
});

const ANCHOR = 'anchor = {"ssn": "523-41-7781"}\n';

test('a name, a birth date or contact data alone is a placeholder; with an identifier or a whole identity it is a finding', () => {
  const alone = [
    'patient = {"first_name": "Maria", "last_name": "Gonzalez"}\n',
    'patient = {"name": "Maria Gonzalez"}\nother = {"dob": "1961-04-17"}\n',
    'wards = [{"name": "North", "person": {"id": "2015016700101", "name": "Prasanth Kumar"}}]\n',
    'patient = {"email": "maria.gonzalez@gmail.com", "phone": "(617) 867-2368"}\n',
  ];
  for (const code of alone) assert.deepEqual(literalFindings(analyze(code, 'seed.py')), [], code);
  const identity = 'patient = {"name": "Maria Gonzalez", "dob": "1961-04-17", "phone": "(617) 867-2368"}\n';
  assert.equal(literalFindings(analyze(identity, 'seed.py')).length, 1);
  assert.equal(literalFindings(analyze(alone[0] + ANCHOR, 'seed.py')).length, 2);
  // A name and a birth date alone were made up every time on real repositories (API examples, demo exports).
  assert.deepEqual(literalFindings(analyze('patient = {"name": "Maria Gonzalez", "dob": "1961-04-17"}\n', 'seed.py')), []);
});

test('policy phi.syntheticData quiets the files it matches, nowhere else', () => {
  const text = fixture('patients.before.csv');
  const policy = { ...engine().defaultPolicy(), phi: { ...engine().defaultPolicy().phi, syntheticData: ['tests/fixtures/synthea/**'] } };
  assert.deepEqual(literalFindings(analyze(text, '/repo/tests/fixtures/synthea/patients.csv', policy)), []);
  assert.equal(literalFindings(analyze(text, '/repo/tests/fixtures/patients.csv', policy)).length, 2);
  // No policy: a real-looking SSN in tests/ is a finding (the folder says nothing).
  assert.equal(literalFindings(analyze(text, '/repo/tests/data/patients.csv')).length, 2);
});

test('policy suppressions hide the rule in the files they match, and are listed with their count', () => {
  const policy = {
    ...engine().defaultPolicy(),
    suppressions: [{ files: 'tests/data/export-2019.csv', rules: ['phi-literal'], reason: 'de-identified by the IRB process, ticket SEC-41' }],
  };
  const hidden = analyze(fixture('patients.before.csv'), '/repo/tests/data/export-2019.csv', policy);
  assert.deepEqual(hidden.findings, []);
  assert.equal(hidden.suppressed.length, 2);
  assert.deepEqual(hidden.policySuppressions, [{ files: ['tests/data/export-2019.csv'], rules: ['phi-literal'], reason: 'de-identified by the IRB process, ticket SEC-41', suppressedFindings: 2 }]);
  const other = analyze(fixture('patients.before.csv'), '/repo/tests/data/export-2020.csv', policy);
  assert.equal(other.findings.length, 2);
  assert.equal(other.policySuppressions, undefined);
});

test('a data file over the size limit is read up to it and said to be partly read', () => {
  const header = 'id,first_name,last_name,ssn\n';
  const real = '1,Maria,Gonzalez,471-28-3390\n';
  const filler = '2,Jane123,Doe456,999-12-3456\n'.repeat(2000);
  const result = analyze(header + real + filler + real, 'patients.csv', engine().defaultPolicy(), { maxFileSizeKb: 8 });
  assert.equal(result.skipped, undefined);
  assert.deepEqual(result.partlyRead && result.partlyRead.readKb <= 8, true);
  assert.ok(result.partlyRead.totalKb > 50);
  assert.deepEqual(literalFindings(result).map((f) => f.line), [1]);
});

test('lockfiles, and minified JSON is still read', () => {
  for (const name of ['package-lock.json', 'pnpm-lock.yaml', 'yarn.lock', 'Pipfile.lock', 'poetry.lock']) assert.equal(engine().languageFromPath(name), undefined, name);
  assert.equal(engine().languageFromPath('config/.env.example'), 'dotenv');
  assert.equal(engine().languageFromPath('src/.env.ts'), 'typescript');
  const minified = JSON.stringify({ patients: Array.from({ length: 400 }, (_, i) => ({ id: i, name: `Jane${i} Doe${i}`, ssn: '999-12-3456' })).concat([{ id: 1, name: 'Maria Gonzalez', ssn: '471-28-3390' }]) });
  const result = analyze(minified, 'export.json');
  assert.equal(result.skipped, undefined);
  assert.equal(literalFindings(result).length, 1);
});

test('.env samples: a patient variable is a finding, a marked or staff one is not', () => {
  const text = 'PATIENT_SSN=471-28-3390\nTEST_PATIENT_SSN=471-28-3390\nADMIN_EMAIL=ops@clinic.org\n# phi-guard: ignore[phi-literal] -- sample from the vendor docs\nSEED_SSN="523-41-7781"\n';
  const result = analyze(text, '.env.example');
  assert.deepEqual(literalFindings(result).map((f) => f.line), [0]);
  assert.equal(result.suppressed.length, 1);
});

test('an HL7 message in a string literal is one finding at the literal', () => {
  const code = 'ADT = "MSH|^~\\\\&|EPIC|HOSP|||20240101||ADT^A01|1|P|2.5\\rPID|1||A0048812^^^HOSP^MR||GONZALEZ^MARIA||19610417|F"\nSAMPLE_ADT = "MSH|^~\\\\&|EPIC\\rPID|1||A0048812^^^HOSP^MR||GONZALEZ^MARIA||19610417|F"\n';
  const result = analyze(code, 'hl7_samples.py');
  assert.deepEqual(literalFindings(result).map((f) => f.line), [0]);
  assert.ok(!shown(result).includes('GONZALEZ'));
});

test('clearing the PHI outputs leaves a valid notebook: JSON, nbformat fields, cells and sources kept', () => {
  const before = JSON.parse(fixture('notebook-phi-outputs.before.ipynb').replace(/ \/\/ expect.*$/gm, ''));
  const after = JSON.parse(fixture('notebook-phi-outputs.after.ipynb'));
  assert.equal(after.nbformat, 4);
  assert.equal(after.nbformat_minor, before.nbformat_minor);
  assert.deepEqual(after.metadata, before.metadata);
  assert.equal(after.cells.length, before.cells.length);
  assert.deepEqual(after.cells.map((cell) => cell.source), before.cells.map((cell) => cell.source));
  assert.deepEqual(after.cells.map((cell) => cell.outputs?.length), [undefined, 0, 0, 0]);
  for (const cell of after.cells.filter((c) => c.cell_type === 'code')) assert.ok('execution_count' in cell && 'metadata' in cell);
});

test('every fix makes its finding go away: the synthetic values are ones the rule treats as synthetic', () => {
  for (const name of ['python-identifiers.after.py', 'typescript-fixture.after.ts', 'patients.after.csv', 'fhir-bundle.after.json', 'seed.after.yaml', 'adt.after.hl7']) {
    assert.deepEqual(literalFindings(analyze(fixture(name), name.replace('.after', ''))), [], name);
  }
});

test('docs/rules/phi-literal.md: the flagged example is flagged, the fixed and quiet ones are not', () => {
  const doc = readFileSync(path.join(repoRoot, 'docs/rules/phi-literal.md'), 'utf8');
  const blocks = [...doc.matchAll(/^Python — (flagged|fixed):\n\n```python\n([\s\S]*?)```/gm), ...doc.matchAll(/^(Not flagged):\n\n```python\n([\s\S]*?)```/gm)];
  assert.equal(blocks.length, 3);
  for (const [, kind, code] of blocks) {
    assert.equal(literalFindings(analyze(code, 'a.py')).length, kind === 'flagged' ? 1 : 0, kind);
  }
});

test('a record holding a value that proves it made up is quiet as a whole; a real-looking one beside it is not', () => {
  const code = [
    "const a = { firstName: 'Marcus', lastName: 'Hill', dateOfBirth: '1975-07-22', email: 'marcus.hill@example.test' };",
    "const b = { firstName: 'Marcus', lastName: 'Hill', dateOfBirth: '1975-07-22', phone: '720-555-2001' };",
    "const c = { id: 'demo-acne-001', firstName: 'Marcus', lastName: 'Hill' };",
    "const d = { firstName: 'Marcus', lastName: 'Hill', dateOfBirth: '1975-07-22', email: 'marcus.hill@gmail.com' };",
    '',
  ].join('\n');
  assert.deepEqual(literalFindings(analyze(code, 'seed.ts')).map((f) => f.line), [3]);
  const csv = 'first_name,last_name,dob,email\nMarcus,Hill,1975-07-22,marcus@example.org\nMarcus,Hill,1975-07-22,marcus.hill@gmail.com\n';
  assert.deepEqual(literalFindings(analyze(csv, 'people.csv')).map((f) => f.line), [2]);
});

test('placeholders stay quiet: John Doe, form labels, January 1st, translation catalogues', () => {
  const code = 'patient = {"first_name": "John", "last_name": "Doe", "dob": "1980-01-01"}\nCSV_MAPPING = {"first_name": "First Name", "phone_number": "Phone Number"}\n';
  assert.deepEqual(literalFindings(analyze(code, 'seed.py')), []);
  const labels = '{ "patient": { "firstName": "Nombre", "middleName": "Segundo Nombre", "ssn": "471-28-3390" } }';
  assert.deepEqual(literalFindings(analyze(labels, '/repo/src/i18n/locales/es/patients.json')), []);
  assert.equal(literalFindings(analyze(labels, '/repo/tests/data/patients.json')).length, 1);
});

test("what a patient record lists is not the patient: a drug's, a plan's or a practitioner's name", () => {
  const code = [
    'patient = {"name": "Maria Gonzalez", "medications": [{"name": "Metformin Hydrochloride"}], "insurance": {"name": "Blue Ridge Mutual", "phone": "(617) 867-2000"}}',
    'visit = {"patient": {"first_name": "Maria", "last_name": "Gonzalez"}, "practitioner": {"name": "Gregory House"}}',
    ANCHOR,
  ].join('\n');
  const findings = literalFindings(analyze(code, 'seed.py')).filter((f) => f.line < 2);
  assert.deepEqual(findings.map((f) => [f.line, f.message.match(/person name under "[a-z_]+"/g)]), [
    [0, ['person name under "name"']],
    [1, ['person name under "first_name"', 'person name under "last_name"']],
  ]);
});

test('data nested deeper than any real file is refused as too deep, never parsed into a crash', () => {
  const deep = `${'['.repeat(100_000)}"471-28-3390"${']'.repeat(100_000)}`;
  for (const file of ['deep.json', 'deep.yaml', 'deep.ipynb']) {
    const result = analyze(deep, file);
    assert.equal(result.skipped?.reason, 'too-deep', file);
  }
  const yamlBomb = `a: &a ["471-28-3390", "471-28-3390"]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\nd: [*c, *c, *c, *c]\n`;
  assert.deepEqual(analyze(yamlBomb, 'aliases.yaml').ruleFailures, []);
});

test('made-up identifiers stay quiet beside real-looking ones: counting digits, padded counters, group and payer numbers', () => {
  const cases = [
    ['uk = {"nhs_number": "1345678940"}\n', 0],
    ['uk = {"nhs_number": "485 777 3457"}\n', 1],
    ['bill = {"accountNumber": "ACCT-000059", "patientFirstName": "Mason"}\n', 0],
    ['bill = {"accountNumber": "ACCT-408851"}\n', 1],
    ['plan = {"insuranceGroupNumber": "7654321", "insurancePayerId": "39026"}\n', 0],
    ['plan = {"insuranceMemberId": "W408851772"}\n', 1],
    ['cover = {"policyNumber": "BCB987654321"}\n', 0],
  ];
  for (const [code, count] of cases) assert.equal(literalFindings(analyze(code, 'seed.py')).length, count, code);
});

test('an HL7 message or a FHIR resource is one record: a 555 number in it quiets the rest', () => {
  const message = (phone) => `ADT = "MSH|^~\\\\&|LAB|HOSP|EHR|CLINIC|20250108143000||ADT^A04|MSG1|P|2.5\\rPID|1||PAT48812^^^MRN||GONZALEZ^MARIA||19610417|F|||12 ELM RD^^BOSTON^MA^02139||${phone}"\n`;
  assert.deepEqual(literalFindings(analyze(message('555-123-4567'), 'samples.py')), []);
  assert.equal(literalFindings(analyze(message('617-867-2368'), 'samples.py')).length, 1);
  const patient = (phone) =>
    JSON.stringify({ resourceType: 'Patient', identifier: [{ type: { coding: [{ code: 'MR' }] }, system: 'urn:oid:1.2.3', value: '45823917' }], name: [{ family: 'Gonzalez', given: ['Maria'] }], telecom: [{ system: 'phone', value: phone }], birthDate: '1961-04-17' }, null, 2);
  assert.deepEqual(literalFindings(analyze(patient('(410) 555-7392'), 'backups/patient.json')), []);
  assert.ok(literalFindings(analyze(patient('(410) 867-7392'), 'backups/patient.json')).length >= 3);
});

test('an export of patient records is its first lines one by one, then one finding counting the rest', () => {
  const rows = Array.from({ length: 60 }, (_, i) => `${i + 1},Maria,Gonzalez,471-28-${3310 + i},1961-04-17`);
  const findings = literalFindings(analyze(['id,first_name,last_name,ssn,dob', ...rows, ''].join('\n'), 'exports/patients.csv'));
  assert.equal(findings.length, 51);
  assert.deepEqual(findings.slice(0, 50).map((f) => f.line), Array.from({ length: 50 }, (_, i) => i + 1));
  assert.equal(findings[50].line, 51);
  assert.match(findings[50].message, /^10 more lines of this file hold real-looking PHI \(/);
  assert.ok(!findings.some((f) => /Gonzalez|471-28/.test(f.message)), 'no value in any message');
  const small = literalFindings(analyze(['id,first_name,last_name,ssn,dob', ...rows.slice(0, 50), ''].join('\n'), 'exports/patients.csv'));
  assert.equal(small.length, 50);
});

test('a record variable is one record: a demo marker in a nested object quiets its policy number, not another variable', () => {
  const record = (reviewer) => `export const PATIENT_MARCUS = {\n  insurance: { primary: { policyNumber: 'UHC402883145' } },\n  profile: { lastReviewedBy: '${reviewer}' },\n};\n`;
  assert.deepEqual(literalFindings(analyze(record('Demo Scheduler'), 'src/data.ts')), []);
  assert.equal(literalFindings(analyze(record('Front Desk'), 'src/data.ts')).length, 1);
  const list = `export const PATIENTS = [\n  { mrn: 'A0048812' },\n  { reviewedBy: 'Demo Scheduler' },\n];\n`;
  assert.equal(literalFindings(analyze(list, 'src/data.ts')).length, 1, 'a made-up record in a list says nothing of the others');
});

test('an NHS test number (starting 9) proves its record made up; a real-looking one is reported with the record', () => {
  const patient = (nhs) =>
    JSON.stringify({ resourceType: 'Patient', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: nhs }], name: [{ family: 'Taylor', given: ['Sarah'] }], birthDate: '1965-02-28' }, null, 2);
  // (Not under a `sample_data/` folder: that name alone marks the file made up.)
  assert.deepEqual(literalFindings(analyze(patient('9000000009'), 'tests/data/event.json')), []);
  assert.deepEqual(literalFindings(analyze(patient('9000000019'), 'tests/data/event.json')), [], 'a 9 number with a wrong check digit is made up too');
  assert.ok(literalFindings(analyze(patient('4857773457'), 'tests/data/event.json')).length >= 3);
});

test('a folder or file named for made-up data is quiet; tests, fixtures and folders above the project are not markers', () => {
  const text = 'patient = {"name": "Maria Gonzalez", "ssn": "471-28-3390"}\n';
  for (const file of ['scripts/synthetic-patient-data/seed.py', 'src/__mocks__/api.py', 'frontend/src/demo/data.py', 'docs/examples/patient.py', 'tests/sample_data/patient.py', 'src/fake_patients.py', 'src/demoData.py']) {
    assert.deepEqual(literalFindings(analyze(text, file)), [], file);
  }
  // A real record pasted into a test, a fixture or a `*_samples.py` format sample is the leak the rule exists for.
  for (const file of ['tests/test_patients.py', 'tests/fixtures/patients.py', 'src/hl7_samples.py', 'src/patients.py']) {
    assert.equal(literalFindings(analyze(text, file)).length, 1, file);
  }
  // Only folders inside the project count: a checkout under ~/examples/ is a real project.
  const options = { projectRoot: '/home/dev/examples/clinic' };
  assert.equal(literalFindings(analyze(text, '/home/dev/examples/clinic/src/patients.py', engine().defaultPolicy(), options)).length, 1);
  assert.deepEqual(literalFindings(analyze(text, '/home/dev/examples/clinic/src/demo/patients.py', engine().defaultPolicy(), options)), []);
});

test('a placeholder name in any case or order proves its record made up; a relative named Doe does not clear the patient', () => {
  const row = (name) => `rows = [{"patientName": "${name}", "memberId": "W123987654"}]\n`;
  for (const name of ['Doe, Jane', 'john doe', 'Jane Smith']) assert.deepEqual(literalFindings(analyze(row(name), 'billing.py')), [], name);
  assert.equal(literalFindings(analyze(row('Riley Okafor'), 'billing.py')).length, 1);
  const insured = (last) => `insurance = {"firstName": "john", "lastName": "${last}", "memberId": "W123987654"}\n`;
  assert.deepEqual(literalFindings(analyze(insured('doe'), 'paperwork.ts')), []);
  const hl7 = 'MSH|^~\\&|EPIC|NORTHSIDE|||20240301100000||ADT^A01|MSG00001|P|2.5\nPID|1||A0048812^^^NORTHSIDE^MR||GONZALEZ^MARIA||19610417|F\nNK1|1|DOE^JOHN|SPO\n';
  assert.equal(literalFindings(analyze(hl7, 'adt.hl7')).length, 1);
});

test('a record number typed as a pattern is made up; an issued-looking one is reported', () => {
  const member = (id) => `plan = {"memberId": "${id}"}\n`;
  for (const id of ['123123', '234234', '999000111', '111222333', '11200000']) assert.deepEqual(literalFindings(analyze(member(id), 'seed.py')), [], id);
  for (const id of ['W123987654', '112233445', '48812093']) assert.equal(literalFindings(analyze(member(id), 'seed.py')).length, 1, id);
});

test('in test code a whole identity alone is a made-up person; an identifier beside it is still reported', () => {
  const identity = 'export const holder = { firstName: "Barnabas", lastName: "Quillfeather", dob: "1982-02-23", phone: "(617) 867-2368" };\n';
  const options = { projectRoot: '/repo' };
  const at = (text, file) => literalFindings(analyze(text, file, engine().defaultPolicy(), options));
  assert.deepEqual(at(identity, '/repo/packages/api/test/harvest.test.ts'), []);
  assert.deepEqual(at(identity, '/repo/apps/web/tests/e2e/intake.spec.ts'), []);
  assert.equal(at(identity, '/repo/packages/api/src/holder.ts').length, 1, 'outside tests a whole identity is reported');
  const withMember = identity + 'export const coverage = { memberId: "W123987654" };\n';
  assert.deepEqual(at(withMember, '/repo/packages/api/test/harvest.test.ts').map((f) => f.line), [0, 1], 'a member number in a test is reported with the person');
});

test('in test code a data set with visible markers is made up as a whole; without markers, or with a real-looking SSN, it is reported', () => {
  const options = { projectRoot: '/repo' };
  const at = (text, file) => literalFindings(analyze(text, file, engine().defaultPolicy(), options));
  const typed = [
    "const NEW_PATIENT_LAST_NAME = 'Test_last_name';",
    "const NEW_ADDRESS_RESPONSIBLE_PARTY = '123 fake lane';",
    "const NEW_PATIENT_EMAIL = 'riley.okafor@gmail.com';",
    "const INSURANCE_MEMBER_ID = 'W408851772';",
    "const holder = { firstName: 'Riley', lastName: 'Okafor', dob: '1982-02-23' };",
    '',
  ].join('\n');
  const spec = '/repo/apps/web/tests/e2e/specs/intake.spec.ts';
  assert.deepEqual(at(typed, spec), [], 'two markers under person fields: the whole file is made up');
  // One marker could be a slip: the member number (and with it the person) is still reported.
  const oneMarker = typed.replace("'123 fake lane'", "'48 Harbor Road'");
  assert.ok(at(oneMarker, spec).some((f) => /member ID/.test(f.message)));
  // A real-looking SSN is no tester's invention, markers or not.
  assert.deepEqual(at(`${typed}const holderSsn = { ssn: '471-28-3390' };\n`, spec).map((f) => f.line), [5]);
  // Markers in a label, a test title or a thing's name are not under a person field.
  const titles = "it('test the fake lane', () => {});\nconst label = 'Test_last_name';\nconst upload = { fileName: 'test_scan.pdf', hostAddress: 'fake.local' };\nconst INSURANCE_MEMBER_ID = 'W408851772';\n";
  assert.equal(at(titles, spec).length, 1);
  // Outside test code the markers quiet only their own record.
  assert.ok(at(typed, '/repo/apps/web/src/intake.ts').some((f) => /member ID/.test(f.message)));
});

test('placeholder names count as markers of a test file: Jane Smith and Alice beside a made-up member number', () => {
  const options = { projectRoot: '/repo' };
  const at = (text) => literalFindings(analyze(text, '/repo/packages/api/test/unit/rules.test.ts', engine().defaultPolicy(), options));
  const fixture = (first, last) => [
    `const patient = { resourceType: 'Patient', name: [{ given: ['${first}'], family: '${last}' }] };`,
    "const subscriber = { resourceType: 'RelatedPerson', name: [{ given: ['Pat'], family: 'Holder' }], birthDate: '1980-05-05' };",
    "const coverage = { resourceType: 'Coverage', subscriberId: 'XKD-889-12' };",
    '',
  ].join('\n');
  // (Literals under four characters, `'Doe'`, are not read at all.)
  assert.deepEqual(at(fixture('Jane', 'Smith')), []);
  assert.deepEqual(at(fixture('Alice', 'Smith')), []);
  assert.ok(at(fixture('Riley', 'Okafor')).length >= 2, 'no marker: the member number and the persons are reported');
});

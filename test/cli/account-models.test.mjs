// The app's own people (docs/rules/phi-in-error.md, "What stays quiet"): where the workspace's
// Prisma `Person` is an account of a member of the clinic (role assignments, memberships, sign-in)
// and holds no patient data, `person.name` in an error is a member's name, not a patient's.
// Beside it, what stays reported: the same code where `Person` also holds patients (a `role` of a
// PATIENT enum, a patient relation), or where `Person` has one account field only.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingLines, tempProject } from './run-cli.mjs';

const lines = (...text) => [...text, ''].join('\n');

const schema = (...personFields) =>
  lines(
    'enum Kind {',
    '  STAFF',
    '  PATIENT',
    '}',
    '',
    'model Person {',
    '  id     String @id',
    '  name   String',
    '  email  String?',
    ...personFields.map((field) => `  ${field}`),
    '}',
    '',
    'model RoleAssignment {',
    '  id       String @id',
    '  personId String',
    '}',
  );

const service = lines(
  "import { prisma } from '../db';",
  '',
  'export async function attachAccessRequest(personIds: string[]) {',
  '  const people = await prisma.person.findMany({ where: { id: { in: personIds } } });',
  '  for (const person of people) {',
  "    if (!person.email) throw new Error(`${person.name} has no e-mail on file`);",
  '  }',
  '  const open = await prisma.accessRequest.findMany({ include: { person: true } });',
  "  if (open.length) throw new Error(`Open request for ${open.map((r) => r.person.name).join(', ')}`);",
  '}',
);

const project = (label, ...personFields) => tempProject(label, { 'prisma/schema.prisma': schema(...personFields), 'src/services/access.ts': service });

test('a Person with role assignments and memberships is a member of the app: its name in an error is quiet', () => {
  const cwd = project('account-person', 'roleAssignments RoleAssignment[]', 'memberships     String[]', 'lastLoginAt     DateTime?');
  assert.deepEqual(findingLines(cwd, 'phi-in-error'), []);
});

test('the same errors are reported where Person holds patients, or shows one account field only', () => {
  const both = ['src/services/access.ts:6', 'src/services/access.ts:9'];
  const withPatients = project('account-person-patients', 'roleAssignments RoleAssignment[]', 'memberships     String[]', 'kind            Kind');
  assert.deepEqual(findingLines(withPatients, 'phi-in-error'), both, 'a Kind enum with PATIENT: some persons are patients');
  const clinical = project('account-person-clinical', 'roleAssignments RoleAssignment[]', 'memberships     String[]', 'diagnoses       String[]');
  assert.deepEqual(findingLines(clinical, 'phi-in-error'), both, 'a clinical field: the persons are patients');
  const oneField = project('account-person-one-field', 'roleAssignments RoleAssignment[]');
  assert.deepEqual(findingLines(oneField, 'phi-in-error'), both, 'a role alone is in any person table');
});

// phi-to-third-party (docs/rules/phi-to-third-party.md, "What stays quiet"): an analytics
// `identify` names the signed-in user; where the app's people are its workforce, that user is a
// clinic member. Its other calls, clinical data, a patient portal's module, or a Person that holds
// patients stay reported.
const identify = lines(
  "import posthog from 'posthog-js';",
  '',
  'export function identifySignedIn(personId: string, name: string | null, email: string | null) {',
  '  posthog.identify(personId, { name: name ?? undefined, email: email ?? undefined });',
  "  posthog.capture('profile_viewed', { email });",
  '}',
);
const identifyProject = (label, files, ...personFields) => tempProject(label, { 'prisma/schema.prisma': schema(...personFields), ...files });
const MEMBER_FIELDS = ['roleAssignments RoleAssignment[]', 'memberships     String[]', 'lastLoginAt     DateTime?'];

test('an analytics identify of the signed-in member is quiet where Person is an account of the app; its other calls are not', () => {
  const cwd = identifyProject('identify-staff', { 'src/platform/analytics/identify.ts': identify }, ...MEMBER_FIELDS);
  assert.deepEqual(findingLines(cwd, 'phi-to-third-party'), ['src/platform/analytics/identify.ts:5']);
});

test('the identify is reported where Person holds patients, or in a patient portal module', () => {
  const withPatients = identifyProject('identify-patients', { 'src/platform/analytics/identify.ts': identify }, ...MEMBER_FIELDS.slice(0, 2), 'kind            Kind');
  assert.deepEqual(findingLines(withPatients, 'phi-to-third-party'), ['src/platform/analytics/identify.ts:4', 'src/platform/analytics/identify.ts:5']);
  const portal = identifyProject('identify-portal', { 'src/patient-portal/identify.ts': identify }, ...MEMBER_FIELDS);
  assert.deepEqual(findingLines(portal, 'phi-to-third-party'), ['src/patient-portal/identify.ts:4', 'src/patient-portal/identify.ts:5']);
});

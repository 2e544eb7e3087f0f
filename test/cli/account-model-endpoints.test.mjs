// An endpoint that reads the workspace's `Person` where that model is the app's account of a
// member (a Prisma model with role assignments and memberships, no patient field) serves a clinic
// member's data, not a patient's (docs/rules/missing-phi-access.md): quiet. Where the model holds
// patient data, or the route reads a patient, it is still reported.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingLines, tempProject } from './run-cli.mjs';

const schema = (extra = []) =>
  ['model Person {', '  id          String @id', '  name        String', '  email       String', '  roles       RoleAssignment[]', '  memberships Membership[]', ...extra, '}', ''].join('\n');

const files = (prismaSchema) => ({
  'prisma/schema.prisma': prismaSchema,
  'src/lib/people.ts': [
    "import { prisma } from './db';",
    'export async function getActivePerson(id: string) {',
    '  const person = await prisma.person.findUnique({ where: { id } });',
    '  return person;',
    '}',
    '',
  ].join('\n'),
  'src/app/api/people/[personId]/route.ts': [
    "import { prisma } from '../../../../lib/db';",
    "import { getActivePerson } from '../../../../lib/people';",
    '',
    'export async function GET(request: Request, context: { params: { personId: string } }) {',
    '  const person = await prisma.person.findUnique({ where: { id: context.params.personId } });',
    '  return Response.json({ name: person?.name, email: person?.email });',
    '}',
    '',
    'export async function POST(request: Request, context: { params: { personId: string } }) {',
    '  const person = await getActivePerson(context.params.personId);',
    "  if (!person) return new Response('Forbidden', { status: 403 });",
    "  return new Response('ok');",
    '}',
    '',
  ].join('\n'),
  'src/app/api/visitors/[id]/route.ts': [
    "import { prisma } from '../../../../lib/db';",
    '',
    'export async function GET(request: Request, context: { params: { id: string } }) {',
    '  const patient = await prisma.patient.findUnique({ where: { id: context.params.id } });',
    '  return Response.json({ name: patient?.name, dob: patient?.dob });',
    '}',
    '',
  ].join('\n'),
});

const missing = (prismaSchema) => findingLines(tempProject('account-model-endpoints', files(prismaSchema)), 'missing-phi-access');

test("a route reading the app's account of a member (Person with roles and memberships) is quiet; one reading a patient is not", () => {
  assert.deepEqual(missing(schema()), ['src/app/api/visitors/[id]/route.ts:3']);
});

test('a Person model that holds patient data is a patient record: its routes are reported', () => {
  assert.deepEqual(missing(schema(['  mrn         String', '  diagnoses   Diagnosis[]'])), [
    'src/app/api/people/[personId]/route.ts:4',
    'src/app/api/people/[personId]/route.ts:9',
    'src/app/api/visitors/[id]/route.ts:3',
  ]);
});

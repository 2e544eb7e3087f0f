// A one-off script named for its task that exports nothing prints to the operator who ran it.
const { PrismaClient } = require('@prisma/client');

const prisma = new PrismaClient();

async function main() {
  const patient = await prisma.patient.findFirst({ where: { lastName: 'Demo' } });
  console.log('Found', patient.firstName, patient.lastName, patient.dateOfBirth);
}

main().finally(() => prisma.$disconnect());

// A script at the project's root that exports nothing and runs a function of its own prints to the operator who ran it.
const { PrismaClient } = require('@prisma/client');

const prisma = new PrismaClient();

async function activateAccount() {
  const client = await prisma.client.findFirst({ where: { medicalRecordNumber: process.argv[2] } });
  console.log('Client found:', client.firstName, client.lastName);
}

activateAccount().finally(() => prisma.$disconnect());

#!/usr/bin/env node
// A program run from a terminal (`#!` line): it prints the seeded records to the operator.
async function verifySeed(db) {
  const rows = await db.patients.findMany({ where: { tenantId: 'tenant-demo' } });
  for (const patient of rows) console.log(`Patient: ${patient.lastName} | DOB: ${patient.dob}`);
}

verifySeed(globalThis.db);

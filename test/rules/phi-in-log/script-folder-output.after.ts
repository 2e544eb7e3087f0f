// A setup script in the project's scripts/ folder: what it prints goes to the operator who ran it.
async function setupDemoPortal(db) {
  const patient = await db.patients.findFirst({ where: { tenantId: 'tenant-demo' } });
  console.log('Portal account created for', patient.email, patient.firstName);
}

setupDemoPortal(globalThis.db).then(() => process.exit(0));

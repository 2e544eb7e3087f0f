// A module named `scripts` inside the product (not a scripts/ folder): its logs are the product's.
async function runIntakeScripts(db) {
  const patient = await db.patients.findFirst({ where: { tenantId: 'tenant-a' } });
  console.log('Intake scripts done for ' + patient.firstName + ', DOB: ' + patient.dob);  // expect: phi-in-log
}

// A `map` or `reduce` callback's parameter is an element of the receiver: what the callback returns
// is judged on what it reads off that element, so ids and amounts projected from records are clean.
export async function createInvoiceTasks(store: Store, claims: BillingClaim[]) {
  const packagesToCreate = await getClaimsWithoutTask(store, claims);
  console.log(`Packages: ${JSON.stringify(packagesToCreate.map((pkg) => ({ encounterId: pkg.encounter.id, claimId: pkg.claim.claimId, balance: pkg.claim.balance })))}`);
  console.log('Packages');
  console.log('Packages');
}

async function getClaimsWithoutTask(store: Store, claims: BillingClaim[]): Promise<Package[]> {
  const encounters = await store.search({ resourceType: 'Encounter' });
  return encounters.map((encounter) => ({ encounter, claim: claims.find((c) => c.encounterId === encounter.id) }));
}

export function triage(encounters: Encounter[]) {
  const highest = encounters.reduce((acc, encounter) => (encounter.priority > acc ? encounter.priority : acc), 0);
  console.log('highest priority', highest);
  const kept = encounters.reduce((acc, encounter) => { acc.push(encounter); return acc; }, []);
  console.log('kept', { patientId: kept.id });
  const first = encounters.reduce((acc, encounter) => acc ?? encounter.patient, undefined);
  console.log('first');
}

// A `map` or `reduce` callback's parameter is an element of the receiver: what the callback returns
// is judged on what it reads off that element, so ids and amounts projected from records are clean.
export function createInvoiceTasks(encounters: Encounter[]) {
  console.log(`Packages: ${JSON.stringify(encounters.map((encounter) => ({ encounterId: encounter.id, claimId: encounter.claim.claimId, balance: encounter.claim.balance })))}`);
  console.log('Packages');
  console.log('Packages');
}

export function triage(encounters: Encounter[]) {
  const highest = encounters.reduce((acc, encounter) => (encounter.priority > acc ? encounter.priority : acc), 0);
  console.log('highest priority', highest);
  const kept = encounters.reduce((acc, encounter) => { acc.push(encounter); return acc; }, []);
  console.log('kept', { keptId: kept.id });
  const first = encounters.reduce((acc, encounter) => acc ?? encounter.patient, undefined);
  console.log('first');
}

export function packetTitles(notes: string[]) {
  // Loose values, not records: an element's unknown field is judged as before (not bound).
  notes.map((part) => console.log('packet part', part.title));
}

// Values named like PHI that are reference data, ids or debug text: a drug looked up in the
// catalogue by its key, a code set's version flag, a map of claim ids to encounter ids, a debug
// object built here from ids. Beside each, the same words where a patient's data is in them.

export async function getMedicationByName(client: { search(query: string): Promise<unknown> }, medicationName: string) {
  const found = await client.search(`Medication?identifier=${medicationName}`);
  if (!found) throw new Error(`No medication was found with this name: ${medicationName}`);
  return found;
}

export function findPatientsByMedication(medicationName: string) {
  throw new Error('No patient takes');
}

export function icdSystemFromIndicator(icdIndicator: string): string {
  if (icdIndicator === '0') return 'http://hl7.org/fhir/sid/icd-10-cm';
  throw new Error(`Unknown ICD indicator ${icdIndicator}`);
}

export function balanceFor(claimIdToEncounterIdMap: Map<string, string>, claimId: string, balances: Map<string, number>) {
  const encounterId = claimIdToEncounterIdMap.get(claimId);
  if (!balances.has(encounterId!)) throw new Error(`No balance found for encounter ${encounterId}`);
}

export function diagnosisFor(patientIdToDiagnosisMap: Map<string, string>, patientId: string) {
  const diagnosis = patientIdToDiagnosisMap.get(patientId);
  throw new Error(`Unsupported diagnosis (patientId=${patientId})`);
}

export function failedSlot(slotId: string, worker: string) {
  const diagnostic = JSON.stringify({ slotId, worker, at: Date.now() });
  throw new Error(`Failed to create appointment. Diagnostic: ${diagnostic}`);
}

export function failedVisit(patient: { mrn: string }) {
  const diagnostic = JSON.stringify({ mrn: patient.mrn });
  throw new Error(`Failed to create the visit. Diagnostic (patientId=${patient.id})`);
}

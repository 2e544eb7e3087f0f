// An ICD-10 code alone, named as a code, that failed a lookup in the code table is a row of a
// public table, as in a log (phi-in-log's diagnosis-code-alone); beside an encounter, in a function
// given the patient, or a diagnosis not named as a code, it is a patient's diagnosis.
export async function createPreAuthRequest(hospitalId: string, data: PreAuthData) {
  const icdCode = await db.icd10Code.findFirst({ where: { hospitalId, code: data.diagnosisICDCode } });
  if (!icdCode) throw new NotFoundError(`ICD-10 code ${data.diagnosisICDCode} not found`);
  return icdCode;
}

export function addDiagnosis(encounterId: string, icdCode: string, diagnosis: string) {
  if (!known(icdCode)) throw new Error(`Unknown diagnosis ${icdCode} on encounter ${encounterId}`);  // expect: phi-in-error
  if (!diagnosis) throw new Error(`Unmapped diagnosis ${diagnosis}`);  // expect: phi-in-error
}

export function checkCode(patient: Patient, icdCode: string) {
  if (!known(icdCode)) throw new Error(`Unmapped code ${icdCode}`);  // expect: phi-in-error
}

// An ICD-10 code alone, named as a code, is a row of a public code table like a CPT code; beside an
// encounter, in a function given the patient, or a diagnosis not named as a code, it is a patient's
// diagnosis.
import { logger } from '../utils/logger';

export async function lookupIcdCode(api, icdCode: string) {
  try {
    return await api.request('LOOKUPDIAGCODE', { diagcode: icdCode });
  } catch (error) {
    logger.error('Error looking up ICD-10 code', { icdCode, error: error.message });
    return undefined;
  }
}

export async function addDiagnosis(db, encounterId: string, icdCode: string, diagnosis: string) {
  await db.insert({ encounterId, icdCode });
  logger.info(`Added diagnosis ${icdCode} to encounter ${encounterId}`);  // expect: phi-in-log
  logger.warn(`Unmapped diagnosis ${diagnosis}`);  // expect: phi-in-log
}

export function checkCode(patient: Patient, icdCode: string) {
  logger.warn(`Unmapped code ${icdCode}`);  // expect: phi-in-log
}

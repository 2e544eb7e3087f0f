// The same module name reading a patient's coverage: the patient's insurance is still reported.
import { logger } from '../utils/logger';

export async function checkPatientCoverage(prisma, patientId) {
  const insuranceExpiringSoon = await prisma.patientInsurance.findMany({ where: { patientId, expiration: { lte: new Date() } } });
  logger.warn('Patient insurance expiring', { insurance: insuranceExpiringSoon });  // expect: phi-in-log
  return insuranceExpiringSoon;
}

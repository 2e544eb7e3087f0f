// A claim number built from the patient's own data is no counter of the system's: logging it is
// logging the patient's name, so the module's claim numbers stay reported.
import { logger } from './logger';

export function openClaim(patient: Patient, claimPayment: ClaimPayment) {
  const claimNumber = `CLM-${patient.lastName}-${Date.now()}`;
  logger.info('Created claim', { patientId: patient.id });
  logger.warn('ERA claim not found', { claimPaymentId: claimPayment.id });
  return claimNumber;
}

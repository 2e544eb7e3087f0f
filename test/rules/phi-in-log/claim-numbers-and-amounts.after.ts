// An amount logged beside ids only is a number that names no one: quiet. A claim's number is billing
// PHI (the contract lists claim_number), logged alone or not; so is a patient's own balance.
import { logger } from './logger';

export function submitClaim(claim: Claim, claimPayment: ClaimPayment, patient: Patient, invoice: Invoice, customerId: string) {
  logger.info('Claim submitted', { claimId: claim.id, total: claim.totalCharges });
  logger.warn('ERA claim not found', { claimPaymentId: claimPayment.id });
  logger.info('Created claim', { claimId: claim.id });
  logger.info(`Charging invoice ${invoice.id} (amount_due=${invoice.amount_due}) for customer ${customerId}`);
  logger.info('Claim submitted', { claimId: claim.id });
  logger.info('Claim submitted', { claimId: claim.id });
  logger.info('Claim submitted', { patientId: patient.id });
  logger.info('Patient claim', { patientId: patient.id });
  logger.info('Balance due', { patientId: patient.id });
}

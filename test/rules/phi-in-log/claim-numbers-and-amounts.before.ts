// An amount logged beside ids only is a number that names no one: quiet. A claim's number is billing
// PHI (the contract lists claim_number), logged alone or not; so is a patient's own balance.
import { logger } from './logger';

export function submitClaim(claim: Claim, claimPayment: ClaimPayment, patient: Patient, invoice: Invoice, customerId: string) {
  logger.info('Claim submitted', { claimId: claim.id, claimNumber: claim.claimNumber, total: claim.totalCharges });  // expect: phi-in-log
  logger.warn('ERA claim not found', { claimNumber: claimPayment.claimNumber });  // expect: phi-in-log
  logger.info(`Created claim ${claim.claim_no}`);  // expect: phi-in-log
  logger.info(`Charging invoice ${invoice.id} (amount_due=${invoice.amount_due}) for customer ${customerId}`);
  logger.info('Claim submitted', { claimNumber: claim.claimNumber, patientName: patient.name });  // expect: phi-in-log
  logger.info('Claim submitted', { claimNumber: claim.claimNumber, diagnosis: claim.diagnosis });  // expect: phi-in-log
  logger.info('Claim submitted', { claims: patient.claims });  // expect: phi-in-log
  logger.info('Patient claim', { claimNumber: patient.claimNumber, owed: patient.balance });  // expect: phi-in-log
  logger.info('Balance due', { balance: patient.balance, name: patient.name });  // expect: phi-in-log
}

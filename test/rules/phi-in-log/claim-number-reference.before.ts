// A claim's number is a reference to the claim record, like its id, and an amount is a number: logged
// alone (with ids beside them) they are quiet. Beside the patient's name, or the claim's own data, not.
import { logger } from './logger';

export function submitClaim(claim: Claim, claimPayment: ClaimPayment, patient: Patient, invoice: Invoice, customerId: string) {
  logger.info('Claim submitted', { claimId: claim.id, claimNumber: claim.claimNumber, total: claim.totalCharges });
  logger.warn('ERA claim not found', { claimNumber: claimPayment.claimNumber });
  logger.info(`Created claim ${claim.claim_no}`);
  logger.info(`Charging invoice ${invoice.id} (amount_due=${invoice.amount_due}) for customer ${customerId}`);
  logger.info('Claim submitted', { claimNumber: claim.claimNumber, patientName: patient.name });  // expect: phi-in-log
  logger.info('Claim submitted', { claimNumber: claim.claimNumber, diagnosis: claim.diagnosis });  // expect: phi-in-log
  logger.info('Claim submitted', { claims: patient.claims });  // expect: phi-in-log
  logger.info('Patient claim', { claimNumber: patient.claimNumber, owed: patient.balance });  // expect: phi-in-log
  logger.info('Balance due', { balance: patient.balance, name: patient.name });  // expect: phi-in-log
}

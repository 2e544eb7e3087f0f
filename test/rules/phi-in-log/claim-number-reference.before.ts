// A claim's number is a reference to the claim record, like its id: logged alone (with ids and
// amounts beside it) it is quiet. Beside the patient's name, or the claim's own data, it is not.
import { logger } from './logger';

export function submitClaim(claim: Claim, claimPayment: ClaimPayment, patient: Patient) {
  logger.info('Claim submitted', { claimId: claim.id, claimNumber: claim.claimNumber, total: claim.totalCharges });
  logger.warn('ERA claim not found', { claimNumber: claimPayment.claimNumber });
  logger.info(`Created claim ${claim.claim_no}`);
  logger.info('Claim submitted', { claimNumber: claim.claimNumber, patientName: patient.name });  // expect: phi-in-log
  logger.info('Claim submitted', { claimNumber: claim.claimNumber, diagnosis: claim.diagnosis });  // expect: phi-in-log
  logger.info('Claim submitted', { claims: patient.claims });  // expect: phi-in-log
}

// A module that mints its own claim numbers (a generator, a prefix and a clock or an id) logs them
// as record references, like the claim's id: quiet. Beside a patient's name or diagnosis, the call
// stays reported.
import { logger } from './logger';

export class ClaimService {
  async createClaim(encounterId: string, tenantId: string) {
    const claimNumber = await this.generateClaimNumber(tenantId);
    logger.info(`Created claim ${claimNumber} for encounter ${encounterId}`);
    return { claimNumber };
  }

  async importClaim(claim: Claim) {
    const row = { claimId: claim.id, claimNumber: claim.claimNumber || `CLM-${claim.id.substring(0, 8)}` };
    logger.info('Imported claim', { claimId: row.claimId, claimNumber: claim.claimNumber });
  }

  postPayment(claimPayment: ClaimPayment, patient: Patient, error: Error) {
    logger.warn('ERA claim not found', { claimNumber: claimPayment.claimNumber });
    logger.error('Error processing ERA claim', { claimNumber: claimPayment.claimNumber, error: error.message });
    logger.info('Claim paid', { claimPaymentId: claimPayment.id });
    logger.info('Claim paid', { claimPaymentId: claimPayment.id });
  }

  private async generateClaimNumber(tenantId: string): Promise<string> {
    return `CLM-${tenantId.slice(0, 4)}-${Date.now()}`;
  }
}

// A procedure code alone is a row of a public code table; beside an encounter or a claim it is a patient's billing.
import { logger } from '../utils/logger';

export async function lookupProcedureCode(api, cptCode: string) {
  try {
    return await api.request('LOOKUPPROCCODE', { proccode: cptCode });
  } catch (error) {
    logger.error('Error looking up CPT code', { cptCode, error: error.message });
    return undefined;
  }
}

export async function addCharge(db, encounterId: string, cptCode: string) {
  await db.insert({ encounterId, cptCode });
  logger.info(`Added procedure to encounter ${encounterId}`);
  logger.info('Claim line added', { claimId: encounterId });
}

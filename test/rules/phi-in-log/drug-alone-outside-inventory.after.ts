// Outside a module about stock, a drug logged is a patient's medication.
import { logger } from './logger';

export function receiveSample(tenantId: string, sample: { drugName: string; quantity: number }) {
  logger.info('Logged sample receipt', { tenantId, quantity: sample.quantity, sampleId: sample.id });
}

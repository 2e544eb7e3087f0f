// In a module about stock, a drug logged alone is a product on a shelf; dispensed to a patient, it is that patient's medication.
import { logger } from './logger';

export function receiveSample(tenantId: string, sample: { drugName: string; quantity: number }) {
  logger.info(`Logged sample receipt: ${sample.drugName}`, { tenantId, quantity: sample.quantity });
}

export function dispenseSample(tenantId: string, patientId: string, sample: { drugName: string }) {
  logger.info('Dispensed sample', { tenantId, patientId });
}

// A log whose own words speak of stock names a product short on the shelf, wherever the module
// is; the same drug logged with a patient or a record of care beside it is that patient's.
import { logger } from './logger';

export async function dispenseOrder(order: { items: { drugName: string; quantity: number }[]; patientId: string }) {
  for (const item of order.items) {
    const stock = await Inventory.findOne({ drug: item.drugName });
    if (!stock || stock.available < item.quantity) {
      logger.warn('Insufficient stock for medication', { medication: item.drugName, available: stock?.available });
      logger.warn('Out of stock', { patientId: order.patientId, recordId: item.id });
      continue;
    }
    logger.info('Dispensing', { recordId: item.id });
  }
}

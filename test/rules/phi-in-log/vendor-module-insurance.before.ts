// A module about the organisation's vendors: the insurance it tracks is the vendors' liability cover.
import { logger } from '../utils/logger';

export async function getVendorsRequiringAttention(prisma) {
  const insuranceExpiringSoon = await prisma.vendor.findMany({ where: { insuranceExpiration: { lte: new Date() } } });
  logger.warn('Vendor insurance expiring', { vendors: insuranceExpiringSoon.map((vendor) => vendor.companyName), insurance: insuranceExpiringSoon });
  return insuranceExpiringSoon;
}

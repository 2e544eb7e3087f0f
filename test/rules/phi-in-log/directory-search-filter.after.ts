// A directory of resources searched by city: the filter's city is a place, not where a patient lives.
import { logger } from '../utils/logger';

export async function getCrisisResources(db, filter?: { category?: string; city?: string }) {
  const where: Record<string, unknown> = { isActive: true };
  if (filter?.city) where.citySpecific = filter.city;
  const resources = await db.crisisResource.findMany({ where });
  logger.info('Retrieved crisis resources', { filter, count: resources.length });
  return resources;
}

export async function findPatientsNear(db, filter?: { city?: string }) {
  const patients = await db.patient.findMany({ where: { city: filter?.city } });
  logger.info('Patient search', { count: patients.length, filterId: filter.id });
  return patients;
}

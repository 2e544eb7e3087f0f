// A search filter filled key by key: a city put into it is a place a directory is searched by.
// Searching patients by it is still a patient's place.
import { logger } from '../utils/logger';

export async function listCrisisResources(req, res) {
  const { category, city } = req.query;
  const filter: Record<string, string> = {};
  if (category) filter.category = category as string;
  if (city) filter.city = city as string;
  logger.info('Searching crisis resources', { filter });
  res.json(await searchResources(filter));
}

export async function listPatientsNear(req, res) {
  const { city } = req.query;
  const filter: Record<string, string> = {};
  filter.city = city as string;
  logger.info('Searching patients', { queryId: req.query.id });
  res.json(await searchPatients(filter));
}

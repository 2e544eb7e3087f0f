import pino from 'pino';

const logger = pino();

export function missingMrns(patients: { id: string; mrn: string }[], active: Set<string>): void {
  const missing: string[] = [];
  patients.filter((p) => !active.has(p.id)).forEach((p) => missing.push(p.mrn));
  logger.warn({ missing }, 'missing MRNs'); // expect: phi-in-log
  logger.warn({ count: missing.length }, 'missing MRNs');
}

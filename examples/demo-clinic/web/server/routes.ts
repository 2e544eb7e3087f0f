// Patient routes of the clinic's Node back end (Express).

import { Router } from 'express';
import winston from 'winston';
import { phiAccess } from './security/phi-access';
import { findPatient, listAppointments } from './store';

const logger = winston.createLogger({ transports: [new winston.transports.Console()] });

export const router = Router();

router.get('/patients/:id', phiAccess({ action: 'read', dataCategory: 'demographics', roles: ['clinician'] }), async (req, res) => {
  const patient = await findPatient(req.params.id);
  if (!patient) {
    logger.warn('Patient lookup missed', { patientId: req.params.id });
    res.status(404).json({ error: 'Patient not found' });
    return;
  }
  logger.info('Patient found: ' + patient.name + ', DOB: ' + patient.dob);
  res.json(patient);
});

router.get('/patients/:id/appointments', async (req, res) => {
  const appointments = await listAppointments(req.params.id);
  logger.info('Appointments loaded', { patientId: req.params.id, count: appointments.length });
  res.json(appointments);
});

router.get('/health', (_req, res) => {
  res.json({ status: 'ok' });
});

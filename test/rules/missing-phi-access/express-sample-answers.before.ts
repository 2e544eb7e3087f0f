// A handler that answers with a sample it builds itself (a FHIR example with today's date) reads no
// patient, whatever its route names. Formatting a date read off a record is reading the record.
import { Router } from 'express';
import { loadAppointment } from '../services/appointments';

export const examplesRouter = Router();

examplesRouter.get('/appointment-example', (_req, res) => {
  res.json({
    resourceType: 'Appointment',
    status: 'booked',
    start: new Date().toISOString(),
    end: new Date(Date.now() + 3600000).toISOString(),
    participant: [{ actor: { reference: 'Patient/example' }, status: 'accepted' }],
  });
});

examplesRouter.get('/appointments/:id/start', async (req, res) => { // expect: missing-phi-access
  const appointment = await loadAppointment(req.params.id);
  res.json({ start: appointment.start.toISOString() });
});

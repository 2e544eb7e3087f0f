// A request schema checked in the handler (`notifyPatientSchema.parse(req.body)`) is judged by its
// fields, not its name: a slot of ids and times lets in no patient's data, a schema of a patient's
// name and birth date does. An SQL statement that selects only keys (`SELECT id FROM patients`)
// checks that a record exists without reading any of its fields; one that selects a field reads it.
import express from 'express';
import { z } from 'zod';
import { pool } from '../db/pool';
import { notifySlot } from '../services/waitlistService';

const router = express.Router();

const notifyPatientSchema = z.object({
  entryId: z.string().uuid(),
  slot: z.object({ providerId: z.string(), locationId: z.string(), scheduledStart: z.string() }),
  channel: z.enum(['sms', 'email']).optional(),
});

const registerPatientSchema = z.object({
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string(),
  insuranceMemberId: z.string(),
});

router.post('/waitlist/notify', async (req, res) => {
  const validated = notifyPatientSchema.parse(req.body);
  const sent = await notifySlot(validated.entryId, validated.slot, validated.channel ?? 'sms');
  res.json(sent);
});

router.post('/registrations', async (req, res) => { // expect: missing-phi-access
  const validated = registerPatientSchema.parse(req.body);
  res.status(202).json({ queued: validated.lastName.length > 0 });
});

router.post('/assign', async (req, res) => {
  const exists = await pool.query('SELECT id FROM patients WHERE id = $1 AND tenant_id = $2', [req.body.subjectRef, req.body.tenantRef]);
  if (!exists.rowCount) return res.status(404).json({ error: 'Not found' });
  res.status(201).json({ assigned: true });
});

router.post('/assign-named', async (req, res) => { // expect: missing-phi-access
  const found = await pool.query('SELECT id, first_name, last_name FROM patients WHERE id = $1', [req.body.subjectRef]);
  res.status(201).json({ assigned: found.rows[0] });
});

export default router;

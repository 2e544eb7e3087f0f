// A request schema checked in the handler (`notifyPatientSchema.parse(req.body)`) is judged by its
// fields, not its name: a slot of ids and times lets in no patient's data, a schema of a patient's
// name and birth date does. An SQL statement whose every column is a key, a state or bookkeeping
// (`SELECT id FROM patients`, `UPDATE ... SET status`) reads or writes none of a record's fields,
// for one patient too; one that selects a field, a column the catalogue does not know (a card's
// last four digits), finds a patient by their phone, or counts one patient's rows per medication
// reads theirs.
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

router.post('/patients/:patientId/threads/:threadId/mark-read', async (req, res) => {
  await pool.query('UPDATE message_threads SET is_read_by_staff = true, updated_at = CURRENT_TIMESTAMP, status = $1 WHERE id = $2 AND patient_id = $3', ['read', req.params.threadId, req.params.patientId]);
  res.json({ success: true });
});

router.get('/patients/:patientId/saved-methods', async (req, res) => { // expect: missing-phi-access
  const result = await pool.query('SELECT id, last_four, card_brand, created_at FROM saved_payment_methods WHERE patient_id = $1', [req.params.patientId]);
  res.json({ methods: result.rows });
});

router.post('/sms/inbound', async (req, res) => { // expect: missing-phi-access
  const found = await pool.query('SELECT id FROM patients WHERE phone = $1', [req.body.From]);
  res.json({ matched: found.rowCount });
});

router.get('/patients/:patientId/fills', async (req, res) => { // expect: missing-phi-access
  const result = await pool.query('SELECT medication_name, COUNT(*) AS fills FROM rx_history WHERE patient_id = $1 GROUP BY medication_name', [req.params.patientId]);
  res.json({ fills: result.rows });
});

export default router;

import express from 'express';
import { pool } from './db';
import { phiAccess } from '@/security/phi-access';

const router = express.Router();

// The handler answers through a function of its own that writes the audit row first.
router.get('/patients/:patientId', async (req, res) => {
  const finish = async (payload: Record<string, unknown>) => {
    await pool.query('INSERT INTO patient_access_audit (user_id, patient_id) VALUES ($1, $2)', [req.user.id, req.params.patientId]);
    return res.json(payload);
  };
  const result = await pool.query('SELECT full_name, date_of_birth FROM patients WHERE id = $1', [req.params.patientId]);
  return finish(result.rows[0]);
});

// A function of the handler's own that audits but is never called, or a helper that does not audit: reported.
router.get('/patients/:patientId/contacts', phiAccess({ action: 'read', dataCategory: 'demographics', roles: ['clinician', 'billing'] }), async (req, res) => {
  const audit = async () => {
    await pool.query('INSERT INTO patient_access_audit (user_id, patient_id) VALUES ($1, $2)', [req.user.id, req.params.patientId]);
  };
  const result = await pool.query('SELECT email, primary_phone FROM patients WHERE id = $1', [req.params.patientId]);
  return res.json(result.rows[0]);
});

router.get('/patients/:patientId/summary', phiAccess({ action: 'read', dataCategory: 'demographics', roles: ['clinician', 'billing'] }), async (req, res) => {
  const finish = async (payload: Record<string, unknown>) => res.json(payload);
  const result = await pool.query('SELECT full_name, date_of_birth FROM patients WHERE id = $1', [req.params.patientId]);
  return finish(result.rows[0]);
});

export default router;

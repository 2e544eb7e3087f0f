import { Router } from 'express';
import prisma from './db';
import { pool } from './pool';
import { phiAccess } from '@/security/phi-access';
const router = Router();

// Totals computed in SQL (counts, a rounded average, a filtered count): no patient row leaves.
router.get('/patient-surveys/summary', async (req, res) => {
  const result = await pool.query(
    `SELECT COUNT(*) AS total, ROUND(AVG(nps_score), 2) AS avg_nps, COUNT(*) FILTER (WHERE nps_score >= 9) AS promoters
       FROM patient_surveys WHERE tenant_id = $1`,
    [req.user.tenantId],
  );
  res.json(result.rows[0]);
});

// Each patient's own rounded score: rows, not totals.
router.get('/patient-surveys/scores', phiAccess({ action: 'read', dataCategory: 'demographics', roles: ['clinician', 'billing'] }), async (req, res) => {
  const result = await pool.query(`SELECT patient_id, ROUND(nps_score, 1) AS score FROM patient_surveys WHERE tenant_id = $1`, [req.user.tenantId]);
  res.json(result.rows);
});

// The update writes a change-history entry naming who changed what: an audit trail under another name.
router.put('/diagnoses/:id', async (req, res) => {
  const diagnosis = await prisma.diagnosis.update({ where: { id: req.params.id }, data: req.body });
  await prisma.diagnosisHistory.create({
    data: { diagnosisId: diagnosis.id, changedBy: req.user.id, changeType: 'MODIFIED', newValues: req.body },
  });
  res.json(diagnosis);
});

// A patient's medical history is clinical data, not a record of changes.
router.post('/patients/:id/medical-history', phiAccess({ action: 'write', dataCategory: 'clinical', roles: ['clinician'] }), async (req, res) => {
  const entry = await prisma.medicalHistory.create({ data: { patientId: req.params.id, condition: req.body.condition, createdBy: req.user.id } });
  res.json(entry);
});

export default router;

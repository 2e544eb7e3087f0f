import { Router } from 'express';
import prisma from './db';
import { pool } from './pool';
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
router.get('/patient-surveys/scores', async (req, res) => {  // expect: missing-phi-access
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
router.post('/patients/:id/medical-history', async (req, res) => {  // expect: missing-phi-access
  const entry = await prisma.medicalHistory.create({ data: { patientId: req.params.id, condition: req.body.condition, createdBy: req.user.id } });
  res.json(entry);
});

// Totals per bucket over a common table expression: the main query returns counts and sums only.
router.get('/claims-aging', async (req, res) => {
  const result = await pool.query(
    `WITH aged_claims AS (SELECT CASE WHEN submitted_at >= $2 THEN 'Current' ELSE 'Older' END AS bucket, total_cents FROM claims WHERE tenant_id = $1)
     SELECT bucket, COUNT(*)::int AS claim_count, COALESCE(SUM(total_cents), 0) AS total_amount FROM aged_claims GROUP BY bucket`,
    [req.user.tenantId, req.query.asOf],
  );
  res.json(result.rows);
});

// The same shape, but the main query returns each claim's rows.
router.get('/claims-aging/rows', async (req, res) => {  // expect: missing-phi-access
  const result = await pool.query(
    `WITH aged_claims AS (SELECT id, patient_id, total_cents FROM claims WHERE tenant_id = $1)
     SELECT id, patient_id, total_cents FROM aged_claims`,
    [req.user.tenantId],
  );
  res.json(result.rows);
});

// Rows read to be counted: the answer holds counts per age group and gender, no patient's row.
router.get('/reports/patient-demographics', async (req, res) => {
  const patients = await prisma.patient.findMany({ where: { status: 'ACTIVE' } });
  const ageGroups: Record<string, number> = { '0-17': 0, '18+': 0, Unknown: 0 };
  patients.forEach((patient) => {
    const key = !patient.dateOfBirth ? 'Unknown' : ageOf(patient.dateOfBirth) < 18 ? '0-17' : '18+';
    ageGroups[key] = (ageGroups[key] || 0) + 1;
  });
  const genderDistribution = { female: patients.filter((c) => c.gender === 'FEMALE').length, male: patients.filter((c) => c.gender === 'MALE').length };
  return sendSuccess(res, { totalActive: patients.length, ageGroups, genderDistribution });
});

// The same counts, with the rows beside them.
router.get('/reports/patient-list', async (req, res) => {  // expect: missing-phi-access
  const patients = await prisma.patient.findMany({ where: { status: 'ACTIVE' } });
  return sendSuccess(res, { totalActive: patients.length, patients });
});

export default router;

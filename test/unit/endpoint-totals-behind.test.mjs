// "Touches PHI" leaves out totals (docs/rules/missing-phi-access.md, "Totals computed behind a
// service"): a route whose controller or service only counts (`groupBy` with `_count`, `count()`,
// `SELECT ROUND(AVG(...))`) serves no patient's record, even on `/clients/:clientId/engagement`.
// Beside each, the look-alike that stays reported: a service that lists rows beside its count, a
// controller whose service reads rows, and a call the index cannot resolve.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadEngine } from '../support/engine.mjs';
import { missingAccessIn } from '../support/workspace-endpoints.mjs';

before(loadEngine);


const missingAccess = (files, target) => missingAccessIn(files, target);

const SERVICE = [
  "import prisma from './db';",
  'export async function getHoldsByReason() {',
  "  const holds = await prisma.billingHold.groupBy({ by: ['holdReason'], _count: { id: true } });",
  '  return holds.reduce((acc, hold) => ({ ...acc, [hold.holdReason]: hold._count.id }), {});',
  '}',
  'export async function getHoldsForNote(noteId: string) {',
  '  return prisma.billingHold.findMany({ where: { noteId } });',
  '}',
  'export async function getHoldsPage() {',
  '  const [total, holds] = await Promise.all([prisma.billingHold.count(), prisma.billingHold.findMany()]);',
  '  return { total, holds };',
  '}',
  'class TrackingService {',
  '  async calculateEngagementScore(clientId: string, days = 30) {',
  '    const symptoms = await prisma.symptomLog.count({ where: { clientId } });',
  '    const sleeps = await prisma.sleepLog.count({ where: { clientId } });',
  '    return Math.round(((symptoms + sleeps) / (days * 2)) * 100);',
  '  }',
  '}',
  'export const trackingService = new TrackingService();',
];

const CONTROLLER = [
  "import * as holdService from './billing.service';",
  "import { trackingService } from './billing.service';",
  'export const getBillingHoldsByReason = async (req, res) => res.json(await holdService.getHoldsByReason());',
  'export const getBillingHoldsByNote = async (req, res) => res.json(await holdService.getHoldsForNote(req.params.noteId));',
  'export const getBillingHoldsPage = async (req, res) => res.json(await holdService.getHoldsPage());',
  'export const getEngagementScore = async (req, res) => {',
  '  const score = await trackingService.calculateEngagementScore(req.params.clientId, 30);',
  '  res.json({ engagementScore: score });',
  '};',
];

test('a route whose controller only reads totals from its service is quiet; rows, rows beside a count, and one patient\'s rows are reported', () => {
  const files = {
    'src/billing.service.ts': SERVICE,
    'src/billing.controller.ts': CONTROLLER,
    'src/billing.routes.ts': [
      "import { Router } from 'express';",
      "import * as controller from './billing.controller';",
      'const router = Router();',
      "router.get('/billing-holds/by-reason', controller.getBillingHoldsByReason);",
      "router.get('/billing-holds/note/:noteId', controller.getBillingHoldsByNote);",
      "router.get('/billing-holds', controller.getBillingHoldsPage);",
      "router.get('/clients/:clientId/engagement', controller.getEngagementScore);",
      'export default router;',
    ],
  };
  assert.deepEqual(missingAccess(files, 'src/billing.routes.ts'), [
    "router.get('/billing-holds/note/:noteId', controller.getBillingHoldsByNote);",
    "router.get('/billing-holds', controller.getBillingHoldsPage);",
  ]);
});

test('an inline handler calling a service that only counts is quiet; one also calling an unresolved patient fetch is reported', () => {
  const files = {
    'src/billing.service.ts': SERVICE,
    'src/engagement.routes.ts': [
      "import { Router } from 'express';",
      "import { trackingService } from './billing.service';",
      "import { patientSdk } from '@vendor/patients';",
      'const router = Router();',
      "router.get('/patients/:patientId/engagement-score', async (req, res) => {",
      '  res.json({ score: await trackingService.calculateEngagementScore(req.params.patientId) });',
      '});',
      "router.get('/patients/:patientId/engagement', async (req, res) => {",
      '  const patient = await patientSdk.getPatient(req.params.patientId);',
      '  res.json({ patient, score: await trackingService.calculateEngagementScore(req.params.patientId) });',
      '});',
      'export default router;',
    ],
  };
  assert.deepEqual(missingAccess(files, 'src/engagement.routes.ts'), ["router.get('/patients/:patientId/engagement', async (req, res) => {"]);
});

test('a service answering computed SQL totals (ROUND(AVG(...)), COUNT(*) FILTER) is quiet; one selecting a patient column beside them, or totals grouped by patient, is reported', () => {
  const files = {
    'src/survey.service.ts': [
      "import { pool } from './db';",
      'export async function getPatientSurveySummary(tenantId: string) {',
      '  const result = await pool.query(',
      "    `SELECT COUNT(*) AS total, ROUND(AVG(nps_score), 2) AS avg_nps, COUNT(*) FILTER (WHERE nps_score >= 9) AS promoters FROM patient_surveys WHERE tenant_id = $1`,",
      '    [tenantId],',
      '  );',
      '  return result.rows[0];',
      '}',
      'export async function getPatientSurveyTotalsByPatient(tenantId: string) {',
      '  const result = await pool.query(',
      '    `SELECT p.id AS "patientId", p.email, COUNT(*) AS answered FROM patient_surveys s JOIN patients p ON p.id = s.patient_id GROUP BY p.id, p.email`,',
      '    [tenantId],',
      '  );',
      '  return result.rows;',
      '}',
      'export async function getPatientSurveyScores(tenantId: string) {',
      '  const result = await pool.query(',
      '    `SELECT patient_name, ROUND(AVG(nps_score), 2) AS avg_nps FROM patient_surveys WHERE tenant_id = $1`,',
      '    [tenantId],',
      '  );',
      '  return result.rows;',
      '}',
    ],
    'src/survey.routes.ts': [
      "import { Router } from 'express';",
      "import { getPatientSurveySummary, getPatientSurveyScores, getPatientSurveyTotalsByPatient } from './survey.service';",
      'const router = Router();',
      "router.get('/patient-surveys', async (req, res) => res.json(await getPatientSurveySummary(req.user.tenantId)));",
      "router.get('/patient-surveys/scores', async (req, res) => res.json(await getPatientSurveyScores(req.user.tenantId)));",
      "router.get('/patient-surveys/by-patient', async (req, res) => res.json(await getPatientSurveyTotalsByPatient(req.user.tenantId)));",
      'export default router;',
    ],
  };
  assert.deepEqual(missingAccess(files, 'src/survey.routes.ts'), [
    "router.get('/patient-surveys/scores', async (req, res) => res.json(await getPatientSurveyScores(req.user.tenantId)));",
    "router.get('/patient-surveys/by-patient', async (req, res) => res.json(await getPatientSurveyTotalsByPatient(req.user.tenantId)));",
  ]);
});

test('a route whose service writes a change-history entry naming the actor and the change is audited; a medical-history write is not', () => {
  const files = {
    'src/history.service.ts': [
      "import prisma from './db';",
      'export async function createDiagnosisHistory(diagnosisId: string, changedBy: string, changeType: string, oldValues: object) {',
      '  await prisma.diagnosisHistory.create({ data: { diagnosisId, changedBy, changeType, oldValues } });',
      '}',
    ],
    'src/diagnosis.service.ts': [
      "import prisma from './db';",
      "import { createDiagnosisHistory } from './history.service';",
      'export async function updateDiagnosis(id: string, data: object, userId: string) {',
      '  const old = await prisma.diagnosis.findUnique({ where: { id } });',
      '  const diagnosis = await prisma.diagnosis.update({ where: { id }, data });',
      "  await createDiagnosisHistory(id, userId, 'MODIFIED', old);",
      '  return diagnosis;',
      '}',
      'export async function addMedicalHistory(patientId: string, condition: string, userId: string) {',
      '  return prisma.medicalHistory.create({ data: { patientId, condition, createdBy: userId } });',
      '}',
    ],
    'src/diagnosis.controller.ts': [
      "import { addMedicalHistory, updateDiagnosis } from './diagnosis.service';",
      'export const updateDiagnosisHandler = async (req, res) => res.json(await updateDiagnosis(req.params.id, req.body, req.user.id));',
      'export const addMedicalHistoryHandler = async (req, res) => res.json(await addMedicalHistory(req.params.patientId, req.body.condition, req.user.id));',
    ],
    'src/diagnosis.routes.ts': [
      "import { Router } from 'express';",
      "import { addMedicalHistoryHandler, updateDiagnosisHandler } from './diagnosis.controller';",
      'const router = Router();',
      "router.put('/diagnoses/:id', updateDiagnosisHandler);",
      "router.post('/patients/:patientId/medical-history', addMedicalHistoryHandler);",
      'export default router;',
    ],
  };
  assert.deepEqual(missingAccess(files, 'src/diagnosis.routes.ts'), ["router.post('/patients/:patientId/medical-history', addMedicalHistoryHandler);"]);
});

test('a route whose service reads only tables of kinds or sources (referral sources, campaign lists) is quiet; one reading the referrals themselves is reported', () => {
  const files = {
    'src/referral.service.ts': [
      "import { pool } from './db';",
      'class ReferralService {',
      '  async getReferralSources(tenantId: string) {',
      '    const result = await pool.query(`SELECT * FROM referral_sources WHERE tenant_id = $1`, [tenantId]);',
      '    return result.rows.map((row) => this.mapSource(row));',
      '  }',
      '  mapSource(row) { return { id: row.id, name: row.source_name }; }',
      '  async getCampaigns(tenantId: string) {',
      '    const result = await pool.query(`SELECT * FROM marketing_campaigns WHERE tenant_id = $1`, [tenantId]);',
      '    return result.rows;',
      '  }',
      '  async getReferrals(tenantId: string) {',
      '    const result = await pool.query(`SELECT r.*, p.first_name FROM referrals r JOIN patients p ON p.id = r.patient_id WHERE r.tenant_id = $1`, [tenantId]);',
      '    return result.rows;',
      '  }',
      '}',
      'export const referralService = new ReferralService();',
    ],
    'src/referral.routes.ts': [
      "import { Router } from 'express';",
      "import { referralService } from './referral.service';",
      'const router = Router();',
      "router.get('/sources', async (req, res) => res.json({ sources: await referralService.getReferralSources(req.user.tenantId) }));",
      "router.get('/campaigns', async (req, res) => res.json({ campaigns: await referralService.getCampaigns(req.user.tenantId) }));",
      "router.get('/referrals', async (req, res) => res.json({ referrals: await referralService.getReferrals(req.user.tenantId) }));",
      'export default router;',
    ],
  };
  assert.deepEqual(missingAccess(files, 'src/referral.routes.ts'), ["router.get('/referrals', async (req, res) => res.json({ referrals: await referralService.getReferrals(req.user.tenantId) }));"]);
});

test("a kinds table read for one patient (`/patients/:patientId/preferences`) is that patient's, with or without a count beside it: reported; read for everyone it is quiet", () => {
  const files = {
    'src/preference.service.ts': [
      "import { pool } from './db';",
      'export async function getPatientPreferences(tenantId: string, patientId: string) {',
      '  const result = await pool.query(`SELECT * FROM communication_preferences WHERE tenant_id = $1 AND patient_id = $2`, [tenantId, patientId]);',
      '  return result.rows[0];',
      '}',
      'export async function getPatientPreferencePage(tenantId: string, patientId: string) {',
      '  const rows = await pool.query(`SELECT * FROM communication_preferences WHERE tenant_id = $1 AND patient_id = $2 LIMIT 20`, [tenantId, patientId]);',
      '  const total = await pool.query(`SELECT COUNT(*) FROM communication_preferences WHERE tenant_id = $1 AND patient_id = $2`, [tenantId, patientId]);',
      '  return { rows: rows.rows, total: total.rows[0].count };',
      '}',
      'export async function getDefaultPatientPreferences(tenantId: string) {',
      '  const result = await pool.query(`SELECT * FROM communication_preferences WHERE tenant_id = $1 AND patient_id IS NULL`, [tenantId]);',
      '  return result.rows[0];',
      '}',
    ],
    'src/preference.routes.ts': [
      "import { Router } from 'express';",
      "import { getDefaultPatientPreferences, getPatientPreferencePage, getPatientPreferences } from './preference.service';",
      'const router = Router();',
      "router.get('/patients/:patientId/preferences', async (req, res) => res.json(await getPatientPreferences(req.user.tenantId, req.params.patientId)));",
      "router.get('/patient-preferences/defaults', async (req, res) => res.json(await getDefaultPatientPreferences(req.user.tenantId)));",
      "router.get('/patients/:patientId/preference-page', async (req, res) => res.json(await getPatientPreferencePage(req.user.tenantId, req.params.patientId)));",
      'export default router;',
    ],
  };
  assert.deepEqual(missingAccess(files, 'src/preference.routes.ts'), [
    "router.get('/patients/:patientId/preferences', async (req, res) => res.json(await getPatientPreferences(req.user.tenantId, req.params.patientId)));",
    "router.get('/patients/:patientId/preference-page', async (req, res) => res.json(await getPatientPreferencePage(req.user.tenantId, req.params.patientId)));",
  ]);
});

test('a controller in another file that counts the rows it reads and answers with the counts only serves totals; one that answers with the rows does not', () => {
  const files = {
    'src/reports.controller.ts': [
      "import { prisma } from './db';",
      "import { sendSuccess } from './api-response';",
      'export async function getPatientDemographicsReport(req, res) {',
      "  const patients = await prisma.patient.findMany({ where: { status: 'ACTIVE' } });",
      "  const byGender = { female: patients.filter((p) => p.gender === 'F').length, male: patients.filter((p) => p.gender === 'M').length };",
      '  return sendSuccess(res, { totalActive: patients.length, byGender });',
      '}',
      'export async function getPatientListReport(req, res) {',
      "  const patients = await prisma.patient.findMany({ where: { status: 'ACTIVE' } });",
      '  return sendSuccess(res, { totalActive: patients.length, patients });',
      '}',
    ],
    'src/reports.routes.ts': [
      "import { Router } from 'express';",
      "import { getPatientDemographicsReport, getPatientListReport } from './reports.controller';",
      'const router = Router();',
      "router.get('/reports/patient-demographics', getPatientDemographicsReport);",
      "router.get('/reports/patient-list', getPatientListReport);",
      'export default router;',
    ],
  };
  assert.deepEqual(missingAccess(files, 'src/reports.routes.ts'), ["router.get('/reports/patient-list', getPatientListReport);"]);
});

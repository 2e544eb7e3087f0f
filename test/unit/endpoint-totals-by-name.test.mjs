// "Touches PHI" leaves out totals (docs/rules/missing-phi-access.md): a handler whose data comes
// from a call named for totals (`getReferralAnalytics`, `getVisitCounts`) serves no patient's
// record unless its route addresses one record (`/patients/:id/stats`) or it also reads records.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { engine, loadEngine } from '../support/engine.mjs';

before(loadEngine);

const lines = [
  "import { Router } from 'express';",
  "import { appointmentService, patientService } from './services';",
  'const router = Router();',
  "router.get('/appointments/analytics', async (req, res) => res.json(await appointmentService.getAppointmentAnalytics(req.user.tenantId)));",
  "router.get('/patients/:patientId/stats', async (req, res) => res.json(await patientService.getPatientStats(req.params.patientId)));",
  "router.get('/patients/overview', async (req, res) => {",
  '  const counts = await patientService.getVisitCounts();',
  '  const patients = await patientService.findPatients();',
  '  res.json({ counts, patients });',
  '});',
  'export default router;',
];

test('a totals call on a route for no one record is quiet; one patient\'s stats and a handler that also reads patients are reported', () => {
  const text = lines.join('\n');
  const result = engine().analyze({ text, path: '/repo/src/routes.ts' }, engine().defaultPolicy());
  const reported = result.findings.filter((f) => f.ruleId === 'missing-phi-access').map((f) => lines[f.line].trim().slice(0, 38));
  assert.deepEqual(reported, ["router.get('/patients/:patientId/stats", "router.get('/patients/overview', async"]);
});

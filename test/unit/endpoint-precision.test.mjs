// missing-phi-access precision on patterns seen in real projects (docs/rules/missing-phi-access.md):
// endpoints that touch no stored patient record, and audit controls the project has under another
// name. Each case has its look-alike beside it that stays reported.
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { engine, loadEngine } from '../support/engine.mjs';

before(loadEngine);

const ROOT = path.resolve('/virtual/precision');

function policyWith(typescript = {}) {
  const defaults = engine().defaultPolicy();
  return { ...defaults, audit: { python: defaults.audit.python, typescript: { ...defaults.audit.typescript, ...typescript } } };
}

/** What analysing `target` in the workspace of `files` reports for missing-phi-access, by line text. */
function missingAccess(files, target, policy = policyWith(), options = {}) {
  const e = engine();
  const index = new e.WorkspaceIndex(ROOT);
  const texts = Object.fromEntries(Object.entries(files).map(([file, lines]) => [path.join(ROOT, file), lines.join('\n')]));
  for (const [file, text] of Object.entries(texts)) {
    const summary = e.summarizeFile({ text, path: file }, policy);
    if (summary) index.set(summary);
  }
  const file = path.join(ROOT, target);
  const result = e.analyze({ text: texts[file], path: file }, policy, { workspace: index, ...options });
  assert.deepEqual(result.ruleFailures, []);
  const lines = texts[file].split('\n');
  return result.findings.filter((f) => f.ruleId === 'missing-phi-access').map((f) => lines[f.line].trim());
}

describe('an AI helper that sends the request text to a generator and stores nothing', () => {
  const files = {
    'src/ai/anthropic.service.ts': [
      "import Anthropic from '@anthropic-ai/sdk';",
      'class AnthropicService {',
      '  private client = new Anthropic();',
      '  async complete(system: string, prompt: string) {',
      "    const response = await this.client.messages.create({ model: 'm', system, messages: [{ role: 'user', content: prompt }] });",
      "    return response.content.find((block) => block.type === 'text');",
      '  }',
      '}',
      'export const anthropicService = new AnthropicService();',
    ],
    'src/ai/treatment.service.ts': [
      "import { anthropicService } from './anthropic.service';",
      "import { prisma } from '../db';",
      'class TreatmentService {',
      '  async suggestGoals(problems: string, diagnoses: string[]) {',
      "    return anthropicService.complete('You suggest goals', `${problems} ${diagnoses.join(', ')}`);",
      '  }',
      // Reading its own prompt template and model from the database reads no one's records.
      '  async suggestDiagnoses(caseText: string) {',
      "    const prompt = await prisma.promptTemplate.findFirst({ where: { key: 'diagnoses' } });",
      '    const model = await chatgptModels.findOne({ where: { isDefault: true } });',
      '    return anthropicService.complete(prompt.value, caseText);',
      '  }',
      '  async summarizeTreatmentPlan(planId: string) {',
      '    const plan = await prisma.treatmentPlan.findUnique({ where: { id: planId } });',
      '    return anthropicService.complete("Summarize", JSON.stringify(plan));',
      '  }',
      '}',
      'export const treatmentService = new TreatmentService();',
    ],
    'src/routes/ai.routes.ts': [
      "import { Router } from 'express';",
      "import { treatmentService } from '../ai/treatment.service';",
      'const router = Router();',
      "router.post('/treatment/suggest-goals', async (req, res) => {",
      '  const { problems, diagnoses } = req.body;',
      "  if (!problems) return res.status(400).json({ error: 'problems required' });",
      '  res.json({ goals: await treatmentService.suggestGoals(problems, diagnoses) });',
      '});',
      "router.post('/treatment/suggest-diagnoses', async (req, res) => {",
      '  res.json({ diagnoses: await treatmentService.suggestDiagnoses(req.body.caseText) });',
      '});',
      "router.post('/treatment/summarize-plan', async (req, res) => {",
      '  res.json({ summary: await treatmentService.summarizeTreatmentPlan(req.body.planId) });',
      '});',
      "router.post('/treatment/:patientId/suggest-goals', async (req, res) => {",
      '  res.json({ goals: await treatmentService.suggestGoals(req.body.problems, req.body.diagnoses) });',
      '});',
      "router.post('/treatment/goals-for-patient', async (req, res) => {",
      '  const { patientId, problems } = req.body;',
      '  res.json({ patientId, goals: await treatmentService.suggestGoals(problems, []) });',
      '});',
      'export default router;',
    ],
  };

  test('only the helper that reads no record, takes no patient key and stores nothing is quiet', () => {
    assert.deepEqual(missingAccess(files, 'src/routes/ai.routes.ts'), [
      "router.post('/treatment/summarize-plan', async (req, res) => {",
      "router.post('/treatment/:patientId/suggest-goals', async (req, res) => {",
      "router.post('/treatment/goals-for-patient', async (req, res) => {",
    ]);
  });

  test('without the workspace (the callee unknown) the helper stays reported', () => {
    const e = engine();
    const file = path.join(ROOT, 'src/routes/ai.routes.ts');
    const text = files['src/routes/ai.routes.ts'].join('\n');
    const found = e.analyze({ text, path: file }, policyWith()).findings.filter((f) => f.ruleId === 'missing-phi-access');
    assert.equal(found.length, 5);
  });
});

describe('a calculator that scores the values posted to it and keeps nothing', () => {
  const files = {
    'src/services/scores.ts': [
      "import axios from 'axios';",
      "import { pool } from '../db';",
      'export function calculateSeverity(components: { erythema: number; area: number }) {',
      '  const score = components.erythema * components.area;',
      "  return { score, notes: score > 10 ? 'severe' : 'mild' };",
      '}',
      'export async function calculateRisk(values: { age: number }) {',
      "  const weights = await axios.get('https://risk.example/weights');",
      '  return { risk: values.age * weights.data.factor };',
      '}',
      'export async function saveSeverity(patientId: string, score: number) {',
      "  await pool.query('INSERT INTO severity_scores (patient_id, score) VALUES ($1, $2)', [patientId, score]);",
      '  return { score };',
      '}',
    ],
    'src/routes/scores.routes.ts': [
      "import { Router } from 'express';",
      "import { calculateRisk, calculateSeverity, saveSeverity } from '../services/scores';",
      'const router = Router();',
      "router.post('/scores/diagnosis', async (req, res) => {",
      '  const { components } = req.body;',
      '  res.json({ ...calculateSeverity(components) });',
      '});',
      "router.post('/scores/risk-diagnosis', async (req, res) => {",
      '  res.json(await calculateRisk(req.body.values));',
      '});',
      "router.post('/scores/saved-diagnosis', async (req, res) => {",
      '  const { components, patientId } = req.body;',
      '  const { score } = calculateSeverity(components);',
      '  res.json(await saveSeverity(patientId, score));',
      '});',
      "router.post('/scores/:patientId/diagnosis', async (req, res) => {",
      '  res.json({ patient: req.params.patientId, ...calculateSeverity(req.body.components) });',
      '});',
      'export default router;',
    ],
  };

  test('only the calculator that fetches nothing, stores nothing and is keyed to no patient is quiet', () => {
    assert.deepEqual(missingAccess(files, 'src/routes/scores.routes.ts'), [
      "router.post('/scores/risk-diagnosis', async (req, res) => {",
      "router.post('/scores/saved-diagnosis', async (req, res) => {",
      "router.post('/scores/:patientId/diagnosis', async (req, res) => {",
    ]);
  });

  test('without the workspace (the callee unknown) the calculator stays reported', () => {
    const e = engine();
    const file = path.join(ROOT, 'src/routes/scores.routes.ts');
    const text = files['src/routes/scores.routes.ts'].join('\n');
    const found = e.analyze({ text, path: file }, policyWith()).findings.filter((f) => f.ruleId === 'missing-phi-access');
    assert.equal(found.length, 4);
  });
});

describe('a class-based view reading its own records is no calculator', () => {
  const files = {
    'clinic/views.py': [
      'from rest_framework import viewsets',
      'from rest_framework.decorators import action',
      'from rest_framework.response import Response',
      'from .models import PatientConsultation, PatientInvestigationValue',
      '',
      'class InvestigationValueViewSet(viewsets.GenericViewSet):',
      '    queryset = PatientInvestigationValue.objects.all()',
      '',
      '    def get_queryset(self):',
      '        return self.queryset.filter(consultation__external_id=self.kwargs.get("consultation_external_id"))',
      '',
      '    def create(self, request, *args, **kwargs):',
      '        consultation = PatientConsultation.objects.get(external_id=kwargs.get("consultation_external_id"))',
      '        return Response({"id": str(consultation.external_id)})',
      '',
      '    @action(detail=False, methods=["GET"])',
      '    def get_sessions(self, request, *args, **kwargs):',
      '        queryset = self.filter_queryset(self.get_queryset())',
      '        return Response(list(queryset.distinct("session").values("session")))',
    ],
  };

  test('the action reading the class\'s records through get_queryset stays reported beside its sibling', () => {
    const found = missingAccess(files, 'clinic/views.py');
    assert.ok(found.includes('@action(detail=False, methods=["GET"])'), JSON.stringify(found));
  });
});

describe('a dashboard whose service is named for totals passes on totals', () => {
  const files = {
    'src/services/analytics.ts': [
      "import { prisma } from '../db';",
      'class AnalyticsService {',
      '  async getRevenueAnalytics(from: string) {',
      '    const claims = await prisma.claim.findMany({ where: { createdAt: { gte: from } } });',
      '    return { payerMix: claims.map((claim) => ({ payer: claim.payer, diagnosis: claim.diagnosis })) };',
      '  }',
      '  async getClaimsForPayer(from: string) {',
      '    const claims = await prisma.claim.findMany({ where: { createdAt: { gte: from } } });',
      '    return { payerMix: claims.map((claim) => ({ payer: claim.payer, diagnosis: claim.diagnosis })) };',
      '  }',
      '  async setCache(key: string, value: unknown) {',
      '    return value;',
      '  }',
      '}',
      'export const analyticsService = new AnalyticsService();',
    ],
    'src/routes/analytics.routes.ts': [
      "import { Router } from 'express';",
      "import { analyticsService } from '../services/analytics';",
      'const router = Router();',
      "router.get('/dashboard/revenue', async (req, res) => {",
      '  const analytics = await analyticsService.getRevenueAnalytics(String(req.query.from));',
      "  await analyticsService.setCache('revenue', analytics);",
      '  res.json(analytics);',
      '});',
      "router.get('/dashboard/payers', async (req, res) => {",
      '  const payers = await analyticsService.getClaimsForPayer(String(req.query.from));',
      "  await analyticsService.setCache('payers', payers);",
      '  res.json(payers);',
      '});',
      "router.get('/dashboard/:claimId/revenue', async (req, res) => {",
      '  const analytics = await analyticsService.getRevenueAnalytics(req.params.claimId);',
      '  res.json(analytics);',
      '});',
      'export default router;',
    ],
  };

  test('the route addressing no record that passes on what a totals-named call returned is quiet', () => {
    assert.deepEqual(missingAccess(files, 'src/routes/analytics.routes.ts'), [
      "router.get('/dashboard/payers', async (req, res) => {",
      "router.get('/dashboard/:claimId/revenue', async (req, res) => {",
    ]);
  });
});

describe('what a route reads through a service follows the service as it changes', () => {
  test('a route whose service stops returning patient data is no longer reported, with nothing stale reused', () => {
    const e = engine();
    const policy = policyWith();
    const index = new e.WorkspaceIndex(ROOT);
    const service = (body) => ["import { prisma } from '../db';", 'export async function loadRows() {', `  ${body}`, '}'];
    const names = 'return prisma.patient.findFirst({ select: { firstName: true } });';
    const count = 'return (await prisma.patient.findMany()).length;';
    const routes = [
      "import { Router } from 'express';",
      "import { loadRows } from '../services/rows.service';",
      'const router = Router();',
      "router.get('/report/rows', async (req, res) => {",
      '  const rows = await loadRows();',
      '  res.json(rows);',
      '});',
      'export default router;',
    ].join('\n');
    const routesPath = path.join(ROOT, 'src/routes/rows.routes.ts');
    const servicePath = path.join(ROOT, 'src/services/rows.service.ts');
    const summarise = (file, text) => index.set(e.summarizeFile({ text, path: file }, policy));
    summarise(routesPath, routes);
    const reported = () => e.analyze({ text: routes, path: routesPath }, policy, { workspace: index }).findings.filter((f) => f.ruleId === 'missing-phi-access').length;
    summarise(servicePath, service(names).join('\n'));
    assert.equal(reported(), 1, "the service returns patients' names");
    summarise(servicePath, service(count).join('\n'));
    assert.equal(reported(), 0, 'the service returns a count');
    summarise(servicePath, service(names).join('\n'));
    assert.equal(reported(), 1, 'names again');
  });
});

describe('an access check that writes an audit-log row, whatever the policy calls it', () => {
  const files = {
    'src/access.service.ts': [
      "import { prisma } from './db';",
      'function logAccess(userId: string, patientId: string, granted: boolean) {',
      "  prisma.auditLog.create({ data: { userId, entityId: patientId, action: granted ? 'GRANTED' : 'DENIED' } });",
      '}',
      'export async function assertCanAccessPatient(user, patientId: string) {',
      '  const patient = await prisma.patient.findUnique({ where: { id: patientId } });',
      '  logAccess(user.id, patientId, !!patient);',
      '}',
      'export async function countAuditEntries(patientId: string) {',
      '  return prisma.auditLog.findMany({ where: { entityId: patientId } });',
      '}',
    ],
    'src/access.middleware.ts': [
      "import { assertCanAccessPatient, countAuditEntries } from './access.service';",
      "import { prisma } from './db';",
      'export const requirePatientAccess = async (req, res, next) => {',
      '  await assertCanAccessPatient(req.user, req.params.patientId);',
      '  next();',
      '};',
      // A factory's middleware that writes an audit row in one branch only (a super-user bypass).
      'export const requireRole = (role: string) => (req, res, next) => {',
      "  if (req.user.superuser) prisma.auditLog.create({ data: { userId: req.user.id, action: 'BYPASS' } });",
      '  next();',
      '};',
      'export const loadAuditTrail = (key: string) => async (req, res, next) => {',
      '  req.trail = await countAuditEntries(req.params[key]);',
      '  next();',
      '};',
    ],
    'src/patients.routes.ts': [
      "import { Router } from 'express';",
      "import { requirePatientAccess, requireRole, loadAuditTrail } from './access.middleware';",
      "import { prisma } from './db';",
      'const router = Router();',
      "router.get('/patients/:patientId', requireRole('clinician'), requirePatientAccess, async (req, res) => {",
      '  res.json(await prisma.patient.findUnique({ where: { id: req.params.patientId } }));',
      '});',
      "router.get('/patients/:patientId/labs', requireRole('clinician'), async (req, res) => {",
      '  res.json(await prisma.labResult.findMany({ where: { patientId: req.params.patientId } }));',
      '});',
      "router.get('/patients/:patientId/visits', loadAuditTrail('patientId'), async (req, res) => {",
      '  res.json(await prisma.visit.findMany({ where: { patientId: req.params.patientId } }));',
      '});',
      "router.get('/patients/:patientId/chart', async (req, res) => {",
      '  const chart = await prisma.patient.findUnique({ where: { id: req.params.patientId } });',
      "  await prisma.auditLog.create({ data: { userId: req.user.id, entityId: chart.id, action: 'READ' } });",
      '  res.json(chart);',
      '});',
      "router.get('/patients/:patientId/history', async (req, res) => {",
      '  const history = await prisma.auditLog.findMany({ where: { entityId: req.params.patientId } });',
      '  res.json(await prisma.patient.findUnique({ where: { id: req.params.patientId } }));',
      '});',
      'export default router;',
    ],
  };

  test('the route running the auditing check, and the handler writing an audit row, are covered; a factory auditing one branch, a reader of the audit log and a route without a check stay reported', () => {
    assert.deepEqual(missingAccess(files, 'src/patients.routes.ts'), [
      "router.get('/patients/:patientId/labs', requireRole('clinician'), async (req, res) => {",
      "router.get('/patients/:patientId/visits', loadAuditTrail('patientId'), async (req, res) => {",
      "router.get('/patients/:patientId/history', async (req, res) => {",
    ]);
  });
});

describe('reference data: kinds of things and terminology value sets', () => {
  test('FastAPI: a list of lab categories and a value set edit are quiet; lab results and a patient-scoped list stay reported', () => {
    const files = {
      'app/api/clinical.py': [
        'from fastapi import APIRouter',
        'from .catalog import LAB_CATALOG',
        'from .db import session',
        'from .models import LabResult, ValueSet',
        'router = APIRouter()',
        '@router.get("/lab-categories")',
        'async def get_lab_categories():',
        '    return sorted(set(lab["category"] for lab in LAB_CATALOG))',
        '@router.get("/lab-results")',
        'async def list_lab_results():',
        '    return session.query(LabResult).all()',
        '@router.get("/patients/{patient_id}/lab-categories")',
        'async def patient_lab_categories(patient_id: str):',
        '    return session.query(LabResult).filter(LabResult.patient_id == patient_id).all()',
        '@router.put("/value-sets/{vs_id}")',
        'async def update_value_set(vs_id: str, body: dict):',
        '    record = session.get(ValueSet, vs_id)',
        '    record.notes = body.get("notes")',
        '    return record',
      ],
    };
    assert.deepEqual(missingAccess(files, 'app/api/clinical.py'), [
      '@router.get("/lab-results")',
      '@router.get("/patients/{patient_id}/lab-categories")',
    ]);
  });

  test('Express: the bookable appointment types are quiet; the appointments stay reported', () => {
    const files = {
      'src/scheduling.routes.ts': [
        "import { Router } from 'express';",
        "import { getAppointmentTypes, getAppointments, getAppointmentsByType } from './scheduling.controller';",
        'const router = Router();',
        "router.get('/appointment-types', getAppointmentTypes);",
        "router.get('/appointments', getAppointments);",
        "router.get('/appointments/by-type', getAppointmentsByType);",
        "router.get('/drugs/list/categories', async (req, res) => res.json(await pool.query('SELECT DISTINCT category FROM medications')));",
        "router.get('/categories', async (req, res) => res.json(await pool.query('SELECT * FROM medications')));",
        'export default router;',
      ],
    };
    // A kind word alone after other segments lists kinds; alone as the whole path it says too little.
    assert.deepEqual(missingAccess(files, 'src/scheduling.routes.ts'), [
      "router.get('/appointments', getAppointments);",
      "router.get('/appointments/by-type', getAppointmentsByType);",
      "router.get('/categories', async (req, res) => res.json(await pool.query('SELECT * FROM medications')));",
    ]);
  });
});

describe('clients: the people a behavioural-health or social-care practice serves, and software clients', () => {
  test('routes named for clients by their path or their handler (defined elsewhere) are reported; API, HTTP and OAuth clients, and an inline handler reading no patient data, stay quiet', () => {
    const files = {
      'src/clients.routes.ts': [
        "import { Router } from 'express';",
        "import { getAllClients, viewAssessmentResults, getClientById, listApiClients, getOAuthClient, createClientCredentials } from './clients.controller';",
        "import { httpClient } from './http';",
        'const router = Router();',
        "router.get('/', getAllClients);",
        "router.get('/:clientId/assessments/:assessmentId/results', viewAssessmentResults);",
        "router.get('/clients/:id', getClientById);",
        "router.get('/integrations', listApiClients);",
        "router.get('/oauth/clients/:id', getOAuthClient);",
        "router.post('/credentials', createClientCredentials);",
        "router.get('/weather', async (req, res) => res.json(await httpClient.get('/forecast')));",
        "router.get('/admin/clients', async (req, res) => res.json({ clients: await listAccounts() }));",
        'export default router;',
      ],
    };
    assert.deepEqual(missingAccess(files, 'src/clients.routes.ts'), [
      "router.get('/', getAllClients);",
      "router.get('/:clientId/assessments/:assessmentId/results', viewAssessmentResults);",
      "router.get('/clients/:id', getClientById);",
    ]);
  });
});

describe('a class-based view serves one resource', () => {
  test('a list of the class\'s own records is reported when a sibling action touches patient data; a class touching none, and a count, stay quiet', () => {
    const files = {
      'app/views.py': [
        'from rest_framework import viewsets',
        'from app.models import Episode',
        '',
        'class SubrecordViewSet(viewsets.ViewSet):',
        '    def list(self, request):',
        '        return json_response([s.to_dict() for s in self.model.objects.all()])',
        '',
        '    def create(self, request):',
        "        episode = Episode.objects.get(pk=request.data['episode_id'])",
        '        item = self.model(episode=episode)',
        '        item.save()',
        '        return json_response(item.to_dict())',
        '',
        'class CountedViewSet(viewsets.ViewSet):',
        '    def list(self, request):',
        '        return json_response({"total": self.model.objects.count()})',
        '',
        '    def create(self, request):',
        "        episode = Episode.objects.get(pk=request.data['episode_id'])",
        '        return json_response(self.model.objects.create(episode=episode).to_dict())',
        '',
        'class ColourViewSet(viewsets.ViewSet):',
        '    def list(self, request):',
        '        return json_response([c.name for c in self.model.objects.all()])',
        '',
        '    def create(self, request):',
        "        return json_response(self.model.objects.create(name=request.data['name']).name)",
      ],
    };
    assert.deepEqual(missingAccess(files, 'app/views.py'), ['def list(self, request):', 'def create(self, request):', 'def create(self, request):']);
  });
});

describe('an audit row written in SQL', () => {
  test('a handler inserting into an audit-named table before it answers is covered; one reading the audit log, one inserting into another table and one auditing after it answered stay reported', () => {
    const files = {
      'src/routes/visits.ts': [
        "import { Router } from 'express';",
        "import { pool } from '../db';",
        'const router = Router();',
        "router.post('/patients/:patientId/visit-summaries', async (req, res) => {",
        "  const row = await pool.query('INSERT INTO visit_summaries (patient_id, summary) VALUES ($1, $2) RETURNING *', [req.params.patientId, req.body.summary]);",
        '  await pool.query(`INSERT INTO audit_log (id, user_id, action, resource_id) VALUES ($1, $2, $3, $4)`, [row.rows[0].id, req.user.id, "create", req.params.patientId]);',
        '  res.json(row.rows[0]);',
        '});',
        "router.get('/patients/:patientId/audit', async (req, res) => {",
        "  const rows = await pool.query('SELECT * FROM audit_log WHERE resource_id = $1', [req.params.patientId]);",
        "  const patient = await pool.query('SELECT first_name, last_name FROM patients WHERE id = $1', [req.params.patientId]);",
        '  res.json({ patient: patient.rows[0], rows: rows.rows });',
        '});',
        "router.put('/patients/:patientId/notes', async (req, res) => {",
        "  await pool.query('INSERT INTO patient_notes (patient_id, note) VALUES ($1, $2)', [req.params.patientId, req.body.note]);",
        '  res.json({ ok: true });',
        '});',
        "router.get('/patients/:patientId/summary', async (req, res) => {",
        "  const patient = await pool.query('SELECT * FROM patients WHERE id = $1', [req.params.patientId]);",
        '  return res.json(patient.rows[0]);',
        "  await pool.query('INSERT INTO audit_log (action) VALUES ($1)', ['read']);",
        '});',
        'export default router;',
      ],
    };
    assert.deepEqual(missingAccess(files, 'src/routes/visits.ts'), [
      "router.get('/patients/:patientId/audit', async (req, res) => {",
      "router.put('/patients/:patientId/notes', async (req, res) => {",
      "router.get('/patients/:patientId/summary', async (req, res) => {",
    ]);
  });
});

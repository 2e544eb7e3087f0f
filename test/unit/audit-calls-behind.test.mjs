// An audit call the policy names, made not in the handler but in a workspace function the route
// runs (docs/rules/missing-phi-access.md, "Audit calls one call away"): a service or controller the
// handler delegates to, or a route middleware, itself or through its own resolved calls. Beside
// each, the look-alike that stays reported: a sibling route whose service writes no audit record,
// a middleware that only checks a login, and a call the index cannot resolve.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { engine, loadEngine } from '../support/engine.mjs';
import { missingAccessIn } from '../support/workspace-endpoints.mjs';

before(loadEngine);


function policyWith(python = {}, typescript = {}) {
  const defaults = engine().defaultPolicy();
  return {
    ...defaults,
    audit: { python: { ...defaults.audit.python, ...python }, typescript: { ...defaults.audit.typescript, ...typescript } },
  };
}

const missingAccess = (files, target, policy) => missingAccessIn(files, target, policy);

const TS_FILES = {
  'src/logger.ts': ['export const auditLogger = { info: (message: string, meta: object) => undefined };'],
  'src/visit.service.ts': [
    "import { auditLogger } from './logger';",
    "import { prisma } from './db';",
    'class VisitService {',
    '  async createVisit(patientId: string, data: object) {',
    '    const visit = await prisma.visit.create({ data: { patientId, ...data } });',
    "    auditLogger.info('Visit created', { visitId: visit.id });",
    '    return visit;',
    '  }',
    '  async listVisits(patientId: string) {',
    '    return prisma.visit.findMany({ where: { patientId } });',
    '  }',
    '}',
    'export const visitService = new VisitService();',
  ],
  'src/visits.controller.ts': [
    "import { visitService } from './visit.service';",
    'export const createVisit = async (req, res) => {',
    '  const visit = await visitService.createVisit(req.params.patientId, req.body);',
    '  res.status(201).json(visit);',
    '};',
    'export const listVisits = async (req, res) => {',
    '  const visits = await visitService.listVisits(req.params.patientId);',
    '  res.json(visits);',
    '};',
  ],
  'src/audit.ts': ['export async function auditLog(userId: string, patientId: string) { return undefined; }'],
  'src/access.ts': [
    "import { auditLog } from './audit';",
    'export const requirePatientAccess = async (req, res, next) => {',
    '  await auditLog(req.user.id, req.params.patientId);',
    '  next();',
    '};',
    'export const requireLogin = (req, res, next) => next();',
  ],
  'src/routes.ts': [
    "import { Router } from 'express';",
    "import { createVisit, listVisits } from './visits.controller';",
    "import { requirePatientAccess, requireLogin } from './access';",
    "import { loadChart } from 'chart-sdk';",
    'const router = Router();',
    "router.post('/patients/:patientId/visits', createVisit);",
    "router.get('/patients/:patientId/visits', listVisits);",
    "router.get('/patients/:patientId/diagnoses', requirePatientAccess, async (req, res) => res.json(await prisma.diagnosis.findMany({ where: { patientId: req.params.patientId } })));",
    "router.get('/patients/:patientId/medications', requireLogin, async (req, res) => res.json(await prisma.medication.findMany({ where: { patientId: req.params.patientId } })));",
    "router.get('/patients/:patientId/chart', async (req, res) => res.json(await loadChart(req.params.patientId)));",
    'export default router;',
  ],
};

describe('TypeScript: audit calls behind the handler', () => {
  const policy = () => policyWith({}, { calls: ['auditLogger.info', 'auditLog'] });

  test('a controller whose service writes the audit record covers its route; its sibling without one stays reported', () => {
    const found = missingAccess(TS_FILES, 'src/routes.ts', policy());
    assert.ok(!found.some((line) => line.includes("router.post('/patients/:patientId/visits'")), found.join('\n'));
    assert.ok(found.some((line) => line.includes("router.get('/patients/:patientId/visits'")), found.join('\n'));
  });

  test('a route middleware that writes the audit record covers the route; a login-only middleware does not', () => {
    const found = missingAccess(TS_FILES, 'src/routes.ts', policy());
    assert.ok(!found.some((line) => line.includes('/diagnoses')), found.join('\n'));
    assert.ok(found.some((line) => line.includes('/medications')), found.join('\n'));
  });

  test('a call the workspace cannot resolve (a package) is no audit control', () => {
    const found = missingAccess(TS_FILES, 'src/routes.ts', policy());
    assert.ok(found.some((line) => line.includes('/chart')), found.join('\n'));
  });

  test('without the audit call in the policy, every route is reported', () => {
    const found = missingAccess(TS_FILES, 'src/routes.ts', policyWith());
    assert.equal(found.length, 5, found.join('\n'));
  });

  test('a service exported as its instance is followed; a session check that audits only sign-in events is no access audit', () => {
    const files = {
      'src/logger.ts': TS_FILES['src/logger.ts'],
      'src/symptom.service.ts': [
        "import { auditLogger } from './logger';",
        'class SymptomService {',
        '  async logSymptom(clientId: string, data: object) {',
        '    const log = await prisma.symptomLog.create({ data: { clientId, ...data } });',
        "    auditLogger.info('Symptom tracking event', { logId: log.id });",
        '    return log;',
        '  }',
        '}',
        'export default new SymptomService();',
      ],
      'src/session.service.ts': [
        "import { auditLogger } from './logger';",
        'class SessionService {',
        '  async validate(token: string) {',
        '    const session = await prisma.session.findUnique({ where: { token } });',
        "    if (!session) { auditLogger.info('Session expired', { action: 'SESSION_EXPIRED' }); return null; }",
        '    return session;',
        '  }',
        '}',
        'export default new SessionService();',
      ],
      'src/auth.ts': [
        "import sessionService from './session.service';",
        'export const authenticate = async (req, res, next) => {',
        '  req.session = await sessionService.validate(req.headers.authorization);',
        '  next();',
        '};',
      ],
      'src/symptoms.routes.ts': [
        "import { Router } from 'express';",
        "import symptomService from './symptom.service';",
        "import { authenticate } from './auth';",
        'const router = Router();',
        "router.post('/symptoms/:clientId', async (req, res) => res.json(await symptomService.logSymptom(req.params.clientId, req.body)));",
        "router.get('/patients/:patientId/notes', authenticate, async (req, res) => res.json(await prisma.clinicalNote.findMany({ where: { patientId: req.params.patientId } })));",
        'export default router;',
      ],
    };
    const found = missingAccess(files, 'src/symptoms.routes.ts', policy());
    assert.deepEqual(found.map((line) => line.slice(0, 40)), ["router.get('/patients/:patientId/notes',"]);
  });

  test('a middleware made by a factory counts through the access check it delegates to, not through an audit in one of its own branches', () => {
    const files = {
      'src/db.ts': ['export const prisma = {} as any;'],
      'src/access.service.ts': [
        "import { prisma } from './db';",
        'export async function assertCanAccessClient(user, clientId: string) {',
        "  await prisma.auditLog.create({ data: { userId: user.id, action: 'RLS_GRANTED', entityId: clientId } });",
        '}',
      ],
      'src/access.middleware.ts': [
        "import { assertCanAccessClient } from './access.service';",
        "import { prisma } from './db';",
        'export const requireClientAccess = (key: string) => async (req, res, next) => {',
        '  await assertCanAccessClient(req.user, req.params[key]);',
        '  next();',
        '};',
        'export const authorize = (...roles: string[]) => (req, res, next) => {',
        "  if (req.user.role === 'SUPER_ADMIN') { prisma.auditLog.create({ data: { userId: req.user.id, action: 'BYPASS' } }); return next(); }",
        '  if (!roles.includes(req.user.role)) return res.status(403).end();',
        '  next();',
        '};',
      ],
      'src/clients.routes.ts': [
        "import { Router } from 'express';",
        "import { prisma } from './db';",
        "import { authorize, requireClientAccess } from './access.middleware';",
        'const router = Router();',
        "router.get('/clients/:clientId/notes', requireClientAccess('clientId'), async (req, res) => res.json(await prisma.clinicalNote.findMany({ where: { clientId: req.params.clientId } })));",
        "router.get('/patients/:patientId/notes', authorize('CLINICIAN'), async (req, res) => res.json(await prisma.clinicalNote.findMany({ where: { patientId: req.params.patientId } })));",
        'export default router;',
      ],
    };
    const found = missingAccess(files, 'src/clients.routes.ts', policy());
    assert.deepEqual(found.map((line) => line.slice(0, 36)), ["router.get('/patients/:patientId/not"]);
  });

  test('a factory middleware on the router for a path prefix covers the routes under it, not the routes beside it; a router middleware that audits nothing covers none', () => {
    const files = {
      'src/db.ts': ['export const prisma = {} as any;'],
      'src/access.service.ts': [
        "import { prisma } from './db';",
        'export async function assertCanAccessClient(user, clientId: string) {',
        "  await prisma.auditLog.create({ data: { userId: user.id, action: 'RLS_GRANTED', entityId: clientId } });",
        '}',
      ],
      'src/access.middleware.ts': [
        "import { assertCanAccessClient } from './access.service';",
        'export const requireClientAccess = (key: string) => async (req, res, next) => {',
        '  await assertCanAccessClient(req.user, req.params[key]);',
        '  next();',
        '};',
        'export const authorize = (...roles: string[]) => (req, res, next) => (roles.includes(req.user.role) ? next() : res.status(403).end());',
      ],
      'src/assessments.routes.ts': [
        "import { Router } from 'express';",
        "import { prisma } from './db';",
        "import { authorize, requireClientAccess } from './access.middleware';",
        'const router = Router();',
        "router.use(authorize('CLINICIAN'));",
        "router.get('/patients/:patientId/assessments', async (req, res) => res.json(await prisma.assessment.findMany({ where: { patientId: req.params.patientId } })));",
        "router.use('/:clientId', requireClientAccess('clientId'));",
        "router.get('/:clientId/assessments', async (req, res) => res.json(await prisma.assessment.findMany({ where: { clientId: req.params.clientId } })));",
        "router.get('/:clientId/assessments/:assessmentId/results', async (req, res) => res.json(await prisma.assessmentResult.findMany({ where: { assessmentId: req.params.assessmentId } })));",
        'export default router;',
      ],
    };
    const found = missingAccess(files, 'src/assessments.routes.ts', policy());
    assert.deepEqual(found.map((line) => line.slice(0, 40)), ["router.get('/patients/:patientId/assessm"]);
  });

  test('a NestJS handler calling the service injected into its controller is followed to the audit entry the service writes; the sibling whose service method writes none stays reported', () => {
    const files = {
      'src/lab-orders.service.ts': [
        "import { Injectable } from '@nestjs/common';",
        "import { logger } from './logger';",
        '@Injectable()',
        'export class LabOrdersService {',
        '  constructor(private readonly prisma: PrismaService) {}',
        '  async getLabOrder(id: string, userId: string) {',
        '    const order = await this.prisma.labOrder.findFirst({ where: { id }, include: { patient: true } });',
        "    logger.info({ action: 'LAB_ORDER_VIEWED', labOrderId: id, userId, audit: true });",
        '    return order;',
        '  }',
        '  async listLabOrders(patientId: string) {',
        '    return this.prisma.labOrder.findMany({ where: { patientId }, include: { patient: true } });',
        '  }',
        '}',
      ],
      'src/lab-orders.controller.ts': [
        "import { Controller, Get, Param, Query } from '@nestjs/common';",
        "import { LabOrdersService } from './lab-orders.service';",
        "@Controller('lab-orders')",
        'export class LabOrdersController {',
        '  constructor(private readonly labOrdersService: LabOrdersService) {}',
        "  @Get(':id')",
        "  async getLabOrder(@Param('id') id: string) {",
        "    return this.labOrdersService.getLabOrder(id, 'me');",
        '  }',
        '  @Get()',
        "  async listLabOrders(@Query('patientId') patientId: string) {",
        '    return this.labOrdersService.listLabOrders(patientId);',
        '  }',
        '}',
      ],
    };
    const found = missingAccess(files, 'src/lab-orders.controller.ts', policyWith());
    assert.deepEqual(found.map((line) => line.trim().slice(0, 7)), ['@Get()'], found.join('\n'));
  });

  test('a helper that writes who did what to which record (writeAudit({ actorUserId, action, target })) covers the route calling it; a write of the action alone does not', () => {
    const files = {
      'src/audit.ts': [
        'export async function writeAudit(entry: { actorUserId?: string; action: string; target?: string }) {',
        '  await store.put({ ...entry, createdAt: Date.now() });',
        '}',
        'export async function writeEvent(entry: { action: string }) {',
        '  await store.put(entry);',
        '}',
        'export async function audit(userId: string | undefined, action: string, target: string) {',
        '  await writeAudit({ actorUserId: userId, action, target });',
        '}',
        'export async function note(action: string) {',
        '  await writeEvent({ action });',
        '}',
      ],
      'src/patients.routes.ts': [
        "import { Router } from 'express';",
        "import { audit, note } from './audit';",
        'const router = Router();',
        "router.put('/patients/:patientId/diagnoses', async (req, res) => {",
        '  const diagnosis = await prisma.diagnosis.update({ where: { patientId: req.params.patientId }, data: req.body });',
        "  await audit(req.user.id, 'DIAGNOSIS_UPDATED', req.params.patientId);",
        '  res.json(diagnosis);',
        '});',
        "router.put('/patients/:patientId/medications', async (req, res) => {",
        '  const medication = await prisma.medication.update({ where: { patientId: req.params.patientId }, data: req.body });',
        "  await note('MEDICATION_UPDATED');",
        '  res.json(medication);',
        '});',
        'export default router;',
      ],
    };
    const found = missingAccess(files, 'src/patients.routes.ts', policyWith());
    assert.deepEqual(found.map((line) => line.slice(0, 40)), ["router.put('/patients/:patientId/medicat"], found.join('\n'));
  });

  test('a service inserting a row into an audit table in SQL (INSERT INTO audit_log) covers the route calling it; one inserting only the record does not', () => {
    const files = {
      'src/superbill.service.ts': [
        "import { pool } from './db';",
        'class SuperbillService {',
        '  async generateFromEncounter(encounterId: string, userId: string) {',
        '    const client = await pool.connect();',
        "    const result = await client.query('INSERT INTO superbills (encounter_id, diagnosis) VALUES ($1, $2) RETURNING *', [encounterId, 'x']);",
        "    await client.query('INSERT INTO audit_log (id, actor_id, action, entity_id) VALUES ($1, $2, $3, $4)', ['1', userId, 'superbill_created', result.rows[0].id]);",
        '    return result.rows[0];',
        '  }',
        '  async regenerate(encounterId: string) {',
        '    const client = await pool.connect();',
        "    const result = await client.query('INSERT INTO superbills (encounter_id, diagnosis) VALUES ($1, $2) RETURNING *', [encounterId, 'x']);",
        '    return result.rows[0];',
        '  }',
        '}',
        'export const superbillService = new SuperbillService();',
      ],
      'src/superbills.routes.ts': [
        "import { Router } from 'express';",
        "import { superbillService } from './superbill.service';",
        'const router = Router();',
        "router.post('/generate/:encounterId', async (req, res) => {",
        '  res.json(await superbillService.generateFromEncounter(req.params.encounterId, req.user.id));',
        '});',
        "router.post('/regenerate/:encounterId', async (req, res) => {",
        '  res.json(await superbillService.regenerate(req.params.encounterId));',
        '});',
        'export default router;',
      ],
    };
    const found = missingAccess(files, 'src/superbills.routes.ts', policyWith());
    assert.deepEqual(found.map((line) => line.slice(0, 30)), ["router.post('/regenerate/:enco"], found.join('\n'));
  });

  test('a service gathered in an object of functions (named or defined in place) is followed to the history entry it writes; another of its functions is not an audit', () => {
    const files = {
      'src/history.service.ts': [
        "import { prisma } from './db';",
        'export async function createDiagnosisHistory(diagnosisId: string, changedBy: string, changeType: string) {',
        '  await prisma.diagnosisHistory.create({ data: { diagnosisId, changedBy, changeType } });',
        '}',
      ],
      'src/diagnosis.service.ts': [
        "import { createDiagnosisHistory } from './history.service';",
        'async function updateDiagnosis(id: string, data: object, userId: string) {',
        '  const diagnosis = await prisma.diagnosis.update({ where: { id }, data });',
        "  await createDiagnosisHistory(id, userId, 'UPDATE');",
        '  return diagnosis;',
        '}',
        'async function getClientDiagnoses(clientId: string) {',
        '  return prisma.diagnosis.findMany({ where: { clientId } });',
        '}',
        'export const DiagnosisService = {',
        '  update: updateDiagnosis,',
        '  getClientDiagnoses,',
        '  async remove(id: string, userId: string) {',
        "    await createDiagnosisHistory(id, userId, 'DELETE');",
        '  },',
        '};',
      ],
      'src/diagnosis.controller.ts': [
        "import { DiagnosisService } from './diagnosis.service';",
        'export async function updateDiagnosis(req, res) {',
        '  res.json(await DiagnosisService.update(req.params.id, req.body, req.user.id));',
        '}',
        'export async function getClientDiagnoses(req, res) {',
        '  res.json(await DiagnosisService.getClientDiagnoses(req.params.clientId));',
        '}',
        'export async function deleteDiagnosis(req, res) {',
        '  res.json(await DiagnosisService.remove(req.params.id, req.user.id));',
        '}',
      ],
      'src/diagnosis.routes.ts': [
        "import { Router } from 'express';",
        "import * as diagnosisController from './diagnosis.controller';",
        'const router = Router();',
        "router.put('/diagnoses/:id', diagnosisController.updateDiagnosis);",
        "router.get('/clients/:clientId/diagnoses', diagnosisController.getClientDiagnoses);",
        "router.delete('/diagnoses/:id', diagnosisController.deleteDiagnosis);",
        'export default router;',
      ],
    };
    const found = missingAccess(files, 'src/diagnosis.routes.ts', policy());
    assert.deepEqual(found.map((line) => line.slice(0, 28)), ["router.get('/clients/:client"]);
  });
});

const PY_FILES = {
  'app/__init__.py': [''],
  'app/audit_log.py': ['def record(action, patient_id):', '    return None'],
  'app/services.py': [
    'from . import audit_log',
    'from .db import session',
    'from .models import Patient',
    '',
    'def load_patient_chart(patient_id):',
    '    chart = fetch_chart(patient_id)',
    '    return chart',
    '',
    'def fetch_chart(patient_id):',
    '    patient = session.get(Patient, patient_id)',
    '    audit_log.record("read", patient_id)',
    '    return patient',
    '',
    'def list_patient_notes(patient_id):',
    '    return session.query(Patient).filter(Patient.id == patient_id).all()',
  ],
  'app/api.py': [
    'from fastapi import APIRouter',
    'from .services import load_patient_chart, list_patient_notes',
    '',
    'router = APIRouter()',
    '',
    '@router.get("/patients/{patient_id}/chart")',
    'def get_chart(patient_id: int):',
    '    return load_patient_chart(patient_id)',
    '',
    '@router.get("/patients/{patient_id}/notes")',
    'def get_notes(patient_id: int):',
    '    return list_patient_notes(patient_id)',
  ],
};

describe('Python: audit calls behind the handler', () => {
  test('a service that audits two calls down covers the route; the one that does not stays reported', () => {
    const found = missingAccess(PY_FILES, 'app/api.py', policyWith({ calls: ['audit_log.record'] }));
    assert.deepEqual(found, ['@router.get("/patients/{patient_id}/notes")']);
  });

  test('a CRUD function that records who did what to which record (log_crud_action(action=, user=, table=, entity_id=)) covers its route, named in the policy or not; a log of the user alone does not', () => {
    const files = {
      'app/__init__.py': [''],
      'app/logger_utils.py': [
        'def log_crud_action(action, user, message, table, entity_id=None, patient_id=None):',
        '    logger.info(message, extra={"table": table, "user": user, "action": action})',
        'def log_user_message(user, message):',
        '    logger.info(message, extra={"user": user})',
      ],
      'app/vital_crud.py': [
        'from app.logger_utils import log_crud_action, log_user_message',
        'def update_vital(db, vital_id, data, user_id):',
        '    vital = db.query(PatientVital).get(vital_id)',
        '    vital.Temperature = data.Temperature',
        '    log_crud_action(action="update", user=user_id, message="Updated vital", table="PatientVital", entity_id=vital_id, patient_id=vital.PatientId)',
        '    return vital',
        'def delete_vital(db, vital_id, user_id):',
        '    vital = db.query(PatientVital).get(vital_id)',
        '    db.delete(vital)',
        '    log_user_message(user=user_id, message="Deleted a vital")',
        '    return vital',
      ],
      'app/api.py': [
        'from fastapi import APIRouter',
        'from app import vital_crud',
        'router = APIRouter()',
        '@router.put("/patients/{patient_id}/vitals/{vital_id}")',
        'def update_vital(patient_id: int, vital_id: int, data: dict, db=None):',
        '    return vital_crud.update_vital(db, vital_id, data, "u1")',
        '@router.delete("/patients/{patient_id}/vitals/{vital_id}")',
        'def delete_vital(patient_id: int, vital_id: int, db=None):',
        '    return vital_crud.delete_vital(db, vital_id, "u1")',
      ],
    };
    assert.deepEqual(missingAccess(files, 'app/api.py', policyWith()), ['@router.delete("/patients/{patient_id}/vitals/{vital_id}")']);
  });
});

// Stubs: a handler answering "not implemented" touches nothing (docs/rules/missing-phi-access.md).
const STUB_FILES = {
  'src/booking.controller.ts': [
    "import { bookingService } from './booking.service';",
    'export const bookAppointment = async (req, res) => {',
    '  try {',
    '    const validation = bookingSchema.safeParse(req.body);',
    '    if (!validation.success) return sendValidationError(res, validation.error.errors.map((e) => e.message));',
    "    return sendError(res, 501, 'Self-scheduling not yet implemented', 'NOT_IMPLEMENTED');",
    '  } catch (error) {',
    "    logger.error('Book appointment error', { error: getErrorMessage(error) });",
    '    return sendServerError(res);',
    '  }',
    '};',
    'export const cancelAppointment = async (req, res) => {',
    '  const appointment = await bookingService.cancel(req.params.appointmentId);',
    "  return res.status(501).json({ error: 'Not implemented' });",
    '};',
  ],
  'src/booking.service.ts': ['export const bookingService = { cancel: async (id: string) => undefined };'],
  'src/booking.routes.ts': [
    "import { Router } from 'express';",
    "import { bookAppointment, cancelAppointment } from './booking.controller';",
    'const router = Router();',
    "router.post('/appointments/book', bookAppointment);",
    "router.delete('/appointments/:appointmentId', cancelAppointment);",
    "router.get('/patients/:patientId/portal', async (req, res) => res.status(501).json({ error: 'NOT_IMPLEMENTED' }));",
    "router.get('/patients/:patientId/summary', async (req, res) => {",
    "  if (!features.summary) return res.status(501).json({ error: 'NOT_IMPLEMENTED' });",
    '  res.json(await prisma.patient.findUnique({ where: { id: req.params.patientId } }));',
    '});',
    'export default router;',
  ],
};

describe('stubs that answer "not implemented"', () => {
  test('a stub handler, in the route file or behind an import, is not reported; one that calls a service or reads a patient is', () => {
    const found = missingAccess(STUB_FILES, 'src/booking.routes.ts', policyWith());
    assert.deepEqual(found, [
      "router.delete('/appointments/:appointmentId', cancelAppointment);",
      "router.get('/patients/:patientId/summary', async (req, res) => {",
    ]);
  });
});

describe('Python stubs', () => {
  test('a FastAPI route raising a 501 is quiet; one that reads the patient first is reported', () => {
    const files = {
      'app/api.py': [
        'from fastapi import APIRouter, HTTPException',
        'from .models import Patient',
        'router = APIRouter()',
        '',
        '@router.get("/patients/{patient_id}/export")',
        'def export_patient(patient_id: int):',
        '    raise HTTPException(status_code=501, detail="Export not implemented")',
        '',
        '@router.get("/patients/{patient_id}/share")',
        'def share_patient(patient_id: int):',
        '    patient = db.get(Patient, patient_id)',
        '    raise HTTPException(status_code=501, detail="Sharing not implemented")',
      ],
    };
    assert.deepEqual(missingAccess(files, 'app/api.py', policyWith()), ['@router.get("/patients/{patient_id}/share")']);
  });
});

describe('TypeScript: audit calls in a callback the service runs before it answers', () => {
  const files = {
    'src/db.ts': ['export const prisma = {} as any;'],
    'src/visit.service.ts': [
      "import { prisma } from './db';",
      "import { trace } from '@opentelemetry/api';",
      "const tracer = trace.getTracer('visits');",
      'class VisitService {',
      '  async endVisit(visitId: string, notes: string) {',
      "    return tracer.startActiveSpan('endVisit', async (span) => {",
      "      const visit = await prisma.visit.update({ where: { id: visitId }, data: { notes, status: 'ended' } });",
      "      await this.writeAudit(visitId, 'VISIT_ENDED');",
      '      span.end();',
      '      return visit;',
      '    });',
      '  }',
      '  async reopenVisit(visitId: string, notes: string) {',
      "    const visit = await prisma.visit.update({ where: { id: visitId }, data: { notes, status: 'open' } });",
      "    emitter.on('visit.closed', async () => { await this.writeAudit(visitId, 'VISIT_REOPENED'); });",
      '    return visit;',
      '  }',
      '  private async writeAudit(visitId: string, action: string) {',
      '    await prisma.visitAuditLog.create({ data: { visitId, action } });',
      '  }',
      '}',
      'export const visitService = new VisitService();',
    ],
    'src/visits.routes.ts': [
      "import { Router } from 'express';",
      "import { visitService } from './visit.service';",
      'const router = Router();',
      "router.post('/patients/:patientId/visits/:id/end', async (req, res) => res.json(await visitService.endVisit(req.params.id, req.body.notes)));",
      "router.post('/patients/:patientId/visits/:id/reopen', async (req, res) => res.json(await visitService.reopenVisit(req.params.id, req.body.notes)));",
      'export default router;',
    ],
  };

  test('an audit record written in a tracing span the service runs covers the route; one written by a handler registered for later does not', () => {
    const found = missingAccess(files, 'src/visits.routes.ts', policyWith());
    assert.deepEqual(found.map((line) => line.slice(0, 60)), ["router.post('/patients/:patientId/visits/:id/reopen', async "]);
  });
});

describe('TypeScript: a structured log entry the project flags as its audit record', () => {
  const files = {
    'src/db.ts': ['export const prisma = {} as any;'],
    'src/logger.ts': ['export const logger = { info: (entry: object) => undefined };'],
    'src/intake.service.ts': [
      "import { prisma } from './db';",
      "import { logger } from './logger';",
      'class IntakeService {',
      '  async submitIntake(linkId: string, body: any) {',
      '    const patient = await prisma.patient.create({ data: { legalName: body.patientName, dob: body.dob } });',
      "    logger.info({ action: 'INTAKE_SUBMITTED', patientId: patient.id, linkId, audit: true });",
      '    return { status: "PENDING" };',
      '  }',
      '  async reviewIntake(patientId: string) {',
      '    const patient = await prisma.patient.findUnique({ where: { id: patientId } });',
      "    logger.info({ action: 'INTAKE_REVIEWED', patientId });",
      '    return patient;',
      '  }',
      '}',
      'export const intakeService = new IntakeService();',
    ],
    'src/intake.routes.ts': [
      "import { Router } from 'express';",
      "import { intakeService } from './intake.service';",
      "import { logger } from './logger';",
      'const router = Router();',
      "router.post('/intake/:linkId', async (req, res) => res.json(await intakeService.submitIntake(req.params.linkId, req.body)));",
      "router.get('/intake/patients/:patientId', async (req, res) => res.json(await intakeService.reviewIntake(req.params.patientId)));",
      "router.get('/patients/:patientId/intake', async (req, res) => {",
      "  logger.info({ action: 'INTAKE_OPENED', patientId: req.params.patientId, audit: true });",
      '  res.json(await prisma.intakeForm.findMany({ where: { patientId: req.params.patientId } }));',
      '});',
      "router.get('/patients/:patientId/forms', async (req, res) => {",
      "  logger.info({ patientId: req.params.patientId, audit: true });",
      '  res.json(await prisma.intakeForm.findMany({ where: { patientId: req.params.patientId } }));',
      '});',
      'export default router;',
    ],
  };

  test('an entry flagged audit with its action and record covers the route, in the service or the handler; one without the flag or without an action does not', () => {
    const found = missingAccess(files, 'src/intake.routes.ts', policyWith());
    assert.deepEqual(found.map((line) => line.slice(0, 45)), [
      "router.get('/intake/patients/:patientId', asy",
      "router.get('/patients/:patientId/forms', asyn",
    ]);
  });
});

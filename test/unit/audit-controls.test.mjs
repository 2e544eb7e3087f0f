// The audit controls a project already has (docs/policy.md, `audit`; docs/rules/missing-phi-access.md):
// each kind, at the level where it sits, covers the endpoints it guards (no missing-phi-access),
// and beside each one the look-alike that does not (a name the policy does not list, a middleware
// registered after the route, an audit call after the return, another Django project's settings).
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { engine, loadEngine } from '../support/engine.mjs';

before(loadEngine);

function policyWith(python = {}, typescript = {}) {
  const defaults = engine().defaultPolicy();
  return {
    ...defaults,
    audit: { python: { ...defaults.audit.python, ...python }, typescript: { ...defaults.audit.typescript, ...typescript } },
  };
}

const PY_POLICY = () =>
  policyWith({
    dependencies: ['audit_phi'],
    permissionClasses: ['AuditedPatientAccess'],
    middleware: ['clinic.audit.middleware.PHIAuditMiddleware'],
    calls: ['audit_log.record'],
  });
const TS_POLICY = () =>
  policyWith({}, { otherMiddleware: ['auditPatientAccess'], guards: ['PhiAuditGuard'], wrappers: ['withPhiAccess'], calls: ['auditService.log'] });

function analyze(lines, file, policy, auditContext) {
  const text = Array.isArray(lines) ? lines.join('\n') + '\n' : lines;
  return engine().analyze({ text, path: file }, policy, auditContext ? { auditContext } : {});
}

/** Handler name -> `missing` / `covered:<kind>@<level>` / `mismatch`, for the endpoints touching patient data. */
function verdicts(result) {
  const out = {};
  for (const endpoint of result.endpoints ?? []) {
    if (!endpoint.touchesPhi) continue;
    const line = endpoint.line;
    const missing = result.findings.some((f) => f.ruleId === 'missing-phi-access' && f.line === line);
    const mismatch = result.findings.some((f) => f.ruleId === 'phi-access-mismatch' && f.line === line);
    out[endpoint.handler.name] = missing ? 'missing' : mismatch ? 'mismatch' : endpoint.audit ? `covered:${endpoint.audit.kind}@${endpoint.audit.level}` : 'uncovered';
  }
  return out;
}

describe('FastAPI dependencies', () => {
  test('on the route, as a parameter, on the router, the app and include_router', () => {
    const result = analyze(
      [
        'from fastapi import APIRouter, Depends, FastAPI',
        'from app.db import get_db',
        'from app.audit import audit_phi',
        'app = FastAPI()',
        'audited = APIRouter(prefix="/charts", dependencies=[Depends(audit_phi)])',
        'plain = APIRouter(prefix="/notes")',
        'mounted = APIRouter(prefix="/labs")',
        '',
        '@app.get("/patients/{pid}", dependencies=[Depends(audit_phi)])',
        'def read_patient(pid: str):',
        '    return Patient.get(pid)',
        '',
        '@app.get("/patients/{pid}/allergies")',
        'def read_allergies(pid: str, _=Depends(audit_phi)):',
        '    return Patient.get(pid).allergies',
        '',
        '@app.get("/patients/{pid}/diagnosis", dependencies=[Depends(get_db)])',
        'def read_diagnosis(pid: str, db=Depends(get_db)):',
        '    return Patient.get(pid).diagnosis',
        '',
        '@audited.get("/{pid}")',
        'def read_chart(pid: str):',
        '    return Patient.get(pid).chart',
        '',
        '@plain.get("/{pid}")',
        'def read_note(pid: str):',
        '    return Patient.get(pid).clinical_notes',
        '',
        '@mounted.get("/{pid}")',
        'def read_lab(pid: str):',
        '    return Patient.get(pid).lab_results',
        '',
        'app.include_router(mounted, dependencies=[Depends(audit_phi)])',
      ],
      'app/main.py',
      PY_POLICY(),
    );
    assert.deepEqual(verdicts(result), {
      read_patient: 'covered:dependency@endpoint',
      read_allergies: 'covered:dependency@endpoint',
      read_diagnosis: 'missing',
      read_chart: 'covered:dependency@router',
      read_note: 'missing',
      read_lab: 'covered:dependency@router',
    });
  });

  test('on the app: FastAPI(dependencies=[...]) covers the app\'s routes; without the policy naming it, nothing is covered', () => {
    const text = [
      'from fastapi import Depends, FastAPI',
      'app = FastAPI(dependencies=[Depends(audit_phi)])',
      '@app.get("/patients/{pid}")',
      'def read_patient(pid: str):',
      '    return Patient.get(pid)',
    ];
    assert.deepEqual(verdicts(analyze(text, 'main.py', PY_POLICY())), { read_patient: 'covered:dependency@app' });
    assert.deepEqual(verdicts(analyze(text, 'main.py', engine().defaultPolicy())), { read_patient: 'missing' });
  });
});

describe('DRF permission and authentication classes', () => {
  test('on the view class and on a function view; another class is not a control', () => {
    const result = analyze(
      [
        'from rest_framework import viewsets',
        'from rest_framework.decorators import api_view, permission_classes',
        'from rest_framework.permissions import IsAuthenticated',
        'from clinic.audit import AuditedPatientAccess',
        'from .models import Patient',
        '',
        'class PatientViewSet(viewsets.ViewSet):',
        '    permission_classes = [IsAuthenticated, AuditedPatientAccess]',
        '    def retrieve(self, request, pk=None):',
        '        return Response(Patient.objects.get(pk=pk).diagnosis)',
        '',
        'class EncounterViewSet(viewsets.ViewSet):',
        '    permission_classes = [IsAuthenticated]',
        '    def retrieve(self, request, pk=None):',
        '        return Response(Patient.objects.get(pk=pk).diagnosis)',
        '',
        '@api_view(["GET"])',
        '@permission_classes([IsAuthenticated & AuditedPatientAccess])',
        'def patient_detail(request, pk):',
        '    return Response(Patient.objects.get(pk=pk).ssn)',
        '',
        '@api_view(["GET"])',
        '@permission_classes([IsAuthenticated])',
        'def encounter_detail(request, pk):',
        '    return Response(Patient.objects.get(pk=pk).ssn)',
      ],
      'clinic/api.py',
      PY_POLICY(),
    );
    assert.deepEqual(verdicts(result), {
      'PatientViewSet.retrieve': 'covered:permission-class@class',
      'EncounterViewSet.retrieve': 'missing',
      patient_detail: 'covered:permission-class@endpoint',
      encounter_detail: 'missing',
    });
  });
});

describe('Django middleware in a settings module', () => {
  const views = ['from .models import Patient', '', 'def patient_detail(request, pk):', '    return Patient.objects.get(pk=pk)'];
  const root = path.resolve('/workspace');
  const settings = (project, middleware) => ({
    file: path.join(root, project, project, 'settings.py'),
    projectRoot: path.join(root, project),
    middleware,
  });
  const context = {
    djangoSettings: [
      settings('clinic', ['django.middleware.security.SecurityMiddleware', 'clinic.audit.middleware.PHIAuditMiddleware']),
      settings('billing', ['django.middleware.security.SecurityMiddleware']),
    ],
    nestGlobals: [],
  };

  test('covers the views of the project whose settings list it', () => {
    const result = analyze(views, path.join(root, 'clinic', 'patients', 'views.py'), PY_POLICY(), context);
    assert.deepEqual(verdicts(result), { patient_detail: 'covered:django-middleware@project' });
  });

  test('not the views of another Django project in the workspace, nor without the policy naming it', () => {
    assert.deepEqual(verdicts(analyze(views, path.join(root, 'billing', 'patients', 'views.py'), PY_POLICY(), context)), { patient_detail: 'missing' });
    assert.deepEqual(verdicts(analyze(views, path.join(root, 'clinic', 'patients', 'views.py'), engine().defaultPolicy(), context)), {
      patient_detail: 'missing',
    });
  });

  test('a policy may name the middleware by its class name alone', () => {
    const policy = policyWith({ middleware: ['PHIAuditMiddleware'] });
    assert.deepEqual(verdicts(analyze(views, path.join(root, 'clinic', 'patients', 'views.py'), policy, context)), {
      patient_detail: 'covered:django-middleware@project',
    });
  });
});

describe('audit calls inside the handler', () => {
  test('Python: before the return counts; after the return, or named otherwise, does not', () => {
    const result = analyze(
      [
        'from flask import Flask',
        'app = Flask(__name__)',
        '',
        '@app.route("/patients/<pid>")',
        'def read_patient(pid):',
        '    patient = Patient.get(pid)',
        '    if patient is None:',
        '        return None',
        '    audit_log.record("read", pid)',
        '    return patient',
        '',
        '@app.route("/patients/<pid>/chart")',
        'def read_chart(pid):',
        '    chart = Patient.get(pid).chart',
        '    return chart',
        '    audit_log.record("read", pid)',
        '',
        '@app.route("/patients/<pid>/notes")',
        'def read_notes(pid):',
        '    logger.record("read", pid)',
        '    return Patient.get(pid).clinical_notes',
      ],
      'app.py',
      PY_POLICY(),
    );
    assert.deepEqual(verdicts(result), { read_patient: 'covered:call@endpoint', read_chart: 'missing', read_notes: 'missing' });
  });

  test('TypeScript: this.auditService.log(...) in a Nest method before the return; after it, not', () => {
    const result = analyze(
      [
        "import { Controller, Get, Param } from '@nestjs/common';",
        "@Controller('patients')",
        'export class PatientsController {',
        "  @Get(':id')",
        "  async findOne(@Param('id') id: string) {",
        '    const patient = await this.patients.findOne(id);',
        "    await this.auditService.log('read', id);",
        '    return patient;',
        '  }',
        "  @Get(':id/diagnosis')",
        "  async diagnosis(@Param('id') id: string) {",
        '    return this.patients.findOne(id).diagnosis;',
        "    this.auditService.log('read', id);",
        '  }',
        '}',
      ],
      'patients.controller.ts',
      TS_POLICY(),
    );
    assert.deepEqual(verdicts(result), { 'PatientsController.findOne': 'covered:call@endpoint', 'PatientsController.diagnosis': 'missing' });
  });
});

describe('Express, Fastify and Koa middleware', () => {
  test('on the route, the router before the route, and the app; after the route or another name, not', () => {
    const result = analyze(
      [
        "import express from 'express';",
        "import { auditPatientAccess } from './audit';",
        "import { authenticate } from './auth';",
        'const app = express();',
        'const router = express.Router();',
        "router.get('/early/:id', (req, res) => res.json(getPatient(req.params.id)));",
        'router.use(auditPatientAccess);',
        "router.get('/:id', (req, res) => res.json(getPatient(req.params.id)));",
        "app.get('/charts/:id', auditPatientAccess, (req, res) => res.json(getPatient(req.params.id).chart));",
        "app.get('/notes/:id', authenticate, (req, res) => res.json(getPatient(req.params.id).clinical_notes));",
        "app.use('/patients', router);",
      ],
      'server.ts',
      TS_POLICY(),
    );
    const byPath = Object.fromEntries(result.endpoints.filter((e) => e.touchesPhi).map((e) => [e.path, e.audit ? `${e.audit.kind}@${e.audit.level}` : 'none']));
    assert.deepEqual(byPath, {
      '/patients/early/:id': 'none',
      '/patients/:id': 'middleware@router',
      '/charts/:id': 'middleware@endpoint',
      '/notes/:id': 'none',
    });
    assert.equal(result.findings.filter((f) => f.ruleId === 'missing-phi-access').length, 2);
    assert.equal(result.findings.filter((f) => f.ruleId === 'phi-access-mismatch').length, 0, 'a control without arguments is never a mismatch');
  });

  test('app.use(...) before the routes covers the app\'s routes', () => {
    const result = analyze(
      [
        "import express from 'express';",
        'const app = express();',
        'app.use(auditPatientAccess());',
        "app.get('/patients/:id', (req, res) => res.json(getPatient(req.params.id)));",
      ],
      'app.ts',
      TS_POLICY(),
    );
    assert.deepEqual(result.endpoints.map((e) => e.audit && `${e.audit.kind}@${e.audit.level}`), ['middleware@app']);
    assert.deepEqual(result.findings.filter((f) => f.ruleId.endsWith('phi-access') || f.ruleId === 'phi-access-mismatch'), []);
  });

  test('Fastify: a preHandler route option and an onRequest hook; a hook of another kind is not', () => {
    const result = analyze(
      [
        "import Fastify from 'fastify';",
        'const app = Fastify();',
        "app.get('/patients/:id', { preHandler: [authenticate, auditPatientAccess] }, async (request) => db.patient.findUnique({ where: { id: request.params.id } }));",
        "app.get('/charts/:id', { onSend: auditPatientAccess }, async (request) => db.patient.findUnique({ where: { id: request.params.id } }));",
        'const server = Fastify();',
        "server.addHook('onRequest', auditPatientAccess);",
        "server.get('/allergies/:id', async (request) => db.allergy.findMany({ where: { patientId: request.params.id } }));",
      ],
      'server.ts',
      TS_POLICY(),
    );
    const byPath = Object.fromEntries(result.endpoints.filter((e) => e.touchesPhi).map((e) => [e.path, e.audit ? `${e.audit.kind}@${e.audit.level}` : 'none']));
    assert.deepEqual(byPath, { '/patients/:id': 'middleware@endpoint', '/charts/:id': 'none', '/allergies/:id': 'middleware@app' });
  });

  test('Fastify: the policy\'s own phiAccess({...}) as a preHandler is checked as written', () => {
    const result = analyze(
      [
        "import Fastify from 'fastify';",
        'const app = Fastify();',
        "app.get('/patients/:id/allergies', { preHandler: phiAccess({ action: 'read', dataCategory: 'clinical', roles: ['clinician'] }) }, async (request) => db.allergy.findMany({ where: { patientId: request.params.id } }));",
        "app.delete('/patients/:id/allergies', { preHandler: phiAccess({ action: 'read', dataCategory: 'clinical', roles: ['clinician'] }) }, async (request) => db.allergy.deleteMany({ where: { patientId: request.params.id } }));",
      ],
      'server.ts',
      engine().defaultPolicy(),
    );
    const rules = result.findings.filter((f) => f.ruleId.includes('phi-access')).map((f) => `${f.line}:${f.ruleId}`);
    assert.deepEqual(rules, ['3:phi-access-mismatch'], 'DELETE audited as "read" is wrong; the GET is right');
  });

  test('Hono: app.use(path, mw) covers the routes under that path only', () => {
    const result = analyze(
      [
        "import { Hono } from 'hono';",
        'const app = new Hono();',
        "app.use('/patients/*', auditPatientAccess);",
        "app.get('/patients/:id', async (c) => c.json(await db.patient.findUnique({ where: { id: c.req.param('id') } })));",
        "app.get('/charts/:id', async (c) => c.json(await db.patient.findUnique({ where: { id: c.req.param('id') } })));",
      ],
      'api.ts',
      TS_POLICY(),
    );
    const byPath = Object.fromEntries(result.endpoints.filter((e) => e.touchesPhi).map((e) => [e.path, e.audit ? `${e.audit.kind}@${e.audit.level}` : 'none']));
    assert.deepEqual(byPath, { '/patients/:id': 'middleware@app', '/charts/:id': 'none' });
  });

  test('a wrapper around the handler; with a wrong action written, it is a mismatch', () => {
    const result = analyze(
      [
        "import express from 'express';",
        'const router = express.Router();',
        "router.get('/patients/:id', withPhiAccess({ action: 'read' }, async (req, res) => res.json(await getPatient(req.params.id))));",
        "router.get('/charts/:id', withPhiAccess({ action: 'delete' }, async (req, res) => res.json(await getPatient(req.params.id).chart)));",
        "router.get('/notes/:id', withTiming(async (req, res) => res.json(await getPatient(req.params.id).clinical_notes)));",
      ],
      'routes.ts',
      TS_POLICY(),
    );
    const rules = result.findings.filter((f) => f.ruleId.includes('phi-access')).map((f) => `${f.line}:${f.ruleId}`);
    assert.deepEqual(rules, ['3:phi-access-mismatch', '4:missing-phi-access']);
    assert.equal(result.endpoints[0].audit.kind, 'wrapper');
  });
});

describe('NestJS guards and interceptors', () => {
  const controller = (decorators, methodDecorators = []) => [
    "import { Controller, Get, Param, UseGuards, UseInterceptors } from '@nestjs/common';",
    ...decorators,
    "@Controller('patients')",
    'export class PatientsController {',
    ...methodDecorators,
    "  @Get(':id')",
    "  findOne(@Param('id') id: string) {",
    '    return this.patients.findOne(id);',
    '  }',
    '}',
  ];
  const verdict = (lines, context) => Object.values(verdicts(analyze(lines, '/workspace/api/src/patients.controller.ts', TS_POLICY(), context)))[0];

  test('on the method or the controller class', () => {
    assert.equal(verdict(controller([], ['  @UseGuards(AuthGuard, PhiAuditGuard)'])), 'covered:guard@endpoint');
    assert.equal(verdict(controller(['@UseInterceptors(new PhiAuditGuard())'])), 'covered:guard@class');
  });

  test('another guard is not a control', () => {
    assert.equal(verdict(controller(['@UseGuards(AuthGuard)'])), 'missing');
  });

  test('registered globally in the same package, not in another one', () => {
    const registered = (packageRoot) => ({ djangoSettings: [], nestGlobals: [{ file: path.join(packageRoot, 'src/main.ts'), packageRoot, names: ['PhiAuditGuard'] }] });
    assert.equal(verdict(controller([]), registered(path.resolve('/workspace/api'))), 'covered:guard@app');
    assert.equal(verdict(controller([]), registered(path.resolve('/workspace/admin'))), 'missing');
  });
});

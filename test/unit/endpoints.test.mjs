// Endpoint discovery (every framework), the policy's audit names and role map, the coverage
// report model and the Audit Coverage view's data model. The endpoint rules' fixes are
// test/rules' before/after fixtures (missing-phi-access, phi-access-mismatch).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { before, describe, test } from 'node:test';
import * as esbuild from 'esbuild';
import { engine, loadEngine, repoRoot } from '../support/engine.mjs';
import { actualFindings, expectedFindings } from '../support/expectations.mjs';
import { assertSpecExamplesPresent, SPEC_EXAMPLES } from '../support/spec-examples.mjs';

before(loadEngine);

const ENDPOINT_RULES = ['missing-phi-access', 'phi-access-mismatch'];
const analyze = (text, file, policy = engine().defaultPolicy()) => engine().analyze({ text, path: file }, policy);
const endpointFindings = (result) => result.findings.filter((f) => ENDPOINT_RULES.includes(f.ruleId));
const summary = (result) => (result.endpoints ?? []).map((e) => `${e.framework} ${e.methods.join(',')} ${e.path} ${e.touchesPhi ? 'phi' : 'clean'}${e.audit ? ' audited' : ''}`);

describe('endpoint discovery', () => {
  test('FastAPI: APIRouter prefix, include_router mount, api_route methods, response_model', () => {
    const text = [
      'from fastapi import APIRouter, FastAPI',
      'app = FastAPI()',
      'router = APIRouter(prefix="/members")',
      '@router.api_route("/{mid}", methods=["GET", "DELETE"])',
      'def member(mid: str): ...',
      '@router.get("/count", response_model=MemberOut)',
      'def count(): ...',
      '@app.get("/health")',
      'def health(): ...',
      'app.include_router(router, prefix="/v1")',
    ].join('\n');
    assert.deepEqual(summary(analyze(text, 'main.py')), ['fastapi GET,DELETE /v1/members/{mid} phi', 'fastapi GET /v1/members/count phi', 'fastapi GET /health clean']);
  });

  test('Flask: route methods, blueprint url_prefix, register_blueprint override', () => {
    const text = [
      'from flask import Blueprint, Flask',
      'app = Flask(__name__)',
      'bp = Blueprint("rx", __name__, url_prefix="/rx")',
      '@bp.route("/<int:rid>", methods=["PUT"])',
      'def update(rid): ...',
      '@app.route("/about")',
      'def about(): ...',
      'app.register_blueprint(bp, url_prefix="/api/prescriptions")',
    ].join('\n');
    assert.deepEqual(summary(analyze(text, 'app.py')), ['flask PUT /api/prescriptions/<int:rid> phi', 'flask GET /about clean']);
  });

  test('Django function views in views.py, DRF api_view and ViewSet methods', () => {
    const views = 'from .models import Patient\n\ndef detail(request, pk):\n    return Patient.objects.get(pk=pk)\n\ndef about(request):\n    return None\n\ndef helper(x):\n    return x\n';
    assert.deepEqual(summary(analyze(views, 'clinic/views.py')), ['django ANY  phi', 'django ANY  clean']);
    assert.deepEqual(summary(analyze(views, 'clinic/helpers.py')), [], 'outside views.py and without Django imports a function is not a view');
    const drf = 'from rest_framework import viewsets\n\nclass EncounterViewSet(viewsets.ModelViewSet):\n    def retrieve(self, request, pk=None): ...\n    def partial_update(self, request, pk=None): ...\n    def helper(self): ...\n';
    // The class serves its inherited list/create/update/destroy too: one endpoint, at the class.
    assert.deepEqual(summary(analyze(drf, 'api.py')), ['drf GET,POST,PUT,DELETE  clean', 'drf GET  phi', 'drf PATCH  phi']);
  });

  test('DRF: actions inherited from mixins and generic views are one finding per class, naming them', () => {
    const text = [
      'from rest_framework import generics, mixins, viewsets',
      'from .models import Encounter, IcdCode, Patient',
      '',
      'class PatientViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):',
      '    serializer_class = PatientSerializer',
      '    permission_classes = [IsAuthenticated]',
      '    def retrieve(self, request, pk=None):',
      '        return Response(PatientSerializer(Patient.objects.get(pk=pk)).data)',
      '',
      'class BaseEncounterViewSet(mixins.CreateModelMixin, viewsets.GenericViewSet):  # a base: routed through EncounterViewSet',
      '    pass',
      '',
      'class EncounterViewSet(BaseEncounterViewSet, mixins.DestroyModelMixin):',
      '    def get_queryset(self):',
      '        return Encounter.objects.filter(doctor=self.request.user)',
      '',
      'class EncounterList(generics.ListCreateAPIView):',
      '    queryset = Encounter.objects.all()',
      '    def get(self, request):  # its own endpoint, returning nothing from the queryset',
      '        return Response([])',
      '',
      'class IcdCodeViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):',
      '    queryset = IcdCode.objects.all()',
      '',
      'class PatientPermissionViewSet(viewsets.ReadOnlyModelViewSet):',
      '    permission_classes = [IsPatientOwner]',
    ].join('\n');
    const result = analyze(text, 'api.py');
    assert.deepEqual(summary(result), [
      'drf GET  phi',
      'drf GET  phi',
      'drf POST,DELETE  phi',
      'drf POST  phi',
      'drf GET  clean',
      'drf GET  clean',
      'drf GET  clean',
    ]);
    const missing = endpointFindings(result).map((f) => `${f.line} ${/\(`([^`]+)`([^)]*)\)/.exec(f.message).slice(1).join('')}`);
    assert.deepEqual(missing, [
      '3 PatientViewSet: inherited list',
      '6 PatientViewSet.retrieve',
      '12 EncounterViewSet: inherited create, destroy',
      '16 EncounterList: inherited create',
    ]);
  });

  test('HTTP routes only: Tryton model hooks, admin actions, signals, tasks and commands are not endpoints', () => {
    const tryton = [
      'from trytond.model import ModelSQL, ModelView',
      'class PatientEvaluation(ModelSQL, ModelView):',
      '    @classmethod',
      '    def create(cls, vlist):',
      '        return super().create(vlist)',
      'class Prescription:',
      '    @classmethod',
      '    def create(cls, vlist):',
      '        return [cls(**values) for values in vlist]',
    ].join('\n');
    assert.deepEqual(summary(analyze(tryton, 'health/views.py')), []);
    const django = [
      'from django.contrib import admin',
      'from django.dispatch import receiver',
      'from celery import shared_task',
      '@receiver(post_save, sender=Patient)',
      'def request_patient_sync(request, instance, **kwargs): ...',
      '@shared_task',
      'def request_export(request, patient_id): ...',
      '@admin.action(description="Discharge")',
      'def discharge(request, queryset): ...',
      'class PatientAdmin(admin.ModelAdmin):',
      '    def get(self, request): ...',
      'class PatientSerializer(NestedCreateMixin, serializers.ModelSerializer):',
      '    def create(self, validated_data): ...',
    ].join('\n');
    assert.deepEqual(summary(analyze(django, 'clinic/views.py')), []);
    const command = 'from django.core.management.base import BaseCommand\ndef export(request, patient):\n    return Patient.objects.all()\n';
    assert.deepEqual(summary(analyze(command, 'clinic/management/commands/export.py')), []);
    assert.deepEqual(summary(analyze(command, 'clinic/views.py')), ['django ANY  phi'], 'the same function in a views module is a view');
  });

  test('touches PHI: aggregates, reference data and health checks do not; the rows beside a total do', () => {
    const py = [
      'from fastapi import APIRouter',
      'from django.db.models import Count',
      'router = APIRouter()',
      '@router.get("/stats/admissions")',
      'def admissions():',
      '    return {"total": db.query(Patient).filter(Patient.admitted).count()}',
      '@router.get("/patients/by-ward")',
      'def by_ward():',
      '    return Patient.objects.values("ward").annotate(total=Count("id"))',
      '@router.get("/patients/with-visits")',
      'def with_visits():',
      '    return Patient.objects.annotate(visits=Count("visit"))',
      '@router.get("/patients")',
      'def page():',
      '    return {"rows": repo.find_page(), "total": Patient.objects.count()}',
      '@router.get("/icd-codes/{code}")',
      'def icd(code):',
      '    return get_icd11_diagnosis_by_id(code)',
      '@router.get("/health")',
      'def health():',
      '    return {"ok": True}',
    ].join('\n');
    assert.deepEqual(summary(analyze(py, 'main.py')), [
      'fastapi GET /stats/admissions clean',
      'fastapi GET /patients/by-ward clean',
      'fastapi GET /patients/with-visits phi',
      'fastapi GET /patients phi',
      'fastapi GET /icd-codes/{code} clean',
      'fastapi GET /health clean',
    ]);
    const ts = [
      "import express from 'express';",
      'const router = express.Router();',
      "router.get('/stats/visits', async (req, res) => res.json(await prisma.visit.groupBy({ by: ['clinic'], _count: true })));",
      "router.get('/stats/patients', async (req, res) => res.json({ n: await prisma.patient.count() }));",
      "router.get('/patients/summary', async (req, res) => res.json(await prisma.patient.aggregate({ _avg: { age: true } })));",
      "router.get('/visits', async (req, res) => res.json(await prisma.visit.findMany()));",
      "router.get('/loinc/:code', async (req, res) => res.json(await loincCatalog.lookup(req.params.code)));",
      "router.get('/visits/status', (req, res) => res.status(200).json({ service: 'visits', ok: true }));",
      "router.get('/visits/:id/echo', (req, res) => res.json({ visit: req.params.visitId }));",
    ].join('\n');
    assert.deepEqual(summary(analyze(ts, 'routes.ts')), [
      'express GET /stats/visits clean',
      'express GET /stats/patients clean',
      'express GET /patients/summary clean',
      'express GET /visits phi',
      'express GET /loinc/:code clean',
      'express GET /visits/status clean',
      'express GET /visits/:id/echo phi',
    ]);
  });

  test('Express: route chains, mounted routers, router-wide phiAccess, CommonJS', () => {
    const text = [
      "const express = require('express');",
      "const { phiAccess } = require('./audit');",
      'const app = express();',
      'const router = express.Router();',
      "router.use(phiAccess({ action: 'read', dataCategory: 'clinical', roles: ['clinician'] }));",
      "router.route('/:id').get((req, res) => res.json(getChart(req.params.id)));",
      "app.get('/status', (req, res) => res.send('ok'));",
      "app.use('/charts', router);",
      "axios.get('/patients/1', { headers: {} });",
    ].join('\n');
    const result = analyze(text, 'server.js');
    assert.deepEqual(summary(result), ['express GET /charts/:id phi audited', 'express GET /status clean']);
    assert.equal(result.endpoints[0].audit.level, 'router');
    assert.deepEqual(endpointFindings(result), []);
  });

  test('NestJS: controller prefix, DTO parameters, class-level @PhiAccess', () => {
    const text = [
      "import { Controller, Get, Post, Body } from '@nestjs/common';",
      "@PhiAccess({ action: 'read', dataCategory: 'billing', roles: ['billing'] })",
      "@Controller('claims')",
      'export class ClaimsController {',
      "  @Get(':id') one() { return 1; }",
      '}',
      "@Controller('intake')",
      'export class IntakeController {',
      '  @Post() submit(@Body() dto: CreatePatientDto) { return dto; }',
      '  @Get() ping() { return "ok"; }',
      '}',
    ].join('\n');
    assert.deepEqual(summary(analyze(text, 'c.ts')), ['nestjs GET /claims/:id phi audited', 'nestjs POST /intake phi', 'nestjs GET /intake clean']);
  });

  test('Fastify, Hono and Koa routes are reported under their own names, by their app or router and by the file\'s imports', () => {
    const koa = [
      "const Router = require('koa-router');",
      'const router = new Router();',
      "router.get('/patients/:id', async (ctx) => { ctx.body = await db.patient.find(ctx.params.id); });",
    ].join('\n');
    assert.deepEqual(summary(analyze(koa, 'routes.js')), ['koa GET /patients/:id phi']);
    const hono = ["import { Hono } from 'hono';", 'const api = new Hono();', "api.get('/labs/:id', (c) => c.json(loadLabs(c.req.param('id'))));"].join('\n');
    assert.deepEqual(summary(analyze(hono, 'api.ts')), ['hono GET /labs/:id phi']);
    const fastify = ["import Fastify from 'fastify';", 'const server = Fastify();', "server.get('/claims', async () => listClaims());"].join('\n');
    const result = analyze(fastify, 'server.ts');
    assert.deepEqual(summary(result), ['fastify GET /claims phi']);
    assert.equal(endpointFindings(result)[0].sink, 'fastify endpoint');
    const express = ["const app = require('express')();", "app.get('/patients', (req, res) => res.json(listPatients()));"].join('\n');
    assert.deepEqual(summary(analyze(express, 'app.js')), ['express GET /patients phi']);
  });

  test('every framework of the catalogue has its fixture in test/fixtures/engine, whose endpoints all carry its id', () => {
    const dir = path.join(repoRoot, 'test/fixtures/engine');
    const files = readdirSync(dir);
    for (const framework of engine().FRAMEWORKS) {
      const fixture = files.find((file) => file.startsWith(`endpoints_${framework.id}.`) || file.startsWith(`endpoints_${framework.id}_`));
      assert.ok(fixture, `test/fixtures/engine/endpoints_${framework.id}.* is the fixture of ${framework.name}`);
      const found = analyze(readFileSync(path.join(dir, fixture), 'utf8'), fixture).endpoints;
      assert.ok(found.length > 0, `${fixture} has endpoints`);
      assert.deepEqual([...new Set(found.map((endpoint) => endpoint.framework))], [framework.id], fixture);
    }
  });

  test('docs/coverage-report.md names every framework in its table and its JSON schema', () => {
    const doc = readFileSync(path.join(repoRoot, 'docs/coverage-report.md'), 'utf8');
    const schemaEnum = JSON.parse(/"framework": \{ "enum": (\[[^\]]*\]) \}/.exec(doc)[1]);
    assert.deepEqual([...schemaEnum].sort(), engine().FRAMEWORKS.map((framework) => framework.id).sort());
    for (const framework of engine().FRAMEWORKS) assert.match(doc, new RegExp(`^\\| ${framework.name} \\|`, 'm'), `a table row for ${framework.name}`);
  });
});

describe("the product contract's endpoint examples (examples/next)", () => {
  // The whole folder joins the conformance corpora once every rule it exercises is in; its
  // endpoint examples are checked here, for the endpoint rules.
  for (const file of ['drf_views.py', 'fastify_routes.ts']) {
    test(file, () => {
      assertSpecExamplesPresent();
      const text = readFileSync(path.join(SPEC_EXAMPLES, 'next', file), 'utf8');
      const only = (keys) => keys.filter((key) => ENDPOINT_RULES.includes(key.split(':')[1]));
      assert.deepEqual(only(actualFindings(analyze(text, file))), only(expectedFindings(text)));
    });
  }
});

describe('policy', () => {
  // The fix the policy's names and role map give is the fixture missing-phi-access/policy-audit-names-admin-only-roles.
  test('audit names and role map come from the policy: a role not permitted is reported, as a warning', () => {
    const policy = {
      ...engine().defaultPolicy(),
      audit: { python: { decorator: 'audited', module: 'hipaa.audit' }, typescript: { middleware: 'auditPhi', decorator: 'AuditPhi', module: '~/audit' } },
      roles: { nurse: ['clinical', 'demographics'], admin: ['*'] },
    };
    const audited = 'from hipaa.audit import audited\n@router.get("/charts/{cid}")\n@audited(action="read", data_category="clinical", roles=["billing"])\ndef chart(cid): ...\n';
    const [finding] = endpointFindings(analyze(audited, 'a.py', policy));
    assert.equal(finding.ruleId, 'phi-access-mismatch');
    assert.match(finding.message, /"billing" not permitted for clinical/);
    assert.equal(finding.severity, 'warning');
    const off = { ...policy, rules: { 'phi-access-mismatch': 'off' } };
    assert.deepEqual(endpointFindings(analyze(audited, 'a.py', off)), []);
  });
});

describe('coverage report model', () => {
  test('joins Django URLconfs (with include prefixes) to views and computes the percentage', () => {
    const e = engine();
    const policy = e.defaultPolicy();
    const file = (rel, text) => {
      const absolutePath = path.join('/proj', rel);
      return { display: rel, absolutePath, result: e.analyze({ text, path: absolutePath }, policy), policy };
    };
    const report = e.buildCoverageReport([
      file('proj/urls.py', 'from django.urls import include, path\nurlpatterns = [path("api/", include("clinic.urls"))]\n'),
      file('clinic/urls.py', 'from django.urls import path\nfrom rest_framework.routers import DefaultRouter\nfrom . import views\nrouter = DefaultRouter()\nrouter.register(r"encounters", views.EncounterViewSet)\nurlpatterns = [path("patients/<int:pk>/", views.patient, name="p"), re_path(r"^status/$", views.status)]\n'),
      file('clinic/views.py', 'from .models import Patient\n\ndef patient(request, pk):\n    return Patient.objects.get(pk=pk)\n\ndef status(request):\n    return None\n\nclass EncounterViewSet(ModelViewSet):\n    @phi_access(action="read", data_category="clinical", roles=["clinician"])\n    def retrieve(self, request, pk=None): ...\n    def list(self, request): ...\n'),
    ]);
    const rows = report.endpoints.map((x) => `${x.methods.join(',')} ${x.path} ${x.status}`);
    // The class's inherited create/update/destroy serve no queryset the file names: listed, not PHI.
    assert.deepEqual(rows, ['ANY /api/patients/<int:pk>/ missing', 'ANY /api/status/ no-phi', 'POST,PUT,PATCH,DELETE /api/encounters/ no-phi', 'GET /api/encounters/{pk}/ covered', 'GET /api/encounters/ missing']);
    assert.deepEqual(report.summary, { endpoints: 5, phiEndpoints: 3, covered: 1, mismatched: 0, missing: 2, suppressed: 0, percent: 33.3 });
  });

  test('a suppressed missing-phi-access is listed as suppressed and left out of the percentage', () => {
    const e = engine();
    const policy = e.defaultPolicy();
    const text = '# phi-guard: ignore[missing-phi-access] -- served by the audited gateway\n@router.get("/patients")\ndef all(): ...\n';
    const report = e.buildCoverageReport([{ display: 'a.py', absolutePath: '/a.py', result: e.analyze({ text, path: '/a.py' }, policy), policy }]);
    assert.equal(report.endpoints[0].status, 'suppressed');
    assert.equal(report.summary.percent, 100);
  });
});

describe('route paths in messages and the coverage report', () => {
  test('identifier-like numbers and e-mail segments in a route path are masked; parameters and versions stay', () => {
    const e = engine();
    const text = [
      'from fastapi import APIRouter',
      'router = APIRouter()',
      '',
      '@router.get("/v2/patients/078-05-1120/chart/{pid}")',
      'def chart(pid):',
      '    return db.query(Patient).get(pid)',
      '',
      '@router.get("/patients/by-mail/zeb.q@example.org")',
      '@phi_access(action="write", data_category="demographics", roles=["clinician"])',
      'def by_mail():',
      '    return db.query(Patient).first()',
      '',
    ].join('\n');
    const result = analyze(text, 'a.py');
    const messages = endpointFindings(result).map((f) => f.message);
    assert.equal(messages.length, 2);
    assert.match(messages[0], /^FastAPI endpoint GET \/v2\/patients\/…\/chart\/\{pid\} \(`chart`\)/);
    assert.match(messages[1], /^Audit control of GET \/patients\/by-mail\/… \(`by_mail`\)/);
    for (const message of messages) assert.doesNotMatch(message, /078-05-1120|1120|example\.org/);
    const policy = e.defaultPolicy();
    const report = e.buildCoverageReport([{ display: 'a.py', absolutePath: '/a.py', result, policy }]);
    assert.deepEqual(report.endpoints.map((x) => x.path), ['/v2/patients/…/chart/{pid}', '/patients/by-mail/…']);
  });
});

describe('Audit Coverage view model', () => {
  let buildCoverageTree;
  before(() => {
    const out = esbuild.buildSync({
      entryPoints: [path.join(repoRoot, 'client/src/views/auditCoverageModel.ts')],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      external: ['vscode'],
    });
    const module = { exports: {} };
    new Function('module', 'exports', 'require', out.outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
    ({ buildCoverageTree } = module.exports);
  });

  const endpoint = (over) => ({
    file: 'api/patients.py', absolutePath: '/w/api/patients.py', uri: 'file:///w/api/patients.py', line: 10, column: 1, framework: 'fastapi',
    methods: ['GET'], path: '/patients/{pid}', handler: 'read', touchesPhi: true, categories: ['demographics'], why: ['path names patient'],
    covered: false, status: 'missing', problems: [], ...over,
  });

  test('groups by file, worst file first, icons per status, percentage as the description, positions 0-based', () => {
    const model = buildCoverageTree({
      summary: { endpoints: 4, phiEndpoints: 3, covered: 2, mismatched: 1, missing: 1, suppressed: 0, percent: 66.7 },
      endpoints: [
        endpoint({ file: 'web/routes.ts', absolutePath: '/w/web/routes.ts', uri: 'file:///w/web/routes.ts', line: 3, column: 1, status: 'covered', covered: true, action: 'read', data_category: ['clinical'], roles: ['clinician'] }),
        endpoint({ line: 20, status: 'mismatch', covered: true, action: 'read', problems: ['action "read" does not match PATCH (expected "write")'], methods: ['PATCH'] }),
        endpoint({ line: 10 }),
        endpoint({ line: 30, path: '/version', handler: 'version', touchesPhi: false, status: 'no-phi', categories: [] }),
      ],
      findings: { total: 5, errors: 3, warnings: 2 },
      files: 2,
      truncated: false,
    });
    assert.equal(model.description, '66.7% covered (2/3)');
    assert.equal(model.findings, 5);
    assert.match(model.summary, /66\.7% · 5 findings/);
    assert.deepEqual(model.files.map((f) => [f.label, f.icon, f.description]), [
      ['patients.py', 'missing', 'api · 1/2 covered'],
      ['routes.ts', 'covered', 'web · 1/1 covered'],
    ]);
    const [missing, mismatch, clean] = model.files[0].children;
    assert.deepEqual([missing.icon, missing.label, missing.line, missing.character, missing.uri], ['missing', 'GET /patients/{pid}', 9, 0, 'file:///w/api/patients.py']);
    assert.equal(mismatch.icon, 'mismatch');
    assert.match(mismatch.tooltip, /expected "write"/);
    assert.equal(clean.icon, 'no-phi');
    assert.match(model.files[1].children[0].description, /read · clinical · clinician/);
    assert.equal(new Set(model.files.flatMap((f) => f.children.map((c) => c.id))).size, 4, 'unique ids');
  });

  test('no server result and an empty workspace give a message', () => {
    assert.match(buildCoverageTree(undefined).message, /not available/);
    const empty = buildCoverageTree({ summary: { endpoints: 0, phiEndpoints: 0, covered: 0, mismatched: 0, missing: 0, suppressed: 0, percent: 100 }, endpoints: [], findings: { total: 0, errors: 0, warnings: 0 }, files: 3, truncated: false });
    assert.equal(empty.description, 'no PHI endpoints');
    assert.match(empty.message, /No HTTP endpoints/);
  });
});

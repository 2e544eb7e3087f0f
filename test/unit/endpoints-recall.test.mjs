// missing-phi-access recall on real projects: endpoints that serve patient data without saying so
// in their route or names (views extending a project's own base view, a `patient_id` query
// parameter, SQL naming a patient table, a FHIR catch-all proxy, a request schema of PHI fields),
// each beside the look-alike that stays quiet.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { engine, loadEngine } from '../support/engine.mjs';

before(loadEngine);

const analyze = (text, file) => engine().analyze({ text, path: file }, engine().defaultPolicy());
const summary = (text, file) => (analyze(text, file).endpoints ?? []).map((e) => `${e.methods.join(',')} ${e.path} ${e.touchesPhi ? 'phi' : 'clean'}`);
const missing = (text, file) => analyze(text, file).findings.filter((f) => f.ruleId === 'missing-phi-access').map((f) => f.range.start.line + 1);

describe('missing-phi-access: endpoints found through what they read', () => {
  test("DRF: a viewset extending the project's own base viewset (any capitalisation) is a view; a plain helper class is not", () => {
    const text = [
      'from rest_framework import viewsets',
      'from rest_framework.permissions import IsAuthenticated',
      'from .models import Episode',
      '',
      'class LoginRequiredViewset(viewsets.ViewSet):',
      '    permission_classes = (IsAuthenticated,)',
      '',
      'class EpisodeViewSet(LoginRequiredViewset):',
      '    def list(self, request):',
      '        return json_response([e.to_dict(request.user) for e in Episode.objects.all()])',
      '',
      'class RecordViewSet(LoginRequiredViewset):',
      '    def list(self, request):',
      '        return json_response(schemas.list_records())',
      '',
      'class Cache(object):',
      '    pass',
      '',
      'class EpisodeCache(Cache):',
      '    def list(self, request):',
      '        return [e.to_dict() for e in Episode.objects.all()]',
    ].join('\n');
    // The last lists what records look like (their schema), not their rows.
    assert.deepEqual(summary(text, 'clinic/api.py'), ['GET  phi', 'GET  clean']);
    assert.deepEqual(missing(text, 'clinic/api.py'), [9]);
  });

  test('FastAPI: a patient_id query parameter scopes the route to a patient; other filters, and totals filtered by patient, do not', () => {
    const text = [
      'from fastapi import APIRouter, Depends, Query',
      'router = APIRouter(prefix="/api/orders")',
      '@router.get("/")',
      'async def get_orders(patient_id: str = Query(None), service: OrdersService = Depends(get_service)):',
      '    return await service.get_orders(patient_id=patient_id)',
      '@router.get("/statuses")',
      'async def get_statuses(status: str = Query(None), client_id: str = Query(None), service: OrdersService = Depends(get_service)):',
      '    return await service.get_statuses(status=status, client_id=client_id)',
      '@router.get("/analytics")',
      'async def analytics(patient_id: str = Query(None), service: OrdersService = Depends(get_service)):',
      '    return await service.summarise(patient_id=patient_id)',
    ].join('\n');
    assert.deepEqual(summary(text, 'orders.py'), ['GET /api/orders phi', 'GET /api/orders/statuses clean', 'GET /api/orders/analytics clean']);
  });

  test('Express: a patient id read from req.query or req.params; other request inputs do not count', () => {
    const text = [
      "import { Router } from 'express';",
      'const router = Router();',
      "router.get('/courses', async (req, res) => {",
      '  const { status, patientId } = req.query;',
      '  res.json(await courses.list(status, patientId));',
      '});',
      "router.get('/protocols', async (req, res) => {",
      '  const { status } = req.query;',
      '  res.json(await protocols.list(status));',
      '});',
    ].join('\n');
    assert.deepEqual(summary(text, 'routes/courses.ts'), ['GET /courses phi', 'GET /protocols clean']);
  });

  test('SQL in a handler naming a patient-like table; counts, group-by totals, tables of kinds and other tables stay quiet', () => {
    const text = [
      "import { Router } from 'express';",
      'const router = Router();',
      "router.get('/:id', async (req, res) => {",
      '  const found = await pool.query(`SELECT w.*, p.first_name FROM wounds w JOIN patients p ON p.id = w.patient_id WHERE w.id = $1`, [req.params.id]);',
      '  res.json(found.rows[0]);',
      '});',
      "router.get('/:id/total', async (req, res) => {",
      '  const found = await pool.query(`SELECT COUNT(*) AS total FROM patients WHERE tenant_id = $1`, [req.params.id]);',
      '  res.json(found.rows[0]);',
      '});',
      "router.get('/:id/overdue', async (req, res) => {",
      "  const found = await pool.query(`SELECT COUNT(*) FILTER (WHERE status NOT IN ('done', 'dismissed'))::int AS overdue, COUNT(*)::int AS total FROM patient_recalls WHERE tenant_id = $1`, [req.params.id]);",
      '  res.json(found.rows[0]);',
      '});',
      "router.get('/:id/by-status', async (req, res) => {",
      '  const found = await pool.query(`SELECT status, COUNT(*) FROM wounds WHERE tenant_id = $1 GROUP BY status`, [req.params.id]);',
      '  res.json(found.rows);',
      '});',
      "router.get('/:id/types', async (req, res) => {",
      '  const found = await pool.query(`SELECT id, name FROM appointment_types WHERE clinic_id = $1`, [req.params.id]);',
      '  res.json(found.rows);',
      '});',
      "router.get('/:id/rooms', async (req, res) => {",
      '  const found = await pool.query(`SELECT name, floor FROM rooms WHERE clinic_id = $1`, [req.params.id]);',
      "  if (!found.rows.length) throw new Error('Nothing to select from patients yet');",
      '  res.json(found.rows);',
      '});',
    ].join('\n');
    assert.deepEqual(summary(text, 'routes/wounds.ts'), ['GET /:id phi', 'GET /:id/total clean', 'GET /:id/overdue clean', 'GET /:id/by-status clean', 'GET /:id/types clean', 'GET /:id/rooms clean']);
  });

  test("FastAPI api_route: a FHIR server's catch-all proxy serves patients; its capability statement does not", () => {
    const text = [
      'from fastapi import APIRouter, Request',
      'router = APIRouter()',
      '@router.api_route("/fhir/R4/{path:path}", methods=["GET", "POST"])',
      'async def proxy(path: str, request: Request):',
      '    return await forward(path, request)',
      '@router.get("/fhir/metadata")',
      'async def capability(request: Request):',
      '    return await forward("metadata", request)',
    ].join('\n');
    assert.deepEqual(summary(text, 'proxy.py'), ['GET,POST /fhir/R4/{path:path} phi', 'GET /fhir/metadata clean']);
  });

  test('resource words: an inpatient census, laboratory orders, a questionnaire response (not the questionnaire), episodes', () => {
    const text = [
      'from fastapi import APIRouter',
      'router = APIRouter()',
      '@router.get("/census", response_model=CensusResponse)',
      'async def census(service: WardService = Depends(get_service)):',
      '    return await service.get_census()',
      '@router.post("/orders/laboratory")',
      'async def lab_order(body: dict): ...',
      '@router.post("/responses")',
      'async def save_response(body: QuestionnaireResponseCreate): ...',
      '@router.get("/questionnaires")',
      'async def questionnaires(q: QuestionnaireFilter): ...',
      '@router.get("/episodes/{eid}")',
      'async def episode(eid: str): ...',
    ].join('\n');
    assert.deepEqual(summary(text, 'wards.py'), [
      'GET /census phi', 'POST /orders/laboratory phi', 'POST /responses phi', 'GET /questionnaires clean', 'GET /episodes/{eid} phi',
    ]);
  });

  test("NestJS: a request schema of the file whose fields are PHI; a schema of other fields or of contact fields only (a staff user) does not", () => {
    const text = [
      "import { Body, Controller, Post } from '@nestjs/common';",
      "import { z } from 'zod';",
      'const SubmissionDto = z.object({ patientName: z.string(), dob: z.string(), medicareId: z.string().optional() });',
      'const FeedbackDto = z.object({ title: z.string(), rating: z.number(), email: z.string() });',
      'const CreateUserDto = z.object({ firstName: z.string(), lastName: z.string(), email: z.string(), phoneNumber: z.string() });',
      "@Controller('forms')",
      'export class FormsController {',
      "  @Post(':linkId')",
      '  async submit(@Body(new Pipe(SubmissionDto)) body: z.infer<typeof SubmissionDto>) {',
      '    return await this.forms.submit(body);',
      '  }',
      "  @Post('users')",
      '  async createUser(@Body(new Pipe(CreateUserDto)) body: z.infer<typeof CreateUserDto>) {',
      '    return await this.users.create(body);',
      '  }',
      "  @Post('feedback/:linkId')",
      '  async feedback(@Body(new Pipe(FeedbackDto)) body: z.infer<typeof FeedbackDto>) {',
      '    return await this.forms.feedback(body);',
      '  }',
      '}',
    ].join('\n');
    assert.deepEqual(summary(text, 'forms.controller.ts'), ['POST /forms/:linkId phi', 'POST /forms/users clean', 'POST /forms/feedback/:linkId clean']);
  });
});

// The scan's pre-pass (workspace/audit-context.ts): a Django middleware listed in a settings
// module's MIDDLEWARE covers the views of that Django project only, and a NestJS guard registered
// globally covers the controllers of its package; the same with worker threads and with the cache.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { emptyTempDir, runCli } from './run-cli.mjs';

function workspace() {
  const cwd = emptyTempDir('audit-context');
  const write = (name, text) => {
    mkdirSync(path.dirname(path.join(cwd, name)), { recursive: true });
    writeFileSync(path.join(cwd, name), text);
  };
  const view = 'from .models import Patient\n\n\ndef patient_detail(request, pk):\n    return Patient.objects.get(pk=pk)\n';
  write('phi-guard.json', JSON.stringify({ audit: { python: { middleware: ['clinic.audit.middleware.PHIAuditMiddleware'] }, typescript: { guards: ['PhiAuditGuard'] } } }));
  // Two Django projects side by side; only the first lists the audit middleware (the second has it commented out).
  write('clinic/manage.py', '');
  write('clinic/clinic/__init__.py', '');
  write('clinic/clinic/settings.py', 'MIDDLEWARE = [\n    "django.middleware.security.SecurityMiddleware",\n    "clinic.audit.middleware.PHIAuditMiddleware",\n]\n');
  write('clinic/patients/views.py', view);
  write('billing/manage.py', '');
  write('billing/billing/__init__.py', '');
  write('billing/billing/settings.py', 'MIDDLEWARE = [\n    "django.middleware.security.SecurityMiddleware",\n    # "clinic.audit.middleware.PHIAuditMiddleware",\n]\n');
  write('billing/invoices/views.py', view);
  // Two NestJS packages; only the first registers the guard globally.
  const controller = "import { Controller, Get, Param } from '@nestjs/common';\n@Controller('patients')\nexport class PatientsController {\n  @Get(':id')\n  findOne(@Param('id') id: string) {\n    return this.patients.findOne(id);\n  }\n}\n";
  write('api/package.json', '{}');
  write('api/src/main.ts', "const app = await NestFactory.create(AppModule);\napp.useGlobalGuards(new PhiAuditGuard());\n");
  write('api/src/patients.controller.ts', controller);
  write('admin/package.json', '{}');
  write('admin/src/main.ts', "const app = await NestFactory.create(AppModule);\n// app.useGlobalGuards(new PhiAuditGuard());\n");
  write('admin/src/patients.controller.ts', controller);
  return cwd;
}

const missing = (stdout) =>
  JSON.parse(stdout)
    .findings.filter((finding) => finding.ruleId === 'missing-phi-access')
    .map((finding) => finding.file)
    .sort();

test('a settings MIDDLEWARE covers its own Django project, a global guard its own package; the others are still reported', () => {
  const cwd = workspace();
  const expected = ['admin/src/patients.controller.ts', 'billing/invoices/views.py'];
  const serial = runCli(['scan', '.', '--format', 'json', '--jobs', '1'], { cwd });
  assert.deepEqual(missing(serial.stdout), expected, serial.stderr);
  const parallel = runCli(['scan', '.', '--format', 'json', '--jobs', '2'], { cwd });
  assert.deepEqual(missing(parallel.stdout), expected, parallel.stderr);
});

test('the cache does not keep a result once the settings change', () => {
  const cwd = workspace();
  const scan = () => missing(runCli(['scan', '.', '--format', 'json', '--cache', '--jobs', '1'], { cwd }).stdout);
  assert.deepEqual(scan(), ['admin/src/patients.controller.ts', 'billing/invoices/views.py']);
  writeFileSync(path.join(cwd, 'clinic/clinic/settings.py'), 'MIDDLEWARE = [\n    "django.middleware.security.SecurityMiddleware",\n]\n');
  assert.deepEqual(scan(), ['admin/src/patients.controller.ts', 'billing/invoices/views.py', 'clinic/patients/views.py']);
});

test('fix leaves alone the views the settings MIDDLEWARE covers', () => {
  const cwd = workspace();
  const { stdout } = runCli(['fix', '.', '--dry-run'], { cwd });
  assert.match(stdout, /would fix 1 problem in billing\/invoices\/views\.py/);
  assert.doesNotMatch(stdout, /clinic\/patients\/views\.py/);
});

test('REST_FRAMEWORK default permission classes cover the DRF views of the project that do not set their own', () => {
  const cwd = emptyTempDir('audit-context');
  const write = (name, text) => {
    mkdirSync(path.dirname(path.join(cwd, name)), { recursive: true });
    writeFileSync(path.join(cwd, name), text);
  };
  write('phi-guard.json', JSON.stringify({ audit: { python: { permissionClasses: ['AuditedPatientAccess'] } } }));
  write('clinic/manage.py', '');
  write('clinic/clinic/__init__.py', '');
  write('clinic/clinic/settings.py', [
    'REST_FRAMEWORK = {',
    '    "DEFAULT_PERMISSION_CLASSES": [',
    '        "rest_framework.permissions.IsAuthenticated",',
    '        "clinic.permissions.AuditedPatientAccess",',
    '    ],',
    '}',
    '',
  ].join('\n'));
  const viewSet = (name, own) => [
    `class ${name}(viewsets.ViewSet):`,
    ...(own ? [`    permission_classes = [${own}]`] : []),
    '    def retrieve(self, request, pk=None):',
    '        return Response(Patient.objects.get(pk=pk).diagnosis)',
    '',
  ];
  write('clinic/patients/api.py', [
    'from rest_framework import viewsets',
    'from .models import Patient',
    '',
    ...viewSet('PatientViewSet'),
    ...viewSet('PublicPatientViewSet', 'AllowAny'),
  ].join('\n'));
  const { stdout, stderr } = runCli(['scan', '.', '--format', 'json'], { cwd });
  const reported = JSON.parse(stdout).findings.filter((f) => f.ruleId === 'missing-phi-access').map((f) => f.line);
  assert.deepEqual(reported, [10], `only the view that sets its own permission_classes without the audit class: ${stderr}`);
});

test('FastAPI: include_router(..., dependencies=[...]) in main.py covers that router\'s routes; an app-wide dependency covers the project only when every app has one', () => {
  const cwd = emptyTempDir('audit-context');
  const write = (name, text) => {
    mkdirSync(path.dirname(path.join(cwd, name)), { recursive: true });
    writeFileSync(path.join(cwd, name), text);
  };
  const routes = (prefix) => `from fastapi import APIRouter\nrouter = APIRouter(prefix="/${prefix}")\n\n\n@router.get("/{pid}")\ndef read(pid: str):\n    return Patient.get(pid).diagnosis\n`;
  write('phi-guard.json', JSON.stringify({ audit: { python: { dependencies: ['audit_phi'] } } }));
  write('svc/app/__init__.py', '');
  write('svc/app/routers/__init__.py', '');
  write('svc/app/routers/charts.py', routes('charts'));
  write('svc/app/routers/notes.py', routes('notes'));
  write('svc/app/main.py', [
    'from fastapi import Depends, FastAPI',
    'from app.routers import charts, notes',
    'from app.deps import audit_phi',
    'app = FastAPI()',
    'app.include_router(charts.router, dependencies=[Depends(audit_phi)])',
    'app.include_router(notes.router)',
    '',
  ].join('\n'));
  const reported = () =>
    JSON.parse(runCli(['scan', '.', '--format', 'json'], { cwd }).stdout)
      .findings.filter((f) => f.ruleId === 'missing-phi-access')
      .map((f) => f.file)
      .sort();
  assert.deepEqual(reported(), ['svc/app/routers/notes.py']);

  // One app with the dependency: every route of the project is covered.
  write('svc/app/main.py', 'from fastapi import Depends, FastAPI\nfrom app.routers import charts, notes\napp = FastAPI(\n    dependencies=[Depends(audit_phi)],\n)\napp.include_router(charts.router)\napp.include_router(notes.router)\n');
  assert.deepEqual(reported(), []);
  // A second app without it: the app-wide dependency no longer says which routes it covers.
  write('svc/app/admin.py', 'from fastapi import FastAPI\nadmin = FastAPI()\n');
  assert.deepEqual(reported(), ['svc/app/routers/charts.py', 'svc/app/routers/notes.py']);
});

test('settings given in code (settings.configure(MIDDLEWARE=...)) cover the views of that project too', () => {
  const cwd = emptyTempDir('audit-context');
  const write = (name, text) => {
    mkdirSync(path.dirname(path.join(cwd, name)), { recursive: true });
    writeFileSync(path.join(cwd, name), text);
  };
  const view = 'from .models import Patient\n\n\ndef patient_detail(request, pk):\n    return Patient.objects.get(pk=pk)\n';
  write('phi-guard.json', JSON.stringify({ audit: { python: { middleware: ['clinic.audit.PHIAuditMiddleware'] } } }));
  write('runtests.py', "from django.conf import settings\nsettings.configure(\n    DEBUG=False,\n    MIDDLEWARE=(\n        'django.contrib.sessions.middleware.SessionMiddleware',\n        'clinic.audit.PHIAuditMiddleware'\n    ),\n)\n");
  write('clinic/__init__.py', '');
  write('clinic/views.py', view);
  assert.deepEqual(missing(runCli(['scan', '.', '--format', 'json', '--jobs', '1'], { cwd }).stdout), []);
  // The same keyword outside a settings.configure call is not Django's settings.
  writeFileSync(path.join(cwd, 'runtests.py'), "run(\n    MIDDLEWARE=(\n        'clinic.audit.PHIAuditMiddleware',\n    ),\n)\n");
  assert.deepEqual(missing(runCli(['scan', '.', '--format', 'json', '--jobs', '1'], { cwd }).stdout), ['clinic/views.py']);
});

test('a middleware that records writes only covers write endpoints; a viewset is reported for its reads', () => {
  const cwd = emptyTempDir('audit-context');
  const write = (name, text) => {
    mkdirSync(path.dirname(path.join(cwd, name)), { recursive: true });
    writeFileSync(path.join(cwd, name), text);
  };
  write('phi-guard.json', JSON.stringify({ audit: { python: { middleware: ['reversion.middleware.RevisionMiddleware', 'clinic.audit.AuditMiddleware'] } } }));
  write('clinic/manage.py', '');
  write('clinic/clinic/__init__.py', '');
  write('clinic/clinic/settings.py', 'MIDDLEWARE = [\n    "reversion.middleware.RevisionMiddleware",\n]\n');
  write('clinic/clinic/audit.py', [
    'class AuditMiddleware:',
    '    def __init__(self, get_response):',
    '        self.get_response = get_response',
    '',
    '    def __call__(self, request):',
    '        if request.method.lower() == "get":',
    '            return self.get_response(request)',
    '        record(request)',
    '        return self.get_response(request)',
    '',
  ].join('\n'));
  write('clinic/patients/views.py', [
    'from rest_framework import generics, viewsets',
    'from .models import Patient',
    'from .serializers import PatientSerializer',
    '',
    '',
    'class PatientViewSet(viewsets.ModelViewSet):',
    '    queryset = Patient.objects.all()',
    '    serializer_class = PatientSerializer',
    '',
    '',
    'class PatientCreateView(generics.CreateAPIView):',
    '    queryset = Patient.objects.all()',
    '    serializer_class = PatientSerializer',
    '',
    '',
    'class AdmissionViewSet(viewsets.ModelViewSet):',
    '    queryset = Patient.objects.all()',
    '    serializer_class = PatientSerializer',
    '',
    '    def create(self, request, *args, **kwargs):',
    '        return super().create(request, *args, **kwargs)',
    '',
  ].join('\n'));
  // A search served by POST changes nothing, so no history records it; a POST that saves is recorded.
  write('clinic/patients/search.py', [
    'from django.views import View',
    'from .models import Patient',
    '',
    '',
    'class PatientSearchView(View):',
    '    def post(self, request):',
    '        return json_response(list(Patient.objects.filter(surname=request.POST["surname"]).values()))',
    '',
    '',
    'class PatientRenameView(View):',
    '    def post(self, request, pk):',
    '        patient = Patient.objects.get(pk=pk)',
    '        patient.surname = request.POST["surname"]',
    '        patient.save()',
    '        return json_response({"id": patient.id})',
    '',
  ].join('\n'));
  const findings = () => JSON.parse(runCli(['scan', '.', '--format', 'json', '--jobs', '1'], { cwd }).stdout).findings.filter((finding) => finding.ruleId === 'missing-phi-access');
  const search = (reported) => reported.filter((finding) => finding.file === 'clinic/patients/search.py').map((finding) => finding.line);
  let reported = findings();
  assert.deepEqual(search(reported), [6], 'the search is reported, the save is covered');
  reported = reported.filter((finding) => finding.file === 'clinic/patients/views.py');
  // The viewset's own `create` is DRF's create action, a write, whatever it calls.
  assert.deepEqual(reported.map((finding) => finding.line), [6, 16], 'the create-only view and a create override are covered, the viewsets\' reads are not');
  assert.match(reported[0].message, /inherited list, retrieve\b/);
  assert.doesNotMatch(reported[0].message, /create|destroy/);
  // The finding names the middleware the team relies on and what it leaves out.
  assert.match(reported[0].message, /`RevisionMiddleware` records writes only, so this read is not audited/);
  // The project's own middleware that lets GET through first: the same.
  writeFileSync(path.join(cwd, 'clinic/clinic/settings.py'), 'MIDDLEWARE = [\n    "clinic.audit.AuditMiddleware",\n]\n');
  reported = findings().filter((finding) => finding.file === 'clinic/patients/views.py');
  assert.deepEqual(reported.map((finding) => finding.line), [6, 16]);
  assert.match(reported[0].message, /inherited list, retrieve\b/);
  // Also with DRF's SAFE_METHODS and a docstring first.
  writeFileSync(path.join(cwd, 'clinic/clinic/audit.py'), 'class AuditMiddleware:\n    def __call__(self, request):\n        """Records changes."""\n        if request.method in SAFE_METHODS:\n            return self.get_response(request)\n        record(request)\n        return self.get_response(request)\n');
  assert.match(findings().find((finding) => finding.file === 'clinic/patients/views.py').message, /inherited list, retrieve\b/);
  // One that audits every request covers them all (a first test on something else than the method does not matter).
  writeFileSync(path.join(cwd, 'clinic/clinic/audit.py'), 'class AuditMiddleware:\n    def __call__(self, request):\n        if request.path.startswith("/static/"):\n            return self.get_response(request)\n        record(request)\n        return self.get_response(request)\n');
  assert.deepEqual(findings(), []);
});

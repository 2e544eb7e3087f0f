// The scaffold generator (issue 7): validation, project detection, and the generated files —
// every one parses and has zero findings under every registered rule, across frameworks,
// resources, categories and operations. Plus `phi-guard scaffold` end to end (files printed,
// no overwrite without --force). The generated tests are run in scaffold-runtime.test.mjs.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { engine, loadEngine } from '../support/engine.mjs';
import { loadScaffold, runCli } from '../scaffold/load-scaffold.mjs';

let s;
before(async () => {
  await loadEngine();
  s = await loadScaffold();
});

const tempDirs = [];
after(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});
function tempDir() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'phi-guard-scaffold-'));
  tempDirs.push(dir);
  return dir;
}

const DEFAULT_ROLES = { clinician: ['clinical', 'demographics'], billing: ['billing', 'demographics'], admin: ['*'] };

function options(overrides = {}) {
  return {
    framework: 'fastapi',
    resource: 'lab_result',
    operations: ['read', 'create', 'update', 'delete'],
    category: 'clinical',
    roles: ['clinician'],
    roleMap: DEFAULT_ROLES,
    withRuntime: true,
    ...overrides,
  };
}

/** Parses and analyses every generated source file; returns "path: problem" strings. */
function problemsOf(files, policy = engine().defaultPolicy()) {
  const e = engine();
  const problems = [];
  for (const file of files) {
    const languageId = e.languageFromPath(file.path);
    if (!languageId) continue;
    const errors = e.countSyntaxErrors(file.content, languageId);
    if (errors) problems.push(`${file.path}: ${errors} syntax errors`);
    const result = e.analyze({ text: file.content, path: `/project/${file.path}` }, policy);
    for (const f of result.findings) problems.push(`${file.path}:${f.line + 1} ${f.ruleId}: ${f.message}`);
    for (const failure of result.ruleFailures) problems.push(`${file.path}: rule ${failure.ruleId} failed`);
  }
  return problems;
}

describe('resource names', () => {
  test('identifiers are accepted', () => {
    for (const name of ['patient', 'lab_result', 'LabResult', 'labResult', 'Prescription', 'x', 'a'.repeat(64), 'claim2']) {
      assert.equal(s.resourceNameProblem(name), undefined, name);
    }
  });
  test('paths, non-identifiers, reserved words and ids are refused', () => {
    for (const name of ['', '   ', '../etc/passwd', 'a/b', 'a\\b', '..', '.hidden', 'lab-result', '1patient', '_private', 'lab result', 'a'.repeat(65), 'pätient', 'class', 'import', 'delete', 'function', 'None', 'router', 'app', 'status', 'patient_id', 'labResultId', 'constructor', 'con']) {
      assert.ok(s.resourceNameProblem(name), `'${name}' is refused`);
    }
  });
  test('names derive consistently', () => {
    const n = s.resourceNames('LabResult');
    assert.deepEqual([n.snake, n.snakePlural, n.pascal, n.camelPlural, n.kebabPlural], ['lab_result', 'lab_results', 'LabResult', 'labResults', 'lab-results']);
    assert.equal(s.resourceNames('diagnosis').snakePlural, 'diagnoses');
    assert.equal(s.resourceNames('allergy').snakePlural, 'allergies');
    assert.equal(s.resourceNames('patient').isPatient, true);
  });
  test('a plural resource names things as a person would (issue 18): lab_results -> lab_results.py, /lab-results, "a lab result"', () => {
    for (const name of ['lab_results', 'LabResults', 'labResults', 'lab_result']) {
      const n = s.resourceNames(name);
      assert.deepEqual([n.snake, n.snakePlural, n.pascal, n.pascalPlural, n.kebabPlural, n.words], ['lab_result', 'lab_results', 'LabResult', 'LabResults', 'lab-results', 'lab result'], name);
    }
    // Irregular and Latin plurals, both ways.
    for (const [name, singular, plural] of [['diagnoses', 'diagnosis', 'diagnoses'], ['allergies', 'allergy', 'allergies'], ['people', 'person', 'people'], ['statuses', 'status', 'statuses'], ['patients', 'patient', 'patients']]) {
      const n = s.resourceNames(name);
      assert.deepEqual([n.snake, n.snakePlural], [singular, plural], name);
    }
    assert.equal(s.resourceNames('patients').isPatient, true);
    const files = s.generateScaffold(options({ resource: 'lab_results' })).files;
    const router = files.find((f) => f.path === 'app/routers/lab_results.py');
    assert.ok(router, files.map((f) => f.path).join(', '));
    assert.match(router.content, /\/lab-results/);
    assert.doesNotMatch(router.content, /resultses|lab-resultses|a lab results\b/);
    assert.match(router.content, /a lab result\b/);
    const test = files.find((f) => f.path === 'tests/test_lab_results.py');
    assert.match(test.content, /python3 -m pytest tests\/test_lab_results\.py/);
    assert.match(test.content, /fastapi, httpx \(for TestClient\) and pytest/);
  });
  test('the category a name suggests', () => {
    assert.equal(s.suggestedCategory('lab_result'), 'clinical');
    assert.equal(s.suggestedCategory('claim'), 'billing');
    assert.equal(s.suggestedCategory('patient'), 'demographics');
    assert.equal(s.suggestedCategory('widget'), undefined);
  });
});

describe('options', () => {
  test('roles must be permitted for the category by the role map', () => {
    assert.deepEqual(s.optionProblems(options()), []);
    const problems = s.optionProblems(options({ roles: ['billing'] }));
    assert.equal(problems.length, 1);
    assert.match(problems[0], /'billing' may not access clinical/);
    assert.ok(s.optionProblems(options({ roles: [] })).length);
    assert.ok(s.optionProblems(options({ operations: [] })).length);
    assert.ok(s.optionProblems(options({ category: 'genomics' })).length);
    assert.ok(s.optionProblems(options({ roles: ["x'); drop"] })).length);
    assert.throws(() => s.generateScaffold(options({ resource: '../../evil' })), /path/);
  });
  test('default roles: the specific ones, the wildcard only when nothing else fits', () => {
    assert.deepEqual(s.defaultRolesFor(DEFAULT_ROLES, 'clinical'), ['clinician']);
    assert.deepEqual(s.defaultRolesFor(DEFAULT_ROLES, 'demographics'), ['clinician', 'billing']);
    assert.deepEqual(s.defaultRolesFor({ admin: ['*'] }, 'billing'), ['admin']);
  });
  test('layout paths never leave the target folder', () => {
    assert.throws(() => s.generateScaffold(options({ layout: { routerDir: '../x', testDir: 'tests', runtimePath: 'app/security/audit.py', moduleFormat: 'commonjs' } })));
    for (const framework of ['fastapi', 'express', 'fastify', 'nestjs', 'nextjs']) {
      for (const file of s.generateScaffold(options({ framework })).files) {
        assert.ok(!path.posix.isAbsolute(file.path) && !file.path.split('/').includes('..'), file.path);
      }
    }
  });
});

describe('project detection', () => {
  test('framework from manifests and imports', () => {
    assert.deepEqual(s.detectFrameworks({ python: ['fastapi==0.110\nuvicorn'] }), ['fastapi']);
    assert.deepEqual(s.detectFrameworks({ python: ['[project]\ndependencies = ["fastapi>=0.100"]'] }), ['fastapi']);
    assert.deepEqual(s.detectFrameworks({ python: ['fastapi-utils-not-really==1'] }), []);
    assert.deepEqual(s.detectFrameworks({ pythonSources: ['from fastapi import APIRouter\n'] }), ['fastapi']);
    assert.deepEqual(s.detectFrameworks({ packageJson: '{"dependencies":{"express":"^4"}}' }), ['express']);
    assert.deepEqual(s.detectFrameworks({ packageJson: '{"dependencies":{"@nestjs/core":"^10","express":"^4"}}' }), ['nestjs', 'express']);
    assert.deepEqual(s.detectFrameworks({ packageJson: '{not json' }), []);
  });
  test('layout follows routers/, routes/, app/ and tests folders', () => {
    assert.equal(s.detectLayout('fastapi', ['app/main.py', 'app/routers/users.py']).routerDir, 'app/routers');
    assert.equal(s.detectLayout('fastapi', ['app/main.py', 'app/routes/users.py', 'test/test_x.py']).routerDir, 'app/routes');
    assert.equal(s.detectLayout('fastapi', ['app/main.py', 'app/routes/users.py', 'test/test_x.py']).testDir, 'test');
    assert.equal(s.detectLayout('fastapi', ['main.py', 'routers/']).routerDir, 'routers');
    assert.equal(s.detectLayout('fastapi', []).routerDir, 'app/routers');
    assert.equal(s.detectLayout('express', ['routes/index.js', 'package.json']).routerDir, 'routes');
    assert.equal(s.detectLayout('express', ['src/app.js']).routerDir, 'src/routes');
    assert.equal(s.detectLayout('express', [], { packageJson: '{"type":"module"}' }).moduleFormat, 'esm');
  });
  test('runtime module from the policy, and recognising an existing one', () => {
    assert.equal(s.runtimePathFromPolicy('fastapi', 'app.security.audit'), 'app/security/audit.py');
    assert.equal(s.runtimePathFromPolicy('fastapi', 'core.audit'), 'core/audit.py');
    assert.equal(s.runtimePathFromPolicy('express', '@/security/phi-access'), 'src/security/phi-access.js');
    assert.equal(s.runtimePathFromPolicy('express', '../../etc/x'), 'src/security/phi-access.js');
    assert.ok(s.definesAuditRuntime('def phi_access(action, data_category, roles):\n', 'phi_access'));
    assert.ok(s.definesAuditRuntime('export function phiAccess(options) {}', 'phiAccess'));
    assert.ok(s.definesAuditRuntime('export const PhiAccess = (o: Options) => applyDecorators()', 'PhiAccess'));
    assert.ok(!s.definesAuditRuntime('from app.security.audit import phi_access\n@phi_access(action="read")', 'phi_access'));
    assert.ok(!s.definesAuditRuntime("router.get('/x', phiAccess({ action: 'read' }), h)", 'phiAccess'));
  });
  test('inspectProject + locateRuntime over a reader', async () => {
    const files = {
      'requirements.txt': 'fastapi\n',
      'app/__init__.py': '',
      'app/main.py': 'from fastapi import FastAPI\n',
      'app/core/auditing.py': 'def phi_access(action, data_category, roles):\n    ...\n',
      'app/routes/users.py': '',
    };
    const reader = { list: async () => Object.keys(files), read: async (p) => files[p] };
    const facts = await s.inspectProject(reader);
    assert.deepEqual(facts.frameworks, ['fastapi']);
    const runtime = await s.locateRuntime(reader, facts, 'fastapi', { pythonDecorator: 'phi_access', tsMiddleware: 'phiAccess', tsDecorator: 'PhiAccess' }, 'app.security.audit');
    assert.equal(runtime.existing, 'app/core/auditing.py');
    assert.equal(runtime.layout.routerDir, 'app/routes');
    const result = s.generateScaffold(options({ withRuntime: false, layout: runtime.layout }));
    assert.match(result.files[0].content, /^from app\.core\.auditing import phi_access$/m);
  });
});

describe('generated files parse and have zero findings', () => {
  const resources = ['patient', 'lab_result', 'Prescription', 'claim', 'insurancePolicy', 'allergy', 'diagnosis', 'address'];
  const categories = ['demographics', 'clinical', 'billing'];
  for (const framework of ['fastapi', 'express', 'fastify', 'nestjs', 'nextjs']) {
    const javascript = framework === 'express' || framework === 'fastify';
    for (const format of javascript ? ['commonjs', 'esm'] : ['commonjs']) {
      test(`${framework}${javascript ? ` (${format})` : ''}: every resource × category, all operations, with runtime`, () => {
        for (const resource of resources) {
          for (const category of categories) {
            const base = s.defaultLayout(framework);
            const roles = s.defaultRolesFor(DEFAULT_ROLES, category);
            const result = s.generateScaffold(options({ framework, resource, category, roles, layout: { ...base, moduleFormat: format } }));
            assert.deepEqual(problemsOf(result.files), [], `${framework} ${resource} ${category}`);
          }
        }
      });
    }
    test(`${framework}: each single operation, and every subset with a custom role map`, () => {
      const roleMap = { nurse: ['clinical', 'demographics'], coder: ['billing'], auditor: ['*'] };
      const policy = { ...engine().defaultPolicy(), roles: roleMap };
      for (const operations of [['read'], ['create'], ['update'], ['delete'], ['read', 'delete'], ['create', 'update']]) {
        const result = s.generateScaffold(options({ framework, operations, roles: ['nurse', 'auditor'], roleMap, policy }));
        assert.deepEqual(problemsOf(result.files, policy), [], operations.join(','));
        // Next.js writes the collection's and the record's route.ts (and the repository module).
        const router = result.files.filter((f) => f.kind === 'router').map((f) => f.content).join('\n');
        const handlers = framework === 'fastapi' ? router.match(/^@router\.\w+\(/gm) : framework === 'express' ? router.match(/^ {2}router\.\w+\('/gm) : framework === 'fastify' ? router.match(/^ {2}fastify\.\w+\('[^']*', \{ preHandler: /gm) : framework === 'nextjs' ? router.match(/^export const (GET|POST|PUT|DELETE) = withPhiAccess\(/gm) : router.match(/^ {2}@(Get|Post|Put|Delete)\(/gm);
        assert.equal(handlers.length, operations.length, 'one handler per operation');
      }
    });
  }

  test('fastify: every generated route is a Fastify endpoint covered by its preHandler; the framework is detected from package.json', () => {
    const router = s.generateScaffold(options({ framework: 'fastify' })).files.find((f) => f.kind === 'router');
    const endpoints = engine().analyze({ text: router.content, path: `/project/${router.path}` }, engine().defaultPolicy()).endpoints;
    assert.deepEqual(
      endpoints.map((e) => `${e.framework} ${e.methods.join(',')} ${e.touchesPhi ? 'phi' : 'clean'} ${e.audit ? e.audit.action.values.join('') : 'none'}`),
      ['fastify POST phi write', 'fastify GET phi read', 'fastify PUT phi write', 'fastify DELETE phi delete'],
    );
    assert.deepEqual(s.detectFrameworks({ packageJson: JSON.stringify({ dependencies: { fastify: '^5.0.0' } }) }), ['fastify']);
  });

  test('nextjs: route.ts per route folder, each handler exported through withPhiAccess and covered; src/app when the project has it', () => {
    const result = s.generateScaffold(options({ framework: 'nextjs', layout: s.detectLayout('nextjs', ['src/app/layout.tsx', 'package.json']) }));
    assert.deepEqual(result.files.map((f) => f.path), [
      'src/app/api/patients/[patientId]/lab-results/[labResultId]/route.ts',
      'src/app/api/patients/[patientId]/lab-results/route.ts',
      'src/lib/lab-results-repository.ts',
      'test/lab-results.test.ts',
      'src/security/phi-access.ts',
    ]);
    const endpoints = result.files
      .filter((f) => f.path.endsWith('/route.ts'))
      .flatMap((f) => engine().analyze({ text: f.content, path: `/project/${f.path}` }, engine().defaultPolicy()).endpoints);
    assert.deepEqual(
      endpoints.map((e) => `${e.framework} ${e.methods.join(',')} ${e.path} ${e.audit ? e.audit.action.values.join('') : 'none'}`),
      [
        'nextjs GET /api/patients/[patientId]/lab-results/[labResultId] read',
        'nextjs PUT /api/patients/[patientId]/lab-results/[labResultId] write',
        'nextjs DELETE /api/patients/[patientId]/lab-results/[labResultId] delete',
        'nextjs POST /api/patients/[patientId]/lab-results write',
      ],
    );
    assert.deepEqual(s.detectFrameworks({ packageJson: JSON.stringify({ dependencies: { next: '15.0.0', react: '19.0.0' } }) }), ['nextjs']);
  });

  test('each handler is audited with the action of its method, the category and the roles', () => {
    const fastapi = s.generateScaffold(options()).files[0].content;
    const pairs = [...fastapi.matchAll(/@router\.(\w+)\([^\n]*\n@phi_access\(action="(\w+)", data_category="(\w+)", roles=\["clinician"\]\)/g)].map((m) => `${m[1]}:${m[2]}:${m[3]}`);
    assert.deepEqual(pairs.sort(), ['delete:delete:clinical', 'get:read:clinical', 'post:write:clinical', 'put:write:clinical']);
    const express = s.generateScaffold(options({ framework: 'express' })).files[0].content;
    const routes = [...express.matchAll(/router\.(\w+)\('[^']+', phiAccess\(\{ action: '(\w+)', dataCategory: 'clinical', roles: \['clinician'\] \}\)/g)].map((m) => `${m[1]}:${m[2]}`);
    assert.deepEqual(routes.sort(), ['delete:delete', 'get:read', 'post:write', 'put:write']);
    const nest = s.generateScaffold(options({ framework: 'nestjs' })).files[0].content;
    const handlers = [...nest.matchAll(/@(Get|Post|Put|Delete)\([^)]*\)\n(?: {2}@HttpCode\([^)]*\)\n)? {2}@PhiAccess\(\{ action: '(\w+)'/g)].map((m) => `${m[1]}:${m[2]}`);
    assert.deepEqual(handlers.sort(), ['Delete:delete', 'Get:read', 'Post:write', 'Put:write']);
  });

  test('logs carry ids only, and leave out a record id the policy counts as PHI (claim_id)', () => {
    const lab = s.generateScaffold(options()).files[0].content;
    for (const line of lab.split('\n').filter((l) => l.includes('logger.'))) {
      if (line.includes('getLogger')) continue;
      assert.match(line, /extra=\{"patient_id": patient_id(, "lab_result_id": (lab_result_id|created\.id))?\}\)$/, line);
    }
    // An opaque claim id is an id like any other; a policy that counts it as PHI keeps it out.
    const plain = s.generateScaffold(options({ resource: 'claim', category: 'billing', roles: ['billing'] })).files[0].content;
    assert.match(plain, /logger\.info\([^)]*claim_id/);
    const policy = engine().defaultPolicy();
    policy.phi.add.push({ name: 'claim_id', category: 'billing' });
    const claim = s.generateScaffold(options({ resource: 'claim', category: 'billing', roles: ['billing'], policy })).files[0].content;
    assert.ok(!/logger\.info\([^)]*claim_id/.test(claim));
  });

  test('the runtime carries the policy role map and the policy audit names', () => {
    const roleMap = { nurse: ['clinical'], admin: ['*'] };
    const auditNames = { pythonDecorator: 'audit_phi', tsMiddleware: 'auditPhi', tsDecorator: 'AuditPhi' };
    const fastapi = s.generateScaffold(options({ roles: ['nurse'], roleMap, auditNames }));
    const runtime = fastapi.files.find((f) => f.kind === 'runtime').content;
    assert.match(runtime, /"nurse": \("clinical",\),\n {4}"admin": \("\*",\),/);
    assert.match(runtime, /^def audit_phi\(action: str, data_category: str, roles: Sequence\[str\]\)/m);
    assert.match(fastapi.files[0].content, /^@audit_phi\(action="read"/m);
    const express = s.generateScaffold(options({ framework: 'express', roles: ['nurse'], roleMap, auditNames }));
    assert.match(express.files.find((f) => f.kind === 'runtime').content, /^function auditPhi\(\{ action, dataCategory, roles \}\)/m);
    const nest = s.generateScaffold(options({ framework: 'nestjs', roles: ['nurse'], roleMap, auditNames }));
    assert.match(nest.files.find((f) => f.kind === 'runtime').content, /^export function AuditPhi\(options: PhiAccessOptions\)/m);
  });

  test('FastAPI package markers are listed as skip-if-exists', () => {
    const files = s.generateScaffold(options()).files;
    assert.deepEqual(files.filter((f) => f.skipIfExists).map((f) => f.path), ['app/__init__.py', 'app/routers/__init__.py', 'app/security/__init__.py']);
  });
});

describe('phi-guard scaffold', () => {
  test('writes and prints the files; the result scans clean; refuses to overwrite without --force', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'requirements.txt'), 'fastapi\nuvicorn\n');
    const first = runCli(['scaffold', '--resource', 'lab_result', '--category', 'clinical', '--operations', 'read,create', '--with-runtime'], { cwd: dir });
    assert.equal(first.status, 0, first.stderr);
    const printed = first.stdout.trim().split('\n');
    assert.deepEqual(printed, ['app/routers/lab_results.py', 'tests/test_lab_results.py', 'app/security/audit.py', 'app/__init__.py', 'app/routers/__init__.py', 'app/security/__init__.py']);
    for (const file of printed) assert.ok(existsSync(path.join(dir, file)), file);
    assert.doesNotMatch(first.stderr, /finding/);
    const scan = runCli(['scan', '.'], { cwd: dir });
    assert.equal(scan.status, 0, scan.stdout);

    writeFileSync(path.join(dir, 'app/routers/lab_results.py'), '# mine\n');
    const second = runCli(['scaffold', '--resource', 'lab_result', '--category', 'clinical', '--operations', 'read,create'], { cwd: dir });
    assert.equal(second.status, 2);
    assert.match(second.stderr, /not overwriting existing files? \(use --force\):\n {2}app\/routers\/lab_results\.py/);
    assert.equal(readFileSync(path.join(dir, 'app/routers/lab_results.py'), 'utf8'), '# mine\n');
    assert.equal(second.stdout, '');

    const forced = runCli(['scaffold', '--resource', 'lab_result', '--category', 'clinical', '--operations', 'read,create', '--force'], { cwd: dir });
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(readFileSync(path.join(dir, 'app/routers/lab_results.py'), 'utf8'), /@phi_access\(action="read"/);
    // The existing runtime is found and imported, not regenerated.
    assert.doesNotMatch(forced.stdout, /audit\.py/);
  });

  test('--out, framework detection from package.json, an existing routes/ folder, and the runtime note', () => {
    const dir = tempDir();
    const project = path.join(dir, 'svc');
    mkdirSync(path.join(project, 'routes'), { recursive: true });
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'svc', type: 'module', dependencies: { express: '^5.0.0' } }));
    const result = runCli(['scaffold', '--resource', 'Prescription', '--category', 'clinical', '--roles', 'clinician', '--out', 'svc'], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(result.stdout.trim().split('\n'), ['svc/routes/prescriptions.js', 'svc/test/prescriptions.test.js']);
    assert.match(result.stderr, /no audit runtime found.*--with-runtime/);
    assert.match(readFileSync(path.join(project, 'routes/prescriptions.js'), 'utf8'), /^import \{ phiAccess \} from '\.\.\/src\/security\/phi-access\.js';$/m);
  });

  test('usage errors exit 2', () => {
    const dir = tempDir();
    const cases = [
      [['scaffold', '--category', 'clinical', '--framework', 'fastapi'], /missing '--resource NAME'/],
      [['scaffold', '--resource', 'x', '--framework', 'fastapi'], /missing '--category/],
      [['scaffold', '--resource', '../x', '--category', 'clinical', '--framework', 'fastapi'], /path/],
      [['scaffold', '--resource', 'class', '--category', 'clinical', '--framework', 'fastapi'], /reserved/],
      [['scaffold', '--resource', 'x', '--category', 'clinical', '--framework', 'django'], /invalid value 'django'/],
      [['scaffold', '--resource', 'lab', '--category', 'clinical', '--framework', 'fastapi', '--roles', 'billing'], /'billing' may not access clinical/],
      [['scaffold', '--resource', 'lab', '--category', 'clinical', '--framework', 'fastapi', '--operations', 'read,patch'], /Unknown operation 'patch'/],
      [['scaffold', '--resource', 'lab', '--category', 'clinical'], /cannot tell the framework/],
    ];
    for (const [args, message] of cases) {
      const result = runCli(args, { cwd: dir });
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, message, args.join(' '));
    }
    assert.equal(runCli(['scaffold', '--help'], { cwd: dir }).status, 0);
  });

  test('the policy in the target folder decides roles and names', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'phi-guard.json'), JSON.stringify({ roles: { nurse: ['clinical', 'demographics'], admin: ['*'] }, audit: { python: { decorator: 'audit_phi', module: 'core.audit' } } }));
    const result = runCli(['scaffold', '--framework', 'fastapi', '--resource', 'vital', '--category', 'clinical', '--operations', 'read', '--roles', 'nurse', '--with-runtime'], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    const router = readFileSync(path.join(dir, 'app/routers/vitals.py'), 'utf8');
    assert.match(router, /^from core\.audit import audit_phi$/m);
    assert.match(router, /^@audit_phi\(action="read", data_category="clinical", roles=\["nurse"\]\)$/m);
    assert.match(readFileSync(path.join(dir, 'core/audit.py'), 'utf8'), /"nurse": \("clinical", "demographics"\),/);
    assert.equal(runCli(['scan', '.'], { cwd: dir }).status, 0);
  });
});

// The one generator behind `phi-guard scaffold` and *PHI Guard: Scaffold PHI endpoint*:
// options -> files. Pure: it reads nothing and writes nothing; callers check for existing files
// and write.

import { defaultPolicy } from '../policy/defaults';
import { classifierFor } from '../engine/analysis/phi/classifier-cache';
import { pythonModuleOf } from './detect';
import { resourceNames } from './names';
import { fastapiRouter, fastapiTest } from './templates/fastapi-router';
import { fastapiRuntime } from './templates/fastapi-runtime';
import { expressRouter, expressTest } from './templates/express-router';
import { expressRuntime } from './templates/express-runtime';
import { fastifyRouter, fastifyTest } from './templates/fastify';
import { nextRepository, nextRoute, nextRouteDirs, nextRuntime, nextTest, type NextTemplateInput } from './templates/nextjs';
import type { ResourceNames } from './names';
import { relativeModule } from './templates/common';
import { nestController, nestRuntime, nestSpec } from './templates/nestjs';
import { orderedOperations } from './templates/operations';
import { DEFAULT_AUDIT_NAMES, type GeneratedFile, type ScaffoldFramework, type ScaffoldLayout, type ScaffoldOptions, type ScaffoldResult } from './types';
import { optionProblems } from './validate';

export class ScaffoldOptionsError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'ScaffoldOptionsError';
  }
}

export function defaultLayout(framework: ScaffoldFramework): ScaffoldLayout {
  switch (framework) {
    case 'fastapi':
      return { routerDir: 'app/routers', testDir: 'tests', runtimePath: 'app/security/audit.py', moduleFormat: 'commonjs' };
    case 'express':
    case 'fastify':
      return { routerDir: 'src/routes', testDir: 'test', runtimePath: 'src/security/phi-access.js', moduleFormat: 'commonjs' };
    case 'nestjs':
      return { routerDir: 'src', testDir: 'src', runtimePath: 'src/security/phi-access.ts', moduleFormat: 'commonjs' };
    case 'nextjs':
      return { routerDir: 'app', testDir: 'test', runtimePath: 'src/security/phi-access.ts', moduleFormat: 'esm' };
  }
}

const join = (...parts: string[]): string => parts.filter(Boolean).join('/').replace(/\/+/g, '/');

/** Throws ScaffoldOptionsError when the options are invalid (see `optionProblems`). */
export function generateScaffold(options: ScaffoldOptions): ScaffoldResult {
  const problems = optionProblems(options);
  if (problems.length) throw new ScaffoldOptionsError(problems);
  const layout = options.layout ?? defaultLayout(options.framework);
  for (const dir of [layout.routerDir, layout.testDir, layout.runtimePath]) {
    if (dir.startsWith('/') || /^[A-Za-z]:/.test(dir) || dir.split('/').includes('..')) throw new ScaffoldOptionsError([`Layout path '${dir}' must stay inside the target folder`]);
  }
  const audit = options.auditNames ?? DEFAULT_AUDIT_NAMES;
  const names = resourceNames(options.resource.trim());
  const operations = orderedOperations(options.operations);
  const roles = [...new Set(options.roles)];
  // A record id the policy counts as PHI (a `phi.add` entry such as `claim_id`) stays out of log lines.
  const classifier = classifierFor(options.policy ?? defaultPolicy());
  const logRecordId = [`${names.snake}_id`, `${names.camel}Id`].every((id) => classifier.classify(id).kind === 'safe');
  const common = { names, operations, category: options.category, roles, roleMap: options.roleMap, logRecordId };
  const files: GeneratedFile[] = [];

  if (options.framework === 'fastapi') {
    const routerPath = join(layout.routerDir, `${names.snakePlural}.py`);
    const testPath = join(layout.testDir, `test_${names.snakePlural}.py`);
    const input = { ...common, decorator: audit.pythonDecorator, runtimeModule: pythonModuleOf(layout.runtimePath), routerModule: pythonModuleOf(routerPath) };
    files.push({ path: routerPath, content: fastapiRouter(input), kind: 'router' });
    files.push({ path: testPath, content: fastapiTest(input, testPath), kind: 'test' });
    if (options.withRuntime) files.push({ path: layout.runtimePath, content: fastapiRuntime(options.roleMap, audit.pythonDecorator), kind: 'runtime' });
    // Package markers so `app.routers.x` and `app.security.audit` import; an existing one is kept.
    const packages = new Set<string>();
    for (const file of [routerPath, ...(options.withRuntime ? [layout.runtimePath] : [])]) {
      const parts = file.replace(/^src\//, '').split('/').slice(0, -1);
      const prefix = file.startsWith('src/') ? 'src/' : '';
      for (let i = 1; i <= parts.length; i++) packages.add(prefix + parts.slice(0, i).join('/'));
    }
    for (const pkg of [...packages].sort()) {
      files.push({ path: `${pkg}/__init__.py`, content: '', kind: 'package-marker', skipIfExists: true });
    }
    return { files, primary: routerPath, testCommand: `python3 -m pytest ${testPath} (needs fastapi, httpx and pytest importable by that python3)` };
  }

  if (options.framework === 'express' || options.framework === 'fastify') {
    const routerPath = join(layout.routerDir, `${names.kebabPlural}.js`);
    const testPath = join(layout.testDir, `${names.kebabPlural}.test.js`);
    const input = {
      ...common,
      middleware: audit.tsMiddleware,
      format: layout.moduleFormat,
      runtimeFromRouter: relativeModule(routerPath, layout.runtimePath, false),
      routerFromTest: relativeModule(testPath, routerPath, false),
      runtimeFromTest: relativeModule(testPath, layout.runtimePath, false),
    };
    const fastify = options.framework === 'fastify';
    files.push({ path: routerPath, content: fastify ? fastifyRouter(input) : expressRouter(input), kind: 'router' });
    files.push({ path: testPath, content: fastify ? fastifyTest(input) : expressTest(input), kind: 'test' });
    if (options.withRuntime) files.push({ path: layout.runtimePath, content: expressRuntime(options.roleMap, audit.tsMiddleware, layout.moduleFormat, options.framework), kind: 'runtime' });
    return { files, primary: routerPath, testCommand: `node --test ${testPath}` };
  }

  if (options.framework === 'nextjs') return nextScaffold(options, layout, common, names);

  const featureDir = join(layout.routerDir, names.kebabPlural);
  const controllerPath = join(featureDir, `${names.kebabPlural}.controller.ts`);
  const specPath = join(layout.testDir === layout.routerDir ? featureDir : layout.testDir, `${names.kebabPlural}.controller.spec.ts`);
  const input = {
    ...common,
    decorator: audit.tsDecorator,
    runtimeFromController: relativeModule(controllerPath, layout.runtimePath, false),
    runtimeFromSpec: relativeModule(specPath, layout.runtimePath, false),
    controllerFromSpec: relativeModule(specPath, controllerPath, false),
  };
  files.push({ path: controllerPath, content: nestController(input), kind: 'router' });
  files.push({ path: specPath, content: nestSpec(input), kind: 'test' });
  if (options.withRuntime) files.push({ path: layout.runtimePath, content: nestRuntime(options.roleMap, audit.tsDecorator), kind: 'runtime' });
  return { files, primary: controllerPath, testCommand: `npx jest ${specPath}` };
}

/**
 * Next.js: the collection's and the record's `route.ts` under the app directory, the repository
 * module beside it (`lib/`, or `src/lib/` for `src/app`), the test and the wrapper's runtime.
 */
function nextScaffold(options: ScaffoldOptions, layout: ScaffoldLayout, common: Omit<NextTemplateInput, 'runtimeFromCollection' | 'runtimeFromItem' | 'repositoryFromCollection' | 'repositoryFromItem' | 'repositoryFromTest' | 'runtimeFromTest' | 'collectionFromTest' | 'itemFromTest'>, names: ResourceNames): ScaffoldResult {
  const dirs = nextRouteDirs(names);
  const collectionPath = join(layout.routerDir, dirs.collection, 'route.ts');
  const itemPath = join(layout.routerDir, dirs.item, 'route.ts');
  const libDir = layout.routerDir.split('/').slice(0, -1).concat('lib').join('/');
  const repositoryPath = join(libDir, `${names.kebabPlural}-repository.ts`);
  const testPath = join(layout.testDir, `${names.kebabPlural}.test.ts`);
  const input: NextTemplateInput = {
    ...common,
    runtimeFromCollection: relativeModule(collectionPath, layout.runtimePath, false),
    runtimeFromItem: relativeModule(itemPath, layout.runtimePath, false),
    repositoryFromCollection: relativeModule(collectionPath, repositoryPath, false),
    repositoryFromItem: relativeModule(itemPath, repositoryPath, false),
    repositoryFromTest: relativeModule(testPath, repositoryPath, false),
    runtimeFromTest: relativeModule(testPath, layout.runtimePath, false),
    collectionFromTest: relativeModule(testPath, collectionPath, false),
    itemFromTest: relativeModule(testPath, itemPath, false),
  };
  const files: GeneratedFile[] = [];
  const item = nextRoute(input, true);
  const collection = nextRoute(input, false);
  if (item) files.push({ path: itemPath, content: item, kind: 'router' });
  if (collection) files.push({ path: collectionPath, content: collection, kind: 'router' });
  files.push({ path: repositoryPath, content: nextRepository(names), kind: 'router' });
  files.push({ path: testPath, content: nextTest(input), kind: 'test' });
  if (options.withRuntime) files.push({ path: layout.runtimePath, content: nextRuntime(options.roleMap), kind: 'runtime' });
  return { files, primary: item ? itemPath : collectionPath, testCommand: `npx tsx --test ${testPath}` };
}

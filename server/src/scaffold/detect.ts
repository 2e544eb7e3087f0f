// What the generator needs to know about the target project, worked out from a listing of its
// files (relative POSIX paths) and a few file contents. Pure: the CLI and the command palette
// each gather the listing their own way (fs walk / workspace.findFiles) and pass it in.

import { NEXTJS_WRAPPER } from '../engine/analysis/endpoints/nextjs-routes';
import type { ModuleFormat, ScaffoldFramework, ScaffoldLayout } from './types';

/** A few project files, read by the caller: `requirements*.txt`, `pyproject.toml`, `package.json`. */
export interface ProjectManifests {
  /** Text of requirements*.txt, pyproject.toml, setup.cfg, Pipfile... (any that exist). */
  python?: string[];
  /** Text of the top package.json. */
  packageJson?: string;
  /** Text of a few .py files (to find `import fastapi` / `from fastapi import`). */
  pythonSources?: string[];
}

/** Frameworks the project uses, most likely first; empty when nothing says. */
export function detectFrameworks(manifests: ProjectManifests): ScaffoldFramework[] {
  const found: ScaffoldFramework[] = [];
  const deps = packageDependencies(manifests.packageJson);
  if (deps.has('@nestjs/core') || deps.has('@nestjs/common')) found.push('nestjs');
  if (deps.has('express')) found.push('express');
  if (deps.has('fastify')) found.push('fastify');
  if (deps.has('next')) found.unshift('nextjs');
  const pythonSays = (manifests.python ?? []).some((text) => /(^|[^A-Za-z0-9_-])fastapi([^A-Za-z0-9_-]|$)/im.test(text));
  const importsSay = (manifests.pythonSources ?? []).some((text) => /^\s*(from\s+fastapi(\.\w+)*\s+import|import\s+fastapi)\b/m.test(text));
  if (pythonSays || importsSay) found.unshift('fastapi');
  return found;
}

function packageDependencies(packageJson: string | undefined): Set<string> {
  const names = new Set<string>();
  if (!packageJson) return names;
  try {
    const parsed = JSON.parse(packageJson) as Record<string, unknown>;
    for (const key of ['dependencies', 'devDependencies', 'peerDependencies']) {
      const deps = parsed[key];
      if (deps && typeof deps === 'object') for (const name of Object.keys(deps)) names.add(name);
    }
  } catch {
    // An unreadable package.json says nothing.
  }
  return names;
}

export function moduleFormatOf(packageJson: string | undefined): ModuleFormat {
  if (!packageJson) return 'commonjs';
  try {
    return (JSON.parse(packageJson) as { type?: unknown }).type === 'module' ? 'esm' : 'commonjs';
  } catch {
    return 'commonjs';
  }
}

/** The runtime module's file from the policy's `audit.*.module` (`app.security.audit`, `@/security/phi-access`). */
export function runtimePathFromPolicy(framework: ScaffoldFramework, policyModule: string | undefined): string {
  if (framework === 'fastapi') {
    const module = policyModule && /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(policyModule) ? policyModule : 'app.security.audit';
    return `${module.split('.').join('/')}.py`;
  }
  const extension = framework === 'nestjs' || framework === 'nextjs' ? 'ts' : 'js';
  let module = policyModule ?? '@/security/phi-access';
  // `@/x` is the common alias of `src/x`; `./x` and bare relative paths are taken as written.
  if (module.startsWith('@/')) module = `src/${module.slice(2)}`;
  module = module.replace(/^\.\//, '');
  if (!/^[A-Za-z0-9_][A-Za-z0-9_/-]*$/.test(module) || module.split('/').includes('..')) module = 'src/security/phi-access';
  return `${module.replace(/\.(c|m)?(j|t)s$/, '')}.${extension}`;
}

/**
 * The layout for a new endpoint, following the project's own: an existing `routers/` or
 * `routes/` folder (inside `app/` or `src/` too), an `app/` package, a `tests/` or `test/` folder.
 * `existing`: relative POSIX paths of the project's files (folders are inferred from them).
 */
export function detectLayout(
  framework: ScaffoldFramework,
  existing: readonly string[],
  options: { packageJson?: string; runtimePath?: string } = {},
): ScaffoldLayout {
  const folders = new Set<string>();
  for (const file of existing) {
    const parts = file.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  const firstFolder = (candidates: string[]): string | undefined => candidates.find((c) => folders.has(c));
  const testDir = firstFolder(framework === 'fastapi' ? ['tests', 'test'] : ['test', 'tests', '__tests__']);
  const moduleFormat = moduleFormatOf(options.packageJson);
  if (framework === 'fastapi') {
    const routerDir =
      firstFolder(['app/routers', 'app/routes', 'app/api/routers', 'app/api/routes', 'app/api/endpoints', 'routers', 'routes']) ?? 'app/routers';
    return { routerDir, testDir: testDir ?? 'tests', runtimePath: options.runtimePath ?? 'app/security/audit.py', moduleFormat };
  }
  if (framework === 'express' || framework === 'fastify') {
    const routerDir = firstFolder(['src/routes', 'src/routers', 'routes', 'routers', 'app/routes']) ?? 'src/routes';
    return { routerDir, testDir: testDir ?? 'test', runtimePath: options.runtimePath ?? 'src/security/phi-access.js', moduleFormat };
  }
  if (framework === 'nextjs') {
    // The app router's directory: `src/app` when the project has one, else `app`.
    const routerDir = firstFolder(['src/app', 'app']) ?? 'app';
    return { routerDir, testDir: testDir ?? 'test', runtimePath: options.runtimePath ?? 'src/security/phi-access.ts', moduleFormat };
  }
  // NestJS: one folder per feature under src/, the spec beside the controller (the Nest CLI's layout).
  return { routerDir: 'src', testDir: 'src', runtimePath: options.runtimePath ?? 'src/security/phi-access.ts', moduleFormat };
}

/**
 * Whether a source file defines the audit control the generated code imports
 * (`def phi_access(`, `function phiAccess(`, `export const PhiAccess =`...).
 */
export function definesAuditRuntime(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    `(^|\\n)\\s*(async\\s+)?def\\s+${escaped}\\s*\\(|` +
      `\\bfunction\\s*\\*?\\s*${escaped}\\s*[(<]|` +
      `\\b(const|let|var)\\s+${escaped}\\s*(:[^=]+)?=|` +
      `\\bexports\\.${escaped}\\s*=`,
  ).test(text);
}

/** The names whose definition makes a file the runtime, per framework. */
export function runtimeNames(framework: ScaffoldFramework, names: { pythonDecorator: string; tsMiddleware: string; tsDecorator: string }): string {
  if (framework === 'nextjs') return NEXTJS_WRAPPER;
  return framework === 'fastapi' ? names.pythonDecorator : framework === 'nestjs' ? names.tsDecorator : names.tsMiddleware;
}

/** Python module path of a .py file (`app/security/audit.py` -> app.security.audit; a `src/` layout folder is dropped). */
export function pythonModuleOf(file: string): string {
  return file.replace(/^src\//, '').replace(/\.py$/, '').replace(/\/__init__$/, '').split('/').join('.');
}

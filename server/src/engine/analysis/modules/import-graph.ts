// Who imports a module, from the workspace's import statements (moduleImportsOf): by relative
// path, or by stem through a path alias or a bare name. Tests do not count: a test loads the
// module on its own, never for the application.

import * as path from 'node:path';
import type { ModuleImports } from '../../model/audit-context';

/** `__tests__/rcm.test.ts`, `routes.spec.js`: a test mounts the router on its own app, never on the served one. */
export function isTestModule(file: string): boolean {
  return /(^|[\\/])(__tests__|__mocks__)[\\/]|\.(test|spec)\.[cm]?[jt]sx?$/.test(file);
}

/** The name the module is imported by through a path alias: its stem, or its folder's for an index file. */
export function stemOf(file: string): string {
  const stem = path.basename(file).replace(/\.[cm]?[jt]sx?$/, '');
  return stem === 'index' ? path.basename(path.dirname(file)) : stem;
}

/** Whether a module other than `file` (tests aside) imports it, by path or by stem. */
export function importedByAnother(file: string, imports: readonly ModuleImports[]): boolean {
  const resolved = path.resolve(file);
  const stem = stemOf(resolved);
  return imports.some(
    (entry) => path.resolve(entry.file) !== resolved && !isTestModule(entry.file) && (entry.files.some((target) => path.resolve(target) === resolved) || entry.stems.includes(stem)),
  );
}

/** Whether some module may load `file` by a computed name: one that may load any module, or one whose loads reach its folder. */
export function loadedByComputedName(file: string, imports: readonly ModuleImports[]): boolean {
  const resolved = path.resolve(file);
  return imports.some((entry) => entry.dynamic || entry.dynamicUnder?.some((folder) => !path.relative(folder, resolved).startsWith('..')));
}

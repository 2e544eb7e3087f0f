// Who imports a module, from the workspace's import statements (moduleImportsOf): by relative
// path, or by stem through a path alias or a bare name. Tests do not count: a test loads the
// module on its own, never for the application.

import * as path from 'node:path';
import type { ModuleImports } from '../../model/audit-context';
import { ALL_NAMES } from './taken-names';

/** `__tests__/rcm.test.ts`, `routes.spec.js`: a test mounts the router on its own app, never on the served one. */
export function isTestModule(file: string): boolean {
  return /(^|[\\/])(__tests__|__mocks__)[\\/]|\.(test|spec)\.[cm]?[jt]sx?$/.test(file);
}

/** The name the module is imported by through a path alias: its stem, or its folder's for an index file. */
export function stemOf(file: string): string {
  const stem = path.basename(file).replace(/\.[cm]?[jt]sx?$/, '');
  return stem === 'index' ? path.basename(path.dirname(file)) : stem;
}

/**
 * The workspace's imports read once into lookups: the importers (tests aside) of each file and of
 * each stem, the modules of each folder, and the computed loads. Asked of every file with findings,
 * a scan over every import statement per question made a large tree's cold scan ten times slower.
 */
interface ImportLookups {
  importersOfFile: Map<string, Set<string>>;
  importersOfStem: Map<string, Set<string>>;
  modulesOfFolder: Map<string, string[]>;
  loadsAnyModule: boolean;
  computedLoadFolders: string[];
  /** The names other modules take from each file and each stem (workspace/imported-names.ts). */
  namesOfFile: Map<string, Set<string>>;
  namesOfStem: Map<string, Set<string>>;
  /** Every member name some module calls (tests included); undefined when a module was listed without them. */
  calledMembers: Set<string> | undefined;
  /** Some module imports a view (`.vue`, `.svelte`) whose own imports are not read. */
  unreadViews: boolean;
}

const lookups = new WeakMap<readonly ModuleImports[], ImportLookups>();

function lookupsOf(imports: readonly ModuleImports[]): ImportLookups {
  let found = lookups.get(imports);
  if (found) return found;
  found = { importersOfFile: new Map(), importersOfStem: new Map(), modulesOfFolder: new Map(), loadsAnyModule: false, computedLoadFolders: [], namesOfFile: new Map(), namesOfStem: new Map(), calledMembers: new Set(), unreadViews: false };
  for (const entry of imports) {
    const importer = path.resolve(entry.file);
    const folder = path.dirname(importer);
    // React views are listed for what they import; a folder's modules are the non-view ones, as before.
    if (!/\.[jt]sx$/i.test(importer)) {
      const modules = found.modulesOfFolder.get(folder);
      if (modules) modules.push(importer);
      else found.modulesOfFolder.set(folder, [importer]);
    }
    if (entry.dynamic) found.loadsAnyModule = true;
    if (entry.dynamicUnder) found.computedLoadFolders.push(...entry.dynamicUnder);
    if (entry.unreadViews) found.unreadViews = true;
    if (!entry.calls) found.calledMembers = undefined;
    for (const name of entry.calls ?? []) found.calledMembers?.add(name);
    if (isTestModule(entry.file)) continue;
    for (const target of entry.files) addTo(found.importersOfFile, path.resolve(target), importer);
    for (const stem of entry.stems) addTo(found.importersOfStem, stem, importer);
    for (const [key, names] of Object.entries(entry.names ?? {})) {
      // An importer listed without names (an older context) takes every name.
      const absolute = path.isAbsolute(key);
      const map = absolute ? found.namesOfFile : found.namesOfStem;
      const target = absolute ? path.resolve(key) : key;
      if (target === importer) continue;
      for (const name of names) addTo(map, target, name);
    }
    if (!entry.names) {
      for (const target of entry.files) addTo(found.namesOfFile, path.resolve(target), ALL_NAMES);
      for (const stem of entry.stems) addTo(found.namesOfStem, stem, ALL_NAMES);
    }
  }
  lookups.set(imports, found);
  return found;
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function hasOther(importers: Set<string> | undefined, file: string): boolean {
  return !!importers && (importers.size > 1 || (importers.size === 1 && !importers.has(file)));
}

/** Whether a module other than `file` (tests aside) imports it, by path or by stem. */
export function importedByAnother(file: string, imports: readonly ModuleImports[]): boolean {
  const resolved = path.resolve(file);
  const { importersOfFile, importersOfStem } = lookupsOf(imports);
  return hasOther(importersOfFile.get(resolved), resolved) || hasOther(importersOfStem.get(stemOf(resolved)), resolved);
}

/** The other modules of `file`'s folder that the workspace lists (absolute paths). */
export function folderMates(file: string, imports: readonly ModuleImports[]): string[] {
  const resolved = path.resolve(file);
  return (lookupsOf(imports).modulesOfFolder.get(path.dirname(resolved)) ?? []).filter((mate) => mate !== resolved);
}

/** Whether some module may load `file` by a computed name: one that may load any module, or one whose loads reach its folder. */
export function loadedByComputedName(file: string, imports: readonly ModuleImports[]): boolean {
  const resolved = path.resolve(file);
  const { loadsAnyModule, computedLoadFolders } = lookupsOf(imports);
  return loadsAnyModule || computedLoadFolders.some((folder) => !path.relative(folder, resolved).startsWith('..'));
}

/**
 * The names the other modules (tests aside) take from `file`, by path or by stem: exported names,
 * `default`, ALL_NAMES when one may take any, COMMONJS_VALUE for the value `module.exports` holds.
 */
export function namesTakenFrom(file: string, imports: readonly ModuleImports[]): Set<string> {
  const resolved = path.resolve(file);
  const { namesOfFile, namesOfStem } = lookupsOf(imports);
  return new Set([...(namesOfFile.get(resolved) ?? []), ...(namesOfStem.get(stemOf(resolved)) ?? [])]);
}

/** Whether some module calls a member by this name (`x.name(`); true when unknown. */
export function memberCalledAnywhere(name: string, imports: readonly ModuleImports[]): boolean {
  const called = lookupsOf(imports).calledMembers;
  return !called || called.has(name);
}

/** Whether some module imports a view whose imports the workspace does not read (`./App.vue`). */
export function importsUnreadViews(imports: readonly ModuleImports[]): boolean {
  return lookupsOf(imports).unreadViews;
}

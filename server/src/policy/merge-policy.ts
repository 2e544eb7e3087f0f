// Merging policy layers: the defaults, then every extended file in order (each one's own
// `extends` before it), then the policy file itself. Later layers win. The semantics:
//
// - scalars and objects override key by key (`audit.python.decorator`, `secureDebug.typescript`);
// - the `audit` lists of controls the project already has concatenate like the lists below; a
//   `typescript.middleware` list sets the name fixes insert to its first entry (mergeAudit);
// - lists concatenate, deduplicated, first occurrence first: `phi.remove`, `phi.safeIdentifiers`,
//   `phi.recordNames`, `phi.sanitizers`, `phi.syntheticData`, `encryption.types`, `encryption.required`,
//   `ignore`, `suppressions`
//   (so `encryption.required` can only grow: a file never drops `ssn` or `diagnosis`);
// - `phi.add` concatenates by `name`, `vendors` and `aiTools` by `id`: a later entry with the same
//   name/id replaces the earlier one as a whole, in its place;
// - `testCode.paths` and `testCode.rules` replace the earlier lists (a project can narrow the
//   default test folders or turn the exemption off with `[]`), relative to the top policy's folder;
// - `roles` and `rules` merge by key: a later role replaces that role's category list, a later
//   severity replaces that rule's severity; other keys stay.
//
// `ignore` patterns are relative to the folder of the file that declared them: they are kept as
// written in `ignoreGroups` and rebased onto the top policy's folder in `ignore` (policy-ignore.ts).

import { defaultPolicy } from './defaults';
import { rebaseIgnorePattern } from './policy-ignore';
import type { PolicyFileContent, ResolvedPolicy } from './types';

export interface PolicyLayer {
  content: PolicyFileContent;
  /** Absolute folder of the file the layer comes from (for its `ignore` patterns). */
  folder: string;
}

/** Defaults, then the layers in order; `topFolder` is the folder `ignore` is made relative to. */
export function mergePolicyLayers(layers: PolicyLayer[], topFolder: string): ResolvedPolicy {
  let policy = defaultPolicy();
  for (const layer of layers) policy = mergePolicyLayer(policy, layer.content);
  const ignoreGroups = layers
    .filter((layer) => (layer.content.ignore?.length ?? 0) > 0)
    .map((layer) => ({ base: layer.folder, patterns: unique(layer.content.ignore ?? []) }));
  const rebased: string[] = [];
  for (const group of ignoreGroups) {
    for (const pattern of group.patterns) {
      const relativeToTop = rebaseIgnorePattern(pattern, group.base, topFolder);
      if (relativeToTop !== undefined) rebased.push(relativeToTop);
    }
  }
  return { ...policy, ignore: unique(rebased), ignoreGroups, testCode: { ...policy.testCode, base: topFolder } };
}

/** One layer over a resolved policy (pure: returns a new policy). `ignore` concatenates as written. */
export function mergePolicyLayer(base: ResolvedPolicy, layer: PolicyFileContent): ResolvedPolicy {
  const phi = layer.phi ?? {};
  const encryption = layer.encryption ?? {};
  return {
    phi: {
      add: mergeById(base.phi.add, phi.add, (element) => element.name),
      remove: unique([...base.phi.remove, ...(phi.remove ?? [])]),
      safeIdentifiers: unique([...base.phi.safeIdentifiers, ...(phi.safeIdentifiers ?? [])]),
      recordNames: unique([...base.phi.recordNames, ...(phi.recordNames ?? [])]),
      sanitizers: unique([...base.phi.sanitizers, ...(phi.sanitizers ?? [])]),
      syntheticData: unique([...(base.phi.syntheticData ?? []), ...(phi.syntheticData ?? [])]),
    },
    audit: mergeAudit(base.audit, layer.audit),
    roles: mergeRoles(base.roles, layer.roles),
    encryption: {
      types: unique([...base.encryption.types, ...(encryption.types ?? [])]),
      required: unique([...base.encryption.required, ...(encryption.required ?? [])]),
    },
    secureDebug: { ...base.secureDebug, ...layer.secureDebug },
    vendors: mergeById(base.vendors, layer.vendors, (vendor) => vendor.id),
    aiTools: mergeById(base.aiTools, layer.aiTools, (tool) => tool.id),
    rules: { ...base.rules, ...layer.rules },
    ignore: unique([...base.ignore, ...(layer.ignore ?? [])]),
    suppressions: [...(base.suppressions ?? []), ...(layer.suppressions ?? [])],
    testCode: {
      paths: [...(layer.testCode?.paths ?? base.testCode.paths)],
      rules: [...(layer.testCode?.rules ?? base.testCode.rules)],
      ...(base.testCode.base ? { base: base.testCode.base } : {}),
    },
    ...(base.ignoreGroups ? { ignoreGroups: base.ignoreGroups } : {}),
  };
}

/**
 * Names and modules override; the lists of controls the project already has concatenate, so a
 * project file adds its own controls to an organisation's. A `typescript.middleware` list sets
 * the name fixes insert to its first entry and adds every entry as a control.
 */
function mergeAudit(base: ResolvedPolicy['audit'], layer: PolicyFileContent['audit']): ResolvedPolicy['audit'] {
  const python = layer?.python ?? {};
  const { middleware, ...typescript } = layer?.typescript ?? {};
  const middlewareList = middleware === undefined ? [] : Array.isArray(middleware) ? middleware : [middleware];
  const list = (baseList: string[] | undefined, added: string[] | undefined): string[] => unique([...(baseList ?? []), ...(added ?? [])]);
  const primary = middlewareList[0] ?? base.typescript.middleware;
  return {
    python: {
      ...base.python,
      ...python,
      dependencies: list(base.python.dependencies, python.dependencies),
      permissionClasses: list(base.python.permissionClasses, python.permissionClasses),
      middleware: list(base.python.middleware, python.middleware),
      calls: list(base.python.calls, python.calls),
    },
    typescript: {
      ...base.typescript,
      ...typescript,
      middleware: primary,
      otherMiddleware: list(base.typescript.otherMiddleware, middlewareList.slice(1)).filter((name) => name !== primary),
      guards: list(base.typescript.guards, typescript.guards),
      wrappers: list(base.typescript.wrappers, typescript.wrappers),
      calls: list(base.typescript.calls, typescript.calls),
    },
  };
}

function mergeRoles(base: Record<string, string[]>, layer: Record<string, string[]> | undefined): Record<string, string[]> {
  const roles: Record<string, string[]> = {};
  for (const [role, categories] of Object.entries(base)) roles[role] = [...categories];
  for (const [role, categories] of Object.entries(layer ?? {})) roles[role] = unique(categories);
  return roles;
}

/** Later entries replace earlier ones with the same key, in the earlier one's place. */
function mergeById<T>(base: T[], layer: T[] | undefined, keyOf: (entry: T) => string): T[] {
  const merged = base.map((entry) => cloneEntry(entry));
  const position = new Map(merged.map((entry, index) => [keyOf(entry), index]));
  for (const entry of layer ?? []) {
    const key = keyOf(entry);
    const index = position.get(key);
    if (index === undefined) {
      position.set(key, merged.length);
      merged.push(cloneEntry(entry));
    } else {
      merged[index] = cloneEntry(entry);
    }
  }
  return merged;
}

function cloneEntry<T>(entry: T): T {
  const copy = { ...entry } as Record<string, unknown>;
  for (const [key, value] of Object.entries(copy)) if (Array.isArray(value)) copy[key] = [...value];
  return copy as T;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

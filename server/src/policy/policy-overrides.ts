// What a loaded policy weakens, for reports that must leave a trace of it: rules it turns off or
// below their default severity (with the file in the `extends` chain that did it), and files it
// extends from outside the folders being checked. Extending a shared policy from elsewhere is
// legitimate; a weakening nobody sees is not.

import path from 'node:path';
import type { RuleId, Severity, SeveritySetting } from '../engine/model/types';
import type { ExtendedPolicyFile, LoadedPolicy } from './types';

export interface PolicyOverride {
  ruleId: RuleId;
  /** `off`, or a severity below `defaultSeverity`. */
  severity: SeveritySetting;
  defaultSeverity: Severity;
  /** Absolute path of the file that set the severity in force. */
  file: string;
  /**
   * The `extends` chain that brought `file` in: the policy file first, down to the file whose
   * `extends` names `file` (absolute paths). Empty when the policy file set it itself.
   */
  via: string[];
}

const RANK: Record<SeveritySetting, number> = { off: 0, info: 1, warning: 2, error: 3 };

/**
 * Every rule `loaded` turns off or down, in the order of `rules` (the engine's `registeredRules()`:
 * the policy module does not load the rules itself).
 */
export function policyOverrides(loaded: LoadedPolicy, rules: readonly { metadata: { id: RuleId; defaultSeverity: Severity } }[]): PolicyOverride[] {
  const overrides: PolicyOverride[] = [];
  for (const { metadata: { id, defaultSeverity } } of rules) {
    const severity = loaded.policy.rules[id];
    if (severity === undefined || !(severity in RANK) || RANK[severity] >= RANK[defaultSeverity]) continue;
    const chain = loaded.ruleOrigins?.[id] ?? (loaded.file ? [loaded.file] : []);
    overrides.push({ ruleId: id, severity, defaultSeverity, file: chain[chain.length - 1] ?? '', via: chain.slice(0, -1) });
  }
  return overrides;
}

/** Files `loaded` extends that lie in none of `roots` (absolute folders). */
export function extendsOutside(loaded: LoadedPolicy, roots: readonly string[]): ExtendedPolicyFile[] {
  return (loaded.extended ?? []).filter((entry) => !roots.some((root) => isInside(entry.file, root)));
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(path.resolve(folder), path.resolve(file));
  return relative !== '' && !relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative);
}

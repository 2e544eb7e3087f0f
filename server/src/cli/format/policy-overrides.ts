// Rules the policy turns off or below their default severity, in every output: a weakening must
// leave a trace in the report, with the file in the `extends` chain that did it. Only rule ids
// and paths appear, never anything else from the policy files.

import type * as Sarif from 'sarif';
import type { RuleId, Severity, SeveritySetting } from '../../engine';
import type { ExtendedPolicyFile, PolicyOverride } from '../../policy';
import { displayPath } from '../display-path';
import type { Notice } from '../report';

/** One entry of the JSON report's `policyOverrides`. */
export interface JsonPolicyOverride {
  ruleId: RuleId;
  /** `off`, or a severity below `defaultSeverity`. */
  severity: SeveritySetting;
  defaultSeverity: Severity;
  /** The policy file that set it (relative path). */
  policy: string;
  /**
   * How `policy` was reached: the policy file that applied to the scanned files first, then each
   * file extended on the way (relative paths). Empty when the applied policy file set it itself.
   */
  via: string[];
}

export function jsonPolicyOverrides(overrides: readonly PolicyOverride[] | undefined, cwd: string): JsonPolicyOverride[] {
  return (overrides ?? []).map((override) => ({
    ruleId: override.ruleId,
    severity: override.severity,
    defaultSeverity: override.defaultSeverity,
    policy: displayPath(override.file, cwd),
    via: override.via.map((file) => displayPath(file, cwd)),
  }));
}

/** `policy turns off: phi-in-log (../../org.json via phi-guard.json)`, one line per rule, for stderr. */
export function policyOverrideLines(overrides: readonly PolicyOverride[] | undefined, cwd: string): string[] {
  return jsonPolicyOverrides(overrides, cwd).map((override) => {
    const where = override.via.length > 0 ? `${override.policy} via ${override.via.join(' > ')}` : override.policy;
    return override.severity === 'off'
      ? `phi-guard: policy turns off: ${override.ruleId} (${where})`
      : `phi-guard: policy turns down: ${override.ruleId} to ${override.severity}, default ${override.defaultSeverity} (${where})`;
  });
}

/** SARIF 2.1.0 §3.20.5 `ruleConfigurationOverrides` of the invocation. */
export function sarifRuleOverrides(
  overrides: readonly PolicyOverride[] | undefined,
  cwd: string,
  ruleIndex: ReadonlyMap<RuleId, number>,
): Sarif.ConfigurationOverride[] {
  return jsonPolicyOverrides(overrides, cwd).map((override) => ({
    descriptor: { id: override.ruleId, ...(ruleIndex.has(override.ruleId) ? { index: ruleIndex.get(override.ruleId) } : {}) },
    configuration: override.severity === 'off' ? { enabled: false } : { level: override.severity === 'info' ? 'note' : override.severity },
    properties: { policy: override.policy, via: override.via, defaultSeverity: override.defaultSeverity },
  }));
}

/**
 * A note for each file a policy extends from outside the working directory and the policy's own
 * folder: legitimate for a shared organisation policy, but a reviewer should see where the rules
 * come from. Positioned at the `extends` entry; paths only.
 */
export function extendsOutsideNotices(entries: readonly ExtendedPolicyFile[], cwd: string): Notice[] {
  return entries.map((entry) => ({
    kind: 'policy-extends-outside',
    level: 'note',
    message: `the policy extends ${displayPath(entry.file, cwd)}, which is outside the scanned folder`,
    file: displayPath(entry.extendedBy, cwd),
    absolutePath: entry.extendedBy,
    line: entry.range.start.line + 1,
    column: entry.range.start.character + 1,
    code: 'extends-outside',
  }));
}

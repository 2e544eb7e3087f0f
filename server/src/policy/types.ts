// What loading `phi-guard.json` gives (docs/policy.md): the resolved policy (its shape is the
// engine's, server/src/engine/model/policy.ts), the files read, and every problem found.

import type { Range, RuleId } from '../engine/model/types';
import type { AiToolPolicy, ResolvedPolicy, VendorPolicy } from '../engine/model/policy';

export type {
  AiToolPolicy,
  BaaStatus,
  IgnoreGroup,
  PhiElementDefinition,
  PhiUse,
  ResolvedPolicy,
  TestCodePolicy,
  ToolStatus,
  VendorKind,
  VendorPolicy,
} from '../engine/model/policy';

/**
 * One policy file as written, after validation dropped its invalid parts: every field optional,
 * nothing merged. `mergePolicyLayer()` applies it over a `ResolvedPolicy`.
 */
export interface PolicyFileContent {
  $schema?: string;
  extends?: string | string[];
  phi?: Partial<ResolvedPolicy['phi']>;
  audit?: {
    python?: Partial<ResolvedPolicy['audit']['python']>;
    /** `middleware` may be one name or a list (the first is the one fixes insert). */
    typescript?: Partial<Omit<ResolvedPolicy['audit']['typescript'], 'middleware' | 'otherMiddleware'>> & { middleware?: string | string[] };
  };
  roles?: Record<string, string[]>;
  encryption?: Partial<ResolvedPolicy['encryption']>;
  secureDebug?: ResolvedPolicy['secureDebug'];
  vendors?: VendorPolicy[];
  aiTools?: AiToolPolicy[];
  rules?: ResolvedPolicy['rules'];
  ignore?: string[];
  suppressions?: ResolvedPolicy['suppressions'];
  testCode?: Partial<Omit<ResolvedPolicy['testCode'], 'base'>>;
}

export interface PolicyDiagnostic {
  /** The file the problem is in: the policy itself or one it extends. */
  file: string;
  range: Range;
  severity: 'error' | 'warning';
  message: string;
  /**
   * `invalid-json`, `empty-file`, `duplicate-key`, `schema`, `unknown-property`, `unknown-rule`,
   * `invalid-date`, `duplicate-id`, `phi-without-baa`, `vendor-baa-expired`, `vendor-baa-expiring`,
   * `tool-vendor-without-baa` (semantic-checks.ts), `audit-call-too-broad`, `extends-invalid`, `extends-not-found`,
   * `extends-cycle`, `extends-unreadable`, `extends-too-deep`, `extends-has-problems`,
   * `policy-not-found`, `policy-unreadable`, `too-deep` (arrays/objects nested past the limit),
   * `policy-internal-error`.
   */
  code: string;
}

/** A file a policy reached through `extends`, and the entry that extended it. */
export interface ExtendedPolicyFile {
  /** Absolute path of the extended file. */
  file: string;
  /** Absolute path of the file whose `extends` names it. */
  extendedBy: string;
  /** Where that `extends` entry is written in `extendedBy`. */
  range: Range;
}

/** The result of loading a policy. May be shared through the cache: treat it as read-only. */
export interface LoadedPolicy {
  policy: ResolvedPolicy;
  /**
   * Absolute path of the policy file used, or undefined when the defaults apply because no file
   * was found. An explicit policy path that does not exist is kept here (with a
   * `policy-not-found` diagnostic) so the caller can report it.
   */
  file?: string;
  /** Every file read, the policy first then the ones it extends (for watching / cache keys). */
  files: string[];
  diagnostics: PolicyDiagnostic[];
  /** Every file reached through `extends` (absent when no file was loaded). */
  extended?: ExtendedPolicyFile[];
  /**
   * For each rule the files set a severity for, the `extends` chain of the file that set the one
   * in force: the policy file first, the file that set it last (absolute paths).
   */
  ruleOrigins?: Partial<Record<RuleId, string[]>>;
}

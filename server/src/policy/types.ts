// The shape of `phi-guard.json` (POLICY.md) as the engine consumes it: every field resolved, the
// built-in defaults applied, `extends` already merged. Loading and validation live in loader.ts.

import type { PhiCategory, Range, RuleId, SeveritySetting } from '../engine/types';

export type BaaStatus = 'signed' | 'pending' | 'none' | 'expired';
export type ToolStatus = 'approved' | 'restricted' | 'prohibited';
export type PhiUse = 'allowed' | 'deidentified-only' | 'never';
export type VendorKind = 'ai' | 'observability' | 'analytics' | 'messaging' | string;

export interface PhiElementDefinition {
  name: string;
  category: PhiCategory;
  encrypt?: boolean;
}

export interface VendorPolicy {
  id: string;
  name?: string;
  kind?: VendorKind;
  /** As written in the file. Use `effectiveBaa()` to account for `expires`. */
  baa: BaaStatus;
  /** ISO date `YYYY-MM-DD`. */
  expires?: string;
  allow?: string[];
  models?: string[];
  endpoints?: string[];
}

export interface AiToolPolicy {
  id: string;
  name?: string;
  vendor?: string;
  extensionIds?: string[];
  status: ToolStatus;
  baa?: BaaStatus;
  phi?: PhiUse;
  useCases?: string[];
  notes?: string;
}

export interface ResolvedPolicy {
  phi: {
    add: PhiElementDefinition[];
    remove: string[];
    safeIdentifiers: string[];
    recordNames: string[];
    sanitizers: string[];
  };
  audit: {
    python: { decorator: string; module?: string };
    typescript: { middleware: string; decorator: string; module?: string };
  };
  /** role -> data categories it may access (`*` = all). */
  roles: Record<string, string[]>;
  encryption: { types: string[]; required: string[] };
  secureDebug: { python?: string; typescript?: string };
  vendors: VendorPolicy[];
  aiTools: AiToolPolicy[];
  /** Severity overrides by rule id. */
  rules: Partial<Record<RuleId, SeveritySetting>>;
  /**
   * Gitignore-style globs of files not to scan, relative to the folder of the top policy file
   * (`LoadedPolicy.file`). Patterns declared by an extended file in another folder are rebased
   * onto that folder (`tests/**` in `./security/org.json` becomes `security/tests/**`); a pattern
   * that cannot be expressed relative to it (declared outside it, under a folder that is not an
   * ancestor) is only in `ignoreGroups`. `createIgnoreMatcher()` / `isIgnoredByPolicy()` use
   * `ignoreGroups` and are exact.
   */
  ignore: string[];
  /**
   * The `ignore` patterns exactly as written, grouped by the folder of the policy file that
   * declared them, in merge order (extended files first). Absent on the defaults.
   */
  ignoreGroups?: IgnoreGroup[];
}

export interface IgnoreGroup {
  /** Absolute folder of the policy file that declared the patterns; they are relative to it. */
  base: string;
  patterns: string[];
}

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
    typescript?: Partial<ResolvedPolicy['audit']['typescript']>;
  };
  roles?: Record<string, string[]>;
  encryption?: Partial<ResolvedPolicy['encryption']>;
  secureDebug?: ResolvedPolicy['secureDebug'];
  vendors?: VendorPolicy[];
  aiTools?: AiToolPolicy[];
  rules?: ResolvedPolicy['rules'];
  ignore?: string[];
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
   * `tool-vendor-without-baa` (semantic-checks.ts), `extends-invalid`, `extends-not-found`,
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

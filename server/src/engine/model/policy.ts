// The policy as the engine consumes it: every field resolved, the built-in defaults applied,
// `extends` already merged. The engine's input vocabulary, so it lives here; the policy module
// (server/src/policy) reads, validates and merges `phi-guard.json` into this shape.

import type { PhiCategory, RuleId, SeveritySetting } from './types';

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
    /** Globs of files known to hold generated data: phi-literal stays quiet there. */
    syntheticData?: string[];
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
  /** Suppressions for files that cannot hold a comment (JSON, CSV, notebook outputs). */
  suppressions?: PolicySuppression[];
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

/** One entry of the policy's `suppressions`: the rules it hides in the files its globs match, and why. */
export interface PolicySuppression {
  files: string | string[];
  rules: RuleId[];
  reason: string;
}

export interface IgnoreGroup {
  /** Absolute folder of the policy file that declared the patterns; they are relative to it. */
  base: string;
  patterns: string[];
}

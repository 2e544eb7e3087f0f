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
  /** Gitignore-style globs, relative to the policy file's folder. */
  ignore: string[];
}

export interface PolicyDiagnostic {
  /** The file the problem is in: the policy itself or one it extends. */
  file: string;
  range: Range;
  severity: 'error' | 'warning';
  message: string;
  /** e.g. `invalid-json`, `schema`, `unknown-rule`, `extends-not-found`, `extends-cycle`. */
  code: string;
}

export interface LoadedPolicy {
  policy: ResolvedPolicy;
  /** Absolute path of the policy file used, or undefined when the defaults apply. */
  file?: string;
  /** Every file read, the policy first then the ones it extends (for watching / cache keys). */
  files: string[];
  diagnostics: PolicyDiagnostic[];
}

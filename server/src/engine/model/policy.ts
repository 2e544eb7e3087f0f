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
    python: PythonAuditPolicy;
    typescript: TypeScriptAuditPolicy;
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
  /**
   * Test code (docs/policy.md, `testCode`): gitignore-style globs relative to `base` (the top
   * policy file's folder) or, with no policy file, to the project root the front end gives
   * (`AnalyzeOptions.projectRoot`); only `rules` report in the files they match.
   */
  testCode: TestCodePolicy;
}

export interface TestCodePolicy {
  paths: string[];
  /** The rules that still report in test code: what is committed leaks from a test as from anywhere. */
  rules: RuleId[];
  /** Absolute folder `paths` are relative to; absent on the defaults. */
  base?: string;
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

/**
 * The Python audit control fixes insert (`decorator`, imported from `module`), and the controls the
 * project already has that count as one (docs/policy.md, `audit`). The lists are absent or empty
 * when the policy names none.
 */
export interface PythonAuditPolicy {
  decorator: string;
  module?: string;
  /** FastAPI dependencies: `Depends(name)` on the route, its router or the app. */
  dependencies?: string[];
  /** DRF classes in `permission_classes` / `authentication_classes`. */
  permissionClasses?: string[];
  /** Django middleware, as written in a settings module's `MIDDLEWARE`. */
  middleware?: string[];
  /** Audit functions called inside the handler (`audit_log.record`). */
  calls?: string[];
}

export interface TypeScriptAuditPolicy {
  /** The middleware fixes insert: the file's single name, or the first of its list. */
  middleware: string;
  decorator: string;
  module?: string;
  /** Every other middleware name the policy lists; each counts as a control like `middleware`. */
  otherMiddleware?: string[];
  /** NestJS guards and interceptors. */
  guards?: string[];
  /** Next.js route handler wrappers (`withPhiAccess`). */
  wrappers?: string[];
  /** Audit functions called inside the handler (`auditService.log`). */
  calls?: string[];
}

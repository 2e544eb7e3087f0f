// The scaffold generator's inputs and outputs. Plain data, so the command palette (client), the
// CLI and the tests drive the same pure generator.

import type { ResolvedPolicy } from '../policy/types';

export const SCAFFOLD_FRAMEWORKS = ['fastapi', 'express', 'fastify', 'nestjs', 'nextjs'] as const;
export type ScaffoldFramework = (typeof SCAFFOLD_FRAMEWORKS)[number];

export const SCAFFOLD_OPERATIONS = ['read', 'create', 'update', 'delete'] as const;
export type ScaffoldOperation = (typeof SCAFFOLD_OPERATIONS)[number];

export const DATA_CATEGORIES = ['demographics', 'clinical', 'billing'] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/** The audit `action` each operation is recorded with (docs/rules/phi-access-mismatch.md). */
export const ACTION_OF_OPERATION: Record<ScaffoldOperation, 'read' | 'write' | 'delete'> = {
  read: 'read',
  create: 'write',
  update: 'write',
  delete: 'delete',
};

export type ModuleFormat = 'commonjs' | 'esm';

/** Where the files go, relative to the target folder (POSIX separators). */
export interface ScaffoldLayout {
  /** Folder of the router / routes / controller file (Next.js: the app directory, `app` or `src/app`). */
  routerDir: string;
  /** Folder of the test file. */
  testDir: string;
  /** The runtime module's file (`app/security/audit.py`, `src/security/phi-access.js`). */
  runtimePath: string;
  /** Express and Fastify: how the generated JavaScript imports and exports. */
  moduleFormat: ModuleFormat;
}

/** The names the policy gives the audit control (docs/policy.md `audit`). */
export interface AuditNames {
  pythonDecorator: string;
  tsMiddleware: string;
  tsDecorator: string;
}

export interface ScaffoldOptions {
  framework: ScaffoldFramework;
  /** Singular resource name, an identifier (`lab_result`, `Prescription`, `patient`). */
  resource: string;
  operations: ScaffoldOperation[];
  category: DataCategory;
  /** Roles allowed on every generated handler; each must be permitted for `category`. */
  roles: string[];
  /** The policy's role map (role -> categories, `*` = all); baked into the runtime. */
  roleMap: Record<string, string[]>;
  /** Also generate the `phi_access` / `phiAccess` / `PhiAccess` runtime module. */
  withRuntime: boolean;
  /** Defaults to `defaultLayout(framework)`. */
  layout?: ScaffoldLayout;
  /** Defaults to the built-in names. */
  auditNames?: AuditNames;
  /** The policy whose PHI catalogue decides which ids a log line may carry (default: the built-in one). */
  policy?: ResolvedPolicy;
}

export type GeneratedFileKind = 'router' | 'test' | 'runtime' | 'package-marker';

export interface GeneratedFile {
  /** Relative to the target folder, POSIX separators, never absolute or `..`. */
  path: string;
  content: string;
  kind: GeneratedFileKind;
  /** An empty `__init__.py`: skipped, not a conflict, when the file already exists. */
  skipIfExists?: boolean;
}

export interface ScaffoldResult {
  files: GeneratedFile[];
  /** The file to open after writing (the router / controller). */
  primary: string;
  /** How to run the generated test, one line. */
  testCommand: string;
}

export const DEFAULT_AUDIT_NAMES: AuditNames = { pythonDecorator: 'phi_access', tsMiddleware: 'phiAccess', tsDecorator: 'PhiAccess' };

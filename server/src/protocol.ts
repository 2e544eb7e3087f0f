// Types and custom messages shared by the client and the server (ARCHITECTURE.md §2). Both
// sides import this module; it must not import `vscode` or the server's connection.

import type { RuleId, SeveritySetting } from './engine/types';

export const SERVER_NAME = 'PHI Guard';
export const DIAGNOSTIC_SOURCE = 'phi-guard';
export const FIX_ALL_KIND = 'source.fixAll.phiGuard';

/** The `phiGuard.*` settings, as the server pulls them per resource. */
export interface PhiGuardSettings {
  enable: boolean;
  /** A policy file to use instead of the nearest `phi-guard.json` (absolute or workspace-relative). */
  policyPath: string;
  maxFileSizeKb: number;
  /** Overrides of rule severities, applied over the policy's `rules`. */
  rules: Partial<Record<RuleId, SeveritySetting>>;
  trace: { server: 'off' | 'messages' | 'verbose' };
}

export const DEFAULT_SETTINGS: PhiGuardSettings = {
  enable: true,
  policyPath: '',
  maxFileSizeKb: 1024,
  rules: {},
  trace: { server: 'off' },
};

/** Command ids, shared so the client registers exactly what the server expects. */
export const Commands = {
  restartServer: 'phiGuard.restartServer',
  showOutput: 'phiGuard.showOutput',
  fixAllInFile: 'phiGuard.fixAllInFile',
} as const;

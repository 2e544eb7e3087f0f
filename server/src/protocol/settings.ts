// Names and settings both sides share. Both import this module; it must not import `vscode`,
// the server's connection or any code: only types.

import type { RuleId, SeveritySetting } from '../engine/model/types';

export const SERVER_NAME = 'PHI Guard';
export const DIAGNOSTIC_SOURCE = 'phi-guard';
export const FIX_ALL_KIND = 'source.fixAll.phiGuard';
/** The configuration section of every setting below (`phiGuard.enable`...). */
export const CONFIGURATION_SECTION = 'phiGuard';
/** The policy file's name: the nearest one governs a folder (docs/policy.md). */
export const POLICY_FILE_NAME = 'phi-guard.json';
/**
 * VS Code's setting that turns its built-in AI features (chat, inline chat, agents) off. The
 * client reads it; the server judges the features against the policy.
 */
export const BUILTIN_AI_FEATURES_SETTING = 'chat.disableAIFeatures';

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

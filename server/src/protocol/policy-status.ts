// A broken or weakening policy must show outside its own file too.

import type { RuleId, SeveritySetting } from '../engine/model/types';
import { notification } from './messages';

export interface PolicyStatusParams {
  policies: PolicyStatus[];
}

export interface PolicyStatus {
  /** `file:` URI of the policy file that applies (the one found or set, not the files it extends). */
  uri: string;
  /** Problems in it and in the files it extends; where it is broken, the defaults apply. */
  errors: number;
  warnings: number;
  /** The file with the first problem (what to open to see them), when there are any. */
  problemUri?: string;
  /** Rules the policy turns off or below their default severity. */
  overrides: PolicyStatusOverride[];
}

export interface PolicyStatusOverride {
  ruleId: RuleId;
  severity: SeveritySetting;
  defaultSeverity: SeveritySetting;
  /** `file:` URI of the file in the `extends` chain that set it. */
  uri: string;
}

/**
 * Server -> client: every policy file in use, with its problems and the rules it turns off or
 * down. Sent whole after policies load or reload, so the client only keeps the latest.
 */
export const PolicyStatusNotification = notification<PolicyStatusParams>('phiGuard/policyStatus');

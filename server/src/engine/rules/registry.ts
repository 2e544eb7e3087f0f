// Every rule the engine runs. Adding a rule: one new module in this folder and one line here.

import type { RuleId } from '../types';
import { hardcodedAiKey } from './hardcoded-ai-key';
import { phiInError } from './phi-in-error';
import { phiInLog } from './phi-in-log';
import { phiToAi } from './phi-to-ai';
import { phiToThirdParty } from './phi-to-third-party';
import { missingPhiAccess } from './missing-phi-access';
import { phiAccessMismatch } from './phi-access-mismatch';
import type { Rule, RuleMetadata } from './rule';
import { unencryptedPhiField } from './unencrypted-phi-field';
import { unjustifiedSuppression } from './unjustified-suppression';

const rules: Rule[] = [phiInLog, phiInError, phiToThirdParty, phiToAi, missingPhiAccess, phiAccessMismatch, unencryptedPhiField, hardcodedAiKey, unjustifiedSuppression];

export function registeredRules(): readonly Rule[] {
  return rules;
}

export function ruleMetadata(id: RuleId): RuleMetadata | undefined {
  return rules.find((rule) => rule.metadata.id === id)?.metadata;
}

export type { RuleMetadata };

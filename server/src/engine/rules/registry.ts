// Every rule the engine runs. Adding a rule: one new module in this folder and one line here.

import type { RuleId } from '../types';
import { phiInError } from './phi-in-error';
import { phiInLog } from './phi-in-log';
import { phiToAi } from './phi-to-ai';
import { phiToThirdParty } from './phi-to-third-party';
import type { Rule, RuleMetadata } from './rule';
import { unjustifiedSuppression } from './unjustified-suppression';

const rules: Rule[] = [phiInLog, phiInError, phiToThirdParty, phiToAi, unjustifiedSuppression];

export function registeredRules(): readonly Rule[] {
  return rules;
}

export function ruleMetadata(id: RuleId): RuleMetadata | undefined {
  return rules.find((rule) => rule.metadata.id === id)?.metadata;
}

export type { RuleMetadata };

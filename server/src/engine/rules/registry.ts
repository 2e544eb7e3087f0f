// The only list of rules. The engine runs them in this order, and `npm run gen` derives from it
// RULE_IDS (model/rule-ids.generated.ts), the `phiGuard.rules` settings in package.json, the
// policy schema's `rules` and the docs index (docs/rules/README.md). Adding a rule: its folder
// and one line here, then `npm run gen` (docs/architecture.md, "How to add a rule").

import type { RuleId } from '../model/types';
import { hardcodedAiKey } from './hardcoded-ai-key/rule';
import { missingPhiAccess } from './missing-phi-access/rule';
import { phiAccessMismatch } from './phi-access-mismatch/rule';
import { phiInError } from './phi-in-error/rule';
import { phiInLog } from './phi-in-log/rule';
import { phiLiteral } from './phi-literal/rule';
import { phiToAi } from './phi-to-ai/rule';
import { phiToThirdParty } from './phi-to-third-party/rule';
import type { Rule, RuleMetadata } from './rule';
import { unencryptedPhiField } from './unencrypted-phi-field/rule';
import { unjustifiedSuppression } from './unjustified-suppression/rule';

// A test preload (test/support/throwing-rule-preload.mjs) finds this array in the bundles as
// `var rules = [...]`: keep it one flat array of rule names.
const rules: Rule[] = [
  phiInLog,
  phiInError,
  phiToThirdParty,
  phiToAi,
  missingPhiAccess,
  phiAccessMismatch,
  unencryptedPhiField,
  hardcodedAiKey,
  unjustifiedSuppression,
  phiLiteral,
];

export function registeredRules(): readonly Rule[] {
  return rules;
}

export function ruleMetadata(id: RuleId): RuleMetadata | undefined {
  return rules.find((rule) => rule.metadata.id === id)?.metadata;
}

export type { RuleMetadata };

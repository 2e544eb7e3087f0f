// Modules about decision-support rules (a CDS service editor, a rule builder): the `condition`
// they handle is a rule's trigger condition (type, operator, value), not a patient's clinical
// condition (docs/rules/phi-in-log.md, "Reference and organisational data").

import { fileAndFolderTokens, tokenize } from './identifiers';

/** `cdsHooksService.js`, `cds_studio/visual_builder_service.py`, `rules/engine.ts`: the file's name or its folder's. */
export function isRuleModule(filePath: string): boolean {
  return fileAndFolderTokens(filePath).some((token) => RULE_MODULE_WORDS.has(token));
}

/** The elements a rule module's configuration is named with. */
export function isRuleConfigurationElement(element: string): boolean {
  return element === 'condition';
}

/**
 * `condition.medication`, `rule.diagnosis`, `trigger.labValue`: what a rule object is named with, in
 * a rule module, is the rule's trigger (a drug that fires an alert), not a patient's data.
 */
export function isRuleObjectName(name: string): boolean {
  const tokens = tokenize(name);
  return tokens.length > 0 && RULE_OBJECT_WORDS.has(tokens[tokens.length - 1]);
}

const RULE_OBJECT_WORDS = new Set(['condition', 'conditions', 'rule', 'rules', 'trigger', 'triggers', 'criteria', 'criterion']);

const RULE_MODULE_WORDS = new Set(['cds', 'rule', 'rules', 'ruleset', 'rulesets']);

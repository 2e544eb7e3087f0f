// Modules about decision-support rules (a CDS service editor, a rule builder): the `condition`
// they handle is a rule's trigger condition (type, operator, value), not a patient's clinical
// condition (docs/rules/phi-in-log.md, "Reference and organisational data").

import { fileAndFolderTokens } from './identifiers';

/** `cdsHooksService.js`, `cds_studio/visual_builder_service.py`, `rules/engine.ts`: the file's name or its folder's. */
export function isRuleModule(filePath: string): boolean {
  return fileAndFolderTokens(filePath).some((token) => RULE_MODULE_WORDS.has(token));
}

/** The elements a rule module's configuration is named with. */
export function isRuleConfigurationElement(element: string): boolean {
  return element === 'condition';
}

const RULE_MODULE_WORDS = new Set(['cds', 'rule', 'rules', 'ruleset', 'rulesets']);

// The policy module's public API: finding, loading, validating and merging `phi-guard.json`,
// the defaults and the starter file. (A BAA's status on a day is the engine's: engine/model/baa-status.ts.)

export * from './types';
export { defaultPolicy } from './defaults';
export { findPolicyFile, POLICY_FILE_NAME } from './find-policy-file';
export { loadPolicyFile, validatePolicyText } from './policy-loader';
export { clearPolicyCache, loadPolicyForFile, loadPolicyForFolder, type PolicyLookupOptions } from './policy-cache';
export { extendsOutside, policyOverrides, type PolicyOverride } from './policy-overrides';
export { mergePolicyLayer, mergePolicyLayers, type PolicyLayer } from './merge-policy';
export { createIgnoreMatcher, isIgnoredByPolicy, rebaseIgnorePattern, type IgnoreMatcher } from './policy-ignore';
export { POLICY_SCHEMA_URL, starterPolicyText } from './starter-policy';
export { collectCandidates, emptyCandidates, type AuditCandidates } from './audit-candidates';
export { checkPolicySemantics, DATE_DEPENDENT_CODES, type PolicySource } from './semantic-checks';
export * from './ai-tools-model';
export { aiToolsMarkdown, attentionItems, type MarkdownReportOptions } from './ai-tools-report';

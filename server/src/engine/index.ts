// The engine's public API: (text, path, policy) -> findings, suppressions. Pure and
// editor-agnostic: the language server, the CLI and the tests all come through here. The policy
// is an input: its resolved shape is exported here, reading and validating it is server/src/policy.

export * from './model/types';
export { ParsedDocument, type TextChange } from './parsing/parsed-document';
export { initParsers as initEngine, initParserRuntime as initEngineRuntime } from './parsing/parsers';
export { analyze, analyzeDocument, checkAnalysable, type AnalyzeInput, type AnalyzeOptions } from './analyze';
export { ENV_FILE_PATTERN, isDataLanguage, isLanguageId, languageFromPath, preCommitExcludePattern, preCommitFilesPattern, SUPPORTED_EXTENSIONS } from './model/languages';
export { ruleMetadata, registeredRules, type RuleMetadata } from './rules/registry';
export { applyTextEdits } from './model/text';
export { countSyntaxErrors } from './adapters/syntax-errors';
export type * from './model/policy';
export type { ProjectAuditContext, DjangoSettingsModule, NestGlobalControls } from './model/audit-context';
export { BAA_EXPIRY_WARNING_DAYS, daysUntilExpiry, effectiveBaa, isBaaExpiringSoon } from './model/baa-status';
export { buildCoverageReport, summarize as summarizeCoverage, COVERAGE_REPORT_VERSION, type CoverageReport, type CoverageEndpoint, type CoverageSummary, type CoverageStatus, type CoverageInput } from './coverage';
export type { EndpointFact, AuditControl, HttpMethod, Framework, RouteReference } from './model/endpoints';
export { FRAMEWORKS } from './catalogues/frameworks';
export { prepareFile, summarizeDocument, summarizeFile } from './summarize';
export { analyzeFacts, type PreparedFile } from './analyze';
export { WorkspaceIndex, type PathAliases } from './summaries/workspace-index';
export type { FileSummary, FunctionSummary, ResolvedSummary, SinkEffect } from './summaries/types';

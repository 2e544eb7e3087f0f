// The pipeline: guard against input that is not source code, parse, extract facts, run each
// rule in isolation, then apply severities and suppressions.

import type { ResolvedPolicy } from './model/policy';
import type { ProjectAuditContext } from './model/audit-context';
import { extractFacts } from './adapters';
import { findDjangoRoutes, findEndpoints, type EndpointFact, type RouteReference } from './analysis/endpoints';
import { languageFromPath } from './model/languages';
import { ParsedDocument } from './parsing/parsed-document';
import { MAX_PYTHON_INDENT_DEPTH, pythonIndentDepth } from './parsing/parsers';
import { countSyntaxErrors } from './adapters/syntax-errors';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './adapters/data/json';
import { classifierFor } from './analysis/phi/classifier-cache';
import { FlowAnalyzer } from './analysis/flow/flow';
import { registeredRules, ruleMetadata } from './rules/registry';
import type { FileFacts } from './model/facts';
import { CrossFileFlows } from './summaries/cross-file';
import { withoutNeverRunSends } from './rules/never-run-findings';
import { summarizeFacts } from './summaries/extract';
import type { WorkspaceIndex } from './summaries/workspace-index';
import type { RuleContext } from './rules/rule';
import { applyPolicySuppressions, applySuppressions, parseSuppressions } from './analysis/suppressions';
import { isDataLanguage } from './model/languages';
import { isTestCode } from './model/test-code';
import { isCommandLineScript, OPERATOR_TERMINAL_RULES } from './model/command-line-script';
import { isAccountModule } from './analysis/phi/account-module';
import { accountModelNames } from './analysis/phi/account-models';
import { moduleTraits } from './analysis/phi/module-traits';
import type { AnalysisResult, Finding, InternalError, LanguageId, RuleFailure, RuleId, Severity, SeveritySetting, SkippedFile } from './model/types';

export interface AnalyzeInput {
  text: string;
  path: string;
  /** The file was longer than what `text` holds (a data file read up to the size limit): its size in bytes. */
  totalBytes?: number;
  /** Defaults to the language of the path's extension. */
  languageId?: LanguageId;
}

export interface AnalyzeOptions {
  /** Files larger than this are skipped with a notice (default 1024 KB). */
  maxFileSizeKb?: number;
  /**
   * How the front end's user sets that limit (a setting, a command-line option), named in the
   * notice; the engine serves both and names neither.
   */
  maxFileSizeName?: string;
  /** Severity overrides applied after the policy's `rules` (editor settings). */
  ruleSeverity?: Partial<Record<RuleId, SeveritySetting>>;
  /**
   * Audit controls registered outside the file: the workspace's Django settings modules and global
   * NestJS guards (workspace/audit-context.ts computes it). Plain data, so scan workers get it too.
   */
  auditContext?: ProjectAuditContext;
  /**
   * The workspace's function summaries: calls to its functions are followed (what they return,
   * which parameters reach sinks). Without it, flows stop at calls to the file's own functions too.
   */
  workspace?: WorkspaceIndex;
  /**
   * The folder the policy's `testCode` globs are relative to when no policy file sets one (the
   * CLI's working folder, the editor's workspace folder). Without it no file counts as test code.
   */
  projectRoot?: string;
}

const DEFAULT_MAX_FILE_SIZE_KB = 1024;

export function analyze(input: AnalyzeInput, policy: ResolvedPolicy, options: AnalyzeOptions = {}): AnalysisResult {
  const languageId = input.languageId ?? languageFromPath(input.path);
  if (!languageId) return skippedResult({ reason: 'unsupported-language', detail: 'no PHI Guard analyser for this file type' });
  const { text, partlyRead } = dataFileStart(input, languageId, options);
  const skipped = checkAnalysable(text, options, languageId);
  if (skipped) return skippedResult(skipped);
  const document = new ParsedDocument(languageId, text);
  try {
    const result = analyzeDocument(document, input.path, policy, options);
    return partlyRead ? { ...result, partlyRead } : result;
  } finally {
    document.dispose();
  }
}

/**
 * A data file larger than the size limit is analysed up to it (cut at a line end) and said to be
 * partly read; source files are refused whole instead (checkAnalysable).
 */
function dataFileStart(input: AnalyzeInput, languageId: LanguageId, options: AnalyzeOptions): { text: string; partlyRead?: AnalysisResult['partlyRead'] } {
  if (!isDataLanguage(languageId)) return { text: input.text };
  const limit = (options.maxFileSizeKb ?? DEFAULT_MAX_FILE_SIZE_KB) * 1024;
  let text = input.text;
  if (text.length > limit) {
    const cut = text.lastIndexOf('\n', limit);
    text = text.slice(0, cut > 0 ? cut + 1 : limit);
  }
  const totalBytes = Math.max(input.totalBytes ?? 0, input.text.length);
  if (text.length === input.text.length && input.totalBytes === undefined) return { text };
  return { text, partlyRead: { readKb: Math.ceil(Buffer.byteLength(text) / 1024), totalKb: Math.ceil(totalBytes / 1024) } };
}

export function analyzeDocument(
  document: ParsedDocument,
  filePath: string,
  policy: ResolvedPolicy,
  options: AnalyzeOptions = {},
): AnalysisResult {
  // A data file over the limit (an editor buffer): analysed up to it, as a file read from disk is.
  if (isDataLanguage(document.languageId) && document.text.length > (options.maxFileSizeKb ?? DEFAULT_MAX_FILE_SIZE_KB) * 1024) {
    return analyze({ text: document.text, path: filePath, languageId: document.languageId }, policy, options);
  }
  const skipped = checkAnalysable(document.text, options, document.languageId);
  if (skipped) return skippedResult(skipped);
  return analyzeFacts({ facts: extractFacts(document, filePath), hasSyntaxErrors: hasSyntaxErrors(document) }, filePath, policy, options);
}

/** A file's facts, extracted once: the CLI's cross-file scan summarises and then analyses them. */
export interface PreparedFile {
  facts: FileFacts;
  hasSyntaxErrors: boolean;
}

export function prepareDocument(document: ParsedDocument, filePath = ''): PreparedFile {
  return { facts: extractFacts(document, filePath), hasSyntaxErrors: hasSyntaxErrors(document) };
}

function hasSyntaxErrors(document: ParsedDocument): boolean {
  return document.hasTree ? document.tree.rootNode.hasError : countSyntaxErrors(document.text, document.languageId) > 0;
}

/** The rules over facts already extracted (analyzeDocument without the parse). */
export function analyzeFacts(prepared: PreparedFile, filePath: string, policy: ResolvedPolicy, options: AnalyzeOptions = {}): AnalysisResult {
  const { facts } = prepared;
  const suppressions = parseSuppressions(facts);
  const internalErrors: InternalError[] = [];
  const crossFile = crossFileFlowsOf(options.workspace, facts, policy, filePath, internalErrors);
  const context: RuleContext = {
    facts,
    policy,
    filePath,
    flow: new FlowAnalyzer(facts, classifierFor(policy), crossFile?.hooks(), isAccountModule(filePath), { ...moduleTraits(filePath), accountModels: accountModelNames(options.auditContext) }),
    suppressions,
    ...(options.auditContext ? { auditContext: options.auditContext } : {}),
    ...(options.projectRoot ? { projectRoot: options.projectRoot } : {}),
  };
  const findings: Finding[] = [];
  const ruleFailures: RuleFailure[] = [];
  const testCode = isTestCode(filePath, policy.testCode, options.projectRoot);
  const script = isCommandLineScript(filePath, facts, [policy.testCode.base, options.projectRoot]);
  const severityOf = (id: RuleId, fallback: SeveritySetting): SeveritySetting =>
    (testCode && !policy.testCode.rules.includes(id)) || (script && OPERATOR_TERMINAL_RULES.has(id)) ? 'off' : severityFor(id, fallback, policy, options);
  for (const rule of registeredRules()) {
    const severity = severityOf(rule.metadata.id, rule.metadata.defaultSeverity);
    if (severity === 'off') continue;
    if (!rule.metadata.languages.includes(facts.languageId)) continue;
    try {
      for (const raw of rule.check(context)) findings.push({ ...raw, severity, hipaa: rule.metadata.hipaa });
    } catch (error) {
      ruleFailures.push({ ruleId: rule.metadata.id, error: describeFailure(error) });
    }
  }
  if (crossFile) findings.push(...callFindings(crossFile, context, findings, severityOf, internalErrors));
  const inline = applySuppressions(findings, suppressions);
  const fromPolicy = applyPolicySuppressions(inline.kept, policy, filePath);
  const kept = fromPolicy.kept;
  const suppressed = [...inline.suppressed, ...fromPolicy.suppressed];
  kept.sort((a, b) => a.line - b.line || a.range.start.character - b.range.start.character);
  // A test's routes are not the product's: they are neither reported nor counted in coverage.
  const endpoints = testCode ? [] : endpointsOf(context, internalErrors);
  const routes = routesOf(context, internalErrors);
  return {
    findings: kept,
    suppressed,
    suppressions,
    ...(fromPolicy.applied.length > 0 ? { policySuppressions: fromPolicy.applied } : {}),
    ruleFailures,
    ...(internalErrors.length > 0 ? { internalErrors } : {}),
    hasSyntaxErrors: prepared.hasSyntaxErrors,
    endpoints,
    routes,
  };
}

function crossFileFlowsOf(
  workspace: WorkspaceIndex | undefined,
  facts: FileFacts,
  policy: ResolvedPolicy,
  filePath: string,
  internalErrors: InternalError[],
): CrossFileFlows | undefined {
  if (!workspace) return undefined;
  try {
    return new CrossFileFlows(workspace, facts, workspace.file(filePath) ?? summarizeFacts(facts, policy, filePath));
  } catch (error) {
    internalErrors.push({ part: 'cross-file-flows', error: describeFailure(error) });
    return undefined;
  }
}

/** Leaks inside callees, reported at the calls; a call another rule already reports on that line is left to it. */
function callFindings(
  crossFile: CrossFileFlows,
  context: RuleContext,
  existing: readonly Finding[],
  severity: (id: RuleId, fallback: SeveritySetting) => SeveritySetting,
  internalErrors: InternalError[],
): Finding[] {
  const found: Finding[] = [];
  try {
    const enabled = (id: RuleId) => severity(id, ruleMetadata(id)?.defaultSeverity ?? 'error') !== 'off';
    for (const raw of withoutNeverRunSends(crossFile.callFindings(context, enabled), context)) {
      if (existing.some((finding) => finding.ruleId === raw.ruleId && finding.line === raw.line)) continue;
      const metadata = ruleMetadata(raw.ruleId)!;
      found.push({ ...raw, severity: severity(raw.ruleId, metadata.defaultSeverity) as Severity, hipaa: metadata.hipaa });
    }
  } catch (error) {
    internalErrors.push({ part: 'cross-file-flows', error: describeFailure(error) });
  }
  return found;
}

/** The file's Django URLconf routes; a failure is recorded, and the file has none. */
function routesOf(context: RuleContext, internalErrors: InternalError[]): RouteReference[] {
  try {
    return findDjangoRoutes(context.facts, context.filePath);
  } catch (error) {
    internalErrors.push({ part: 'django-routes', error: describeFailure(error) });
    return [];
  }
}

/** The file's endpoints for the coverage report; a failure is recorded, and the file has none. */
function endpointsOf(context: RuleContext, internalErrors: InternalError[]): EndpointFact[] {
  try {
    return findEndpoints(context);
  } catch (error) {
    internalErrors.push({ part: 'endpoint-discovery', error: describeFailure(error) });
    return [];
  }
}

function severityFor(
  id: RuleId,
  fallback: SeveritySetting,
  policy: ResolvedPolicy,
  options: AnalyzeOptions,
): SeveritySetting {
  return options.ruleSeverity?.[id] ?? policy.rules[id] ?? fallback;
}

/** Refuses input that is not source a person wrote: too large, binary, or minified. */
export function checkAnalysable(text: string, options: AnalyzeOptions, languageId?: LanguageId): SkippedFile | undefined {
  const limitKb = options.maxFileSizeKb ?? DEFAULT_MAX_FILE_SIZE_KB;
  // Data files are cut at the limit instead (dataFileStart), and may be one long line (minified JSON).
  const data = languageId !== undefined && isDataLanguage(languageId);
  if (!data && text.length > limitKb * 1024) {
    const limit = options.maxFileSizeName ? `${options.maxFileSizeName} (${limitKb} KB)` : `the size limit of ${limitKb} KB`;
    return { reason: 'too-large', detail: `larger than ${limit}` };
  }
  const binary = binaryContent(text.slice(0, 8192));
  if (binary) return { reason: 'binary', detail: binary };
  if (!data && text.length > 20_000) {
    const lines = text.split('\n', 50);
    const longest = Math.max(...lines.map((line) => line.length));
    if (lines.length < 5 && longest > 5_000) return { reason: 'minified', detail: 'looks minified (very long lines)' };
  }
  // Parsers of nested data recurse once per level: text nested deeper than real data ever is is refused, and said.
  if (data && languageId !== 'csv' && languageId !== 'tsv' && languageId !== 'dotenv' && languageId !== 'hl7' && nestsDeeperThan(text, MAX_JSON_DEPTH)) {
    return { reason: 'too-deep', detail: `brackets nested more than ${MAX_JSON_DEPTH} levels deep` };
  }
  if (languageId === 'python' && pythonIndentDepth(text, MAX_PYTHON_INDENT_DEPTH) > MAX_PYTHON_INDENT_DEPTH) {
    return { reason: 'too-deep', detail: `indentation nested more than ${MAX_PYTHON_INDENT_DEPTH} levels deep` };
  }
  return undefined;
}

/**
 * Why a sample of the text is not text, if it is not: control characters (NUL above all) or
 * bytes that were not valid UTF-8 make up much of it. A few of them are analysed around: the
 * parser sees a NUL as a space (parserSource), so one NUL in a comment hides nothing.
 */
function binaryContent(sample: string): string | undefined {
  let nul = 0;
  let control = 0;
  let replacement = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) nul++;
    else if (c === 0xfffd) replacement++;
    // C0 controls other than tab, LF, VT, FF, CR and ESC (ANSI colours in strings).
    else if (c < 32 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13 && c !== 27) control++;
  }
  const suspicious = nul + control + replacement;
  // A tenth of a short sample, or more than 16 and a hundredth of a long one.
  if (suspicious * 10 <= sample.length && (suspicious <= 16 || suspicious * 100 <= sample.length)) return undefined;
  if (nul + control >= replacement) return `looks binary (${nul} NUL and ${control} other control characters in its first ${sample.length} characters)`;
  return 'not valid UTF-8 text';
}

function skippedResult(skipped: SkippedFile): AnalysisResult {
  return { findings: [], suppressed: [], suppressions: [], ruleFailures: [], skipped, hasSyntaxErrors: false };
}

/** The error's type and where it was thrown: an exception message may quote source text. */
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const frame = (error.stack ?? '').split('\n')[1]?.trim().replace(/^at /, '');
  return frame ? `${error.name} at ${frame}` : error.name;
}

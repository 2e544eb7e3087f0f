// The pipeline: guard against input that is not source code, parse, extract facts, run each
// rule in isolation, then apply severities and suppressions.

import type { ResolvedPolicy } from '../policy/types';
import { extractFacts } from './adapters';
import { findDjangoRoutes, findEndpoints, type EndpointFact, type RouteReference } from './endpoints';
import { languageFromPath } from './languages';
import { MAX_PYTHON_INDENT_DEPTH, ParsedDocument, pythonIndentDepth } from './parsing';
import { countPrismaSyntaxErrors } from './prisma/facts';
import { classifierFor } from './phi/classifier-cache';
import { FlowAnalyzer } from './phi/flow';
import { registeredRules } from './rules/registry';
import type { RuleContext } from './rules/rule';
import { applySuppressions, parseSuppressions } from './suppressions';
import type { AnalysisResult, Finding, LanguageId, RuleFailure, RuleId, SeveritySetting, SkippedFile } from './types';

export interface AnalyzeInput {
  text: string;
  path: string;
  /** Defaults to the language of the path's extension. */
  languageId?: LanguageId;
}

export interface AnalyzeOptions {
  /** Files larger than this are skipped with a notice (default 1024 KB). */
  maxFileSizeKb?: number;
  /** Severity overrides applied after the policy's `rules` (editor settings). */
  ruleSeverity?: Partial<Record<RuleId, SeveritySetting>>;
}

const DEFAULT_MAX_FILE_SIZE_KB = 1024;

/** A Prisma schema has models and comments only: the other rules have nothing to look at. */
const PRISMA_RULES = new Set<RuleId>(['unencrypted-phi-field', 'unjustified-suppression']);

export function analyze(input: AnalyzeInput, policy: ResolvedPolicy, options: AnalyzeOptions = {}): AnalysisResult {
  const languageId = input.languageId ?? languageFromPath(input.path);
  if (!languageId) return skippedResult({ reason: 'unsupported-language', detail: 'no PHI Guard analyser for this file type' });
  const skipped = checkAnalysable(input.text, options, languageId);
  if (skipped) return skippedResult(skipped);
  const document = new ParsedDocument(languageId, input.text);
  try {
    return analyzeDocument(document, input.path, policy, options);
  } finally {
    document.dispose();
  }
}

export function analyzeDocument(
  document: ParsedDocument,
  filePath: string,
  policy: ResolvedPolicy,
  options: AnalyzeOptions = {},
): AnalysisResult {
  const skipped = checkAnalysable(document.text, options, document.languageId);
  if (skipped) return skippedResult(skipped);
  const facts = extractFacts(document);
  const suppressions = parseSuppressions(facts);
  const context: RuleContext = { facts, policy, filePath, flow: new FlowAnalyzer(facts, classifierFor(policy)), suppressions };
  const findings: Finding[] = [];
  const ruleFailures: RuleFailure[] = [];
  for (const rule of registeredRules()) {
    const severity = severityFor(rule.metadata.id, rule.metadata.defaultSeverity, policy, options);
    if (severity === 'off') continue;
    if (document.languageId === 'prisma' && !PRISMA_RULES.has(rule.metadata.id)) continue;
    try {
      for (const raw of rule.check(context)) findings.push({ ...raw, severity, hipaa: rule.metadata.hipaa });
    } catch (error) {
      ruleFailures.push({ ruleId: rule.metadata.id, error: describeFailure(error) });
    }
  }
  const { kept, suppressed } = applySuppressions(findings, suppressions);
  kept.sort((a, b) => a.line - b.line || a.range.start.character - b.range.start.character);
  return {
    findings: kept,
    suppressed,
    suppressions,
    ruleFailures,
    hasSyntaxErrors: document.hasTree ? document.tree.rootNode.hasError : countPrismaSyntaxErrors(document.text) > 0,
    endpoints: endpointsOf(context),
    routes: routesOf(context),
  };
}

function routesOf(context: RuleContext): RouteReference[] {
  try {
    return findDjangoRoutes(context.facts, context.filePath);
  } catch {
    return [];
  }
}

/** The file's endpoints for the coverage report; never fails the analysis. */
function endpointsOf(context: RuleContext): EndpointFact[] {
  try {
    return findEndpoints(context);
  } catch {
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
  if (text.length > limitKb * 1024) {
    return { reason: 'too-large', detail: `larger than phiGuard.maxFileSizeKb (${limitKb} KB)` };
  }
  const sample = text.slice(0, 8192);
  if (sample.includes('\u0000')) return { reason: 'binary', detail: 'contains NUL bytes' };
  let replacement = 0;
  for (let i = 0; i < sample.length; i++) if (sample.charCodeAt(i) === 0xfffd) replacement++;
  if (replacement > 16 && replacement > sample.length / 100) return { reason: 'binary', detail: 'not valid UTF-8 text' };
  if (text.length > 20_000) {
    const lines = text.split('\n', 50);
    const longest = Math.max(...lines.map((line) => line.length));
    if (lines.length < 5 && longest > 5_000) return { reason: 'minified', detail: 'looks minified (very long lines)' };
  }
  if (languageId === 'python' && pythonIndentDepth(text, MAX_PYTHON_INDENT_DEPTH) > MAX_PYTHON_INDENT_DEPTH) {
    return { reason: 'too-deep', detail: `indentation nested more than ${MAX_PYTHON_INDENT_DEPTH} levels deep` };
  }
  return undefined;
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

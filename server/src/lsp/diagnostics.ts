// Engine results -> LSP diagnostics. Each diagnostic carries, in `data`, the finding's fixes and
// the document version they were computed for, so code actions need no server state and can
// refuse to apply edits to a newer text (docs/architecture.md).

import {
  DiagnosticSeverity,
  type Diagnostic,
  type DiagnosticRelatedInformation,
} from 'vscode-languageserver/node';
import { ruleMetadata, type AnalysisResult, type Finding, type Fix, type RuleId, type Severity } from '../engine';
import type { PolicyDiagnostic } from '../policy';
import { DIAGNOSTIC_SOURCE } from '../protocol';
import type { ClientFeatures } from './clientFeatures';
import { pathToUri } from './uris';

/** What a PHI Guard diagnostic remembers for its code actions. */
export interface FindingData {
  kind: 'finding';
  /** The document version the fixes' ranges refer to. */
  version: number;
  ruleId: RuleId;
  fixes: Fix[];
}

export function isFindingData(value: unknown): value is FindingData {
  const data = value as FindingData | undefined;
  return !!data && data.kind === 'finding' && typeof data.version === 'number' && Array.isArray(data.fixes);
}

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function findingsToDiagnostics(
  result: AnalysisResult,
  uri: string,
  version: number,
  features: ClientFeatures,
): Diagnostic[] {
  if (result.skipped) {
    if (result.skipped.reason === 'unsupported-language') return [];
    return [skippedNotice(result.skipped.reason, result.skipped.detail)];
  }
  return result.findings.map((finding) => findingToDiagnostic(finding, uri, version, features));
}

export function findingToDiagnostic(finding: Finding, uri: string, version: number, features: ClientFeatures): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: severities[finding.severity] ?? DiagnosticSeverity.Warning,
    code: finding.ruleId,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  const metadata = ruleMetadata(finding.ruleId);
  if (metadata && features.codeDescription) diagnostic.codeDescription = { href: metadata.helpUri };
  // A flow of just the sink says nothing the squiggle does not.
  if (features.relatedInformation && finding.flow.length > 1) {
    diagnostic.relatedInformation = finding.flow.map(
      (step): DiagnosticRelatedInformation => ({ location: { uri: step.path ? pathToUri(step.path) : uri, range: step.range }, message: step.label }),
    );
  }
  const data: FindingData = { kind: 'finding', version, ruleId: finding.ruleId, fixes: finding.fixes };
  diagnostic.data = data;
  return diagnostic;
}

const skipReasons: Record<string, string> = {
  'too-large': 'the file is too large',
  binary: 'the file looks binary',
  minified: 'the file looks minified',
  'too-deep': 'the code is nested too deeply',
};

/** The visible notice for a file the engine refused (never silently skipped, docs/architecture.md). */
export function skippedNotice(reason: string, detail: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    message: `PHI Guard did not analyse this file: ${skipReasons[reason] ?? reason} (${detail}).`,
  };
}

export function policyDiagnosticToLsp(diagnostic: PolicyDiagnostic): Diagnostic {
  return {
    range: diagnostic.range,
    severity: diagnostic.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: diagnostic.code,
    source: DIAGNOSTIC_SOURCE,
    message: diagnostic.message,
  };
}

// Hover on a finding: what the rule is, the path the PHI took (by the engine's labels, which
// name variables and kinds, never values), the HIPAA reference and the rule's documentation.

import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { ruleMetadata, type Finding, type Position, type Range } from '../engine';
import type { AnalysisService } from './analysisService';
import type { ClientFeatures } from './clientFeatures';
import type { OpenDocument } from './documentStore';

export async function provideHover(
  params: HoverParams,
  document: OpenDocument | undefined,
  analysis: AnalysisService,
  features: ClientFeatures,
): Promise<Hover | null> {
  if (!document) return null;
  const report = await analysis.currentReport(document);
  const findings = report?.result?.findings.filter((finding) => contains(finding.range, params.position)) ?? [];
  if (!findings.length) return null;
  const markdown = features.markdownHover;
  const value = findings.map((finding) => describeFinding(finding, markdown)).join(markdown ? '\n\n---\n\n' : '\n\n');
  return {
    contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value },
    range: findings[0].range,
  };
}

export function describeFinding(finding: Finding, markdown: boolean): string {
  const metadata = ruleMetadata(finding.ruleId);
  const title = metadata?.title ?? finding.ruleId;
  const path = flowPath(finding);
  const hipaa = finding.hipaa || metadata?.hipaa;
  if (!markdown) {
    return [
      `PHI Guard: ${title} (${finding.ruleId})`,
      finding.message,
      path && `Flow: ${path.join(' → ')}`,
      hipaa && `HIPAA: ${hipaa}`,
      metadata && `Documentation: ${metadata.helpUri}`,
    ]
      .filter(Boolean)
      .join('\n');
  }
  const lines = [`**PHI Guard: ${escapeMarkdown(title)}** (\`${finding.ruleId}\`)`, '', finding.message];
  if (path) lines.push('', `**Flow:** ${path.map(escapeMarkdown).join(' → ')}`);
  if (hipaa) lines.push('', `**HIPAA:** ${escapeMarkdown(hipaa)}`);
  if (metadata) lines.push('', `[Rule documentation](${metadata.helpUri})`);
  return lines.join('\n');
}

/**
 * source → step → sink, from the engine's flow (source first, sink last). A flow of one step is
 * the sink alone: the PHI elements stand in for the source.
 */
function flowPath(finding: Finding): string[] | undefined {
  if (finding.flow.length > 1) return finding.flow.map((step) => step.label);
  const sink = finding.flow[0]?.label ?? finding.sink;
  if (!finding.phi.length) return sink && finding.flow.length ? [sink] : undefined;
  const source = finding.phi.map((phi) => `${phi.element} (${phi.category})`).join(', ');
  return sink ? [source, sink] : [source];
}

function contains(range: Range, position: Position): boolean {
  const afterStart =
    position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd =
    position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|]/g, (character) => `\\${character}`);
}

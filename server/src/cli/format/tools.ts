// `phi-guard tools` output: the AI tools and vendors of the policy with BAA status and expiry, as
// aligned text tables, JSON, or the Markdown BAA report (the same document *Export BAA Report*
// writes in the editor). All three come from the one model in policy/ai-tools-model.ts.

import { aiToolsMarkdown, attentionItems, type AiToolsModel, type PolicyDiagnostic } from '../../policy';
import { displayPath } from '../display-path';
import { TOOL_VERSION } from '../version';
import { palette, visibleLength, type Palette } from './colors';

export type ToolsFormat = 'text' | 'json' | 'markdown';

/** The shape of `phi-guard tools --format json`. Fields are only ever added, never renamed. */
export interface ToolsJsonReport {
  version: string;
  /** The policy file (relative to the working directory), absent when none was found. */
  policy?: string;
  /** The day BAA dates were judged on, `YYYY-MM-DD`. */
  today: string;
  expiryWarningDays: number;
  tools: AiToolsModel['tools'];
  vendors: AiToolsModel['vendors'];
  summary: AiToolsModel['summary'];
  /** Problems in the policy file, 1-based positions. */
  problems: { file: string; line: number; column: number; severity: string; code: string; message: string }[];
}

export function formatTools(model: AiToolsModel, format: ToolsFormat, options: { cwd: string; color: boolean; diagnostics: readonly PolicyDiagnostic[] }): string {
  const show = (file: string) => displayPath(file, options.cwd);
  if (format === 'json') {
    const report: ToolsJsonReport = {
      version: TOOL_VERSION,
      ...(model.policyFile ? { policy: show(model.policyFile) } : {}),
      today: model.today,
      expiryWarningDays: model.expiryWarningDays,
      tools: model.tools,
      vendors: model.vendors,
      summary: model.summary,
      problems: options.diagnostics.map((diagnostic) => ({
        file: show(diagnostic.file),
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        severity: diagnostic.severity,
        code: diagnostic.code,
        message: diagnostic.message,
      })),
    };
    return `${JSON.stringify(report, null, 2)}\n`;
  }
  if (format === 'markdown') return aiToolsMarkdown(model, { displayPath: show });
  return formatText(model, palette(options.color), show);
}

function formatText(model: AiToolsModel, paint: Palette, show: (file: string) => string): string {
  const lines: string[] = [];
  const policy = model.policyFile ? show(model.policyFile) : 'none found (built-in defaults)';
  lines.push(paint.bold(`AI tools & BAA`) + paint.dim(` — policy: ${policy}, as of ${model.today}`), '');

  lines.push(paint.bold('AI tools'));
  if (model.tools.length === 0) {
    lines.push('  none listed: no AI tool is approved');
  } else {
    lines.push(
      ...table(
        ['STATUS', 'TOOL', 'VENDOR', 'BAA', 'PHI', 'USE CASES'],
        model.tools.map((tool) => [
          statusText(tool.status, paint),
          tool.warnings.length > 0 ? `${tool.name} ${paint.yellow('!')}` : tool.name,
          tool.vendorId ?? '',
          baaColored(tool.baa, tool.baaText, paint),
          tool.phiText,
          tool.useCases.join(', '),
        ]),
      ),
    );
  }
  lines.push('');

  lines.push(paint.bold('Vendors'));
  if (model.vendors.length === 0) {
    lines.push('  none listed: no vendor is covered by a BAA');
  } else {
    lines.push(
      ...table(
        ['VENDOR', 'ID', 'KIND', 'BAA', 'ALLOWED', 'MODELS'],
        model.vendors.map((vendor) => [
          vendor.flagged ? `${vendor.name} ${paint.yellow('!')}` : vendor.name,
          vendor.id,
          vendor.kind ?? '',
          baaColored(vendor.baa, vendor.expiringSoon ? `${vendor.baaText} (${vendor.daysUntilExpiry} days left)` : vendor.baaText, paint, vendor.expiringSoon),
          vendor.allow.join(', '),
          vendor.models.join(', '),
        ]),
      ),
    );
  }

  const attention = attentionItems(model);
  if (attention.length > 0) {
    lines.push('', paint.bold('Needs attention'));
    for (const item of attention) lines.push(`  ${paint.yellow('!')} ${item}`);
  }
  const { summary } = model;
  lines.push(
    '',
    `${summary.approved} approved, ${summary.restricted} restricted, ${summary.prohibited} prohibited AI tool(s); ${summary.vendors} vendor(s), ` +
      `${summary.expiredBaas} BAA(s) expired, ${summary.expiringBaas} expiring within ${model.expiryWarningDays} days.`,
  );
  return `${lines.join('\n')}\n`;
}

function statusText(status: string, paint: Palette): string {
  if (status === 'approved') return paint.green(status);
  if (status === 'restricted') return paint.yellow(status);
  return paint.red(status);
}

function baaColored(baa: string, text: string, paint: Palette, expiringSoon = false): string {
  if (baa === 'expired') return paint.red(text);
  if (expiringSoon) return paint.yellow(text);
  if (baa === 'signed') return paint.green(text);
  return text;
}

/** Left-aligned columns, two spaces apart, indented by two; the last column is not padded. */
function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((title, column) => Math.max(visibleLength(title), ...rows.map((row) => visibleLength(row[column] ?? ''))));
  const render = (cells: string[]) =>
    `  ${cells
      .map((value, column) => (column === cells.length - 1 ? value : value + ' '.repeat(widths[column] - visibleLength(value))))
      .join('  ')}`.trimEnd();
  return [render(header), ...rows.map(render)];
}

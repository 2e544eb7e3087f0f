// Human output in the style of ESLint's "stylish": each file with findings, then one aligned row
// per finding (`line:col  severity  message  rule-id`), then a summary. No source text, ever.

import type { Severity } from '../../engine';
import type { NotAnalysedReason, ScanReport } from '../report';
import { palette, visibleLength, type Palette } from './colors';
import { findingRegion } from './positions';
import { summarize, type ScanSummary } from './summary';

/** What a row of the text output shows of a finding (`phi-guard merge` has only the JSON report's). */
export interface TextFinding {
  startLine: number;
  startColumn: number;
  severity: Severity;
  message: string;
  ruleId: string;
}

export function formatText(report: ScanReport, color: boolean, cleanMessage = 'No PHI findings in'): string {
  const files = report.files.map((file) => ({
    display: file.display,
    findings: (file.result?.findings ?? []).map((finding): TextFinding => ({ ...findingRegion(finding), severity: finding.severity, message: finding.message, ruleId: finding.ruleId })),
  }));
  return renderText(files, summarize(report), report.allowUnanalysed, color, cleanMessage);
}

/** The text output of files' findings (in report order) and the run's counts. */
export function renderText(
  files: readonly { display: string; findings: readonly TextFinding[] }[],
  summary: ScanSummary,
  allowUnanalysed: boolean | undefined,
  color: boolean,
  cleanMessage = 'No PHI findings in',
): string {
  const paint = palette(color);
  const blocks: string[] = [];
  for (const file of files) {
    if (file.findings.length === 0) continue;
    blocks.push(`${paint.underline(file.display)}\n${alignRows(file.findings.map((f) => findingRow(f, paint)))}\n`);
  }
  const lines: string[] = [];
  const incomplete = summary.filesNotAnalysed > 0 || summary.foldersNotRead > 0 || summary.filesPartlyAnalysed > 0;
  if (summary.findings === 0 && incomplete) {
    // Never a green tick when some files were not looked at.
    lines.push(`${cleanMessage} ${plural(summary.filesAnalysed, 'file')} analysed`);
  } else if (summary.findings === 0) {
    lines.push(paint.green(`✔ ${cleanMessage} ${plural(summary.filesScanned, 'file')}`));
  } else {
    const tone = summary.errors > 0 ? paint.red : summary.warnings > 0 ? paint.yellow : paint.blue;
    const parts = [plural(summary.errors, 'error'), plural(summary.warnings, 'warning')];
    if (summary.infos > 0) parts.push(plural(summary.infos, 'info'));
    const where = `${plural(summary.filesScanned, 'file')}${incomplete ? ' analysed' : ''}`;
    lines.push(tone(paint.bold(`✖ ${plural(summary.findings, 'problem')} (${parts.join(', ')}) in ${where}`)));
    if (summary.fixable > 0) {
      lines.push(tone(`  ${summary.fixable} of them can be fixed automatically with \`phi-guard fix\`.`));
    }
  }
  if (summary.suppressed > 0) lines.push(paint.dim(`  ${plural(summary.suppressed, 'finding')} suppressed in source (listed by --format json).`));
  const otherSkipped = summary.filesSkipped - summary.filesNotAnalysed;
  if (otherSkipped > 0) lines.push(paint.dim(`  ${plural(otherSkipped, 'file')} skipped (see the notices on stderr).`));
  if (incomplete) lines.push(...notAnalysedLines(summary, allowUnanalysed, paint));
  return [...blocks, lines.join('\n')].join('\n') + '\n';
}

const REASON_LABELS: Record<NotAnalysedReason, string> = {
  'too-large': 'too large',
  binary: 'binary',
  unreadable: 'unreadable',
  'timed-out': 'timed out',
  crashed: 'analyser crashed',
  minified: 'minified',
  'too-deep': 'nested too deeply',
};

/** `✖ 3 files not analysed (1 too large, 1 timed out, 1 unreadable)`, and what to do about it. */
function notAnalysedLines(summary: ScanSummary, allowed: boolean | undefined, paint: Palette): string[] {
  const reasons = Object.entries(summary.notAnalysedByReason).map(([reason, n]) => `${n} ${REASON_LABELS[reason as NotAnalysedReason]}`);
  const parts: string[] = [];
  if (summary.filesNotAnalysed > 0) parts.push(`${plural(summary.filesNotAnalysed, 'file')} not analysed (${reasons.join(', ')})`);
  if (summary.foldersNotRead > 0) parts.push(`${plural(summary.foldersNotRead, 'folder')} not read`);
  if (summary.filesPartlyAnalysed > 0) parts.push(`${plural(summary.filesPartlyAnalysed, 'file')} only partly analysed (a rule or an analysis step failed)`);
  if (allowed) return [paint.yellow(`⚠ ${parts.join(' and ')}; allowed by --allow-unanalysed, see the warnings on stderr.`)];
  const lines = [paint.red(paint.bold(`✖ ${parts.join(' and ')}; see the notices on stderr.`))];
  // Only a command that has the option (scan) says whether it was given.
  if (allowed === false) lines.push(paint.red("  Fix them, leave them out with the policy's `ignore` globs, or pass --allow-unanalysed."));
  return lines;
}

function findingRow(finding: TextFinding, paint: Palette): string[] {
  return [
    paint.dim(`${finding.startLine}:${finding.startColumn}`),
    severityLabel(finding.severity, paint),
    finding.message,
    paint.dim(finding.ruleId),
  ];
}

function severityLabel(severity: Severity, paint: Palette): string {
  if (severity === 'error') return paint.red('error');
  if (severity === 'warning') return paint.yellow('warning');
  return paint.blue('info');
}

function alignRows(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => visibleLength(row[column]))));
  return rows
    .map((row) => {
      const cells = row.map((cell, column) => {
        if (column === row.length - 1) return cell;
        const pad = ' '.repeat(widths[column] - visibleLength(cell));
        // Positions right-aligned, the rest left-aligned.
        return column === 0 ? pad + cell : cell + pad;
      });
      return `  ${cells.join('  ')}`;
    })
    .join('\n');
}

export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}

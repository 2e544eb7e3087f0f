// `phi-guard scan --format github`: GitHub Actions workflow commands, one annotation per finding
// (`::error file=…,line=…::message`) and per notice, then the text summary. Runners turn them into
// annotations on the pull request's diff. Messages name PHI elements and sinks, never source text.

import * as path from 'node:path';
import { ruleMetadata, type Finding, type Severity } from '../../engine';
import { displayPath } from '../display-path';
import type { Notice, ScanReport } from '../report';
import { policyDiagnosticNotice } from './notices-text';
import { findingRegion } from './positions';
import { summarize } from './summary';

export interface GithubFormatOptions {
  /**
   * The folder annotation paths are relative to: the repository checkout (GITHUB_WORKSPACE). A
   * scan run from a subfolder still annotates the right file; paths outside it stay as displayed.
   */
  workspace?: string;
}

type Command = 'error' | 'warning' | 'notice';

const COMMAND: Record<Severity, Command> = { error: 'error', warning: 'warning', info: 'notice' };
const NOTICE_COMMAND: Record<Notice['level'], Command> = { error: 'error', warning: 'warning', note: 'notice' };

export function formatGithub(report: ScanReport, options: GithubFormatOptions = {}): string {
  const where = (absolutePath: string, display: string) => annotationPath(absolutePath, display, options.workspace);
  const lines: string[] = [];
  for (const file of report.files) {
    for (const finding of file.result?.findings ?? []) lines.push(findingAnnotation(finding, where(file.path, file.display)));
  }
  const notices = [...report.policyDiagnostics.map((d) => policyDiagnosticNotice(d, report.cwd)), ...report.notices];
  for (const notice of notices) lines.push(noticeAnnotation(notice, notice.absolutePath && notice.file ? where(notice.absolutePath, notice.file) : notice.file));
  // A plain log line with the totals, after the annotations.
  const summary = summarize(report);
  const totals = `PHI Guard: ${summary.findings} finding(s) (${summary.errors} error, ${summary.warnings} warning, ${summary.infos} info) in ${summary.filesAnalysed} file(s) analysed`;
  const missing = summary.filesNotAnalysed + summary.filesPartlyAnalysed + summary.foldersNotRead;
  lines.push(missing > 0 ? `${totals}; ${summary.filesNotAnalysed} not analysed, ${summary.filesPartlyAnalysed} partly analysed, ${summary.foldersNotRead} folder(s) not read` : totals);
  return `${lines.join('\n')}\n`;
}

function findingAnnotation(finding: Finding, file: string): string {
  const region = findingRegion(finding);
  const properties: [string, string | number][] = [['file', file], ['line', region.startLine]];
  // GitHub takes columns only on a one-line annotation; its end column is inclusive.
  if (region.startLine === region.endLine) {
    properties.push(['col', region.startColumn], ['endColumn', Math.max(region.startColumn, region.endColumn - 1)]);
  } else {
    properties.push(['endLine', region.endLine]);
  }
  properties.push(['title', `PHI Guard ${finding.ruleId}: ${ruleMetadata(finding.ruleId)?.title ?? finding.ruleId}`]);
  return workflowCommand(COMMAND[finding.severity], properties, `${finding.message} (${finding.hipaa})`);
}

function noticeAnnotation(notice: Notice, file: string | undefined): string {
  const properties: [string, string | number][] = [];
  if (file) properties.push(['file', file]);
  if (file && notice.line) properties.push(['line', notice.line]);
  if (file && notice.line && notice.column) properties.push(['col', notice.column]);
  properties.push(['title', `PHI Guard ${notice.kind}`]);
  return workflowCommand(NOTICE_COMMAND[notice.level], properties, notice.message);
}

function annotationPath(absolutePath: string, display: string, workspace: string | undefined): string {
  if (!workspace) return display;
  const relative = displayPath(absolutePath, workspace);
  return relative.startsWith('../') || path.isAbsolute(relative) ? display : relative;
}

/** `::command key=value,key=value::message`, escaped as the workflow-command syntax requires. */
export function workflowCommand(command: Command, properties: readonly [string, string | number][], message: string): string {
  const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${command}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

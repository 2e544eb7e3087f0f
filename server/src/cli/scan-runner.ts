// Runs the engine over the discovered files, each with its nearest policy, and gathers findings
// and notices. The engine is the same one the language server uses.

import { analyze, type AnalysisResult } from '../engine';
import type { OutputStream } from './cli-io';
import { displayPath } from './display-path';
import type { PolicyCache } from './policy-access';
import { createProgress } from './progress';
import type { Notice, ScannedFile, ScanReport } from './report';
import { readSourceFile } from './source-file';

export interface ScanOptions {
  cwd: string;
  policies: PolicyCache;
  maxFileSizeKb?: number;
  /** Where progress goes (only drawn on a TTY). */
  progressStream: OutputStream;
}

export async function scanFiles(files: readonly string[], options: ScanOptions): Promise<Omit<ScanReport, 'ignoredCount'>> {
  const scanned: ScannedFile[] = [];
  const notices: Notice[] = [];
  const progress = createProgress(options.progressStream, 'scanning', files.length);
  for (const [index, file] of files.entries()) {
    progress.tick(index);
    const display = displayPath(file, options.cwd);
    const loaded = options.policies.forFile(file);
    const read = await readSourceFile(file, options.maxFileSizeKb);
    if (!read.ok) {
      notices.push({ kind: read.reason, level: 'warning', message: `skipped: ${read.detail}`, file: display, absolutePath: file });
      scanned.push({ path: file, display, policyFile: loaded.file, readFailure: read.reason });
      continue;
    }
    const result = analyze({ text: read.source.text, path: file }, loaded.policy, { maxFileSizeKb: options.maxFileSizeKb });
    notices.push(...noticesFor(result, display, file));
    scanned.push({ path: file, display, result, policyFile: loaded.file });
  }
  progress.finish();
  return { cwd: options.cwd, files: scanned, notices, policyDiagnostics: options.policies.diagnostics };
}

/** What the engine reports besides findings: skipped files, failed rules, unknown rule ids. */
export function noticesFor(result: AnalysisResult, display: string, absolutePath: string): Notice[] {
  const notices: Notice[] = [];
  if (result.skipped) {
    notices.push({ kind: result.skipped.reason, level: 'warning', message: `skipped: ${result.skipped.detail}`, file: display, absolutePath });
  }
  if (result.hasSyntaxErrors) {
    notices.push({
      kind: 'syntax-errors',
      level: 'note',
      message: 'the file has syntax errors; only what parsed was analysed',
      file: display,
      absolutePath,
    });
  }
  for (const failure of result.ruleFailures) {
    notices.push({
      kind: 'rule-failure',
      level: 'error',
      message: `rule ${failure.ruleId} failed: ${failure.error}`,
      file: display,
      absolutePath,
      ruleId: failure.ruleId,
    });
  }
  for (const suppression of result.suppressions) {
    for (const unknown of suppression.unknownRules) {
      notices.push({
        kind: 'unknown-suppression-rule',
        level: 'warning',
        message: describeUnknownRule(unknown),
        file: display,
        absolutePath,
        line: suppression.line + 1,
        column: suppression.range.start.character + 1,
      });
    }
  }
  return notices;
}

/** Echoes the id only when it looks like one: a comment's text is source text and may hold anything. */
function describeUnknownRule(id: string): string {
  return /^[a-z0-9][a-z0-9-]{0,47}$/.test(id)
    ? `suppression names an unknown rule id '${id}'`
    : 'suppression names something that is not a rule id';
}

// `phi-guard merge <reports...>`: joins the JSON reports or SARIF logs of the shards of one
// `phi-guard scan --shard K/N` run into the report a single run would have written, with the same
// exit code (see merge/merge-reports.ts and docs/ci.md).

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { OptionSpec } from '../argv';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import type { JsonReport } from '../format/json';
import type { ScanSummary } from '../format/summary';
import { colorEnabled } from '../cli-io';
import { formatNoticeLine } from '../format/notices-text';
import { renderText } from '../format/text';
import { checkShards, mergeJsonReports, mergeSarifLogs, mergeSummaries, MergeError, parseShardReport, type ShardReport } from '../merge/merge-reports';
import { writeReportFile } from '../report-file';
import { OUTPUT_OPTION } from '../shared-options';
import { UsageError } from '../usage-error';
import { TOOL_VERSION } from '../version';
import { FAIL_ON } from './scan';

const MERGE_FORMATS = ['json', 'sarif', 'text'] as const;
type MergeFormat = (typeof MERGE_FORMATS)[number];

const options: OptionSpec[] = [
  { name: 'format', alias: 'f', type: 'string', choices: MERGE_FORMATS, valueName: 'json|sarif|text', description: "output format (default: the reports' own; text from JSON reports)" },
  OUTPUT_OPTION,
  { name: 'fail-on', type: 'string', choices: FAIL_ON, valueName: 'error|warning|never', description: 'exit 1 when a finding is at or above this severity (default: error)' },
];

export const mergeCommand: Command = {
  name: 'merge',
  summary: 'Join the reports of `scan --shard K/N` into the report of a single run',
  usage: 'phi-guard merge <reports...> [--format json|sarif|text] [--output FILE] [--fail-on error|warning|never]',
  options,
  details: [
    'Give the JSON reports (--format json) or the SARIF logs (--format sarif or --sarif-output) of all',
    'N shards of one `phi-guard scan --shard K/N` run, in any order. The result equals the report of',
    'one run over the whole tree: files, findings, suppressions, notices and counts in the same order.',
    'SARIF merges into SARIF; JSON into JSON or text (the JSON report does not carry the fix edits',
    'SARIF needs). Reports of different PHI Guard versions, trees, policies or options, or with a',
    'shard missing or given twice, are refused, naming the reports. See docs/ci.md.',
    '',
    'Exit codes: as `phi-guard scan` with the same --fail-on: 0 clean, 1 findings at or above',
    '--fail-on, 2 usage error, reports that cannot be merged, a policy error, or a source file not',
    'analysed (unless the shards ran with --allow-unanalysed); 2 wins over 1.',
  ],
  async run(args, io) {
    if (args.positionals.length === 0) throw new UsageError('no reports to merge: give the JSON or SARIF report of every shard', 'merge');
    const failOn = (args.options['fail-on'] as (typeof FAIL_ON)[number] | undefined) ?? 'error';
    const outputFile = args.options.output as string | undefined;
    const reports: ShardReport[] = [];
    for (const name of args.positionals) {
      let text: string;
      try {
        text = await fs.readFile(path.resolve(io.cwd, name), 'utf8');
      } catch (error) {
        throw new UsageError(`cannot read ${name} (${(error as NodeJS.ErrnoException)?.code ?? 'read failed'})`, 'merge');
      }
      reports.push(asUsage(() => parseShardReport(name, text)));
    }
    const shards = asUsage(() => checkShards(reports, TOOL_VERSION));
    const kind = shards[0].kind;
    const format = (args.options.format as MergeFormat | undefined) ?? kind;
    if (kind === 'sarif' && format !== 'sarif') throw new UsageError(`SARIF logs merge into SARIF only; for --format ${format}, merge the shards' JSON reports`, 'merge');
    if (kind === 'json' && format === 'sarif') throw new UsageError("JSON reports do not carry the fix edits SARIF holds: merge the shards' SARIF logs (scan --sarif-output) for SARIF", 'merge');

    let output: string;
    let summary: ScanSummary;
    if (kind === 'sarif') {
      output = `${JSON.stringify(asUsage(() => mergeSarifLogs(shards)), null, 2)}\n`;
      summary = mergeSummaries(shards.map((shard) => shard.info.summary));
    } else {
      const merged = asUsage(() => mergeJsonReports(shards));
      summary = merged.summary;
      output = format === 'json' ? `${JSON.stringify(merged, null, 2)}\n` : textOf(merged, shards[0].info.allowUnanalysed, !outputFile && colorEnabled(io.stdout, io.env));
      // As scan's text output: the notices go to stderr.
      if (format === 'text') for (const notice of merged.notices) io.stderr.write(`${formatNoticeLine(notice)}\n`);
    }
    if (outputFile) await writeReportFile(outputFile, output, io.cwd, 'merge');
    else io.stdout.write(output);

    const allowUnanalysed = shards[0].info.allowUnanalysed;
    if (summary.policyErrors > 0) return ExitCode.UsageOrPolicyError;
    if (!allowUnanalysed && (summary.filesNotAnalysed > 0 || summary.foldersNotRead > 0 || summary.filesPartlyAnalysed > 0)) return ExitCode.NotAnalysed;
    if (failOn === 'never') return ExitCode.Clean;
    const failing = failOn === 'warning' ? summary.errors + summary.warnings : summary.errors;
    return failing > 0 ? ExitCode.Findings : ExitCode.Clean;
  },
};

function asUsage<T>(merge: () => T): T {
  try {
    return merge();
  } catch (error) {
    if (error instanceof MergeError) throw new UsageError(error.message, 'merge');
    throw error;
  }
}

function textOf(report: JsonReport, allowUnanalysed: boolean, color: boolean): string {
  const byFile = new Map<string, JsonReport['findings']>();
  for (const finding of report.findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  const files = report.files.map((file) => ({ display: file.file, findings: byFile.get(file.file) ?? [] }));
  return renderText(files, report.summary, allowUnanalysed, color);
}

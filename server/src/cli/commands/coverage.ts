// `phi-guard coverage [paths...]`: every endpoint, whether it touches patient data and carries
// the audit control, and the share of PHI endpoints covered; exits 1 below --min.

import { computeAuditContext } from '../../workspace/audit-context';
import { buildCoverageReport, FRAMEWORKS, type CoverageInput } from '../../engine';
import type { OptionSpec } from '../argv';
import { ALLOW_UNANALYSED_OPTION, MAX_FILE_SIZE_OPTION, OUTPUT_OPTION, POLICY_OPTION } from '../shared-options';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import { formatNoticeLine } from '../format/notices-text';
import { writeReportFile } from '../report-file';
import { summarize } from '../format/summary';
import { plural } from '../format/text';
import { discoveryFailures, scanFiles } from '../scan-runner';
import { parseMaxFileSize, reportPolicyDiagnostics, resolveTargets } from '../scan-targets';
import { UsageError } from '../usage-error';
import { formatCoverageMarkdown, formatCoverageText, summaryLine } from './coverage-format';

export const COVERAGE_FORMATS = ['text', 'json', 'markdown'] as const;
type CoverageFormat = (typeof COVERAGE_FORMATS)[number];

const options: OptionSpec[] = [
  { name: 'format', alias: 'f', type: 'string', choices: COVERAGE_FORMATS, valueName: 'text|json|markdown', description: 'output format (default: text)' },
  { name: 'min', type: 'string', valueName: 'PERCENT', description: 'exit 1 when coverage of PHI endpoints is below PERCENT (0-100)' },
  OUTPUT_OPTION,
  POLICY_OPTION,
  MAX_FILE_SIZE_OPTION,
  ALLOW_UNANALYSED_OPTION,
];

export const coverageCommand: Command = {
  name: 'coverage',
  summary: 'Report audit coverage: which endpoints touch patient data and carry the audit control',
  usage: 'phi-guard coverage [paths...] [options]',
  options,
  details: [
    'Lists every HTTP endpoint found, with its method, path, whether it touches patient data, and its',
    'audit control (action, data_category, roles). The percentage is the share of PHI-touching',
    'endpoints that have one. Frameworks:',
    `  ${FRAMEWORKS.map((framework) => framework.name).join(', ')}.`,
    'JSON output follows the schema in docs/coverage-report.md.',
    '',
    'A source file that could not be analysed (too large, binary, unreadable...) may hide endpoints:',
    "it fails the run with exit code 2 unless --allow-unanalysed or the policy's `ignore` leaves it out.",
    '',
    'Exit codes: 0 at or above --min (or no --min), 1 below --min, 2 usage error, invalid policy file,',
    'or a source file not analysed (unless --allow-unanalysed); 2 wins over 1.',
  ],
  async run(args, io) {
    const format = (args.options.format as CoverageFormat | undefined) ?? 'text';
    const min = parseMin(args.options.min);
    const maxFileSizeKb = parseMaxFileSize(args.options['max-file-size-kb'], 'coverage');
    const outputFile = args.options.output as string | undefined;
    const allowUnanalysed = Boolean(args.options['allow-unanalysed']);

    const targets = await resolveTargets(args.positionals, { policy: args.options.policy as string | undefined }, io, 'coverage');
    const auditContext = await computeAuditContext(targets.files);
    const scanned = await scanFiles(targets.files, { cwd: io.cwd, policies: targets.policies, maxFileSizeKb, progressStream: io.stderr, allowUnanalysed, auditContext });
    const unreached = discoveryFailures(targets.discovery, { cwd: io.cwd, policies: targets.policies, allowUnanalysed });
    const inputs: CoverageInput[] = scanned.files.flatMap((file) =>
      file.result ? [{ display: file.display, absolutePath: file.path, result: file.result, policy: targets.policies.forFile(file.path).policy }] : [],
    );
    const report = buildCoverageReport(inputs);
    const policyError = reportPolicyDiagnostics(targets.policies, io);
    for (const notice of [...unreached.notices, ...scanned.notices]) if (notice.level !== 'note') io.stderr.write(`${formatNoticeLine(notice)}\n`);
    const counted = summarize({
      ...scanned,
      files: [...unreached.files, ...scanned.files],
      ignoredCount: targets.discovery.ignoredCount,
      allowUnanalysed,
      foldersNotRead: targets.discovery.unreadableDirectories.length,
    });
    const notAnalysed = counted.filesNotAnalysed + counted.foldersNotRead;

    const output =
      format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : format === 'markdown' ? formatCoverageMarkdown(report) : formatCoverageText(report);
    if (outputFile) {
      await writeReportFile(outputFile, output, io.cwd, 'coverage');
      io.stderr.write(`${summaryLine(report)}\n`);
    } else {
      io.stdout.write(output);
    }
    if (notAnalysed > 0) {
      const what = [
        ...(counted.filesNotAnalysed > 0 ? [`${plural(counted.filesNotAnalysed, 'file')} not analysed`] : []),
        ...(counted.foldersNotRead > 0 ? [`${plural(counted.foldersNotRead, 'folder')} not read`] : []),
      ].join(' and ');
      io.stderr.write(`phi-guard: ${allowUnanalysed ? 'warning' : 'error'}: ${what}: the report may miss their endpoints\n`);
    }
    if (policyError) return ExitCode.UsageOrPolicyError;
    if (notAnalysed > 0 && !allowUnanalysed) return ExitCode.NotAnalysed;
    if (min !== undefined && report.summary.percent < min) {
      io.stderr.write(`phi-guard: audit coverage ${report.summary.percent}% is below --min ${min}%\n`);
      return ExitCode.Findings;
    }
    return ExitCode.Clean;
  },
};

function parseMin(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(typeof value === 'string' ? value.replace(/%$/, '') : NaN);
  if (typeof value !== 'string' || !/^\d+(\.\d+)?%?$/.test(value) || number > 100) {
    throw new UsageError(`invalid value '${String(value)}' for '--min': expected a percentage from 0 to 100`, 'coverage');
  }
  return number;
}

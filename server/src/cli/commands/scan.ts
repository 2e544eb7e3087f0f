// `phi-guard scan [paths...]`: analyse files and report findings as text, JSON or SARIF.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs, type OptionSpec } from '../argv';
import { colorEnabled } from '../cli-io';
import type { Command } from '../command';
import { displayPath } from '../display-path';
import { ExitCode } from '../exit-codes';
import { formatReport, OUTPUT_FORMATS, type OutputFormat } from '../format';
import { formatNoticeLine } from '../format/notices-text';
import { allFindings } from '../format/summary';
import { commandHelp } from '../help-text';
import type { ScanReport } from '../report';
import { scanFiles } from '../scan-runner';
import { parseMaxFileSize, reportPolicyDiagnostics, resolveTargets } from '../scan-targets';
import type { Severity } from '../../engine';

export const FAIL_ON = ['error', 'warning', 'never'] as const;
type FailOn = (typeof FAIL_ON)[number];

const options: OptionSpec[] = [
  { name: 'format', alias: 'f', type: 'string', choices: OUTPUT_FORMATS, valueName: 'text|json|sarif', description: 'output format (default: text)' },
  { name: 'output', alias: 'o', type: 'string', valueName: 'FILE', description: 'write the report to FILE instead of stdout' },
  { name: 'policy', type: 'string', valueName: 'FILE', description: 'policy file for every file (default: the nearest phi-guard.json)' },
  { name: 'fail-on', type: 'string', choices: FAIL_ON, valueName: 'error|warning|never', description: 'exit 1 when a finding is at or above this severity (default: error)' },
  { name: 'max-file-size-kb', type: 'string', valueName: 'N', description: 'skip files larger than N KB, with a notice (default: 1024)' },
];

export const scanCommand: Command = {
  name: 'scan',
  summary: 'Find PHI leaks and missing HIPAA controls in files and folders',
  usage: 'phi-guard scan [paths...] [options]',
  options,
  details: [
    'Paths default to the current folder. Folders are walked for .py, .ts, .tsx, .js, .jsx (and',
    'similar) files, skipping node_modules, build output, virtualenvs, .gitignore\'d paths and the',
    "policy's `ignore` globs. Each file uses its nearest phi-guard.json unless --policy is given.",
    '',
    'Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error or invalid policy file.',
  ].join('\n'),
  async run(argv, io) {
    const args = parseArgs(argv, options, 'scan');
    if (args.options.help) {
      io.stdout.write(commandHelp(scanCommand));
      return ExitCode.Clean;
    }
    const format = (args.options.format as OutputFormat | undefined) ?? 'text';
    const failOn = (args.options['fail-on'] as FailOn | undefined) ?? 'error';
    const maxFileSizeKb = parseMaxFileSize(args.options['max-file-size-kb'], 'scan');
    const outputFile = args.options.output as string | undefined;

    const targets = await resolveTargets(args.positionals, { policy: args.options.policy as string | undefined }, io, 'scan');
    const scanned = await scanFiles(targets.files, { cwd: io.cwd, policies: targets.policies, maxFileSizeKb, progressStream: io.stderr });
    const report: ScanReport = {
      ...scanned,
      ignoredCount: targets.discovery.ignoredCount,
      notices: [
        ...targets.discovery.unreadableDirectories.map((d) => ({
          kind: 'unreadable' as const,
          level: 'warning' as const,
          message: `skipped folder: ${d.error}`,
          file: displayPath(d.path, io.cwd),
          absolutePath: d.path,
        })),
        ...scanned.notices,
      ],
    };

    const policyError = reportPolicyDiagnostics(targets.policies, io);
    // JSON and SARIF carry notices inside the report; text output lists them on stderr.
    if (format === 'text') for (const notice of report.notices) io.stderr.write(`${formatNoticeLine(notice)}\n`);

    const color = !outputFile && colorEnabled(io.stdout, io.env);
    const output = formatReport(report, format, { color });
    if (outputFile) {
      const target = path.resolve(io.cwd, outputFile);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, output, 'utf8');
    } else {
      io.stdout.write(output);
    }

    if (policyError) return ExitCode.UsageOrPolicyError;
    return failsOn(report, failOn) ? ExitCode.Findings : ExitCode.Clean;
  },
};

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function failsOn(report: Pick<ScanReport, 'files'>, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const threshold = RANK[failOn];
  return allFindings(report).some((finding) => RANK[finding.severity] >= threshold);
}

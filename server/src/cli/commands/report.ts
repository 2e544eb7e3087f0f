// `phi-guard report [paths...]`: the compliance report for an auditor, one self-contained HTML
// page (or Markdown): audit coverage, findings by rule, suppressions with their reasons and
// authors, policy overrides, vendors' BAAs and AI tools, and the commit it describes.

import { statSync } from 'node:fs';
import * as path from 'node:path';
import { buildAiToolsModel, DATE_DEPENDENT_CODES } from '../../policy';
import { buildComplianceReport, createBlame, gitRevision, renderComplianceHtml, renderComplianceMarkdown, type ReportFile } from '../../report';
import type { OptionSpec } from '../argv';
import type { Command } from '../command';
import { displayPath } from '../display-path';
import { ExitCode } from '../exit-codes';
import { formatNoticeLine } from '../format/notices-text';
import { summarize } from '../format/summary';
import { plural } from '../format/text';
import { writeReportFile } from '../report-file';
import { discoveryFailures, scanFiles } from '../scan-runner';
import { parseMaxFileSize, reportPolicyDiagnostics, resolveTargets } from '../scan-targets';
import { ALLOW_UNANALYSED_OPTION, MAX_FILE_SIZE_OPTION, OUTPUT_OPTION, POLICY_OPTION } from '../shared-options';
import { TOOL_VERSION } from '../version';

export const REPORT_FORMATS = ['html', 'markdown'] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];

const options: OptionSpec[] = [
  { name: 'format', alias: 'f', type: 'string', choices: REPORT_FORMATS, valueName: 'html|markdown', description: 'output format (default: html)' },
  OUTPUT_OPTION,
  POLICY_OPTION,
  MAX_FILE_SIZE_OPTION,
  ALLOW_UNANALYSED_OPTION,
];

export const reportCommand: Command = {
  name: 'report',
  summary: 'Write the compliance report for an auditor (HTML or Markdown)',
  usage: 'phi-guard report [paths...] [--format html|markdown] [--output FILE]',
  options,
  details: [
    'One self-contained HTML page (inline CSS and SVG charts, nothing loaded from the network;',
    'prints to PDF from a browser), or Markdown with the same sections:',
    '  - the commit it describes (git rev-parse HEAD; "not a git repository" otherwise) and the date;',
    '  - audit coverage overall and per service/folder (the numbers of `phi-guard coverage`);',
    '  - open findings by rule and severity;',
    '  - every suppression comment with its reason and the commit and author that added it (git blame);',
    '  - every rule a policy file turns off or down, and which file;',
    "  - the policy's vendors with BAA status and an expiry timeline, and its AI tools.",
    'It holds rule ids, paths, positions, names and the reasons the team wrote: never source text',
    'or PHI values. See docs/compliance-report.md.',
    '',
    'Exit codes: 0 written, 2 usage error, invalid policy file, or a source file not analysed (unless',
    '--allow-unanalysed); the report is written in every case but a usage error.',
  ],
  async run(args, io) {
    const format = (args.options.format as ReportFormat | undefined) ?? 'html';
    const maxFileSizeKb = parseMaxFileSize(args.options['max-file-size-kb'], 'report');
    const outputFile = args.options.output as string | undefined;
    const allowUnanalysed = Boolean(args.options['allow-unanalysed']);

    const targets = await resolveTargets(args.positionals, { policy: args.options.policy as string | undefined }, io, 'report');
    const scanned = await scanFiles(targets.files, { cwd: io.cwd, policies: targets.policies, maxFileSizeKb, progressStream: io.stderr, allowUnanalysed });
    const unreached = discoveryFailures(targets.discovery, { cwd: io.cwd, policies: targets.policies, allowUnanalysed });
    const counted = summarize({ ...scanned, files: [...unreached.files, ...scanned.files], ignoredCount: targets.discovery.ignoredCount, allowUnanalysed, foldersNotRead: targets.discovery.unreadableDirectories.length });
    const notAnalysed = counted.filesNotAnalysed + counted.foldersNotRead;

    // The policy of the first path answers for vendors and AI tools (they are the team's, not a file's).
    const root = rootFolder(args.positionals[0] ?? '.', io.cwd);
    const rootPolicy = targets.policies.forFolder(root);
    const files: ReportFile[] = scanned.files.map((file) => ({ display: file.display, absolutePath: file.path, result: file.result, policy: targets.policies.forFile(file.path).policy }));
    const policyErrors = rootPolicy.diagnostics.filter((d) => d.severity === 'error' && !DATE_DEPENDENT_CODES.includes(d.code)).length;
    const now = new Date();
    const report = buildComplianceReport({
      generatedAt: now,
      toolVersion: TOOL_VERSION,
      scope: args.positionals.length ? args.positionals.map((p) => displayPath(path.resolve(io.cwd, p), io.cwd)) : ['.'],
      revision: gitRevision(root),
      files,
      filesNotAnalysed: notAnalysed,
      policyOverrides: (targets.policies.overrides ?? []).map((o) => ({ ...o, file: displayPath(o.file, io.cwd), via: o.via.map((v) => displayPath(v, io.cwd)) })),
      aiTools: buildAiToolsModel({
        policy: rootPolicy.policy,
        policyFile: rootPolicy.file ? displayPath(rootPolicy.file, io.cwd) : undefined,
        policyErrors,
        today: now,
      }),
      blame: createBlame(),
    });

    const policyError = reportPolicyDiagnostics(targets.policies, io);
    for (const notice of [...unreached.notices, ...scanned.notices]) if (notice.level !== 'note') io.stderr.write(`${formatNoticeLine(notice)}\n`);
    const output = format === 'markdown' ? renderComplianceMarkdown(report) : renderComplianceHtml(report, { variant: 'document' });
    if (outputFile) {
      await writeReportFile(outputFile, output, io.cwd, 'report');
      io.stderr.write(
        `phi-guard: compliance report written to ${outputFile}: audit coverage ${report.coverage.summary.percent}%, ` +
          `${plural(report.findings.total, 'finding')}, ${plural(report.suppressions.length, 'suppression')}, ${plural(report.policyOverrides.length, 'policy override')}\n`,
      );
    } else {
      io.stdout.write(output);
    }
    if (notAnalysed > 0) {
      io.stderr.write(`phi-guard: ${allowUnanalysed ? 'warning' : 'error'}: ${plural(notAnalysed, 'file or folder', 'files or folders')} not analysed: the report may miss what they hold\n`);
    }
    if (policyError) return ExitCode.UsageOrPolicyError;
    if (notAnalysed > 0 && !allowUnanalysed) return ExitCode.NotAnalysed;
    return ExitCode.Clean;
  },
};

function rootFolder(first: string, cwd: string): string {
  const absolute = path.resolve(cwd, first);
  try {
    return statSync(absolute).isDirectory() ? absolute : path.dirname(absolute);
  } catch {
    return cwd;
  }
}

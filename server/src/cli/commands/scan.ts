// `phi-guard scan [paths...]`: analyse files and report findings as text, JSON or SARIF.

import { computeAuditContext } from '../../workspace/audit-context';
import * as path from 'node:path';
import type { OptionSpec } from '../argv';
import { ALLOW_UNANALYSED_OPTION, MAX_FILE_SIZE_OPTION, OUTPUT_OPTION, POLICY_OPTION } from '../shared-options';
import { applyBaseline, changedSince, fingerprintsAtCommit, fingerprintsFromReport, realpathOrSelf, resolveBaseline } from '../baseline';
import { colorEnabled } from '../cli-io';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import { formatReport, OUTPUT_FORMATS, type OutputFormat } from '../format';
import { formatNoticeLine } from '../format/notices-text';
import { extendsOutsideNotices, policyOverrideLines } from '../format/policy-overrides';
import { allFindings, unanalysedFails } from '../format/summary';
import type { ScanReport } from '../report';
import { writeReportFile } from '../report-file';
import { resolveCacheFile, ScanCache } from '../cache/scan-cache';
import { discoveryFailures, scanFiles } from '../scan-runner';
import { DEFAULT_FILE_TIMEOUT_MS } from '../parallel/pool';
import { UsageError } from '../usage-error';
import { TOOL_VERSION } from '../version';
import { parseMaxFileSize, reportPolicyDiagnostics, resolveTargets } from '../scan-targets';
import { allUnits, parseShard, shardContext, shareOf } from '../shard';
import { withShardInfo } from '../merge/shard-report';
import type { Severity } from '../../engine';

export const FAIL_ON = ['error', 'warning', 'never'] as const;
type FailOn = (typeof FAIL_ON)[number];

const options: OptionSpec[] = [
  { name: 'format', alias: 'f', type: 'string', choices: OUTPUT_FORMATS, valueName: 'text|json|sarif|github|junit', description: 'output format (default: text); github: workflow-command annotations, junit: a JUnit XML test report' },
  OUTPUT_OPTION,
  { name: 'sarif-output', type: 'string', valueName: 'FILE', description: 'also write the SARIF report to FILE (e.g. annotations on stdout and SARIF for code scanning in one run)' },
  POLICY_OPTION,
  { name: 'fail-on', type: 'string', choices: FAIL_ON, valueName: 'error|warning|never', description: 'exit 1 when a finding is at or above this severity (default: error)' },
  MAX_FILE_SIZE_OPTION,
  { name: 'jobs', alias: 'j', type: 'string', valueName: 'N', description: 'analyse with up to N worker threads; 1 = none (default: auto)' },
  { name: 'file-timeout', type: 'string', valueName: 'SECONDS', description: 'give up on a file after this long, with a notice; 0 = never (default: 60)' },
  { name: 'cache', type: 'boolean', description: 'only analyse files changed since the last --cache run' },
  { name: 'cache-location', type: 'string', valueName: 'PATH', description: 'cache file or folder (default: .phi-guard-cache)' },
  ALLOW_UNANALYSED_OPTION,
  { name: 'baseline', type: 'string', valueName: 'REF|FILE', description: 'report only findings not present at git commit REF or in an earlier JSON/SARIF report FILE' },
  { name: 'changed-since', type: 'string', valueName: 'REF', description: 'only analyse files changed since git commit REF (REF...HEAD, plus uncommitted and untracked files)' },
  { name: 'shard', type: 'string', valueName: 'K/N', description: 'report only shard K of N (1-based, e.g. 2/4) for a CI matrix; join the shards with `phi-guard merge`' },
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
    'Large scans use worker threads (--jobs auto: one per CPU, up to 8, none for small scans); the',
    'report is the same with any --jobs. --cache keeps each file\'s results, keyed by its content,',
    'its policy, --max-file-size-kb and the PHI Guard version, so unchanged files are not analysed',
    'again (see docs/cli-cache.md). With --format json the summary then counts cache hits/misses.',
    'A file still being analysed after --file-timeout (worker threads only) is reported as not',
    'analysed, and the scan goes on.',
    '',
    'A source file that could not be analysed (too large, binary, unreadable, timed out, crashed,',
    'minified, nested too deeply) is an error and fails the run with exit code 2, whatever',
    "--fail-on says. Leave such files out with the policy's `ignore` globs (they are then never",
    'read), or pass --allow-unanalysed to report them as warnings only. A file on which a rule',
    'failed (an internal error) is only partly analysed and fails the run the same way.',
    '',
    '--baseline REF|FILE reports only the findings a change adds: those whose fingerprint (as in',
    "SARIF's partialFingerprints: rule, file, sink, PHI elements, occurrence; not the line) is not",
    'in the same scan of the files as they were at git commit REF, or in an earlier --format json',
    'or sarif report FILE written from the same folder. --changed-since REF analyses only the files',
    'changed since REF. Exit code 1 then follows the new findings only.',
    '',
    '--shard K/N (e.g. 2/4 in a 4-job CI matrix) reports only the K-th of N shares of the files,',
    'split by a hash of each relative path (the same on every machine), while calls are still',
    "followed into the whole tree. Each shard's --format json or sarif report (or --sarif-output)",
    'carries what `phi-guard merge` needs to join them into the report of a single run (see',
    'docs/ci.md). Shards sharing a --cache folder each keep their own cache file there.',
    '',
    'Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error, invalid policy file, or',
    'a source file not analysed (unless --allow-unanalysed); 2 wins over 1.',
  ],
  async run(args, io) {
    const format = (args.options.format as OutputFormat | undefined) ?? 'text';
    const failOn = (args.options['fail-on'] as FailOn | undefined) ?? 'error';
    const maxFileSizeKb = parseMaxFileSize(args.options['max-file-size-kb'], 'scan');
    const outputFile = args.options.output as string | undefined;
    const jobs = parseJobs(args.options.jobs);
    const fileTimeoutMs = parseFileTimeout(args.options['file-timeout']);
    const cacheLocation = args.options['cache-location'] as string | undefined;
    const allowUnanalysed = Boolean(args.options['allow-unanalysed']);
    const shard = parseShard(args.options.shard, 'scan');
    if (cacheLocation !== undefined && !args.options.cache) throw new UsageError("'--cache-location' needs '--cache'", 'scan');

    const baselineSpec = args.options.baseline as string | undefined;
    const changedSinceRef = args.options['changed-since'] as string | undefined;
    // Checked before the scan, so a mistyped ref fails fast.
    const baseline = baselineSpec !== undefined ? resolveBaseline(baselineSpec, io.cwd) : undefined;
    const changed = changedSinceRef !== undefined ? changedSince(changedSinceRef, io.cwd) : undefined;

    const targets = await resolveTargets(args.positionals, { policy: args.options.policy as string | undefined }, io, 'scan');
    if (changed) targets.files = targets.files.filter((file) => changed.has(realpathOrSelf(file)));
    const warnCache = (message: string) => io.stderr.write(`phi-guard: warning: ${message}\n`);
    // The pre-pass: Django settings and global NestJS guards cover endpoints in other files.
    const auditContext = await computeAuditContext(targets.files);
    // A shard loads every file's policy, in the order a single run does: policy problems and
    // overrides are the whole tree's, alike in every shard.
    const treePolicies = shard ? [...new Set(targets.files.map((file) => targets.policies.forFile(file).policy))] : [];
    const context = shard
      ? await shardContext(shard, allUnits(targets.discovery, targets.files, io.cwd), treePolicies, {
          maxFileSizeKb,
          allowUnanalysed,
          policy: args.options.policy ?? null,
          baseline: baselineSpec ?? null,
          changedSince: changedSinceRef ?? null,
        }, io.cwd)
      : undefined;
    const share = shard ? shareOf(targets.discovery, targets.files, io.cwd, shard) : { discovery: targets.discovery, files: targets.files };
    const cache = args.options.cache
      ? await ScanCache.open(resolveCacheFile(cacheLocation, io.cwd, shard), { toolVersion: TOOL_VERSION, maxFileSizeKb, auditContext }, warnCache)
      : undefined;
    const scanned = await scanFiles(share.files, {
      indexTargets: targets.files,
      indexDiscovery: targets.discovery,
      cwd: io.cwd,
      policies: targets.policies,
      maxFileSizeKb,
      progressStream: io.stderr,
      jobs,
      fileTimeoutMs,
      cache,
      workerCrashOn: io.env.PHI_GUARD_TEST_WORKER_CRASH || undefined,
      workerHeapLimitMb: Number(io.env.PHI_GUARD_TEST_WORKER_HEAP_MB) || undefined,
      allowUnanalysed,
      auditContext,
      crossFile: true,
      findingsOnly: true,
      indexSlices: (['always', 'never'] as const).find((mode) => mode === io.env.PHI_GUARD_TEST_INDEX_SLICES),
    });
    if (cache) {
      const problem = await cache.save();
      if (problem) warnCache(problem);
    }
    const unreached = discoveryFailures(share.discovery, { cwd: io.cwd, policies: targets.policies, allowUnanalysed });
    const report: ScanReport = {
      ...scanned,
      files: [...unreached.files, ...scanned.files],
      ignoredCount: targets.discovery.ignoredCount,
      notices: [...extendsOutsideNotices(targets.policies.extendedFromOutside, io.cwd), ...unreached.notices, ...scanned.notices],
      policyOverrides: targets.policies.overrides,
      allowUnanalysed,
      foldersNotRead: share.discovery.unreadableDirectories.length,
    };

    if (baseline && baselineSpec !== undefined) {
      const known =
        baseline.kind === 'file'
          ? fingerprintsFromReport(baseline.file, baselineSpec)
          : await fingerprintsAtCommit(baseline, {
              positionals: args.positionals,
              policy: args.options.policy !== undefined ? path.resolve(io.cwd, args.options.policy as string) : undefined,
              cwd: io.cwd,
              maxFileSizeKb,
              jobs,
              fileTimeoutMs,
              only: changed,
              shard,
            });
      const matched = applyBaseline(report, known);
      io.stderr.write(`phi-guard: --baseline ${baselineSpec}: ${matched} finding(s) already there not reported\n`);
    }

    const policyError = reportPolicyDiagnostics(targets.policies, io);
    // A rule the policy weakens is named in every format: here on stderr, and inside JSON and SARIF.
    for (const line of policyOverrideLines(report.policyOverrides, io.cwd)) io.stderr.write(`${line}\n`);
    // JSON and SARIF carry notices inside the report; text output lists them on stderr.
    if (format === 'text') for (const notice of report.notices) io.stderr.write(`${formatNoticeLine(notice)}\n`);

    const color = !outputFile && colorEnabled(io.stdout, io.env);
    // A shard's JSON and SARIF say which shard of which tree they are, for `phi-guard merge`.
    const mergeable = (text: string, as: OutputFormat) => (context ? withShardInfo(text, as, context, report) : text);
    const output = mergeable(formatReport(report, format, { color, workspace: io.env.GITHUB_WORKSPACE || undefined }), format);
    const sarifOutput = args.options['sarif-output'] as string | undefined;
    if (sarifOutput) await writeReportFile(sarifOutput, mergeable(formatReport(report, 'sarif', { color: false }), 'sarif'), io.cwd, 'scan');
    if (outputFile) {
      await writeReportFile(outputFile, output, io.cwd, 'scan');
    } else {
      io.stdout.write(output);
    }

    if (policyError) return ExitCode.UsageOrPolicyError;
    // Before findings: a file nobody analysed may hold anything, so --fail-on cannot excuse it.
    if (unanalysedFails(report)) return ExitCode.NotAnalysed;
    return failsOn(report, failOn) ? ExitCode.Findings : ExitCode.Clean;
  },
};

function parseJobs(value: string | boolean | undefined): number | undefined {
  if (value === undefined || value === 'auto') return undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value) || Number(value) < 1) {
    throw new UsageError(`invalid value '${String(value)}' for '--jobs': expected a positive whole number or 'auto'`, 'scan');
  }
  return Math.min(Number(value), 64);
}

function parseFileTimeout(value: string | boolean | undefined): number {
  if (value === undefined) return DEFAULT_FILE_TIMEOUT_MS;
  if (typeof value !== 'string' || !/^\d+(\.\d+)?$/.test(value)) {
    throw new UsageError(`invalid value '${String(value)}' for '--file-timeout': expected seconds (0 = no limit)`, 'scan');
  }
  return Math.round(Number(value) * 1000);
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function failsOn(report: Pick<ScanReport, 'files'>, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const threshold = RANK[failOn];
  return allFindings(report).some((finding) => RANK[finding.severity] >= threshold);
}

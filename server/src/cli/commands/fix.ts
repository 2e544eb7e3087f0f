// `phi-guard fix [paths...]`: apply every preferred fix, like `eslint --fix`, then list what is
// left. Exit 1 when findings remain that have no automatic fix.

import { computeAuditContext } from '../../workspace/audit-context';
import { analyze } from '../../engine';
import { safeWriteFile } from '../../safe-write';
import type { OptionSpec } from '../argv';
import { POLICY_OPTION } from '../shared-options';
import { colorEnabled } from '../cli-io';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import { fixText } from '../fix-runner';
import { createWriteCheck } from '../fix-write-check';
import { formatNoticeLine } from '../format/notices-text';
import { formatText, plural } from '../format/text';
import { createProgress } from '../progress';
import type { Notice, ScannedFile, ScanReport } from '../report';
import { noticesFor } from '../scan-runner';
import { parseMaxFileSize, reportPolicyDiagnostics, resolveTargets } from '../scan-targets';
import { buildProjectIndexes } from '../project-index';
import { encodeSource, readSourceFile } from '../source-file';
import { displayPath } from '../display-path';

const options: OptionSpec[] = [
  POLICY_OPTION,
  { name: 'dry-run', type: 'boolean', description: 'show what would be fixed without writing any file' },
  { name: 'max-file-size-kb', type: 'string', valueName: 'N', description: 'skip files larger than N KB, with a notice (default: 10240)' },
];

export const fixCommand: Command = {
  name: 'fix',
  summary: 'Apply the preferred fix of every finding (like eslint --fix)',
  usage: 'phi-guard fix [paths...] [options]',
  options,
  details: [
    'Fixes are applied in passes until none is left; a fix whose result would not parse is never',
    'written. Suppressions are never added automatically. A file is never written through a',
    'symbolic link (the link itself, or a linked folder on its path): it is reported instead.',
    '',
    'Exit codes: 0 nothing left to fix by hand, 1 findings remain that have no automatic fix,',
    '2 usage error or invalid policy file.',
  ],
  async run(args, io) {
    const dryRun = Boolean(args.options['dry-run']);
    const maxFileSizeKb = parseMaxFileSize(args.options['max-file-size-kb'], 'fix');
    const targets = await resolveTargets(args.positionals, { policy: args.options.policy as string | undefined }, io, 'fix');
    // As in `scan`: a Django settings MIDDLEWARE or a global Nest guard covers endpoints elsewhere, which then need no fix.
    const auditContext = await computeAuditContext(targets.files);
    const engineOptions = { maxFileSizeKb, auditContext, projectRoot: io.cwd };

    const files: ScannedFile[] = [];
    const notices: Notice[] = [];
    let totalApplied = 0;
    let filesChanged = 0;
    const checkWrite = createWriteCheck(targets.files, args.positionals.length > 0 ? args.positionals : ['.'], io.cwd);
    // Leaks through helpers in other files are fixed at the call, as `scan` reports them.
    const workspaces = await buildProjectIndexes(targets.files, { cwd: io.cwd, policies: targets.policies, maxFileSizeKb });
    const progress = createProgress(io.stderr, 'fixing', targets.files.length);
    for (const [index, file] of targets.files.entries()) {
      progress.tick(index);
      const display = displayPath(file, io.cwd);
      const loaded = targets.policies.forFile(file);
      const workspace = workspaces.forFile(file)?.index;
      const writable = await checkWrite(file);
      if (writable.kind === 'alias') {
        notices.push({ kind: 'fix-refused', level: 'note', message: writable.message, file: display, absolutePath: file });
        continue;
      }
      const read = await readSourceFile(file, maxFileSizeKb);
      if (!read.ok) {
        notices.push({ kind: read.reason, level: 'warning', message: `skipped: ${read.detail}`, file: display, absolutePath: file });
        files.push({ path: file, display, policyFile: loaded.file, readFailure: read.reason });
        continue;
      }
      if (writable.kind === 'refused') {
        // Read and analysed like any file, so its findings still count; never written.
        const result = analyze({ text: read.source.text, path: file }, loaded.policy, { ...engineOptions, workspace });
        notices.push({ kind: 'fix-refused', level: 'warning', message: writable.message, file: display, absolutePath: file });
        notices.push(...noticesFor(result, display, file));
        files.push({ path: file, display, result, policyFile: loaded.file });
        continue;
      }
      const outcome = fixText(read.source.text, file, loaded.policy, { ...engineOptions, workspace });
      notices.push(...noticesFor(outcome.result, display, file));
      if (outcome.refused > 0) {
        notices.push({
          kind: 'fix-refused',
          level: 'warning',
          message: `left ${plural(outcome.refused, 'fix', 'fixes')} unapplied: the result would not parse`,
          file: display,
          absolutePath: file,
        });
      }
      if (outcome.applied > 0 && outcome.text !== read.source.text) {
        if (!dryRun) await safeWriteFile(writable.root, file, encodeSource({ ...read.source, text: outcome.text }), { overwrite: true });
        totalApplied += outcome.applied;
        filesChanged++;
        io.stdout.write(`${dryRun ? 'would fix' : 'fixed'} ${plural(outcome.applied, 'problem')} in ${display}\n`);
      }
      files.push({ path: file, display, result: outcome.result, policyFile: loaded.file });
    }
    progress.finish();

    const policyError = reportPolicyDiagnostics(targets.policies, io);
    for (const notice of notices) io.stderr.write(`${formatNoticeLine(notice)}\n`);
    const verb = dryRun ? 'Would apply' : 'Applied';
    io.stdout.write(`${verb} ${plural(totalApplied, 'fix', 'fixes')} in ${plural(filesChanged, 'file')}.\n`);

    const remaining: ScanReport = {
      cwd: io.cwd,
      files,
      notices,
      policyDiagnostics: targets.policies.diagnostics,
      ignoredCount: targets.discovery.ignoredCount,
    };
    const cleanMessage = dryRun ? 'No PHI findings would be left in' : 'No PHI findings left in';
    io.stdout.write(formatText(remaining, colorEnabled(io.stdout, io.env), cleanMessage));

    if (policyError) return ExitCode.UsageOrPolicyError;
    const left = files.some((f) => f.result?.findings.some((finding) => finding.severity !== 'info'));
    return left ? ExitCode.Findings : ExitCode.Clean;
  },
};

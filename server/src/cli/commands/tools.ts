// `phi-guard tools`: the AI tools and vendors of the policy, with BAA status and expiry — the same
// model as the *AI Tools & BAA* view in the editor (without the installed extensions, which only
// the editor knows).

import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { buildAiToolsModel, DATE_DEPENDENT_CODES, findPolicyFile, hasExpiredBaa, loadPolicyFile, parseIsoDay, defaultPolicy, type LoadedPolicy } from '../../policy';
import type { OptionSpec } from '../argv';
import { colorEnabled } from '../cli-io';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import { formatPolicyDiagnosticLine } from '../format/notices-text';
import { formatTools, type ToolsFormat } from '../format/tools';
import { UsageError } from '../usage-error';

const FORMATS: readonly ToolsFormat[] = ['text', 'json', 'markdown'];

const options: OptionSpec[] = [
  { name: 'policy', type: 'string', valueName: 'FILE', description: 'policy file (default: the nearest phi-guard.json from the current folder up)' },
  { name: 'format', alias: 'f', type: 'string', choices: FORMATS, valueName: 'FORMAT', description: 'output format: text (default), json or markdown' },
  { name: 'fail-on-expired', type: 'boolean', description: 'exit 1 when a vendor BAA has expired' },
  { name: 'today', type: 'string', valueName: 'YYYY-MM-DD', description: 'judge BAA dates as of this day (default: today), e.g. to check a coming release date' },
];

export const toolsCommand: Command = {
  name: 'tools',
  summary: 'List the AI tools and vendors of the policy with BAA status and expiry',
  usage: 'phi-guard tools [--policy FILE] [--format text|json|markdown] [--fail-on-expired]',
  options,
  noArguments: true,
  details: [
    'A signed BAA is valid through its `expires` day and expired from the next day; one expiring',
    'within 30 days is flagged. Policy problems are printed on stderr.',
    '',
    'Exit codes: 0 listed, 1 a BAA has expired (with --fail-on-expired), 2 usage error or invalid policy file.',
  ],
  async run(args, io) {
    const format = (args.options.format as ToolsFormat | undefined) ?? 'text';
    let today = new Date();
    if (typeof args.options.today === 'string') {
      const parsed = parseIsoDay(args.options.today);
      if (!parsed) throw new UsageError(`invalid value '${args.options.today}' for '--today': expected a date such as 2027-06-30`, 'tools');
      today = parsed;
    }

    const loaded = loadPolicy(args.options.policy as string | undefined, io.cwd);
    // Expiry problems are judged by the model as of --today (and shown in the table); the
    // loader's copies of them are as of the real today.
    const diagnostics = loaded.diagnostics.filter((diagnostic) => !DATE_DEPENDENT_CODES.includes(diagnostic.code));
    for (const diagnostic of diagnostics) io.stderr.write(`${formatPolicyDiagnosticLine(diagnostic, io.cwd)}\n`);
    const policyErrors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
    if (!loaded.file) {
      io.stderr.write('phi-guard: no phi-guard.json found here or above; the built-in defaults apply: no AI tool is approved and no vendor is covered by a BAA.\n');
    } else if (policyErrors > 0) {
      io.stderr.write('phi-guard: the policy file has errors; its invalid entries are ignored (not approved, not covered).\n');
    }

    const model = buildAiToolsModel({ policy: loaded.policy, policyFile: loaded.file, policyErrors, today });
    io.stdout.write(formatTools(model, format, { cwd: io.cwd, color: format === 'text' && colorEnabled(io.stdout, io.env), diagnostics }));

    if (policyErrors > 0) return ExitCode.UsageOrPolicyError;
    if (args.options['fail-on-expired'] && hasExpiredBaa(model)) {
      io.stderr.write(`phi-guard: ${model.summary.expiredBaas} vendor BAA(s) expired as of ${model.today}.\n`);
      return ExitCode.Findings;
    }
    return ExitCode.Clean;
  },
};

function loadPolicy(policyOption: string | undefined, cwd: string): LoadedPolicy {
  if (policyOption !== undefined) {
    const file = path.resolve(cwd, policyOption);
    if (!existsSync(file)) throw new UsageError(`policy file not found: ${policyOption}`, 'tools');
    return loadPolicyFile(file);
  }
  const file = findPolicyFile(cwd);
  return file ? loadPolicyFile(file) : { policy: defaultPolicy(), files: [], diagnostics: [] };
}

// `phi-guard scaffold`: write an audited, role-checked endpoint (router + test, and the
// `phi_access` / `phiAccess` runtime on request) with the same generator as the command palette.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { analyze, initEngine, languageFromPath } from '../../engine';
import { loadPolicyForFolder, type ResolvedPolicy } from '../../policy';
import {
  DATA_CATEGORIES,
  defaultRolesFor,
  generateScaffold,
  inspectProject,
  auditSetupFor,
  locateRuntime,
  SCAFFOLD_FRAMEWORKS,
  SCAFFOLD_OPERATIONS,
  ScaffoldOptionsError,
  type DataCategory,
  type ScaffoldFramework,
  type ScaffoldOperation,
} from '../../scaffold';
import { fsProjectReader } from '../../scaffold/fs-project-reader';
import { executeWrites, planWrites } from '../../scaffold/write-plan';
import type { OptionSpec } from '../argv';
import type { Command } from '../command';
import { displayPath } from '../display-path';
import { ExitCode } from '../exit-codes';
import { UsageError } from '../usage-error';

const options: OptionSpec[] = [
  { name: 'framework', type: 'string', choices: SCAFFOLD_FRAMEWORKS, valueName: SCAFFOLD_FRAMEWORKS.join('|'), description: 'web framework (default: detected from the project)' },
  { name: 'resource', type: 'string', valueName: 'NAME', description: 'singular resource name, an identifier (e.g. lab_result); required' },
  { name: 'operations', type: 'string', valueName: 'LIST', description: `comma-separated: ${SCAFFOLD_OPERATIONS.join(',')} (default: all)` },
  { name: 'category', type: 'string', choices: DATA_CATEGORIES, valueName: DATA_CATEGORIES.join('|'), description: 'PHI data category the endpoints serve; required' },
  { name: 'roles', type: 'string', valueName: 'LIST', description: "comma-separated roles allowed (default: the policy's roles permitted for the category)" },
  { name: 'with-runtime', type: 'boolean', description: 'also write the phi_access / phiAccess runtime module' },
  { name: 'out', type: 'string', valueName: 'DIR', description: 'project folder to write into (default: the current folder)' },
  { name: 'force', type: 'boolean', description: 'overwrite files that already exist' },
];

export const scaffoldCommand: Command = {
  name: 'scaffold',
  summary: 'Write an audited, role-checked PHI endpoint (router, test, runtime)',
  usage: 'phi-guard scaffold --resource NAME --category CATEGORY [--framework F] [--operations LIST] [--roles LIST] [--with-runtime] [--out DIR] [--force]',
  options,
  noArguments: true,
  details: [
    'Writes one handler per operation, each with the audit + role-check control (action from the',
    "operation, data_category, roles checked against the policy's role map), logging record ids only,",
    "plus a test file. Follows the project's layout (app/ package, routers/ or routes/ folder) and the",
    "policy's audit names and module. Prints the files written. Never overwrites without --force,",
    'and never writes through a symbolic link (at a file or a folder on its way), even with --force.',
    '',
    'Example: phi-guard scaffold --framework fastapi --resource lab_result --operations read,create \\',
    '           --category clinical --roles clinician --with-runtime',
    '',
    'Exit codes: 0 written, 2 usage error, a file already exists, or a symbolic link is in the way.',
  ],
  async run(args, io) {
    const resource = args.options.resource as string | undefined;
    if (!resource) throw new UsageError("missing '--resource NAME'", 'scaffold');
    const category = args.options.category as DataCategory | undefined;
    if (!category) throw new UsageError(`missing '--category ${DATA_CATEGORIES.join('|')}'`, 'scaffold');
    const operations = parseList(args.options.operations as string | undefined, [...SCAFFOLD_OPERATIONS]) as ScaffoldOperation[];

    const out = args.options.out as string | undefined;
    const outDir = path.resolve(io.cwd, out ?? '.');
    const outProblem = await fs.stat(outDir).then(
      (stat) => (stat.isDirectory() ? undefined : 'is a file, not a folder'),
      (error: NodeJS.ErrnoException) => (error.code === 'ENOTDIR' ? 'is not a folder: a file is on its path' : undefined),
    );
    if (outProblem) throw new UsageError(`'--out' ${out ?? '.'} ${outProblem}`, 'scaffold');
    const loaded = loadPolicyForFolder(outDir);
    if (loaded.diagnostics.some((d) => d.severity === 'error')) {
      io.stderr.write(`phi-guard: warning: ${loaded.file ?? 'the policy file'} has errors; using its valid parts and the defaults.\n`);
    }
    const policy = loaded.policy;
    const reader = fsProjectReader(outDir);
    const facts = await inspectProject(reader);
    const framework = (args.options.framework as ScaffoldFramework | undefined) ?? facts.frameworks[0];
    if (!framework) {
      throw new UsageError(`cannot tell the framework from ${path.relative(io.cwd, outDir) || '.'}: pass --framework ${SCAFFOLD_FRAMEWORKS.join('|')}`, 'scaffold');
    }
    const roles = parseList(args.options.roles as string | undefined, defaultRolesFor(policy.roles, category));
    const { auditNames, policyModule } = auditSetupFor(policy, framework);
    const runtime = await locateRuntime(reader, facts, framework, auditNames, policyModule);
    const withRuntime = Boolean(args.options['with-runtime']);

    let result;
    try {
      result = generateScaffold({ framework, resource, operations, category, roles, roleMap: policy.roles, withRuntime: withRuntime && !runtime.existing, layout: runtime.layout, auditNames, policy });
    } catch (error) {
      if (error instanceof ScaffoldOptionsError) throw new UsageError(error.problems.join('\n  '), 'scaffold');
      throw error;
    }

    const force = Boolean(args.options.force);
    const plan = await planWrites(outDir, result.files);
    const unsafe = plan.refused.map(({ file, error }) => `${file.path}: ${error.describe((absolute) => displayPath(absolute, io.cwd))}`);
    const conflicts = force ? [] : plan.conflicts.map(({ file }) => file.path);
    // Checked for every file before any is written, so a refusal leaves nothing half-scaffolded.
    if (unsafe.length) {
      io.stderr.write(`phi-guard: not scaffolding; nothing was written:\n${unsafe.map((line) => `  ${line}\n`).join('')}`);
      return ExitCode.UsageOrPolicyError;
    }
    if (conflicts.length) {
      io.stderr.write(`phi-guard: not overwriting existing file${conflicts.length > 1 ? 's' : ''} (use --force):\n${conflicts.map((c) => `  ${c}\n`).join('')}`);
      return ExitCode.UsageOrPolicyError;
    }
    const toWrite = plan.writes;
    for (const write of toWrite) {
      await executeWrites(outDir, [write]);
      io.stdout.write(`${path.relative(io.cwd, write.target).split(path.sep).join('/') || write.target}\n`);
    }
    const findings = await countFindings(toWrite.map(({ file, target }) => ({ text: file.content, path: target })), policy);
    if (findings > 0) {
      io.stderr.write(`phi-guard: warning: the generated code has ${findings} finding${findings === 1 ? '' : 's'} under this policy; run 'phi-guard scan' on it.\n`);
    }
    if (runtime.existing && withRuntime) {
      io.stderr.write(`phi-guard: the project already defines the audit runtime in ${runtime.existing}; the new code imports it from there.\n`);
    } else if (!runtime.existing && !withRuntime) {
      io.stderr.write(`phi-guard: note: no audit runtime found; the new code imports it from ${runtime.layout.runtimePath}. Pass --with-runtime to generate it.\n`);
    }
    io.stderr.write(`Run the generated tests: ${result.testCommand}\n`);
    return ExitCode.Clean;
  },
};

/** The generated code is meant to be clean under the project's own policy; say so when it is not. */
async function countFindings(files: Array<{ text: string; path: string }>, policy: ResolvedPolicy): Promise<number> {
  await initEngine();
  let count = 0;
  for (const file of files) if (languageFromPath(file.path)) count += analyze(file, policy).findings.length;
  return count;
}

function parseList(value: string | undefined, fallback: string[]): string[] {
  if (value === undefined) return fallback;
  const items = value.split(',').map((item) => item.trim()).filter(Boolean);
  return [...new Set(items)];
}

// `phiGuard/scaffold/*`: *Scaffold PHI endpoint* behind the client's questions. Each request works
// out the project from the folder chosen (the nearest folder with a manifest), reads it and its
// policy, and the last one generates and writes the files with the generator and the write rule
// the CLI's `phi-guard scaffold` uses.

import * as path from 'node:path';
import { ResponseError, ErrorCodes } from 'vscode-languageserver/node';
import type { ResolvedPolicy } from '../policy';
import type {
  ScaffoldOptionsResult,
  ScaffoldResourceResult,
  ScaffoldRuntimeResult,
  ScaffoldTarget,
  ScaffoldWriteParams,
  ScaffoldWriteResult,
} from '../protocol';
import {
  auditSetupFor,
  DATA_CATEGORIES,
  defaultRolesFor,
  generateScaffold,
  inspectProject,
  locateRuntime,
  resourceNameProblem,
  rolesPermittedFor,
  runtimeNames,
  SCAFFOLD_FRAMEWORKS,
  SCAFFOLD_OPERATIONS,
  ScaffoldOptionsError,
  suggestedCategory,
  type DataCategory,
  type ProjectFacts,
  type ProjectReader,
  type RuntimeLookup,
  type ScaffoldFramework,
  type ScaffoldLayout,
} from '../scaffold';
import { fsProjectReader } from '../scaffold/fs-project-reader';
import { projectRootOf } from '../scaffold/project-root';
import { executeWrites, planWrites } from '../scaffold/write-plan';
import { refusal, relativeTo } from './policyFile';
import type { PolicyResolver } from './policyResolver';
import type { SettingsProvider } from './settings';
import { pathToUri, uriToPath } from './uris';

export interface ScaffoldSession {
  settings: SettingsProvider;
  policies: PolicyResolver;
}

interface Project {
  folder: string;
  workspaceFolder: string;
  root: string;
  policy: ResolvedPolicy;
  reader: ProjectReader;
  facts: ProjectFacts;
}

export async function scaffoldOptions(target: ScaffoldTarget, session: ScaffoldSession): Promise<ScaffoldOptionsResult> {
  const { policy, facts } = await openProject(target, session);
  const roles = Object.fromEntries(
    DATA_CATEGORIES.map((category) => [category, { permitted: rolesPermittedFor(policy.roles, category), defaults: defaultRolesFor(policy.roles, category) }]),
  ) as Record<DataCategory, { permitted: string[]; defaults: string[] }>;
  return {
    frameworks: [...SCAFFOLD_FRAMEWORKS],
    detected: facts.frameworks,
    operations: [...SCAFFOLD_OPERATIONS],
    categories: [...DATA_CATEGORIES],
    roleMap: policy.roles,
    roles,
  };
}

export function checkResource(params: { resource: string }): ScaffoldResourceResult {
  return { problem: resourceNameProblem(params.resource), suggestedCategory: suggestedCategory(params.resource) };
}

export async function scaffoldRuntime(params: ScaffoldTarget & { framework: ScaffoldFramework }, session: ScaffoldSession): Promise<ScaffoldRuntimeResult> {
  const project = await openProject(params, session);
  const { runtime, control } = await runtimeOf(project, params.framework);
  return { existing: runtime.existing, path: runtime.layout.runtimePath, control };
}

export async function writeScaffold(params: ScaffoldWriteParams, session: ScaffoldSession): Promise<ScaffoldWriteResult> {
  const project = await openProject(params, session);
  const { answers } = params;
  const { runtime, auditNames } = await runtimeOf(project, answers.framework);
  let result;
  try {
    result = generateScaffold({
      ...answers,
      resource: answers.resource.trim(),
      roleMap: project.policy.roles,
      withRuntime: params.withRuntime && !runtime.existing,
      layout: chosenFolderLayout(runtime.layout, project, answers.framework),
      auditNames,
      policy: project.policy,
    });
  } catch (error) {
    if (error instanceof ScaffoldOptionsError) return { status: 'refused', problems: error.problems };
    throw error;
  }
  // Every file is checked before any is written: a refusal leaves nothing half-scaffolded.
  const plan = await planWrites(project.root, result.files);
  const show = (absolute: string) => relativeTo(project.workspaceFolder, absolute);
  if (plan.refused.length) return { status: 'refused', problems: [...new Set(plan.refused.map(({ error }) => error.describe(show)))] };
  if (plan.conflicts.length && !params.overwrite) return { status: 'exists', files: plan.conflicts.map(({ target }) => show(target)) };
  try {
    await executeWrites(project.root, plan.writes);
  } catch (error) {
    const reason = refusal(error, project.workspaceFolder);
    if (reason === undefined) throw error;
    return { status: 'refused', problems: [reason] };
  }
  const uriOf = (relative: string) => pathToUri(path.join(project.root, ...relative.split('/')));
  const test = result.files.find((file) => file.kind === 'test');
  return {
    status: 'written',
    files: plan.writes.map(({ target }) => pathToUri(target)),
    primary: uriOf(result.primary),
    ...(test ? { test: uriOf(test.path) } : {}),
    testCommand: result.testCommand,
  };
}

async function openProject(target: ScaffoldTarget, session: ScaffoldSession): Promise<Project> {
  const folder = uriToPath(target.folder);
  const workspaceFolder = uriToPath(target.workspaceFolder);
  if (!folder || !workspaceFolder) throw new ResponseError(ErrorCodes.InvalidParams, 'PHI Guard scaffolds only into folders on disk');
  const root = projectRootOf(folder, workspaceFolder);
  const settings = await session.settings.forResource(target.workspaceFolder);
  const policy = session.policies.current(root, settings.policyPath).policy;
  const reader = fsProjectReader(root);
  return { folder, workspaceFolder, root, policy, reader, facts: await inspectProject(reader) };
}

async function runtimeOf(project: Project, framework: ScaffoldFramework): Promise<{ runtime: RuntimeLookup; control: string; auditNames: ReturnType<typeof auditSetupFor>['auditNames'] }> {
  const { auditNames, policyModule } = auditSetupFor(project.policy, framework);
  const runtime = await locateRuntime(project.reader, project.facts, framework, auditNames, policyModule);
  return { runtime, control: runtimeNames(framework, auditNames), auditNames };
}

/**
 * A folder chosen in the explorer that is not the project root is where the router goes; the
 * test and runtime keep the project's layout.
 */
function chosenFolderLayout(layout: ScaffoldLayout, project: Project, framework: ScaffoldFramework): ScaffoldLayout {
  const relative = path.relative(project.root, project.folder).split(path.sep).join('/');
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative) || framework === 'nestjs' || framework === 'nextjs') return layout;
  return { ...layout, routerDir: relative };
}

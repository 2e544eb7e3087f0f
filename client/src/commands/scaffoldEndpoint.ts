// *PHI Guard: Scaffold PHI endpoint* (command palette and the explorer's folder context menu).
// Asks for framework, resource, operations, data category and roles (each with a default), then
// writes what the shared generator (server/src/scaffold) produces: never overwriting a file
// without asking, offering the phi_access runtime when the project has none, and opening the
// router. The prompts only collect options; every decision about the code is the generator's.

import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  DATA_CATEGORIES,
  defaultRolesFor,
  generateScaffold,
  inspectProject,
  auditSetupFor,
  locateRuntime,
  resourceNameProblem,
  rolesPermittedFor,
  SCAFFOLD_FRAMEWORKS,
  SCAFFOLD_OPERATIONS,
  ScaffoldOptionsError,
  suggestedCategory,
  type AuditNames,
  type DataCategory,
  type ScaffoldFramework,
  type ScaffoldLayout,
  type ScaffoldOperation,
} from '../../../server/src/scaffold';
import { policyFor, projectRootOf, workspaceProjectReader } from './scaffoldWorkspace';
import { checkWorkspaceWrite, writeWorkspaceFile } from './workspaceWrite';

/**
 * Answers given up front skip their prompt (tests and other extensions:
 * `executeCommand('phiGuard.scaffoldEndpoint', folderUri, { framework: 'fastapi', ... })`).
 */
export interface ScaffoldEndpointArgs {
  framework?: ScaffoldFramework;
  resource?: string;
  operations?: ScaffoldOperation[];
  category?: DataCategory;
  roles?: string[];
  withRuntime?: boolean;
  overwrite?: boolean;
}

const FRAMEWORK_LABELS: Record<ScaffoldFramework, string> = { fastapi: 'FastAPI', express: 'Express', nestjs: 'NestJS' };
const OPERATION_DETAILS: Record<ScaffoldOperation, string> = {
  read: 'GET one record · audited as read',
  create: 'POST a new record · audited as write',
  update: 'PUT a record · audited as write',
  delete: 'DELETE a record · audited as delete',
};
const TITLE = 'Scaffold PHI endpoint';

/** The command's handler (registered by scaffoldEndpointCommand.ts, which loads this module on first use). */
export function runScaffoldEndpointCommand(target?: unknown, args?: ScaffoldEndpointArgs): Promise<vscode.Uri[] | undefined> {
  return scaffoldEndpoint(target instanceof vscode.Uri ? target : undefined, args ?? {}).catch((error: unknown) => {
    const message = error instanceof ScaffoldOptionsError ? error.problems.join('; ') : error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`PHI Guard: could not scaffold the endpoint: ${message}`);
    return undefined;
  });
}

/** Returns the written files' URIs, or undefined when the user cancelled. */
export async function scaffoldEndpoint(target: vscode.Uri | undefined, args: ScaffoldEndpointArgs): Promise<vscode.Uri[] | undefined> {
  const folder = target ?? (await pickFolder());
  if (!folder) return undefined;
  const workspaceFolder = vscode.workspace.getWorkspaceFolder(folder);
  if (!workspaceFolder) {
    void vscode.window.showErrorMessage('PHI Guard: choose a folder inside the workspace.');
    return undefined;
  }
  const root = await projectRootOf(folder, workspaceFolder);
  const reader = workspaceProjectReader(root);
  const facts = await inspectProject(reader);
  const loaded = policyFor(root, workspaceFolder);
  const policy = loaded.policy;

  const framework = args.framework ?? (await pickFramework(facts.frameworks));
  if (!framework) return undefined;
  const resource = args.resource ?? (await askResource());
  if (!resource) return undefined;
  const operations = args.operations ?? (await pickOperations());
  if (!operations?.length) return undefined;
  const category = args.category ?? (await pickCategory(resource));
  if (!category) return undefined;
  const roles = args.roles ?? (await pickRoles(policy.roles, category));
  if (!roles?.length) return undefined;

  const { auditNames, policyModule } = auditSetupFor(policy, framework);
  const runtime = await locateRuntime(reader, facts, framework, auditNames, policyModule);
  let withRuntime = false;
  if (!runtime.existing) {
    const answer = args.withRuntime ?? (await offerRuntime(framework, auditNames, runtime.layout.runtimePath));
    if (answer === undefined) return undefined;
    withRuntime = answer;
  }

  const layout = chosenFolderLayout(runtime.layout, root, folder, framework);
  const result = generateScaffold({ framework, resource: resource.trim(), operations, category, roles, roleMap: policy.roles, withRuntime, layout, auditNames, policy });

  // Never overwrite without asking; an existing package marker (__init__.py) is simply kept. A
  // symbolic link in the way of any file (throws, naming it) stops the command before any write.
  const planned: Array<{ uri: vscode.Uri; content: string; existed: boolean }> = [];
  for (const file of result.files) {
    const uri = vscode.Uri.joinPath(root, ...file.path.split('/'));
    const { exists: existed } = await checkWorkspaceWrite(workspaceFolder.uri, uri);
    if (existed && file.skipIfExists) continue;
    planned.push({ uri, content: file.content, existed });
  }
  const existing = planned.filter((p) => p.existed);
  if (existing.length) {
    const names = existing.map((p) => vscode.workspace.asRelativePath(p.uri, false));
    const overwrite =
      args.overwrite ??
      (await vscode.window.showWarningMessage(
        `${existing.length === 1 ? 'This file already exists' : `${existing.length} files already exist`}: ${names.join(', ')}. Overwrite?`,
        { modal: true },
        'Overwrite',
      )) === 'Overwrite';
    if (!overwrite) return undefined;
  }

  for (const file of planned) await writeWorkspaceFile(workspaceFolder.uri, file.uri, file.content, file.existed);
  const primary = vscode.Uri.joinPath(root, ...result.primary.split('/'));
  await vscode.window.showTextDocument(primary, { preview: false });
  const test = result.files.find((f) => f.kind === 'test');
  void vscode.window
    .showInformationMessage(`PHI Guard: wrote ${planned.length} file${planned.length === 1 ? '' : 's'}. Run the tests with: ${result.testCommand}`, ...(test ? ['Open Test'] : []))
    .then((choice) => {
      if (choice === 'Open Test' && test) void vscode.window.showTextDocument(vscode.Uri.joinPath(root, ...test.path.split('/')), { preview: false });
    });
  return planned.map((p) => p.uri);
}

async function pickFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!folders.length) {
    void vscode.window.showErrorMessage('PHI Guard: open a folder to scaffold an endpoint into.');
    return undefined;
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  const activeFolder = active && vscode.workspace.getWorkspaceFolder(active);
  if (activeFolder) return activeFolder.uri;
  if (folders.length === 1) return folders[0].uri;
  return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Workspace folder to scaffold the endpoint into' }))?.uri;
}

async function pickFramework(detected: readonly ScaffoldFramework[]): Promise<ScaffoldFramework | undefined> {
  const order = [...detected, ...SCAFFOLD_FRAMEWORKS.filter((f) => !detected.includes(f))];
  const items = order.map((framework) => ({
    label: FRAMEWORK_LABELS[framework],
    description: detected.includes(framework) ? 'detected in this workspace' : undefined,
    framework,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: `${TITLE} (1/5): framework`, placeHolder: 'Web framework of the endpoint' });
  return picked?.framework;
}

async function askResource(): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: `${TITLE} (2/5): resource`,
    prompt: 'Singular resource name, an identifier: e.g. patient, lab_result, prescription',
    value: 'patient',
    validateInput: (value) => resourceNameProblem(value),
  });
}

async function pickOperations(): Promise<ScaffoldOperation[] | undefined> {
  const items = SCAFFOLD_OPERATIONS.map((operation) => ({ label: operation, description: OPERATION_DETAILS[operation], picked: true, operation }));
  const picked = await vscode.window.showQuickPick(items, { title: `${TITLE} (3/5): operations`, placeHolder: 'One handler per operation', canPickMany: true });
  return picked?.map((item) => item.operation);
}

async function pickCategory(resource: string): Promise<DataCategory | undefined> {
  const suggested = suggestedCategory(resource) ?? 'clinical';
  const order = [suggested, ...DATA_CATEGORIES.filter((c) => c !== suggested)];
  const items = order.map((category) => ({ label: category, description: category === suggested ? 'suggested by the resource name' : undefined, category }));
  const picked = await vscode.window.showQuickPick(items, { title: `${TITLE} (4/5): data category`, placeHolder: 'The PHI the endpoints serve (audited as data_category)' });
  return picked?.category;
}

async function pickRoles(roleMap: Record<string, string[]>, category: DataCategory): Promise<string[] | undefined> {
  const permitted = rolesPermittedFor(roleMap, category);
  if (!permitted.length) {
    void vscode.window.showErrorMessage(`PHI Guard: no role in the policy's role map may access ${category} data. Add one to "roles" in phi-guard.json.`);
    return undefined;
  }
  const defaults = defaultRolesFor(roleMap, category);
  const items = permitted.map((role) => ({ label: role, description: roleMap[role].join(', '), picked: defaults.includes(role) }));
  const picked = await vscode.window.showQuickPick(items, {
    title: `${TITLE} (5/5): roles`,
    placeHolder: `Roles allowed on every handler (the policy's roles permitted for ${category} data)`,
    canPickMany: true,
  });
  return picked?.map((item) => item.label);
}

/** true / false, or undefined when the user dismissed the question. */
async function offerRuntime(framework: ScaffoldFramework, names: AuditNames, runtimePath: string): Promise<boolean | undefined> {
  const name = framework === 'fastapi' ? names.pythonDecorator : framework === 'express' ? names.tsMiddleware : names.tsDecorator;
  const answer = await vscode.window.showInformationMessage(
    `This workspace has no ${name} implementation. Scaffold the runtime too (${runtimePath}): role check, 403 for other roles, and an append-only audit log?`,
    { modal: true },
    'Scaffold Runtime',
    'Endpoint Only',
  );
  return answer === 'Scaffold Runtime' ? true : answer === 'Endpoint Only' ? false : undefined;
}

/**
 * A folder chosen in the explorer that is not the project root is where the router goes; the
 * test and runtime keep the project's layout.
 */
function chosenFolderLayout(layout: ScaffoldLayout, root: vscode.Uri, folder: vscode.Uri, framework: ScaffoldFramework): ScaffoldLayout {
  const relative = path.posix.relative(root.path, folder.path);
  if (!relative || relative.startsWith('..') || framework === 'nestjs') return layout;
  return { ...layout, routerDir: relative };
}

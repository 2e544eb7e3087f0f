// *PHI Guard: Scaffold PHI endpoint* (command palette and the explorer's folder context menu).
// Asks for framework, resource, operations, data category and roles (each with a default); the
// server does everything else (`phiGuard/scaffold/*`): it finds the project and its framework,
// checks the names against the policy, generates the code with the generator `phi-guard scaffold`
// uses and writes it, never overwriting a file without asking and never through a symbolic link.
// This module only collects the answers and opens what was written.

import * as vscode from 'vscode';
import {
  Commands,
  ScaffoldOptionsRequest,
  ScaffoldResourceRequest,
  ScaffoldRuntimeRequest,
  ScaffoldWriteRequest,
  type DataCategory,
  type ProtocolRequest,
  type ScaffoldFramework,
  type ScaffoldOperation,
  type ScaffoldOptionsResult,
  type ScaffoldTarget,
} from '../../../server/src/protocol';
import type { ServerController } from '../serverController';

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

const FRAMEWORK_LABELS: Record<ScaffoldFramework, string> = { fastapi: 'FastAPI', express: 'Express', fastify: 'Fastify', nestjs: 'NestJS', nextjs: 'Next.js' };
const OPERATION_DETAILS: Record<ScaffoldOperation, string> = {
  read: 'GET one record · audited as read',
  create: 'POST a new record · audited as write',
  update: 'PUT a record · audited as write',
  delete: 'DELETE a record · audited as delete',
};
const TITLE = 'Scaffold PHI endpoint';

/** A failure to tell the user about (the flow stops). */
class ScaffoldProblem extends Error {}

export function registerScaffoldEndpointCommand(server: ServerController): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.scaffoldEndpoint, (target?: unknown, args?: ScaffoldEndpointArgs) =>
    runScaffoldEndpointCommand(server, target, args),
  );
}

/** Returns the written files' URIs, or undefined when the user cancelled or it failed (said in a notification). */
function runScaffoldEndpointCommand(server: ServerController, target?: unknown, args?: ScaffoldEndpointArgs): Promise<vscode.Uri[] | undefined> {
  return scaffoldEndpoint(server, target instanceof vscode.Uri ? target : undefined, args ?? {}).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`PHI Guard: could not scaffold the endpoint: ${message}`);
    return undefined;
  });
}

async function scaffoldEndpoint(server: ServerController, chosen: vscode.Uri | undefined, args: ScaffoldEndpointArgs): Promise<vscode.Uri[] | undefined> {
  const folder = chosen ?? (await pickFolder());
  if (!folder) return undefined;
  const workspaceFolder = vscode.workspace.getWorkspaceFolder(folder);
  if (!workspaceFolder) {
    void vscode.window.showErrorMessage('PHI Guard: choose a folder inside the workspace.');
    return undefined;
  }
  const target: ScaffoldTarget = { folder: folder.toString(), workspaceFolder: workspaceFolder.uri.toString() };
  const ask = async <P, R>(request: ProtocolRequest<P, R>, params: P): Promise<R> => {
    const answer = await server.request(request, params);
    if (answer === undefined) throw new ScaffoldProblem('the language server is not running. Try "PHI Guard: Restart Server".');
    return answer;
  };
  const options = await ask(ScaffoldOptionsRequest, target);

  const framework = args.framework ?? (await pickFramework(options));
  if (!framework) return undefined;
  const resource = args.resource ?? (await askResource(server));
  if (!resource) return undefined;
  const operations = args.operations ?? (await pickOperations(options.operations));
  if (!operations?.length) return undefined;
  const category = args.category ?? (await pickCategory(server, options.categories, resource));
  if (!category) return undefined;
  const roles = args.roles ?? (await pickRoles(options, category));
  if (!roles?.length) return undefined;

  const runtime = await ask(ScaffoldRuntimeRequest, { ...target, framework });
  let withRuntime = false;
  if (!runtime.existing) {
    const answer = args.withRuntime ?? (await offerRuntime(runtime.control, runtime.path));
    if (answer === undefined) return undefined;
    withRuntime = answer;
  }

  const answers = { framework, resource, operations, category, roles };
  let result = await ask(ScaffoldWriteRequest, { ...target, answers, withRuntime, overwrite: args.overwrite ?? false });
  if (result.status === 'exists') {
    // Nothing was written: ask, then write everything with the user's leave to overwrite.
    const overwrite =
      args.overwrite ??
      (await vscode.window.showWarningMessage(
        `${result.files.length === 1 ? 'This file already exists' : `${result.files.length} files already exist`}: ${result.files.join(', ')}. Overwrite?`,
        { modal: true },
        'Overwrite',
      )) === 'Overwrite';
    if (!overwrite) return undefined;
    result = await ask(ScaffoldWriteRequest, { ...target, answers, withRuntime, overwrite: true });
  }
  if (result.status === 'refused') throw new ScaffoldProblem(result.problems.join('; '));
  if (result.status !== 'written') return undefined;

  await vscode.window.showTextDocument(vscode.Uri.parse(result.primary), { preview: false });
  const test = result.test;
  void vscode.window
    .showInformationMessage(`PHI Guard: wrote ${result.files.length} file${result.files.length === 1 ? '' : 's'}. Run the tests with: ${result.testCommand}`, ...(test ? ['Open Test'] : []))
    .then((choice) => {
      if (choice === 'Open Test' && test) void vscode.window.showTextDocument(vscode.Uri.parse(test), { preview: false });
    });
  return result.files.map((uri) => vscode.Uri.parse(uri));
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

async function pickFramework(options: ScaffoldOptionsResult): Promise<ScaffoldFramework | undefined> {
  const order = [...options.detected, ...options.frameworks.filter((f) => !options.detected.includes(f))];
  const items = order.map((framework) => ({
    label: FRAMEWORK_LABELS[framework],
    description: options.detected.includes(framework) ? 'detected in this workspace' : undefined,
    framework,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: `${TITLE} (1/5): framework`, placeHolder: 'Web framework of the endpoint' });
  return picked?.framework;
}

async function askResource(server: ServerController): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: `${TITLE} (2/5): resource`,
    prompt: 'Singular resource name, an identifier: e.g. patient, lab_result, prescription',
    value: 'patient',
    validateInput: async (value) => (await server.request(ScaffoldResourceRequest, { resource: value }))?.problem,
  });
}

async function pickOperations(operations: readonly ScaffoldOperation[]): Promise<ScaffoldOperation[] | undefined> {
  const items = operations.map((operation) => ({ label: operation, description: OPERATION_DETAILS[operation], picked: true, operation }));
  const picked = await vscode.window.showQuickPick(items, { title: `${TITLE} (3/5): operations`, placeHolder: 'One handler per operation', canPickMany: true });
  return picked?.map((item) => item.operation);
}

async function pickCategory(server: ServerController, categories: readonly DataCategory[], resource: string): Promise<DataCategory | undefined> {
  const suggested = (await server.request(ScaffoldResourceRequest, { resource }))?.suggestedCategory ?? 'clinical';
  const order = [suggested, ...categories.filter((c) => c !== suggested)];
  const items = order.map((category) => ({ label: category, description: category === suggested ? 'suggested by the resource name' : undefined, category }));
  const picked = await vscode.window.showQuickPick(items, { title: `${TITLE} (4/5): data category`, placeHolder: 'The PHI the endpoints serve (audited as data_category)' });
  return picked?.category;
}

async function pickRoles(options: ScaffoldOptionsResult, category: DataCategory): Promise<string[] | undefined> {
  const { permitted, defaults } = options.roles[category];
  if (!permitted.length) {
    void vscode.window.showErrorMessage(`PHI Guard: no role in the policy's role map may access ${category} data. Add one to "roles" in phi-guard.json.`);
    return undefined;
  }
  const items = permitted.map((role) => ({ label: role, description: options.roleMap[role].join(', '), picked: defaults.includes(role) }));
  const picked = await vscode.window.showQuickPick(items, {
    title: `${TITLE} (5/5): roles`,
    placeHolder: `Roles allowed on every handler (the policy's roles permitted for ${category} data)`,
    canPickMany: true,
  });
  return picked?.map((item) => item.label);
}

/** true / false, or undefined when the user dismissed the question. */
async function offerRuntime(control: string, runtimePath: string): Promise<boolean | undefined> {
  const answer = await vscode.window.showInformationMessage(
    `This workspace has no ${control} implementation. Scaffold the runtime too (${runtimePath}): role check, 403 for other roles, and an append-only audit log?`,
    { modal: true },
    'Scaffold Runtime',
    'Endpoint Only',
  );
  return answer === 'Scaffold Runtime' ? true : answer === 'Endpoint Only' ? false : undefined;
}

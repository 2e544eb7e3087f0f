// Entry point of the VS Code extension: a thin client (docs/architecture.md). Activation only
// creates the output channel, registers the commands and views and starts the language server;
// all analysis, policy reading and file generation happen in dist/server.js, behind the typed
// requests of server/src/protocol.

import * as vscode from 'vscode';
import { AiToolsRequest, AuditCoverageRequest, Commands, SERVER_NAME } from '../../server/src/protocol';
import { registerComplianceReportCommand } from './commands/complianceReport';
import { registerPolicyCommands } from './commands/policyCommands';
import { registerScaffoldEndpointCommand } from './commands/scaffoldEndpoint';
import { registerScanWorkspaceCommand } from './commands/scanWorkspace';
import { fixAllInActiveEditor } from './fixAll';
import { ServerController } from './serverController';
import { AiToolsController } from './views/aiToolsView';
import { PhiGuardStatusBar } from './statusBar';
import { AuditCoverageController } from './views/auditCoverageView';

let controller: ServerController | undefined;

export function activate(context: vscode.ExtensionContext): void {
  // Log channel: it carries lifecycle events, server logs and traces, never source text or PHI.
  const outputChannel = vscode.window.createOutputChannel(SERVER_NAME, { log: true });
  context.subscriptions.push(outputChannel);

  const server = new ServerController(context, outputChannel);
  controller = server;

  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.restartServer, () => server.restart()),
    vscode.commands.registerCommand(Commands.showOutput, () => outputChannel.show()),
    vscode.commands.registerCommand(Commands.fixAllInFile, () => fixAllInActiveEditor()),
    registerScaffoldEndpointCommand(server),
    registerScanWorkspaceCommand(server),
    registerComplianceReportCommand(server),
  );

  // AI Tools & BAA view and policy commands: nothing is asked until the view is shown.
  const aiTools = new AiToolsController((params) => server.request(AiToolsRequest, params));
  context.subscriptions.push(aiTools, ...registerPolicyCommands(server, aiTools));

  // Audit Coverage view and status bar: data from the server's phiGuard/auditCoverage request.
  const coverage = new AuditCoverageController((params) => server.request(AuditCoverageRequest, params));
  const statusBar = new PhiGuardStatusBar();
  context.subscriptions.push(coverage, statusBar, coverage.onDidChangeModel((model) => statusBar.update(model)));
  context.subscriptions.push(aiTools.onDidChangeShadowAi((summary) => statusBar.setShadowAi(summary)));
  context.subscriptions.push(server.onDidChangePolicyStatus((status) => statusBar.setPolicyStatus(status)));
  coverage.scheduleRefresh(0);

  // Not awaited: activation returns at once; start failures are reported by the controller.
  void server.start();
}

export async function deactivate(): Promise<void> {
  await controller?.dispose();
  controller = undefined;
}

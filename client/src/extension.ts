// Entry point of the VS Code extension: a thin client (ARCHITECTURE.md §2). Activation only
// creates the output channel, registers the commands and starts the language server; all
// analysis happens in dist/server.js.

import * as vscode from 'vscode';
import { Commands, SERVER_NAME } from '../../server/src/protocol';
import { fixAllInActiveEditor } from './fixAll';
import { ServerController } from './serverController';

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
  );

  // Not awaited: activation returns at once; start failures are reported by the controller.
  void server.start();
}

export async function deactivate(): Promise<void> {
  await controller?.dispose();
  controller = undefined;
}

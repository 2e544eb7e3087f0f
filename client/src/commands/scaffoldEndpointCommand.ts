// Registers *PHI Guard: Scaffold PHI endpoint*. The flow and the shared generator behind it are
// loaded when the command first runs (client/src/lazy.ts), not at activation.

import * as vscode from 'vscode';
import { scaffoldCommand } from '../lazy';
import type { ScaffoldEndpointArgs } from './scaffoldEndpoint';

export const SCAFFOLD_ENDPOINT_COMMAND = 'phiGuard.scaffoldEndpoint';

export function registerScaffoldEndpointCommand(): vscode.Disposable {
  return vscode.commands.registerCommand(SCAFFOLD_ENDPOINT_COMMAND, (target?: unknown, args?: ScaffoldEndpointArgs) =>
    scaffoldCommand().runScaffoldEndpointCommand(target, args),
  );
}

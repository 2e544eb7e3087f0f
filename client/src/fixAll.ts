// "Fix All PHI Issues in File": asks the language server (through VS Code's code action
// machinery) for its `source.fixAll.phiGuard` action on the active editor and applies it. The
// same action runs on save when a user lists it in `editor.codeActionsOnSave`.

import * as vscode from 'vscode';
import { FIX_ALL_KIND } from '../../server/src/protocol';
import { ANALYZED_LANGUAGES } from './languageClient';

/** How many returned actions VS Code should resolve (fills in `edit` if the server defers it). */
const RESOLVE_COUNT = 5;

export async function fixAllInActiveEditor(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('PHI Guard: open a file to fix its PHI issues.');
    return;
  }
  const document = editor.document;
  if (!(ANALYZED_LANGUAGES as readonly string[]).includes(document.languageId)) {
    void vscode.window.showInformationMessage(
      `PHI Guard: ${document.languageId} files are not analysed (Python, TypeScript and JavaScript are).`,
    );
    return;
  }

  const wholeDocument = document.validateRange(new vscode.Range(0, 0, document.lineCount, 0));
  const actions =
    (await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>(
      'vscode.executeCodeActionProvider',
      document.uri,
      wholeDocument,
      FIX_ALL_KIND,
      RESOLVE_COUNT,
    )) ?? [];

  const fixAllKind = vscode.CodeActionKind.Empty.append(FIX_ALL_KIND);
  const fixAll = actions.filter(isCodeAction).find((action) => action.kind !== undefined && fixAllKind.contains(action.kind));
  if (!fixAll || (!fixAll.edit && !fixAll.command)) {
    vscode.window.setStatusBarMessage('PHI Guard: nothing to fix in this file', 4000);
    return;
  }

  if (fixAll.edit) {
    const applied = await vscode.workspace.applyEdit(fixAll.edit);
    if (!applied) {
      // Edits are versioned: this happens when the file changed while the fixes were computed.
      void vscode.window.showWarningMessage('PHI Guard: the file changed while fixing; run the command again.');
      return;
    }
  }
  if (fixAll.command) {
    await vscode.commands.executeCommand(fixAll.command.command, ...(fixAll.command.arguments ?? []));
  }
  vscode.window.setStatusBarMessage('PHI Guard: fixes applied', 4000);
}

function isCodeAction(item: vscode.CodeAction | vscode.Command): item is vscode.CodeAction {
  // A bare Command has a string `command`; a CodeAction has an optional Command object there.
  return typeof (item as vscode.Command).command !== 'string';
}

// "Fix All PHI Issues in File": asks the language server (through VS Code's code action
// machinery) for its `source.fixAll.phiGuard` action on the active editor and applies it. The
// same action runs on save when a user lists it in `editor.codeActionsOnSave`.
//
// The edit is computed for the text the server has when the request arrives. If the document
// changes before the edit is applied (typing, another extension, a format on save), the edit
// no longer fits: the command then asks again for the new text instead of applying it, and
// retries an apply that VS Code refused for the same reason. It always says what happened.

import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND } from '../../server/src/protocol';
import { ANALYZED_LANGUAGES } from './documents';

/** How many returned actions VS Code should resolve (fills in `edit` if the server defers it). */
const RESOLVE_COUNT = 5;
/** Requests for the fix-all action before giving up on a document that keeps changing. */
const MAX_ATTEMPTS = 3;
/** Longest wait for fresh diagnostics before asking the server again. */
const SETTLE_MS = 750;

export type FixAllOutcome = 'applied' | 'nothing-to-fix' | 'not-fixable' | 'changed' | 'failed' | 'no-editor' | 'unsupported';

export async function fixAllInActiveEditor(): Promise<FixAllOutcome> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('PHI Guard: open a file to fix its PHI issues.');
    return 'no-editor';
  }
  const document = editor.document;
  if (!(ANALYZED_LANGUAGES as readonly string[]).includes(document.languageId)) {
    void vscode.window.showInformationMessage(
      `PHI Guard: ${document.languageId} files are not analysed (Python, TypeScript and JavaScript are).`,
    );
    return 'unsupported';
  }
  const name = vscode.workspace.asRelativePath(document.uri, false);

  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const version = document.version;
    const fixAll = await requestFixAll(document);
    if (document.isClosed) return 'failed';
    // Computed for an older text (the document changed while the server worked): ask again.
    if (document.version !== version) continue;

    if (!fixAll) {
      const remaining = findingsOf(document);
      if (remaining > 0 && attempt < MAX_ATTEMPTS) {
        // Findings are shown but the server offered no fix: its analysis may have been restarted
        // (a settings or policy reload) while it answered. Ask again once that has settled.
        await nextDiagnosticsOrTimeout(document.uri, SETTLE_MS);
        continue;
      }
      if (remaining > 0) {
        void vscode.window.showInformationMessage(
          `PHI Guard: ${remaining === 1 ? 'the finding' : `the ${remaining} findings`} in ${name} ${remaining === 1 ? 'has' : 'have'} no automatic fix; see the Problems panel for how to fix ${remaining === 1 ? 'it' : 'them'}.`,
        );
        return 'not-fixable';
      }
      vscode.window.setStatusBarMessage(`PHI Guard: no PHI issues to fix in ${name}`, 4000);
      return 'nothing-to-fix';
    }

    if (fixAll.edit) {
      const applied = await vscode.workspace.applyEdit(fixAll.edit);
      if (!applied) {
        // VS Code refuses an edit whose document changed in between: compute it again.
        if (document.version !== version && !document.isClosed) continue;
        void vscode.window.showWarningMessage(`PHI Guard: the fixes for ${name} could not be applied. See "PHI Guard: Show Output".`);
        return 'failed';
      }
    }
    if (fixAll.command) {
      await vscode.commands.executeCommand(fixAll.command.command, ...(fixAll.command.arguments ?? []));
    }
    vscode.window.setStatusBarMessage(`PHI Guard: fixes applied to ${name}`, 4000);
    return 'applied';
  }
  void vscode.window.showWarningMessage(`PHI Guard: ${name} kept changing while the fixes were computed; run the command again.`);
  return 'changed';
}

async function requestFixAll(document: vscode.TextDocument): Promise<vscode.CodeAction | undefined> {
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
  return fixAll && (fixAll.edit || fixAll.command) ? fixAll : undefined;
}

/** Resolves at the next diagnostics change for `uri`, or after `ms`. */
function nextDiagnosticsOrTimeout(uri: vscode.Uri, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    };
    const timer = setTimeout(done, ms);
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) done();
    });
  });
}

function findingsOf(document: vscode.TextDocument): number {
  return vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE).length;
}

function isCodeAction(item: vscode.CodeAction | vscode.Command): item is vscode.CodeAction {
  // A bare Command has a string `command`; a CodeAction has an optional Command object there.
  return typeof (item as vscode.Command).command !== 'string';
}

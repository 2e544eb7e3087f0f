// The least work an extension can do to put a squiggle on an opened file: one warning on its
// first line, published as soon as the editor reports the document open. Active only in a
// workspace whose root holds `.open-to-squiggle`, so the other e2e scenarios never see it.
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

exports.activate = function activate(context) {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!folder || !fs.existsSync(path.join(folder, '.open-to-squiggle'))) return;
  const diagnostics = vscode.languages.createDiagnosticCollection('squiggle-baseline');
  context.subscriptions.push(diagnostics);
  const publish = (document) => {
    if (document.languageId !== 'python' || document.uri.scheme !== 'file') return;
    const firstLine = document.lineAt(0);
    const range = new vscode.Range(0, 0, 0, Math.max(1, firstLine.text.length));
    diagnostics.set(document.uri, [new vscode.Diagnostic(range, 'baseline: opened', vscode.DiagnosticSeverity.Warning)]);
  };
  vscode.workspace.textDocuments.forEach(publish);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(publish));
};

exports.deactivate = function deactivate() {};

// What the connected client can do, read once from `initialize`. Every optional LSP feature the
// server uses is gated on one of these flags, so any LSP client (not only VS Code) gets a
// protocol it understands.

import {
  CodeActionKind,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type DiagnosticsCapabilities,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND } from '../protocol';

export interface ClientFeatures {
  /** `textDocument/diagnostic`: the client pulls, so the server never pushes. */
  pullDiagnostics: boolean;
  /** `workspace/diagnostic/refresh`: the server may ask a pulling client to pull again. */
  diagnosticRefresh: boolean;
  /** `workspace/configuration`: settings are pulled per resource. */
  configuration: boolean;
  configurationChangeRegistration: boolean;
  watchedFilesRegistration: boolean;
  watchedFilesRelativePatterns: boolean;
  workspaceFolders: boolean;
  /** Versioned `documentChanges` in a WorkspaceEdit. */
  documentChanges: boolean;
  markdownHover: boolean;
  relatedInformation: boolean;
  codeDescription: boolean;
  /** Client filters code actions by kind and understands `CodeAction` literals. */
  codeActionLiterals: boolean;
}

export function readClientFeatures(capabilities: ClientCapabilities): ClientFeatures {
  const textDocument = capabilities.textDocument;
  const workspace = capabilities.workspace;
  const pullDiagnostics = !!textDocument?.diagnostic;
  // Pull clients describe diagnostics under `diagnostic` (3.18); older ones only under `publishDiagnostics`.
  const diagnostics = {
    ...textDocument?.publishDiagnostics,
    ...(pullDiagnostics ? (textDocument?.diagnostic as DiagnosticsCapabilities) : {}),
  };
  return {
    pullDiagnostics,
    diagnosticRefresh: !!workspace?.diagnostics?.refreshSupport,
    configuration: !!workspace?.configuration,
    configurationChangeRegistration: !!workspace?.didChangeConfiguration?.dynamicRegistration,
    watchedFilesRegistration: !!workspace?.didChangeWatchedFiles?.dynamicRegistration,
    watchedFilesRelativePatterns: !!workspace?.didChangeWatchedFiles?.relativePatternSupport,
    workspaceFolders: !!workspace?.workspaceFolders,
    documentChanges: !!workspace?.workspaceEdit?.documentChanges,
    markdownHover: !!textDocument?.hover?.contentFormat?.includes('markdown'),
    relatedInformation: !!diagnostics.relatedInformation,
    codeDescription: !!diagnostics.codeDescriptionSupport,
    codeActionLiterals: !!textDocument?.codeAction?.codeActionLiteralSupport,
  };
}

/** The server's half of the handshake, shaped by what the client supports. */
export function serverCapabilities(features: ClientFeatures): ServerCapabilities {
  const capabilities: ServerCapabilities = {
    textDocumentSync: {
      openClose: true,
      change: TextDocumentSyncKind.Incremental,
      // A saved policy file is re-read from disk even by clients that cannot watch files.
      save: { includeText: false },
    },
    hoverProvider: true,
    codeActionProvider: features.codeActionLiterals
      ? {
          codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND],
          resolveProvider: false,
        }
      : true,
  };
  if (features.pullDiagnostics) {
    capabilities.diagnosticProvider = {
      identifier: DIAGNOSTIC_SOURCE,
      // A file's findings depend on the file and its policy only: no cross-file re-pulls.
      interFileDependencies: false,
      workspaceDiagnostics: false,
    };
  }
  if (features.workspaceFolders) {
    capabilities.workspace = { workspaceFolders: { supported: true, changeNotifications: true } };
  }
  return capabilities;
}

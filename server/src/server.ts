// The PHI Guard language server: wires LSP to the engine and nothing more (docs/architecture.md).
// Started as `node dist/server.js --stdio` by any LSP client, or over IPC by
// vscode-languageclient. The pieces live in ./lsp.

import {
  DidChangeConfigurationNotification,
  ProposedFeatures,
  createConnection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { initEngine, initEngineRuntime } from './engine';
import {
  AiToolsRequest,
  AuditCoverageRequest,
  ComplianceReportRequest,
  BaaReportRequest,
  CONFIGURATION_SECTION,
  CreatePolicyFileRequest,
  ScaffoldOptionsRequest,
  ScaffoldResourceRequest,
  ScaffoldRuntimeRequest,
  ScaffoldWriteRequest,
  ScanWorkspaceRequest,
  SERVER_NAME,
} from './protocol';
import { provideAiTools, provideBaaReport } from './lsp/aiTools';
import { createPolicyFile } from './lsp/policyFile';
import { checkResource, scaffoldOptions, scaffoldRuntime, writeScaffold } from './lsp/scaffold';
import { handleRequest } from './lsp/requests';
import { WorkspaceAuditContexts } from './lsp/auditContexts';
import { AnalysisService } from './lsp/analysisService';
import { readClientFeatures, serverCapabilities, type ClientFeatures } from './lsp/clientFeatures';
import { provideCodeActions } from './lsp/codeActions';
import { analysisDelay, PullDiagnostics, PushDiagnostics, type DiagnosticsDelivery } from './lsp/diagnosticsDelivery';
import { DocumentStore } from './lsp/documentStore';
import { guarded, guardedNotification } from './lsp/guard';
import { provideHover } from './lsp/hover';
import { emptyCoverage, provideAuditCoverage } from './lsp/coverage';
import { provideComplianceReport } from './lsp/complianceReport';
import { EMPTY_SCAN, WorkspaceScan } from './lsp/workspaceScan';
import { createLogger, type Logger } from './lsp/logger';
import { PolicyResolver } from './lsp/policyResolver';
import { PolicyStatusReporter } from './lsp/policyStatus';
import { PolicyWatcher } from './lsp/policyWatcher';
import { SettingsProvider } from './lsp/settings';
import { WorkspaceFlows } from './lsp/workspaceFlows';
import { uriToPath } from './lsp/uris';
import { stdioTransport } from './lsp/stdioTransport';

/** Edits to an open policy file arrive per keystroke; re-analysing everything waits for a pause. */
const POLICY_REFRESH_DEBOUNCE_MS = 300;

let shutdownReceived = false;
const stdio = stdioTransport(() => shutdownReceived);
const connection = stdio ? createConnection(ProposedFeatures.all, stdio.reader, stdio.writer) : createConnection(ProposedFeatures.all);
const logger = createLogger(connection);
const documents = new DocumentStore();

process.on('uncaughtException', (error) => logger.exception('uncaught exception', error));
process.on('unhandledRejection', (error) => logger.exception('unhandled rejection', error));

/** Everything that depends on the client's capabilities, created by `initialize`. */
interface Session {
  logger: Logger;
  features: ClientFeatures;
  settings: SettingsProvider;
  policies: PolicyResolver;
  analysis: AnalysisService;
  delivery: DiagnosticsDelivery;
  pull?: PullDiagnostics;
  watcher: PolicyWatcher;
  workspaceScan: WorkspaceScan;
  policyStatus: PolicyStatusReporter;
  /** The workspace's function summaries: findings through helpers in other files. */
  flows: WorkspaceFlows;
  folders: string[];
}

let session: Session | undefined;
let policyRefreshTimer: NodeJS.Timeout | undefined;

connection.onInitialize(async (params: InitializeParams): Promise<InitializeResult> => {
  const features = readClientFeatures(params.capabilities);
  const settings = new SettingsProvider(connection, features.configuration, params.initializationOptions, logger);
  const watcher = new PolicyWatcher(connection, features, logger);
  let delivery: DiagnosticsDelivery | undefined;
  const policyStatus = new PolicyStatusReporter(connection, logger, () => policies.folders);
  const policies = new PolicyResolver(logger, (loaded) => {
    delivery?.policyLoaded(loaded);
    watcher.policyLoaded(loaded);
    policyStatus.loaded(loaded);
  });
  const folders = workspaceFolderPaths(params);
  policies.setWorkspaceFolders(folders);
  // Django settings and global Nest guards cover endpoints in other files: a change re-analyses.
  const auditContexts = new WorkspaceAuditContexts(() => policies.folders, () => schedulePolicyRefresh());
  const flows = new WorkspaceFlows(
    connection,
    documents,
    logger,
    {
      progress: !!params.capabilities.window?.workDoneProgress,
      watchFiles: features.watchedFilesRegistration,
      openDocumentsIdle: () => session?.analysis.whenIdle() ?? Promise.resolve(),
      openDocumentsQuiet: (ms) => session?.analysis.whenQuiet(ms) ?? Promise.resolve(),
    },
    (uris) => {
      session?.analysis.dependenciesChanged(uris);
      session?.delivery.refresh(uris);
    },
  );
  const analysis = new AnalysisService(settings, policies, features, logger, auditContexts, (filePath) => flows.indexFor(filePath));
  const pull = features.pullDiagnostics
    ? new PullDiagnostics(connection, documents, analysis, features.diagnosticRefresh, logger, analysisDelay(params.initializationOptions))
    : undefined;
  delivery = pull ?? new PushDiagnostics(connection, documents, analysis, logger, analysisDelay(params.initializationOptions));
  session = { logger, features, settings, policies, analysis, delivery, pull, watcher, workspaceScan: new WorkspaceScan(connection, documents, features), policyStatus, flows, folders };

  const started = performance.now();
  try {
    // The runtime only: a file's grammar is loaded when it is first parsed, the other grammars
    // once the first analyses are done (onInitialized), so the first file waits for one grammar.
    await initEngineRuntime();
    logger.info(`${SERVER_NAME} engine ready in ${(performance.now() - started).toFixed(0)} ms (${pull ? 'pull' : 'push'} diagnostics)`);
  } catch (error) {
    // The server stays up (hover/code actions answer empty); the output channel says why.
    logger.exception('loading the tree-sitter grammars failed', error);
  }
  return { capabilities: serverCapabilities(features), serverInfo: { name: SERVER_NAME } };
});

connection.onInitialized(
  guardedNotification(logger, 'initialized', () => {
    if (!session) return;
    session.watcher.start();
    session.flows.start(session.folders);
    loadRemainingGrammars(session);
    if (session.features.configurationChangeRegistration) {
      connection.client
        .register(DidChangeConfigurationNotification.type, { section: CONFIGURATION_SECTION })
        .catch((error) => logger.exception('registering for configuration changes failed', error));
    }
    if (session.features.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(
        guardedNotification(logger, 'didChangeWorkspaceFolders', async () => {
          const folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
          const paths = folders.flatMap((folder) => uriToPath(folder.uri) ?? []);
          session?.policies.setWorkspaceFolders(paths);
          session?.flows.start(paths);
          refreshEverything();
        }),
      );
    }
  }),
);

/** When the grammars no file has needed yet are loaded, after the server's start. */
const REMAINING_GRAMMARS_DELAY_MS = 300;

/**
 * The grammars the first files did not need, in the background once their analyses are done
 * (the client opens its files right after `initialized`): a later file of another language
 * then parses at once.
 */
function loadRemainingGrammars(current: Session): void {
  setTimeout(() => {
    void current.analysis
      .whenIdle()
      .then(() => initEngine())
      .catch((error) => current.logger.exception('loading the tree-sitter grammars failed', error));
  }, REMAINING_GRAMMARS_DELAY_MS).unref();
}

connection.onDidOpenTextDocument(
  guardedNotification(logger, 'didOpen', (params) => {
    const document = documents.open(params);
    session?.workspaceScan.opened(document.uri);
    session?.delivery.opened(document);
    session?.flows.documentChanged(document);
  }),
);

connection.onDidChangeTextDocument(
  guardedNotification(logger, 'didChange', (params) => {
    const document = documents.change(params);
    if (!document || !session) return;
    session.delivery.changed(document);
    session.flows.documentChanged(document);
    // An edited policy changes the findings of every file under it.
    if (session.policies.isPolicyFile(document.filePath)) schedulePolicyRefresh();
  }),
);

connection.onDidSaveTextDocument(
  guardedNotification(logger, 'didSave', (params) => {
    if (session?.policies.isPolicyFile(uriToPath(params.textDocument.uri))) schedulePolicyRefresh();
  }),
);

connection.onDidCloseTextDocument(
  guardedNotification(logger, 'didClose', (params) => {
    const document = documents.close(params.textDocument.uri);
    if (!session) return;
    session.analysis.forget(params.textDocument.uri);
    session.settings.forget(params.textDocument.uri);
    session.delivery.closed(params.textDocument.uri);
    session.flows.documentClosed(document?.filePath);
    // A closed policy editor may have held unsaved text: go back to what is on disk.
    if (document && session.policies.isPolicyFile(document.filePath)) schedulePolicyRefresh();
  }),
);

connection.onDidChangeConfiguration(
  guardedNotification(logger, 'didChangeConfiguration', (params) => {
    session?.settings.changed(params.settings);
    refreshEverything();
  }),
);

connection.onDidChangeWatchedFiles(
  guardedNotification(logger, 'didChangeWatchedFiles', (params) => {
    if (params.changes.some((change) => session?.policies.isPolicyFile(uriToPath(change.uri)))) schedulePolicyRefresh();
    session?.flows.filesChanged(params.changes);
  }),
);

connection.languages.diagnostics.on(
  guarded(logger, 'textDocument/diagnostic', { kind: 'full', items: [] }, (params, token) =>
    session?.pull ? session.pull.provide(params, token) : { kind: 'full' as const, items: [] },
  ),
);

connection.onCodeAction(
  guarded(logger, 'textDocument/codeAction', [], (params) =>
    session ? provideCodeActions(params, documents.get(params.textDocument.uri), session.analysis, session.features) : [],
  ),
);

handleRequest(connection, logger, ScanWorkspaceRequest, EMPTY_SCAN, (params, token) => (session ? session.workspaceScan.run(params, token, session) : EMPTY_SCAN));
handleRequest(connection, logger, AuditCoverageRequest, emptyCoverage(), (params, token) => (session ? provideAuditCoverage(params, token, documents, session) : emptyCoverage()));

// The editor's views and commands that read the policy or write files: the work is done here, the
// client only asks and shows (docs/architecture.md, "thin client").
handleRequest(connection, logger, AiToolsRequest, undefined, (params) => (session ? provideAiTools(params, session) : undefined));
handleRequest(connection, logger, BaaReportRequest, undefined, (params) => (session ? provideBaaReport(params, session) : undefined));
handleRequest(connection, logger, ComplianceReportRequest, undefined, (params, token) => (session ? provideComplianceReport(params, token, documents, session) : undefined));
const INTERNAL_ERROR = 'an internal error; see "PHI Guard: Show Output"';
handleRequest(connection, logger, CreatePolicyFileRequest, { status: 'refused', reason: INTERNAL_ERROR }, (params) => createPolicyFile(params));
handleRequest(connection, logger, ScaffoldOptionsRequest, undefined, (params) => (session ? scaffoldOptions(params, session) : undefined));
handleRequest(connection, logger, ScaffoldResourceRequest, {}, (params) => checkResource(params));
handleRequest(connection, logger, ScaffoldRuntimeRequest, undefined, (params) => (session ? scaffoldRuntime(params, session) : undefined));
handleRequest(connection, logger, ScaffoldWriteRequest, { status: 'refused', problems: [INTERNAL_ERROR] }, (params) =>
  session ? writeScaffold(params, session) : { status: 'refused' as const, problems: ['the server is starting'] },
);

connection.onHover(
  guarded(logger, 'textDocument/hover', null, (params) =>
    session ? provideHover(params, documents.get(params.textDocument.uri), session.analysis, session.features) : null,
  ),
);

connection.onShutdown(() => {
  shutdownReceived = true;
  if (policyRefreshTimer) clearTimeout(policyRefreshTimer);
  session?.delivery.dispose();
  session?.flows.dispose();
  session?.policyStatus.dispose();
  documents.dispose();
});

function schedulePolicyRefresh(): void {
  if (policyRefreshTimer) clearTimeout(policyRefreshTimer);
  policyRefreshTimer = setTimeout(() => {
    policyRefreshTimer = undefined;
    refreshEverything();
  }, POLICY_REFRESH_DEBOUNCE_MS);
}

/** Settings, workspace folders or a policy changed: forget cached results and re-diagnose. */
function refreshEverything(): void {
  if (!session) return;
  session.policyStatus.reset();
  session.policies.invalidate();
  session.analysis.invalidateAll();
  session.delivery.refreshAll();
}

function workspaceFolderPaths(params: InitializeParams): string[] {
  if (params.workspaceFolders?.length) return params.workspaceFolders.flatMap((folder) => uriToPath(folder.uri) ?? []);
  const root = params.rootUri ? uriToPath(params.rootUri) : params.rootPath ?? undefined;
  return root ? [root] : [];
}

connection.listen();

// A minimal LSP client for the LSP-level tests: starts the bundled server over stdio and speaks
// the protocol with vscode-languageserver-protocol (docs/architecture.md, "Tests mirror the layers"). It declares only
// the capabilities a test asks for, so the same server is checked against plain clients and
// VS Code-like ones. Everything waits by polling with a deadline, never by sleeping.

import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const serverPath = path.join(repoRoot, 'dist', 'server.js');
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures', 'lsp');
/** A workspace with its own (empty, valid) phi-guard.json so no policy above it leaks in. */
export const workspaceDir = path.join(fixturesDir, 'workspace');

export function fixtureUri(...segments) {
  return pathToFileURL(path.join(workspaceDir, ...segments)).href;
}

/**
 * @param {object} options
 * @param {boolean} [options.pull] declare textDocument.diagnostic (pull diagnostics)
 * @param {boolean} [options.configuration] declare workspace/configuration
 * @param {(scopeUri: string) => object} [options.settings] the `phiGuard` section per resource
 * @param {object} [options.initializationOptions]
 * @param {boolean} [options.documentChanges] declare versioned workspace edits
 * @param {boolean} [options.dataSupport] declare Diagnostic.data round-tripping
 * @param {string[]} [options.execArgv] node options before the server script (e.g. --require)
 * @param {object} [options.env] the server's environment (default: this process's)
 * @param {string} [options.workspace] the workspace folder (default: the LSP fixture workspace)
 */
export async function startServer(options = {}) {
  const child = spawn(process.execPath, [...(options.execArgv ?? []), options.serverPath ?? serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: options.env ?? process.env });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));

  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  /** uri -> latest publishDiagnostics params */
  const published = new Map();
  const publishLog = [];
  const logs = [];
  const registrations = [];
  const configurationRequests = [];
  let refreshRequests = 0;
  let settings = options.settings ?? (() => ({}));

  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    published.set(params.uri, params);
    publishLog.push(params);
  });
  connection.onNotification('window/logMessage', (params) => logs.push(params.message));
  connection.onNotification('$/logTrace', (params) => logs.push(params.message));
  connection.onNotification('window/showMessage', (params) => logs.push(params.message));
  connection.onRequest('workspace/configuration', (params) => {
    configurationRequests.push(params);
    return params.items.map((item) => (item.section === 'phiGuard' ? settings(item.scopeUri) : null));
  });
  connection.onRequest('client/registerCapability', (params) => {
    registrations.push(...params.registrations);
    return null;
  });
  connection.onRequest('client/unregisterCapability', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => {
    refreshRequests++;
    return null;
  });
  connection.onRequest('window/workDoneProgress/create', () => null);
  // `options.workspaceDir` (or `options.workspace`): another folder than the shared fixture workspace (a test's own temporary one).
  const folderDir = options.workspaceDir ?? options.workspace ?? workspaceDir;
  connection.onRequest('workspace/workspaceFolders', () => [{ uri: pathToFileURL(folderDir).href, name: 'workspace' }]);
  connection.listen();

  const diagnosticsCapabilities = {
    relatedInformation: true,
    codeDescriptionSupport: true,
    dataSupport: options.dataSupport ?? true,
  };
  const capabilities = {
    workspace: {
      configuration: options.configuration ?? false,
      didChangeConfiguration: { dynamicRegistration: options.configuration ?? false },
      didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
      workspaceEdit: { documentChanges: options.documentChanges ?? true },
      workspaceFolders: true,
      ...(options.pull ? { diagnostics: { refreshSupport: true } } : {}),
    },
    textDocument: {
      synchronization: { didSave: true, dynamicRegistration: false },
      publishDiagnostics: { ...diagnosticsCapabilities, versionSupport: true },
      hover: { contentFormat: options.markdown === false ? ['plaintext'] : ['markdown', 'plaintext'] },
      codeAction: {
        codeActionLiteralSupport: {
          codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] },
        },
        isPreferredSupport: true,
        dataSupport: true,
      },
      ...(options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false, ...diagnosticsCapabilities } } : {}),
    },
  };
  const serverDied = exited.then(({ code, signal }) => {
    throw new Error(`server exited (${code ?? signal}) before answering initialize:\n${stderr}`);
  });
  const initializeRequest = connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(folderDir).href,
    workspaceFolders: [{ uri: pathToFileURL(folderDir).href, name: 'workspace' }],
    capabilities,
    initializationOptions: options.initializationOptions,
  });
  const initializeResult = await Promise.race([initializeRequest, serverDied]);
  serverDied.catch(() => {});
  await connection.sendNotification('initialized', {});

  /** uri -> TextDocument, the client's view of the text. */
  const documents = new Map();

  const client = {
    connection,
    /** The server process (resilience tests kill it). */
    process: child,
    exited,
    initializeResult,
    published,
    publishLog,
    logs,
    registrations,
    configurationRequests,
    get refreshRequests() {
      return refreshRequests;
    },
    get stderr() {
      return stderr;
    },
    setSettings(fn) {
      settings = fn;
    },
    document(uri) {
      return documents.get(uri);
    },
    async open(uri, text, languageId = 'python', version = 1) {
      documents.set(uri, TextDocument.create(uri, languageId, version, text));
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    },
    /** Incremental changes: [{range, text}], applied in order as the protocol says. */
    async change(uri, changes) {
      const document = documents.get(uri);
      const version = document.version + 1;
      TextDocument.update(document, changes, version);
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
      return version;
    },
    /** `workspace/didChangeWatchedFiles`: files changed on disk (type 1 created, 2 changed, 3 deleted). */
    async filesChanged(changes) {
      await connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
    },
    async close(uri) {
      documents.delete(uri);
      await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    /** Applies a WorkspaceEdit to the client's copy and sends it as one incremental change. */
    async applyWorkspaceEdit(edit) {
      const byUri = new Map();
      for (const change of edit.documentChanges ?? []) {
        const document = documents.get(change.textDocument.uri);
        if (change.textDocument.version !== null && change.textDocument.version !== document.version) {
          throw new Error(`edit for version ${change.textDocument.version}, document is at ${document.version}`);
        }
        byUri.set(change.textDocument.uri, change.edits);
      }
      for (const [uri, edits] of Object.entries(edit.changes ?? {})) byUri.set(uri, edits);
      for (const [uri, edits] of byUri) {
        const document = documents.get(uri);
        const newText = TextDocument.applyEdits(document, edits);
        const end = document.positionAt(document.getText().length);
        await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end }, text: newText }]);
      }
    },
    pull(uri, previousResultId) {
      return connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
    },
    codeActions(uri, range, diagnostics, only) {
      return connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range,
        context: { diagnostics, ...(only ? { only } : {}) },
      });
    },
    hover(uri, position) {
      return connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
    },
    /** Waits for a publishDiagnostics for `uri` (at `version`, if given) that satisfies `predicate`. */
    async waitForPublished(uri, { version, predicate = () => true, timeout = 10_000 } = {}) {
      return waitFor(() => {
        const params = published.get(uri);
        if (!params) return undefined;
        if (version !== undefined && params.version !== version) return undefined;
        return predicate(params.diagnostics) ? params.diagnostics : undefined;
      }, { timeout, message: `publishDiagnostics for ${path.basename(uri)}${version !== undefined ? ` v${version}` : ''}` });
    },
    /** Pulls until the report satisfies `predicate` (the engine may still be warming up). */
    async pullUntil(uri, predicate = () => true, timeout = 10_000) {
      let last;
      return waitFor(async () => {
        last = await client.pull(uri);
        return last.kind === 'full' && predicate(last.items) ? last : undefined;
      }, { timeout, message: `pulled diagnostics for ${path.basename(uri)} (last: ${JSON.stringify(last?.items?.map((d) => d.code))})` });
    },
    async shutdown() {
      try {
        await withTimeout(connection.sendRequest('shutdown'), 5_000, 'shutdown');
        await connection.sendNotification('exit');
      } catch {
        // fall through to the kill below
      }
      const result = await Promise.race([exited, unrefDelay(5_000).then(() => undefined)]);
      connection.dispose();
      if (!result) child.kill();
      return result;
    },
  };
  return client;
}

/** Polls `probe` (sync or async) until it returns something truthy, or fails after `timeout`. */
export async function waitFor(probe, { timeout = 10_000, interval = 20, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let lastError;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeout} ms waiting for ${message}${lastError ? `: ${lastError.message}` : ''}`);
    }
    await delay(interval);
  }
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A timer that does not keep the test process alive once everything else is done. */
function unrefDelay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function withTimeout(promise, ms, what) {
  return Promise.race([promise, unrefDelay(ms).then(() => Promise.reject(new Error(`${what} timed out`)))]);
}

export function rangeOfText(text, needle) {
  const document = TextDocument.create('file:///x', 'plaintext', 0, text);
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`"${needle}" not in text`);
  return { start: document.positionAt(offset), end: document.positionAt(offset + needle.length) };
}

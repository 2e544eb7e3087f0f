// Which documents the client hands to the language server, and the policy-file watcher: kept
// out of client/src/languageClient.ts, which is loaded after activation (client/src/lazy.ts).

import * as vscode from 'vscode';
import type { DocumentSelector } from 'vscode-languageclient/node';
import { POLICY_FILE_NAME } from '../../server/src/protocol';

export const ANALYZED_LANGUAGES = ['python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact'] as const;

export const POLICY_FILE_GLOB = `**/${POLICY_FILE_NAME}`;

/**
 * Data files phi-literal reads (the engine's data languages), by name whatever language an
 * extension gives them: JSON, NDJSON, YAML, CSV, TSV, HL7 v2 and `.env` samples.
 */
export const DATA_FILE_GLOBS = ['**/*.{json,jsonl,ndjson,yaml,yml,csv,tsv,hl7}', '**/.env', '**/.env.*'] as const;

/**
 * Source files on disk and unsaved (untitled) buffers, plus the policy file so the server can
 * publish diagnostics for a broken `phi-guard.json` in that file itself (docs/policy.md).
 */
export const documentSelector: DocumentSelector = [
  ...ANALYZED_LANGUAGES.flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]),
  // Prisma schemas: VS Code only knows the `prisma` language with the Prisma extension installed.
  { scheme: 'file', language: 'prisma' },
  { scheme: 'file', pattern: '**/*.prisma' },
  { scheme: 'file', language: 'json', pattern: POLICY_FILE_GLOB },
  { scheme: 'file', language: 'jsonc', pattern: POLICY_FILE_GLOB },
  // Data files (phi-literal), and the code cells of notebooks (their outputs are read on the `.ipynb` by Scan Workspace).
  ...DATA_FILE_GLOBS.map((pattern) => ({ scheme: 'file', pattern })),
  { scheme: 'vscode-notebook-cell', language: 'python' },
];

export function createPolicyWatcher(): vscode.FileSystemWatcher {
  return vscode.workspace.createFileSystemWatcher(POLICY_FILE_GLOB);
}

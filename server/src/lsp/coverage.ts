// `phiGuard/auditCoverage`: the coverage report over the workspace folders' files, for the Audit
// Coverage view and the status bar. Open documents use the analysis the diagnostics already
// computed; files on disk are analysed once per (mtime, size, policy generation) and cached.
// A file that cannot be read or analysed is logged once (its path and the error's type, never
// its text) and left out; the rest of the workspace is still covered.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CancellationToken } from 'vscode-languageserver/node';
import { analyze, buildCoverageReport, type AnalysisResult, type CoverageInput, type ResolvedPolicy } from '../engine';
import type { AuditCoverageParams, AuditCoverageResult } from '../protocol';
import { FolderPolicies } from '../workspace/folder-policies';
import { findSourceFiles, type Discovery } from '../workspace/find-source-files';
import { logAnalysisFailures } from './analysisFailures';
import type { AnalysisService } from './analysisService';
import type { DocumentStore } from './documentStore';
import type { Logger } from './logger';
import type { PolicyResolver } from './policyResolver';
import type { SettingsProvider } from './settings';
import { pathToUri, uriToPath } from './uris';

/** A workspace with more source files than this is covered partially (and says so). */
export const MAX_COVERAGE_FILES = 5000;

export interface CoverageSession {
  analysis: AnalysisService;
  policies: PolicyResolver;
  settings: SettingsProvider;
  logger: Logger;
}

interface CachedFile {
  mtimeMs: number;
  size: number;
  generation: number;
  result: AnalysisResult;
  policy: ResolvedPolicy;
}

const caches = new WeakMap<CoverageSession['analysis'], Map<string, CachedFile>>();

export function emptyCoverage(): AuditCoverageResult {
  return {
    summary: { endpoints: 0, phiEndpoints: 0, covered: 0, mismatched: 0, missing: 0, suppressed: 0, percent: 100 },
    endpoints: [],
    findings: { total: 0, errors: 0, warnings: 0 },
    files: 0,
    truncated: false,
  };
}

/** One analysed file of a workspace walk. */
export interface WorkspaceFile {
  folder: string;
  file: string;
  result: AnalysisResult;
  policy: ResolvedPolicy;
}

/**
 * Analyses every source file of the workspace folders (open documents from their editors, files
 * on disk from the cache), shared by the coverage report and *Scan Workspace*. Undefined when
 * cancelled.
 */
export async function analyseWorkspace(
  folderUris: readonly string[],
  token: CancellationToken | undefined,
  documents: DocumentStore,
  session: CoverageSession,
): Promise<{ files: WorkspaceFile[]; truncated: boolean } | undefined> {
  const folders = folderUris.flatMap((uri) => {
    const folder = uriToPath(uri);
    return folder ? [{ uri, folder }] : [];
  });
  let cache = caches.get(session.analysis);
  if (!cache) caches.set(session.analysis, (cache = new Map()));
  const analysed: WorkspaceFile[] = [];
  let truncated = false;
  const seen = new Set<string>();
  for (const { uri: folderUri, folder } of folders) {
    const settings = await session.settings.forResource(folderUri);
    if (!settings.enable) continue;
    const discovery = await findSourceFiles([folder], folder, new FolderPolicies());
    logUnreachable(discovery, session.logger);
    for (const file of discovery.files) {
      if (token?.isCancellationRequested) return undefined;
      if (seen.has(file)) continue;
      if (seen.size >= MAX_COVERAGE_FILES) {
        truncated = true;
        break;
      }
      seen.add(file);
      const entry = await analyseFile(file, documents, session, cache, settings.policyPath, settings.maxFileSizeKb);
      if (entry) analysed.push({ folder, file, result: entry.result, policy: entry.policy });
      // Keep the server responsive on a large first scan.
      if (seen.size % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }
  pruneCache(cache, seen);
  return { files: analysed, truncated };
}

export async function provideAuditCoverage(
  params: AuditCoverageParams | undefined,
  token: CancellationToken | undefined,
  documents: DocumentStore,
  session: CoverageSession,
): Promise<AuditCoverageResult> {
  const workspace = await analyseWorkspace(params?.folders ?? [], token, documents, session);
  if (!workspace) return emptyCoverage();
  const findings = { total: 0, errors: 0, warnings: 0 };
  const inputs: CoverageInput[] = [];
  for (const { folder, file, result, policy } of workspace.files) {
    for (const finding of result.findings) {
      findings.total++;
      if (finding.severity === 'error') findings.errors++;
      else if (finding.severity === 'warning') findings.warnings++;
    }
    inputs.push({ display: path.relative(folder, file) || path.basename(file), absolutePath: file, result, policy });
  }
  const files = workspace.files.length;
  const truncated = workspace.truncated;
  const report = buildCoverageReport(inputs);
  return {
    summary: report.summary,
    endpoints: report.endpoints.map((endpoint) => ({ ...endpoint, uri: pathToUri(endpoint.absolutePath) })),
    findings,
    files,
    truncated,
  };
}

async function analyseFile(
  file: string,
  documents: DocumentStore,
  session: CoverageSession,
  cache: Map<string, CachedFile>,
  policyPath: string,
  maxFileSizeKb: number,
): Promise<{ result: AnalysisResult; policy: ResolvedPolicy } | undefined> {
  const loaded = await session.policies.forFile(file, policyPath);
  const open = documents.get(pathToUri(file));
  if (open && !open.closed) {
    const report = await session.analysis.currentReport(open);
    return report?.result ? { result: report.result, policy: loaded.policy } : undefined;
  }
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (error) {
    unreadable(file, error, session.logger);
    return undefined;
  }
  if (stat.size > maxFileSizeKb * 1024) return undefined;
  const generation = session.policies.generation;
  const cached = cache.get(file);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size && cached.generation === generation) return cached;
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    unreadable(file, error, session.logger);
    return undefined;
  }
  let result: AnalysisResult;
  try {
    const auditContext = await session.analysis.auditContextFor(file);
    result = analyze({ text: text.replace(/^\uFEFF/, ''), path: file }, loaded.policy, { maxFileSizeKb, projectRoot: session.policies.workspaceFolderOf(file), ...(auditContext ? { auditContext } : {}) });
  } catch (error) {
    session.logger.exceptionOnce(`Audit coverage: analysing ${file} failed; its endpoints are left out`, error);
    return undefined;
  }
  logAnalysisFailures(session.logger, result, file);
  const entry: CachedFile = { mtimeMs: stat.mtimeMs, size: stat.size, generation, result, policy: loaded.policy };
  cache.set(file, entry);
  return entry;
}

function pruneCache(cache: Map<string, CachedFile>, seen: Set<string>): void {
  for (const file of cache.keys()) if (!seen.has(file)) cache.delete(file);
}

/** A file deleted since the walk found it is simply gone; any other error is said, once. */
function unreadable(file: string, error: unknown, logger: Logger): void {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return;
  logger.errorOnce(`coverage-unreadable\u0000${file}`, `Audit coverage: ${file} cannot be read (${code ?? 'error'}); its endpoints are left out`);
}

function logUnreachable(discovery: Discovery, logger: Logger): void {
  for (const { path: folder, error } of discovery.unreadableDirectories) {
    logger.errorOnce(`coverage-unreadable\u0000${folder}`, `Audit coverage: folder ${folder} cannot be read (${error}); its files are left out`);
  }
  for (const { path: file, error } of discovery.unreadableFiles) {
    logger.errorOnce(`coverage-unreadable\u0000${file}`, `Audit coverage: ${file} cannot be reached (${error}); its endpoints are left out`);
  }
}

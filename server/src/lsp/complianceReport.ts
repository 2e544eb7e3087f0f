// `phiGuard/complianceReport`: the compliance report over the workspace folders, built by the
// module `phi-guard report` uses (server/src/report) from the same workspace analysis as the
// Audit Coverage view. Paths are relative to the workspace folder (prefixed with the folder's
// name in a multi-root workspace).

import * as path from 'node:path';
import type { CancellationToken } from 'vscode-languageserver/node';
import { registeredRules } from '../engine';
import { buildAiToolsModel, defaultPolicy, isoDay, policyOverrides, type LoadedPolicy, type PolicyOverride } from '../policy';
import type { ComplianceReportParams, ComplianceReportResult } from '../protocol';
import { buildComplianceReport, createBlame, gitRevision, renderComplianceHtml, REPORT_TOOL_VERSION, type ReportFile } from '../report';
import { analyseWorkspace, type CoverageSession } from './coverage';
import type { DocumentStore } from './documentStore';
import { uriToPath } from './uris';

export async function provideComplianceReport(
  params: ComplianceReportParams,
  token: CancellationToken | undefined,
  documents: DocumentStore,
  session: CoverageSession,
): Promise<ComplianceReportResult | undefined> {
  const folders = params.folders.flatMap((uri) => {
    const folder = uriToPath(uri);
    return folder ? [folder] : [];
  });
  const workspace = await analyseWorkspace(params.folders, token, documents, session);
  if (!workspace) return undefined;
  const display = (file: string): string => {
    const folder = folders.find((candidate) => isInside(file, candidate));
    if (!folder) return file;
    const relative = path.relative(folder, file).split(path.sep).join('/');
    return folders.length > 1 ? `${path.basename(folder)}/${relative}` : relative;
  };

  // Every policy the workspace's files use, for the rules they turn off or down.
  const overrides = new Map<string, PolicyOverride>();
  const rules = registeredRules();
  for (const folder of folders) {
    const policyPath = (await session.settings.forResource(uriFor(params.folders, folders, folder))).policyPath;
    const loadedList: LoadedPolicy[] = [session.policies.current(folder, policyPath)];
    for (const entry of workspace.files.filter((file) => file.folder === folder)) loadedList.push(await session.policies.forFile(entry.file, policyPath));
    for (const loaded of loadedList) {
      for (const override of policyOverrides(loaded, rules)) {
        const shown = { ...override, file: display(override.file), via: override.via.map(display) };
        overrides.set(JSON.stringify([shown.ruleId, shown.severity, shown.file, shown.via]), shown);
      }
    }
  }

  const first = folders[0];
  let rootPolicy: LoadedPolicy = { policy: defaultPolicy(), files: [], diagnostics: [] };
  if (first) rootPolicy = session.policies.current(first, (await session.settings.forResource(params.folders[0])).policyPath);
  const now = new Date();
  const files: ReportFile[] = workspace.files.map((entry) => ({ display: display(entry.file), absolutePath: entry.file, result: entry.result, policy: entry.policy }));
  const report = buildComplianceReport({
    generatedAt: now,
    toolVersion: REPORT_TOOL_VERSION,
    scope: folders.length ? folders.map((folder) => path.basename(folder)) : [],
    revision: first ? gitRevision(first) : {},
    files,
    filesNotAnalysed: workspace.files.filter((entry) => entry.result.skipped && entry.result.skipped.reason !== 'unsupported-language').length,
    policyOverrides: [...overrides.values()],
    aiTools: buildAiToolsModel({
      policy: rootPolicy.policy,
      policyFile: rootPolicy.file ? display(rootPolicy.file) : undefined,
      policyErrors: rootPolicy.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length,
      today: now,
    }),
    blame: createBlame(),
  });
  return {
    webviewHtml: renderComplianceHtml(report, { variant: 'webview', nonce: params.nonce }),
    documentHtml: renderComplianceHtml(report, { variant: 'document' }),
    fileName: `phi-guard-compliance-report-${isoDay(now)}.html`,
  };
}

function uriFor(uris: readonly string[], folders: readonly string[], folder: string): string {
  return uris.find((uri) => uriToPath(uri) === folder) ?? uris[folders.indexOf(folder)] ?? '';
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

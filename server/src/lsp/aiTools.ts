// `phiGuard/aiTools` and `phiGuard/baaReport`: the AI Tools & BAA model of a workspace folder's
// policy and the editor's AI extensions, and the BAA report in Markdown. The policy is read as it
// is on disk now (the view refreshes right after a policy file is created or saved, possibly
// before this server's watcher reloads it), resolved like every other policy of the server.

import * as path from 'node:path';
import { aiToolsMarkdown, buildAiToolsModel, defaultPolicy, type AiToolsModel, type LoadedPolicy } from '../policy';
import type { AiToolsParams, AiToolsResult, BaaReportResult } from '../protocol';
import type { PolicyResolver } from './policyResolver';
import type { SettingsProvider } from './settings';
import { pathToUri, uriToPath } from './uris';

export interface AiToolsSession {
  settings: SettingsProvider;
  policies: PolicyResolver;
}

export async function provideAiTools(params: AiToolsParams, session: AiToolsSession): Promise<AiToolsResult> {
  const { loaded, model } = await modelFor(params, session);
  return { model, policyFiles: loaded.files.map(pathToUri) };
}

export async function provideBaaReport(params: AiToolsParams, session: AiToolsSession): Promise<BaaReportResult> {
  const { folder, model } = await modelFor(params, session);
  return { markdown: aiToolsMarkdown(model, { displayPath: (file) => displayPolicyPath(file, folder) }), hasPolicy: model.hasPolicy };
}

async function modelFor(params: AiToolsParams, session: AiToolsSession): Promise<{ folder?: string; loaded: LoadedPolicy; model: AiToolsModel }> {
  const folder = params.folder ? uriToPath(params.folder) : undefined;
  let loaded: LoadedPolicy = { policy: defaultPolicy(), files: [], diagnostics: [] };
  if (folder && params.folder) {
    const settings = await session.settings.forResource(params.folder);
    loaded = session.policies.current(folder, settings.policyPath);
  }
  const model = buildAiToolsModel({
    policy: loaded.policy,
    policyFile: loaded.file,
    policyErrors: loaded.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length,
    installedExtensions: params.installedExtensions,
    builtinAiFeaturesEnabled: params.builtinAiFeaturesEnabled,
    today: new Date(),
  });
  return { folder, loaded, model };
}

/** The policy's path as the report shows it: relative to the workspace folder when inside it. */
function displayPolicyPath(file: string, folder: string | undefined): string {
  if (!folder) return file;
  const relative = path.relative(folder, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : file;
}

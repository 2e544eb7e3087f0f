// The AI Tools & BAA view and *Export BAA Report*. The client says what only the editor can see
// (the installed extensions, whether its built-in AI features are on); the server reads the
// policy and builds the model, the same one `phi-guard tools` prints.

import type { AiToolsModel, InstalledExtension } from '../policy/ai-tools-model';
import { request } from './messages';

export type { AiToolEntry, AiToolsModel, InstalledAiEntry, InstalledExtension, InstalledStatus, VendorEntry } from '../policy/ai-tools-model';
export type { BaaStatus, PhiUse, ToolStatus } from '../engine/model/policy';

export interface AiToolsParams {
  /** The workspace folder (`file:` URI) whose policy applies; absent when no folder is open. */
  folder?: string;
  /** Every installed extension but VS Code's own: the server picks the AI tools among them. */
  installedExtensions: InstalledExtension[];
  builtinAiFeaturesEnabled: boolean;
}

export interface AiToolsResult {
  model: AiToolsModel;
  /** `file:` URIs of every file the policy read (it and the files it extends): a save of one changes the view. */
  policyFiles: string[];
}

export interface BaaReportResult {
  /** The BAA report (the document `phi-guard tools --format markdown` prints), paths relative to the folder. */
  markdown: string;
  hasPolicy: boolean;
}

export const AiToolsRequest = request<AiToolsParams, AiToolsResult>('phiGuard/aiTools');
export const BaaReportRequest = request<AiToolsParams, BaaReportResult>('phiGuard/baaReport');

// The *AI Tools & BAA* view (`phiGuard.aiTools`) and shadow-AI detection. The model comes from
// the server (`phiGuard/aiTools`, the one `phi-guard tools` prints); its rows are the plain data
// of aiToolsTree.ts (unit-tested there). This module renders them, keeps them fresh, and tells
// the user once per session about unapproved AI extensions.
//
// Nothing is asked at activation: the model is requested when the view is first shown, or a few
// seconds after activation for the shadow-AI check (which goes on only where a policy governs).
//
// For the status bar (owned by the status bar module): `shadowAi` / `onDidChangeShadowAi` give
// the installed AI tools the policy prohibits or does not list; show a warning when count > 0.

import * as vscode from 'vscode';
import { CoalescedRun } from './coalescedRun';
import {
  AI_TOOLS_STATE_CONTEXT,
  AI_TOOLS_VIEW_ID,
  OPEN_AI_TOOLS_ENTRY_COMMAND,
  POLICY_FILE_NAME,
  type AiToolsModel,
  type AiToolsParams,
  type AiToolsResult,
  type AiToolsViewState,
  type InstalledAiEntry,
} from '../../../server/src/protocol';
import { POLICY_FILE_GLOB } from '../documents';
import { aiToolsParams, currentWorkspaceFolder } from './aiToolsData';
import { buildAiToolsTree, type AiToolsTreeNode, type TreeNodeAction } from './aiToolsTree';

const SHADOW_CHECK_DELAY_MS = 4000;
const REFRESH_DEBOUNCE_MS = 300;
const UNAVAILABLE_MESSAGE = `The AI tools and BAAs of the ${POLICY_FILE_NAME} policy show once the PHI Guard server is running.`;

/** Sends the model request; undefined when the server is not running. */
export type AiToolsRequester = (params: AiToolsParams) => Promise<AiToolsResult | undefined>;

export interface ShadowAiSummary {
  /** Installed AI tools the policy prohibits or does not list. */
  count: number;
  entries: InstalledAiEntry[];
  policyFile?: string;
}

/** The latest answer, with the folder it is about and the day BAA dates were judged on. */
interface CurrentModel extends AiToolsResult {
  folder?: vscode.WorkspaceFolder;
  day: string;
}

export class AiToolsController implements vscode.Disposable, vscode.TreeDataProvider<AiToolsTreeNode> {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly treeChanged = new vscode.EventEmitter<AiToolsTreeNode | undefined>();
  readonly onDidChangeTreeData = this.treeChanged.event;
  private readonly shadowChanged = new vscode.EventEmitter<ShadowAiSummary>();
  /** Fires whenever the shadow-AI count may have changed (for the status bar). */
  readonly onDidChangeShadowAi = this.shadowChanged.event;

  private readonly treeView: vscode.TreeView<AiToolsTreeNode>;
  private current?: CurrentModel;
  /** False when the last request got no answer (no server running). */
  private available = true;
  private nodes: AiToolsTreeNode[] = [];
  private started?: Promise<void>;
  private notified = false;
  private refreshTimer?: ReturnType<typeof setTimeout>;
  private policyWatcher?: vscode.FileSystemWatcher;
  private lastFolder?: string;
  private readonly refreshes = new CoalescedRun();

  constructor(private readonly requestModel: AiToolsRequester) {
    this.treeView = vscode.window.createTreeView(AI_TOOLS_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.treeView,
      this.treeChanged,
      this.shadowChanged,
      vscode.commands.registerCommand(OPEN_AI_TOOLS_ENTRY_COMMAND, (action: TreeNodeAction) => this.runAction(action)),
    );
    const timer = setTimeout(() => void this.backgroundShadowCheck(), SHADOW_CHECK_DELAY_MS);
    this.disposables.push({ dispose: () => clearTimeout(timer) });
  }

  /** The latest shadow-AI result; undefined until the policy has been looked at. */
  get shadowAi(): ShadowAiSummary | undefined {
    return this.current ? shadowSummary(this.current.model) : undefined;
  }

  /** The current model, asking for it if needed; undefined when the server does not answer. */
  async modelNow(): Promise<CurrentModel | undefined> {
    if (!this.started) await this.start();
    else if (!this.current) await this.recompute();
    return this.current;
  }

  refresh(): void {
    if (!this.started) return;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      void this.recompute();
    }, REFRESH_DEBOUNCE_MS);
  }

  getTreeItem(node: AiToolsTreeNode): vscode.TreeItem {
    const state = node.children
      ? node.expanded
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed
      : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    item.description = node.description;
    const tooltip = new vscode.MarkdownString(node.tooltip, true);
    tooltip.isTrusted = false;
    item.tooltip = tooltip;
    item.iconPath = new vscode.ThemeIcon(node.icon.id, node.icon.color ? new vscode.ThemeColor(node.icon.color) : undefined);
    item.accessibilityInformation = { label: node.accessibilityLabel };
    item.contextValue = node.contextValue;
    if (node.action) item.command = { command: OPEN_AI_TOOLS_ENTRY_COMMAND, title: 'Open', arguments: [node.action] };
    return item;
  }

  async getChildren(node?: AiToolsTreeNode): Promise<AiToolsTreeNode[]> {
    if (node) return node.children ?? [];
    // The first call waits for the first answer; later ones show what is there (a refresh fires a change).
    if (!this.started) await this.start(false);
    await this.updateContext();
    return this.nodes;
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.policyWatcher?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** First use: ask, and from now on follow every change that can alter the view. */
  private start(fireTreeChange = true): Promise<void> {
    if (this.started) return this.started;
    this.policyWatcher = vscode.workspace.createFileSystemWatcher(POLICY_FILE_GLOB);
    const refresh = () => this.refresh();
    this.disposables.push(
      this.policyWatcher.onDidCreate(refresh),
      this.policyWatcher.onDidChange(refresh),
      this.policyWatcher.onDidDelete(refresh),
      vscode.extensions.onDidChange(refresh),
      vscode.workspace.onDidChangeWorkspaceFolders(refresh),
      // The policy path and the built-in AI features are settings; asking again is cheap.
      vscode.workspace.onDidChangeConfiguration(refresh),
      // Files the policy extends are not named phi-guard.json: follow their saves too.
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (this.current?.policyFiles.some((uri) => vscode.Uri.parse(uri).fsPath === document.uri.fsPath)) refresh();
      }),
      // Multi-root: the view follows the folder of the active editor.
      vscode.window.onDidChangeActiveTextEditor(() => {
        if (currentWorkspaceFolder()?.uri.toString() !== this.lastFolder) refresh();
      }),
      // A BAA can expire while the window stays open: judge the dates again when the view is shown on another day.
      this.treeView.onDidChangeVisibility((event) => {
        if (event.visible && this.current?.day !== localDay()) refresh();
      }),
    );
    this.started = this.recompute(fireTreeChange);
    return this.started;
  }

  /** Asks for the model; overlapping calls collapse into one more request. */
  private recompute(fireTreeChange = true): Promise<void> {
    return this.refreshes.run(() => this.askOnce(fireTreeChange));
  }

  private async askOnce(fireTreeChange: boolean): Promise<void> {
    const before = this.shadowAi?.count;
    const folder = currentWorkspaceFolder();
    let result: AiToolsResult | undefined;
    try {
      result = await this.requestModel(aiToolsParams(folder));
    } catch {
      // Never leave the view broken: no answer shows the "server not running" message.
      result = undefined;
    }
    this.available = result !== undefined;
    this.current = result ? { ...result, folder, day: localDay() } : undefined;
    this.lastFolder = folder?.uri.toString();
    this.nodes = this.current ? buildAiToolsTree(this.current.model) : [];
    this.treeView.message = this.available ? undefined : UNAVAILABLE_MESSAGE;
    this.updateBadge();
    if (fireTreeChange) this.treeChanged.fire(undefined);
    await this.updateContext();
    const summary = this.shadowAi;
    if (summary && summary.count !== before) this.shadowChanged.fire(summary);
    if (summary) this.maybeNotify(summary);
  }

  private async updateContext(): Promise<void> {
    const state: AiToolsViewState = !vscode.workspace.workspaceFolders?.length
      ? 'noWorkspace'
      : !this.available
        ? 'unavailable'
        : this.current?.model.hasPolicy
          ? 'ready'
          : 'noPolicy';
    await vscode.commands.executeCommand('setContext', AI_TOOLS_STATE_CONTEXT, state);
  }

  private updateBadge(): void {
    const model = this.current?.model;
    const count = model ? attentionCount(model) : 0;
    this.treeView.badge = count > 0 ? { value: count, tooltip: `${count} AI tool or BAA item(s) need attention` } : undefined;
  }

  /** Without the view ever being shown, still warn about shadow AI, but only where a policy governs. */
  private async backgroundShadowCheck(): Promise<void> {
    if (this.started) return;
    const folder = currentWorkspaceFolder();
    if (!folder || folder.uri.scheme !== 'file') return;
    const result = await this.requestModel(aiToolsParams(folder)).catch(() => undefined);
    if (result?.model.hasPolicy) await this.start();
  }

  /** One notification per session, only with a policy, never repeated: the view and status bar keep the state. */
  private maybeNotify(summary: ShadowAiSummary): void {
    if (this.notified || summary.count === 0 || !summary.policyFile) return;
    this.notified = true;
    const names = summary.entries.map((entry) => `${entry.name} (${entry.status === 'prohibited' ? 'prohibited' : 'not in the policy'})`);
    const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
    const message = `PHI Guard: ${summary.count === 1 ? 'an AI tool in this editor is' : `${summary.count} AI tools in this editor are`} not approved by your PHI policy: ${shown}.`;
    void vscode.window.showWarningMessage(message, 'Open policy', 'Show details').then((choice) => {
      if (choice === 'Open policy') void this.runAction({ kind: 'openPolicy' });
      else if (choice === 'Show details') void vscode.commands.executeCommand(`${AI_TOOLS_VIEW_ID}.focus`);
    });
  }

  private async runAction(action: TreeNodeAction): Promise<void> {
    switch (action.kind) {
      case 'showExtension':
        await vscode.commands.executeCommand('extension.open', action.extensionId);
        return;
      case 'openSetting':
        await vscode.commands.executeCommand('workbench.action.openSettings', action.setting);
        return;
      case 'openPolicy': {
        const file = (await this.modelNow())?.model.policyFile;
        if (!file) {
          await vscode.commands.executeCommand(`${AI_TOOLS_VIEW_ID}.focus`);
          return;
        }
        const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
        const editor = await vscode.window.showTextDocument(document, { preview: true });
        const offset = action.entryId && action.section ? entryOffset(document.getText(), action.section, action.entryId) : undefined;
        if (offset !== undefined) {
          const position = document.positionAt(offset);
          editor.selection = new vscode.Selection(position, position);
          editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        }
      }
    }
  }
}

function shadowSummary(model: AiToolsModel): ShadowAiSummary {
  // Without a policy file nothing is "approved", so everything would be flagged: no warning then.
  const entries = model.hasPolicy ? (model.installed ?? []).filter((entry) => entry.flagged) : [];
  return { count: entries.length, entries, policyFile: model.policyFile };
}

function attentionCount(model: AiToolsModel): number {
  if (!model.hasPolicy) return 0;
  const shadow = (model.installed ?? []).filter((entry) => entry.flagged).length;
  return shadow + model.vendors.filter((vendor) => vendor.flagged).length;
}

/** Offset of `"id": "<entryId>"` inside the given section of a policy file, if it is there. */
function entryOffset(text: string, section: 'aiTools' | 'vendors', entryId: string): number | undefined {
  const sectionAt = text.search(new RegExp(`"${section}"\\s*:`));
  if (sectionAt < 0) return undefined;
  const pattern = new RegExp(`"id"\\s*:\\s*${escapeRegExp(JSON.stringify(entryId))}`, 'g');
  pattern.lastIndex = sectionAt;
  const match = pattern.exec(text);
  return match ? match.index : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The local calendar day, as BAA dates are judged. */
function localDay(): string {
  return new Date().toDateString();
}

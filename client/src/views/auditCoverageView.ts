// The *Audit Coverage* view: endpoints grouped by file with covered / missing / mismatched icons,
// the percentage as the view's description, a click jumps to the endpoint. The data comes from the
// server (`phiGuard/auditCoverage`); this file only renders it (the thin client, docs/architecture.md).

import * as vscode from 'vscode';
import { CoalescedRun } from './coalescedRun';
import { AUDIT_COVERAGE_VIEW_ID, Commands, type AuditCoverageParams, type AuditCoverageResult } from '../../../server/src/protocol';
import { buildCoverageTree, type CoverageEndpointNode, type CoverageFileNode, type CoverageTreeModel, type EndpointIcon } from './auditCoverageModel';

type Node = CoverageFileNode | CoverageEndpointNode;

/** Sends the coverage request; undefined when the server is not running. */
export type CoverageRequester = (params: AuditCoverageParams) => Promise<AuditCoverageResult | undefined>;

const REFRESH_DELAY_MS = 1500;

const ICONS: Record<EndpointIcon, vscode.ThemeIcon> = {
  covered: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  missing: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  mismatch: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  suppressed: new vscode.ThemeIcon('circle-slash'),
  'no-phi': new vscode.ThemeIcon('circle-outline'),
};

export class AuditCoverageController implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly modelChanged = new vscode.EventEmitter<CoverageTreeModel>();
  /** Fired with every new model (the status bar listens). */
  readonly onDidChangeModel = this.modelChanged.event;
  private readonly view: vscode.TreeView<Node>;
  private readonly disposables: vscode.Disposable[] = [];
  private model: CoverageTreeModel = buildCoverageTree(undefined);
  private timer: NodeJS.Timeout | undefined;
  private readonly refreshes = new CoalescedRun();

  constructor(private readonly request: CoverageRequester) {
    this.view = vscode.window.createTreeView(AUDIT_COVERAGE_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.changed,
      this.modelChanged,
      vscode.commands.registerCommand(Commands.showAuditCoverage, () => this.show()),
      vscode.commands.registerCommand(Commands.refreshAuditCoverage, () => this.refresh()),
      vscode.commands.registerCommand(Commands.openEndpoint, (node: CoverageEndpointNode) => openEndpoint(node)),
      // Findings change as files are edited and saved: re-request after a quiet moment.
      vscode.languages.onDidChangeDiagnostics(() => this.scheduleRefresh()),
      vscode.workspace.onDidSaveTextDocument(() => this.scheduleRefresh()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.scheduleRefresh()),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{py,ts,tsx,js,jsx,mjs,cjs}');
    this.disposables.push(watcher, watcher.onDidCreate(() => this.scheduleRefresh()), watcher.onDidDelete(() => this.scheduleRefresh()));
  }

  get current(): CoverageTreeModel {
    return this.model;
  }

  async show(): Promise<void> {
    await vscode.commands.executeCommand(`${AUDIT_COVERAGE_VIEW_ID}.focus`);
    await this.refresh();
  }

  scheduleRefresh(delay = REFRESH_DELAY_MS): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, delay);
  }

  /** Re-requests the report; overlapping calls collapse into one more run. */
  refresh(): Promise<void> {
    return this.refreshes.run(async () => {
      const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.toString());
      let result: AuditCoverageResult | undefined;
      try {
        result = await this.request({ folders });
      } catch {
        result = undefined;
      }
      this.model = buildCoverageTree(result);
      this.view.description = this.model.description;
      this.view.message = this.model.message;
      this.changed.fire(undefined);
      this.modelChanged.fire(this.model);
    });
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'file') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.id;
      item.description = node.description;
      item.resourceUri = vscode.Uri.parse(node.uri);
      item.iconPath = ICONS[node.icon];
      item.contextValue = 'phiGuard.coverageFile';
      return item;
    }
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.iconPath = ICONS[node.icon];
    item.contextValue = `phiGuard.endpoint.${node.icon}`;
    item.command = { command: Commands.openEndpoint, title: 'Go to Endpoint', arguments: [node] };
    return item;
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.model.files;
    return node.kind === 'file' ? node.children : [];
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}

async function openEndpoint(node: CoverageEndpointNode | undefined): Promise<void> {
  if (!node) return;
  const position = new vscode.Position(node.line, node.character);
  await vscode.window.showTextDocument(vscode.Uri.parse(node.uri), { selection: new vscode.Range(position, position), preview: true });
}


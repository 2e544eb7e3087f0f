// The status bar item: findings in the workspace and audit coverage; a click opens the Audit
// Coverage view. Fed by the view's model, so both always show the same numbers.

import * as vscode from 'vscode';
import { AuditCoverageCommands } from '../../server/src/protocol';
import type { CoverageTreeModel } from './views/auditCoverageModel';
import type { ShadowAiSummary } from './views/aiToolsView';

export class PhiGuardStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('phiGuard.status', vscode.StatusBarAlignment.Left, 50);

  constructor() {
    this.item.name = 'PHI Guard';
    this.item.command = AuditCoverageCommands.show;
    this.item.text = '$(shield) PHI Guard';
    this.item.tooltip = 'PHI Guard: show audit coverage';
    this.item.show();
  }

  update(model: CoverageTreeModel): void {
    const findings = model.findings;
    const count = findings === undefined ? '' : ` $(${findings ? 'warning' : 'check'}) ${findings}`;
    const coverage = model.description ? ` · ${model.description.replace(/ covered.*/, '')} audited` : '';
    this.item.text = `$(shield)${count}${coverage}`;
    this.item.tooltip = new vscode.MarkdownString(
      `**PHI Guard**\n\n${findings ?? 0} finding${findings === 1 ? '' : 's'} in the workspace\n\nAudit coverage: ${model.description || 'n/a'}\n\n_Click to show audit coverage._`,
    );
    this.item.backgroundColor = model.files.some((f) => f.icon === 'missing') ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.applyShadowAi();
  }

  // AI Tools & BAA (issue 6): a warning part when an installed AI extension is prohibited by the
  // policy or not listed in it (fed by AiToolsController.onDidChangeShadowAi in extension.ts).
  private shadowAi?: ShadowAiSummary;

  setShadowAi(summary: ShadowAiSummary): void {
    this.shadowAi = summary;
    this.applyShadowAi();
  }

  private applyShadowAi(): void {
    const count = this.shadowAi?.count ?? 0;
    this.item.text = this.item.text.replace(/ \$\(warning\) \d+ AI$/, '') + (count > 0 ? ` $(warning) ${count} AI` : '');
    const base = typeof this.item.tooltip === 'string' ? this.item.tooltip : this.item.tooltip?.value ?? '**PHI Guard**';
    const parts = base.split('\n\n').filter((part) => !part.includes('not approved by the policy'));
    if (count === 0 && parts.length === base.split('\n\n').length) return; // nothing of ours to remove
    if (count > 0) {
      // Extension names come from their manifests: escaped, so they show as plain text.
      const names = this.shadowAi!.entries.map((entry) => entry.name.replace(/[\\`*_{}[\]()#+!|<>$]/g, '\\$&')).join(', ');
      parts.push(`$(warning) ${count} AI tool${count === 1 ? '' : 's'} not approved by the policy: ${names}. Run *PHI Guard: Show AI Tools & BAA Status*.`);
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    }
    this.item.tooltip = new vscode.MarkdownString(parts.join('\n\n'), true);
  }

  dispose(): void {
    this.item.dispose();
  }
}

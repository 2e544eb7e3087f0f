// The status bar item: findings in the workspace and audit coverage; a click opens the Audit
// Coverage view. Fed by the view's model, so both always show the same numbers. It also warns
// when a policy file has problems (a click then opens that file, whose diagnostics a pull client
// only shows while it is open) and names the rules the policy turns off or down.

import * as vscode from 'vscode';
import { Commands, type PolicyStatusParams } from '../../server/src/protocol';
import type { CoverageTreeModel } from './views/auditCoverageModel';
import type { ShadowAiSummary } from './views/aiToolsView';

export class PhiGuardStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('phiGuard.status', vscode.StatusBarAlignment.Left, 50);
  private model?: CoverageTreeModel;
  // AI Tools & BAA (issue 6): a warning part when an installed AI extension is prohibited by the
  // policy or not listed in it (fed by AiToolsController.onDidChangeShadowAi in extension.ts).
  private shadowAi?: ShadowAiSummary;
  private policyStatus: PolicyStatusParams = { policies: [] };

  constructor() {
    this.item.name = 'PHI Guard';
    this.item.command = Commands.showAuditCoverage;
    this.item.text = '$(shield) PHI Guard';
    this.item.tooltip = 'PHI Guard: show audit coverage';
    this.item.show();
  }

  update(model: CoverageTreeModel): void {
    this.model = model;
    this.render();
  }

  setShadowAi(summary: ShadowAiSummary): void {
    this.shadowAi = summary;
    this.render();
  }

  /** From the server's phiGuard/policyStatus notification. */
  setPolicyStatus(status: PolicyStatusParams): void {
    this.policyStatus = status;
    this.render();
  }

  private render(): void {
    const model = this.model;
    let text = '$(shield) PHI Guard';
    const parts: string[] = [];
    let warning = false;
    if (model) {
      const findings = model.findings;
      const count = findings === undefined ? '' : ` $(${findings ? 'warning' : 'check'}) ${findings}`;
      const coverage = model.description ? ` · ${model.description.replace(/ covered.*/, '')} audited` : '';
      text = `$(shield)${count}${coverage}`;
      parts.push('**PHI Guard**', `${findings ?? 0} finding${findings === 1 ? '' : 's'} in the workspace`, `Audit coverage: ${model.description || 'n/a'}`);
      warning = model.files.some((f) => f.icon === 'missing');
    } else {
      parts.push('**PHI Guard**');
    }

    const aiCount = this.shadowAi?.count ?? 0;
    if (aiCount > 0) {
      text += ` $(warning) ${aiCount} AI`;
      // Extension names come from their manifests: escaped, so they show as plain text.
      const names = this.shadowAi!.entries.map((entry) => escapeMarkdown(entry.name)).join(', ');
      parts.push(`$(warning) ${aiCount} AI tool${aiCount === 1 ? '' : 's'} not approved by the policy: ${names}. Run *PHI Guard: Show AI Tools & BAA Status*.`);
      warning = true;
    }

    const broken = this.policyStatus.policies.filter((policy) => policy.errors + policy.warnings > 0);
    let command: vscode.Command | string = Commands.showAuditCoverage;
    if (broken.length > 0) {
      const first = broken[0];
      const problems = first.errors + first.warnings;
      const name = escapeMarkdown(vscode.workspace.asRelativePath(vscode.Uri.parse(first.uri)));
      text += ' $(warning) policy';
      const others = broken.length > 1 ? ` (and ${broken.length - 1} more policy file${broken.length === 2 ? '' : 's'})` : '';
      parts.push(
        `$(warning) ${name} has ${problems} problem${problems === 1 ? '' : 's'}${others}; defaults apply where it is broken. _Click to open it._`,
      );
      command = { title: 'Open the policy file', command: 'vscode.open', arguments: [vscode.Uri.parse(first.problemUri ?? first.uri)] };
      warning = true;
    }
    const overrides = this.policyStatus.policies.flatMap((policy) => policy.overrides);
    const off = unique(overrides.filter((o) => o.severity === 'off').map((o) => o.ruleId));
    const down = unique(overrides.filter((o) => o.severity !== 'off').map((o) => `${o.ruleId} (${o.severity})`));
    if (off.length > 0) parts.push(`The policy turns off: ${off.join(', ')}`);
    if (down.length > 0) parts.push(`The policy turns down: ${down.join(', ')}`);
    if (model && broken.length === 0) parts.push('_Click to show audit coverage._');

    this.item.text = text;
    this.item.tooltip = new vscode.MarkdownString(parts.join('\n\n'), true);
    this.item.command = command;
    this.item.backgroundColor = warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>$]/g, '\\$&');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

// The *AI Tools & BAA* view as plain data: what each row says, its codicon and theme colour,
// tooltip (Markdown) and accessible label, from the model the server sends. No `vscode` import:
// aiToolsView.ts only turns these nodes into vscode.TreeItems, so the whole view is unit-tested
// without VS Code (test/unit/ai-tools.test.mjs).

import type { AiToolEntry, AiToolsModel, BaaStatus, InstalledAiEntry, PhiUse, ToolStatus, VendorEntry } from '../../../server/src/protocol';

export interface TreeIcon {
  /** Codicon id (`vscode.ThemeIcon` id). */
  id: string;
  /** Theme colour id (`vscode.ThemeColor`), if any. */
  color?: string;
}

/** What a click on a row does. */
export type TreeNodeAction =
  | { kind: 'openPolicy'; section?: 'aiTools' | 'vendors'; entryId?: string }
  | { kind: 'showExtension'; extensionId: string }
  | { kind: 'openSetting'; setting: string };

export interface AiToolsTreeNode {
  /** Stable and unique in the tree (keeps expansion state across refreshes). */
  id: string;
  label: string;
  description?: string;
  /** Markdown. */
  tooltip: string;
  /** Read by screen readers instead of label + description. */
  accessibilityLabel: string;
  icon: TreeIcon;
  /** `TreeItem.contextValue`, e.g. `phiGuard.aiTool.flagged`. */
  contextValue: string;
  children?: AiToolsTreeNode[];
  /** For nodes with children: start expanded. */
  expanded?: boolean;
  action?: TreeNodeAction;
}

const COLOR = {
  ok: 'testing.iconPassed',
  warning: 'list.warningForeground',
  error: 'list.errorForeground',
  info: 'descriptionForeground',
} as const;

const GROUP_LABEL: Record<ToolStatus, string> = { approved: 'Approved tools', restricted: 'Restricted', prohibited: 'Prohibited' };
const GROUP_EMPTY: Record<ToolStatus, string> = {
  approved: 'No approved AI tool in the policy',
  restricted: 'No restricted AI tool in the policy',
  prohibited: 'No prohibited AI tool in the policy',
};

/** The view's rows. Empty when there is no policy file: the view then shows its welcome content. */
export function buildAiToolsTree(model: AiToolsModel): AiToolsTreeNode[] {
  if (!model.hasPolicy) return [];
  const nodes: AiToolsTreeNode[] = [];
  if (model.policyErrors > 0) nodes.push(policyProblemsNode(model.policyErrors));
  for (const status of ['approved', 'restricted', 'prohibited'] as const) nodes.push(toolGroup(status, model.tools.filter((tool) => tool.status === status)));
  if (model.installed) nodes.push(installedGroup(model.installed));
  nodes.push(vendorGroup(model.vendors));
  return nodes;
}

function policyProblemsNode(errors: number): AiToolsTreeNode {
  const label = `The policy file has ${plural(errors, 'problem')}`;
  return {
    id: 'policy-problems',
    label,
    description: 'invalid parts are ignored',
    tooltip: `**${label}.** The invalid parts are ignored and count as not approved / not covered. Open the file to see them in the Problems panel.`,
    accessibilityLabel: `${label}; invalid parts are ignored. Activate to open the policy file.`,
    icon: { id: 'error', color: COLOR.error },
    contextValue: 'phiGuard.policyProblems',
    action: { kind: 'openPolicy' },
  };
}

function toolGroup(status: ToolStatus, tools: AiToolEntry[]): AiToolsTreeNode {
  const flagged = tools.filter((tool) => tool.warnings.length > 0).length;
  const icon: Record<ToolStatus, TreeIcon> = {
    approved: { id: 'pass', color: COLOR.ok },
    restricted: { id: 'shield', color: COLOR.warning },
    prohibited: { id: 'circle-slash', color: COLOR.error },
  };
  const children = tools.length > 0 ? tools.map(toolNode) : [emptyNode(`tools-${status}-empty`, GROUP_EMPTY[status])];
  return group(`tools-${status}`, GROUP_LABEL[status], tools.length, flagged, icon[status], children, status !== 'prohibited' || tools.length <= 5);
}

function toolNode(tool: AiToolEntry): AiToolsTreeNode {
  const flagged = tool.warnings.length > 0;
  const baaText = tool.baaText;
  const description = `BAA ${baaText} · ${tool.phiText}`;
  const id = `tool:${tool.id}`;
  const details: AiToolsTreeNode[] = [
    detail(`${id}:baa`, 'BAA', baaText + (tool.vendorId ? ` (vendor ${tool.vendorName ?? tool.vendorId})` : ''), baaIcon(tool.baa)),
    detail(`${id}:phi`, 'PHI', tool.phiText + (tool.phiDeclared ? '' : ' (not stated: treated as never)'), phiIcon(tool.phi)),
    detail(`${id}:use`, 'Approved use cases', tool.useCases.length > 0 ? tool.useCases.join(', ') : 'none listed', { id: 'checklist' }),
  ];
  if (tool.notes) details.push(detail(`${id}:notes`, 'Notes', tool.notes, { id: 'note' }));
  if (tool.extensionIds.length > 0) {
    const installed = new Set((tool.installedExtensionIds ?? []).map((value) => value.toLowerCase()));
    const ids = tool.extensionIds.map((value) => (installed.has(value.toLowerCase()) ? `${value} (installed)` : value)).join(', ');
    details.push(detail(`${id}:extensions`, 'Extensions', ids, { id: 'extensions' }));
  }
  for (const [index, warning] of tool.warnings.entries()) details.push(detail(`${id}:warning:${index}`, 'Attention', warning, { id: 'warning', color: COLOR.warning }));

  const tooltip = [
    `**${md(tool.name)}** — ${tool.status}`,
    '',
    `- BAA: **${baaText}**${tool.vendorId ? ` (vendor \`${md(tool.vendorId)}\`)` : ''}`,
    `- PHI: **${tool.phiText}**${tool.phiDeclared ? '' : ' (not stated in the policy)'}`,
    `- Approved use cases: ${tool.useCases.length > 0 ? tool.useCases.map(md).join(', ') : '_none listed_'}`,
    ...(tool.extensionIds.length > 0 ? [`- Extensions: ${tool.extensionIds.map((value) => `\`${md(value)}\``).join(', ')}`] : []),
    ...(tool.notes ? ['', md(tool.notes)] : []),
    ...(flagged ? ['', ...tool.warnings.map((warning) => `$(warning) ${md(warning)}`)] : []),
  ].join('\n');
  return {
    id,
    label: tool.name,
    description,
    tooltip,
    accessibilityLabel: `${tool.name}, ${tool.status}, BAA ${baaText}, ${tool.phiText}${flagged ? `. Attention: ${tool.warnings.join('; ')}` : ''}`,
    icon: flagged ? { id: 'warning', color: COLOR.warning } : statusIcon(tool.status),
    contextValue: flagged ? 'phiGuard.aiTool.flagged' : 'phiGuard.aiTool',
    children: details,
    expanded: false,
    action: { kind: 'openPolicy', section: 'aiTools', entryId: tool.id },
  };
}

function installedGroup(entries: InstalledAiEntry[]): AiToolsTreeNode {
  const flagged = entries.filter((entry) => entry.flagged).length;
  const children = entries.length > 0 ? entries.map(installedNode) : [emptyNode('installed-empty', 'No AI coding extension installed')];
  const icon: TreeIcon = flagged > 0 ? { id: 'warning', color: COLOR.warning } : { id: 'extensions' };
  return group('installed', 'Installed in this editor', entries.length, flagged, icon, children, true);
}

function installedNode(entry: InstalledAiEntry): AiToolsTreeNode {
  const statusText: Record<InstalledAiEntry['status'], string> = {
    approved: `approved${entry.toolName ? ` as ${entry.toolName}` : ''}`,
    restricted: `restricted${entry.toolName ? ` (${entry.toolName})` : ''}`,
    prohibited: 'prohibited by the policy',
    unlisted: 'not in the policy',
  };
  const icon: TreeIcon = entry.flagged
    ? { id: 'warning', color: entry.status === 'prohibited' ? COLOR.error : COLOR.warning }
    : entry.status === 'restricted'
      ? { id: 'shield', color: COLOR.warning }
      : { id: 'pass', color: COLOR.ok };
  const also = entry.alsoListedAs.map((other) => `${other.toolName} (${other.status})`);
  const tooltip = [
    `**${md(entry.name)}**${entry.builtin ? '' : ` — \`${md(entry.extensionId)}\``}`,
    '',
    md(entry.reason),
    ...(also.length > 0 ? ['', `Also listed as: ${also.map(md).join(', ')}. Make sure you use the approved account or plan.`] : []),
  ].join('\n');
  return {
    id: `installed:${entry.extensionId.toLowerCase()}`,
    label: entry.name,
    description: statusText[entry.status],
    tooltip,
    accessibilityLabel: `${entry.flagged ? 'Warning: ' : ''}${entry.name}, ${statusText[entry.status]}. ${entry.reason}`,
    icon,
    contextValue: entry.flagged ? 'phiGuard.installedAi.flagged' : 'phiGuard.installedAi',
    action: entry.builtin ? { kind: 'openSetting', setting: 'chat.disableAIFeatures' } : { kind: 'showExtension', extensionId: entry.extensionId },
  };
}

function vendorGroup(vendors: VendorEntry[]): AiToolsTreeNode {
  const flagged = vendors.filter((vendor) => vendor.flagged).length;
  const children = vendors.length > 0 ? vendors.map(vendorNode) : [emptyNode('vendors-empty', 'No vendor in the policy: none is covered by a BAA')];
  const icon: TreeIcon = flagged > 0 ? { id: 'warning', color: COLOR.warning } : { id: 'organization' };
  return group('vendors', 'Vendors', vendors.length, flagged, icon, children, true);
}

function vendorNode(vendor: VendorEntry): AiToolsTreeNode {
  const id = `vendor:${vendor.id}`;
  const baaText = vendor.baaText;
  const description = [vendor.kind, `BAA ${baaText}`].filter(Boolean).join(' · ');
  const details: AiToolsTreeNode[] = [
    detail(`${id}:kind`, 'Kind', vendor.kind ?? 'not stated', { id: 'tag' }),
    detail(`${id}:baa`, 'BAA', vendor.baa === vendor.baaDeclared ? vendor.baa : `${vendor.baa} (written as ${vendor.baaDeclared})`, baaIcon(vendor.baa)),
    detail(`${id}:expires`, 'Expires', vendor.expires ? `${vendor.expires}${expiryNote(vendor)}` : 'no date', vendor.flagged ? { id: 'warning', color: COLOR.warning } : { id: 'calendar' }),
    detail(`${id}:allow`, 'Allowed categories', vendor.allow.length > 0 ? vendor.allow.join(', ') : 'none', { id: 'shield' }),
  ];
  if (vendor.models.length > 0) details.push(detail(`${id}:models`, 'Models', vendor.models.join(', '), { id: 'hubot' }));
  if (vendor.endpoints.length > 0) details.push(detail(`${id}:endpoints`, 'Endpoints', vendor.endpoints.join(', '), { id: 'link' }));
  const tooltip = [
    `**${md(vendor.name)}** (\`${md(vendor.id)}\`)${vendor.kind ? ` — ${md(vendor.kind)}` : ''}`,
    '',
    `- BAA: **${baaText}**${vendor.expires ? expiryNote(vendor) : ''}`,
    `- Allowed categories: ${vendor.allow.length > 0 ? vendor.allow.join(', ') : '_none_'}`,
    ...(vendor.models.length > 0 ? [`- Models: ${vendor.models.map((value) => `\`${md(value)}\``).join(', ')}`] : []),
    ...(vendor.endpoints.length > 0 ? [`- Endpoints: ${vendor.endpoints.map((value) => `\`${md(value)}\``).join(', ')}`] : []),
    ...(vendor.warnings.length > 0 ? ['', ...vendor.warnings.map((warning) => `$(warning) ${md(warning)}`)] : []),
  ].join('\n');
  const icon: TreeIcon = vendor.baa === 'expired'
    ? { id: 'error', color: COLOR.error }
    : vendor.expiringSoon
      ? { id: 'warning', color: COLOR.warning }
      : baaIcon(vendor.baa);
  return {
    id,
    label: vendor.name,
    description,
    tooltip,
    accessibilityLabel: `Vendor ${vendor.name}${vendor.kind ? `, ${vendor.kind}` : ''}, BAA ${baaText}${vendor.expires ? expiryNote(vendor) : ''}${vendor.warnings.length > 0 ? `. Attention: ${vendor.warnings.join('; ')}` : ''}`,
    icon,
    contextValue: vendor.flagged ? 'phiGuard.vendor.flagged' : 'phiGuard.vendor',
    children: details,
    expanded: false,
    action: { kind: 'openPolicy', section: 'vendors', entryId: vendor.id },
  };
}

function group(id: string, label: string, count: number, flagged: number, icon: TreeIcon, children: AiToolsTreeNode[], expanded: boolean): AiToolsTreeNode {
  const attention = flagged > 0 ? `, ${flagged} need${flagged === 1 ? 's' : ''} attention` : '';
  return {
    id: `group:${id}`,
    label,
    description: `${count}${flagged > 0 ? ` · ${flagged} flagged` : ''}`,
    tooltip: `**${label}**: ${plural(count, 'entry', 'entries')}${attention}.`,
    accessibilityLabel: `${label}, ${plural(count, 'entry', 'entries')}${attention}`,
    icon,
    contextValue: `phiGuard.group.${id}`,
    children,
    expanded,
  };
}

function detail(id: string, label: string, value: string, icon: TreeIcon): AiToolsTreeNode {
  return { id, label: `${label}: ${value}`, tooltip: `**${label}:** ${md(value)}`, accessibilityLabel: `${label}: ${value}`, icon, contextValue: 'phiGuard.detail' };
}

function emptyNode(id: string, label: string): AiToolsTreeNode {
  return { id, label, tooltip: label, accessibilityLabel: label, icon: { id: 'info', color: COLOR.info }, contextValue: 'phiGuard.empty' };
}

function statusIcon(status: ToolStatus): TreeIcon {
  if (status === 'approved') return { id: 'pass', color: COLOR.ok };
  if (status === 'restricted') return { id: 'shield', color: COLOR.warning };
  return { id: 'circle-slash', color: COLOR.error };
}

function baaIcon(baa: BaaStatus): TreeIcon {
  if (baa === 'signed') return { id: 'verified', color: COLOR.ok };
  if (baa === 'expired') return { id: 'error', color: COLOR.error };
  if (baa === 'pending') return { id: 'clock', color: COLOR.warning };
  return { id: 'circle-slash', color: COLOR.info };
}

function phiIcon(phi: PhiUse): TreeIcon {
  if (phi === 'allowed') return { id: 'unlock' };
  if (phi === 'deidentified-only') return { id: 'eye-closed' };
  return { id: 'lock' };
}

function expiryNote(vendor: VendorEntry): string {
  const days = vendor.daysUntilExpiry;
  if (days === undefined) return '';
  if (days < 0) return ` (expired ${plural(-days, 'day')} ago)`;
  if (days === 0) return ' (last valid day: today)';
  return vendor.expiringSoon ? ` (expires in ${plural(days, 'day')})` : '';
}

function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}

/** Escapes Markdown in policy text (names, notes) so it shows literally in tooltips. */
function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>$]/g, (char) => `\\${char}`);
}

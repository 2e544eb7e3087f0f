// The AI tools and vendors of a policy, as of a day, compared with the AI extensions installed in
// an editor: the one model behind the *AI Tools & BAA* view, `phi-guard tools` and the BAA
// report, so they never disagree. Pure: no `vscode`, no file system, no clock (today is passed).

import { AI_EXTENSION_CATALOGUE, BUILTIN_AI_FEATURES, findAiExtension } from './ai-extension-catalogue';
import { BAA_EXPIRY_WARNING_DAYS, daysUntilExpiry, effectiveBaa, isBaaExpiringSoon } from '../engine/model/baa-status';
import type { AiToolPolicy, BaaStatus, PhiUse, ResolvedPolicy, ToolStatus, VendorPolicy } from './types';

export { AI_EXTENSION_CATALOGUE, BUILTIN_AI_FEATURES, findAiExtension };

/** An extension installed in the editor (all of them: the model picks the AI ones). */
export interface InstalledExtension {
  id: string;
  /** Display name from its manifest, when known. */
  name?: string;
}

export interface AiToolsModelInput {
  policy: ResolvedPolicy;
  /** The policy file in force; undefined when none was found (the built-in defaults apply). */
  policyFile?: string;
  /** Problems (errors) in the policy file: its invalid parts are ignored. */
  policyErrors?: number;
  /** Every installed extension; undefined when not known (the CLI). */
  installedExtensions?: readonly InstalledExtension[];
  /** Whether VS Code's built-in AI features are on (`chat.disableAIFeatures` not true); undefined when not known. */
  builtinAiFeaturesEnabled?: boolean;
  /** The day BAA dates are judged on (local calendar day). */
  today: Date;
}

export interface AiToolEntry {
  id: string;
  name: string;
  status: ToolStatus;
  vendorId?: string;
  /** The vendor's display name when the policy lists that vendor. */
  vendorName?: string;
  /** In force today: the tool's own `baa` (or else its vendor's), `expired` once the vendor's BAA has expired. */
  baa: BaaStatus;
  /** As written on the tool; undefined when the tool does not say. */
  baaDeclared?: BaaStatus;
  /** The vendor's BAA expiry date, when the policy lists the vendor with one. */
  baaExpires?: string;
  /** `signed, until 2027-06-30`, `expired on 2025-01-31`, `pending`... */
  baaText: string;
  /** `never` when the policy does not say (see `phiDeclared`). */
  phi: PhiUse;
  /** `PHI allowed`, `de-identified data only`, `PHI never`. */
  phiText: string;
  phiDeclared: boolean;
  useCases: string[];
  notes?: string;
  extensionIds: string[];
  /** Ids of `extensionIds` installed in this editor (only when the installed list is known). */
  installedExtensionIds?: string[];
  /** Problems worth attention, in plain words. */
  warnings: string[];
}

export type InstalledStatus = ToolStatus | 'unlisted';

export interface InstalledAiEntry {
  /** Extension id as installed, or BUILTIN_AI_FEATURES.id. */
  extensionId: string;
  name: string;
  vendor?: string;
  builtin: boolean;
  /** From the policy tool that lists this extension (the most permissive one if several do). */
  status: InstalledStatus;
  toolId?: string;
  toolName?: string;
  /** Other policy tools listing the same extension (e.g. a personal plan prohibited, a business plan approved). */
  alsoListedAs: { toolId: string; toolName: string; status: ToolStatus }[];
  /** Prohibited or not listed by the policy: shadow AI. */
  flagged: boolean;
  /** One sentence: why it is (not) flagged. */
  reason: string;
}

export interface VendorEntry {
  id: string;
  name: string;
  kind?: string;
  baaDeclared: BaaStatus;
  /** In force today (`signed` past `expires` is `expired`). */
  baa: BaaStatus;
  expires?: string;
  /** `signed, until 2027-06-30`, `expired on 2025-01-31`, `pending`... */
  baaText: string;
  /** Whole days until `expires` (negative once passed). */
  daysUntilExpiry?: number;
  /** Signed and expiring within BAA_EXPIRY_WARNING_DAYS days. */
  expiringSoon: boolean;
  allow: string[];
  models: string[];
  endpoints: string[];
  /** Expired or expiring soon. */
  flagged: boolean;
  warnings: string[];
}

export interface AiToolsModel {
  policyFile?: string;
  hasPolicy: boolean;
  policyErrors: number;
  /** `YYYY-MM-DD`. */
  today: string;
  expiryWarningDays: number;
  tools: AiToolEntry[];
  /** Undefined when the installed extensions are not known (the CLI). */
  installed?: InstalledAiEntry[];
  vendors: VendorEntry[];
  summary: {
    approved: number;
    restricted: number;
    prohibited: number;
    vendors: number;
    expiredBaas: number;
    expiringBaas: number;
    /** Installed AI tools the policy prohibits or does not list; undefined when not known. */
    shadowAi?: number;
  };
}

/** How every presentation of the model (view, report, `phi-guard tools`) words a tool's PHI use. */
export const PHI_LABEL: Record<PhiUse, string> = { allowed: 'PHI allowed', 'deidentified-only': 'de-identified data only', never: 'PHI never' };

const STATUS_ORDER: Record<ToolStatus, number> = { approved: 0, restricted: 1, prohibited: 2 };

export function buildAiToolsModel(input: AiToolsModelInput): AiToolsModel {
  const { policy, today } = input;
  const vendors = policy.vendors.map((vendor) => vendorEntry(vendor, today));
  const tools = policy.aiTools.map((tool) => toolEntry(tool, policy.vendors, today));
  const installed = input.installedExtensions === undefined && input.builtinAiFeaturesEnabled === undefined
    ? undefined
    : installedEntries(input.installedExtensions ?? [], input.builtinAiFeaturesEnabled === true, policy.aiTools);
  if (installed) {
    for (const tool of tools) {
      const listed = new Set(tool.extensionIds.map((id) => id.toLowerCase()));
      tool.installedExtensionIds = installed.filter((entry) => !entry.builtin && listed.has(entry.extensionId.toLowerCase())).map((entry) => entry.extensionId);
    }
  }
  return {
    policyFile: input.policyFile,
    hasPolicy: input.policyFile !== undefined,
    policyErrors: input.policyErrors ?? 0,
    today: isoDay(today),
    expiryWarningDays: BAA_EXPIRY_WARNING_DAYS,
    tools,
    installed,
    vendors,
    summary: {
      approved: tools.filter((tool) => tool.status === 'approved').length,
      restricted: tools.filter((tool) => tool.status === 'restricted').length,
      prohibited: tools.filter((tool) => tool.status === 'prohibited').length,
      vendors: vendors.length,
      expiredBaas: vendors.filter((vendor) => vendor.baa === 'expired').length,
      expiringBaas: vendors.filter((vendor) => vendor.expiringSoon).length,
      shadowAi: installed?.filter((entry) => entry.flagged).length,
    },
  };
}

/** Whether any vendor BAA is expired today (declared `expired`, or signed and past `expires`). */
export function hasExpiredBaa(model: AiToolsModel): boolean {
  return model.summary.expiredBaas > 0;
}

function vendorEntry(vendor: VendorPolicy, today: Date): VendorEntry {
  const baa = effectiveBaa(vendor, today);
  const days = daysUntilExpiry(vendor, today);
  const expiringSoon = isBaaExpiringSoon(vendor, today);
  const warnings: string[] = [];
  if (baa === 'expired') warnings.push(vendor.expires && vendor.baa === 'signed' ? `BAA expired on ${vendor.expires}` : 'BAA expired');
  else if (expiringSoon && days !== undefined) warnings.push(`BAA expires on ${vendor.expires} (${inDays(days)})`);
  return {
    id: vendor.id,
    name: vendor.name ?? vendor.id,
    kind: vendor.kind,
    baaDeclared: vendor.baa,
    baa,
    expires: vendor.expires,
    baaText: baaText(baa, vendor.expires, days),
    daysUntilExpiry: days,
    expiringSoon,
    allow: [...(vendor.allow ?? [])],
    models: [...(vendor.models ?? [])],
    endpoints: [...(vendor.endpoints ?? [])],
    flagged: baa === 'expired' || expiringSoon,
    warnings,
  };
}

function toolEntry(tool: AiToolPolicy, vendors: readonly VendorPolicy[], today: Date): AiToolEntry {
  const vendor = tool.vendor === undefined ? undefined : vendors.find((candidate) => candidate.id === tool.vendor);
  const vendorBaa = vendor ? effectiveBaa(vendor, today) : undefined;
  let baa: BaaStatus = tool.baa ?? vendorBaa ?? 'none';
  if (baa === 'signed' && vendorBaa === 'expired') baa = 'expired';
  const phi = tool.phi ?? 'never';
  const warnings: string[] = [];
  if (tool.status !== 'prohibited') {
    if (phi === 'allowed' && baa !== 'signed') warnings.push(`PHI is allowed but the BAA is ${baa}`);
    else if (baa === 'expired') warnings.push(vendor?.expires ? `BAA expired on ${vendor.expires}` : 'BAA expired');
    if (baa === 'signed' && vendor && isBaaExpiringSoon(vendor, today)) {
      warnings.push(`vendor BAA expires on ${vendor.expires} (${inDays(daysUntilExpiry(vendor, today) ?? 0)})`);
    }
  }
  return {
    id: tool.id,
    name: tool.name ?? tool.id,
    status: tool.status,
    vendorId: tool.vendor,
    vendorName: vendor?.name,
    baa,
    baaDeclared: tool.baa,
    baaExpires: vendor?.expires,
    baaText: baaText(baa, vendor?.expires, vendor ? daysUntilExpiry(vendor, today) : undefined),
    phi,
    phiText: PHI_LABEL[phi],
    phiDeclared: tool.phi !== undefined,
    useCases: [...(tool.useCases ?? [])],
    notes: tool.notes,
    extensionIds: [...(tool.extensionIds ?? [])],
    warnings,
  };
}

function installedEntries(extensions: readonly InstalledExtension[], builtinEnabled: boolean, tools: readonly AiToolPolicy[]): InstalledAiEntry[] {
  const listedIds = new Set(tools.flatMap((tool) => tool.extensionIds ?? []).map((id) => id.toLowerCase()));
  const entries: InstalledAiEntry[] = [];
  const seen = new Set<string>();
  for (const extension of extensions) {
    const key = extension.id.toLowerCase();
    const known = findAiExtension(extension.id);
    if (seen.has(key) || (!known && !listedIds.has(key))) continue;
    seen.add(key);
    entries.push(matchInstalled(extension.id, known?.name ?? extension.name ?? extension.id, known?.vendor, false, [extension.id], tools));
  }
  if (builtinEnabled) {
    entries.push(matchInstalled(BUILTIN_AI_FEATURES.id, BUILTIN_AI_FEATURES.name, BUILTIN_AI_FEATURES.vendor, true, [...BUILTIN_AI_FEATURES.coveredBy], tools));
  }
  return entries.sort((a, b) => Number(b.flagged) - Number(a.flagged) || a.name.localeCompare(b.name));
}

function matchInstalled(
  extensionId: string,
  name: string,
  vendor: string | undefined,
  builtin: boolean,
  matchIds: readonly string[],
  tools: readonly AiToolPolicy[],
): InstalledAiEntry {
  const wanted = new Set(matchIds.map((id) => id.toLowerCase()));
  const matches = tools
    .filter((tool) => (tool.extensionIds ?? []).some((id) => wanted.has(id.toLowerCase())))
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
  const match = matches.length > 0 ? matches[0] : undefined;
  const others = matches.slice(1);
  const status: InstalledStatus = match?.status ?? 'unlisted';
  const flagged = status === 'prohibited' || status === 'unlisted';
  const toolName = match ? match.name ?? match.id : undefined;
  const what = builtin ? `${name} (setting \`${BUILTIN_AI_FEATURES.setting}\` is off)` : name;
  let reason: string;
  switch (status) {
    case 'approved':
      reason = `${what} is approved by the policy as ${toolName}.`;
      break;
    case 'restricted':
      reason = `${what} is restricted by the policy (${toolName}): use it only for the approved use cases.`;
      break;
    case 'prohibited':
      reason = `${what} is prohibited by the policy (${toolName}): uninstall or disable it${builtin ? ` (set \`${BUILTIN_AI_FEATURES.setting}\` to true)` : ''}.`;
      break;
    default:
      reason = builtin
        ? `${what}: no policy tool lists ${BUILTIN_AI_FEATURES.coveredBy.join(' or ')}, so the built-in AI features are not approved. Set \`${BUILTIN_AI_FEATURES.setting}\` to true, or ask for them to be added to the policy.`
        : `${what} is not listed in the policy, so it is not approved: uninstall or disable it, or ask for it to be reviewed and added to the policy.`;
  }
  return {
    extensionId,
    name,
    vendor,
    builtin,
    status,
    toolId: match?.id,
    toolName,
    alsoListedAs: others.map((tool) => ({ toolId: tool.id, toolName: tool.name ?? tool.id, status: tool.status })),
    flagged,
    reason,
  };
}

function baaText(baa: BaaStatus, expires: string | undefined, days: number | undefined): string {
  if (expires !== undefined && days !== undefined) {
    if (baa === 'expired' && days < 0) return `expired on ${expires}`;
    if (baa === 'signed') return `signed, until ${expires}`;
  }
  return baa;
}

function inDays(days: number): string {
  if (days === 0) return 'today';
  return days === 1 ? 'in 1 day' : `in ${days} days`;
}

/** The local calendar day as `YYYY-MM-DD` (BAA dates are calendar days, see engine/model/baa-status.ts). */
export function isoDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Parses `YYYY-MM-DD` as a local calendar day; undefined when not a real date. */
export function parseIsoDay(text: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : undefined;
}

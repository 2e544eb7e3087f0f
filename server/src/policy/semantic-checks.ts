// Checks of the merged policy that no single file can show and the schema cannot express: they
// need the other entries (a tool's vendor may be declared in an extended file) or today's date.
// Each problem is reported where the entry that is in force was written.
//
// Checked here:
// - `vendor-baa-expired` / `vendor-baa-expiring`: a signed vendor BAA whose `expires` date has
//   passed, or comes within BAA_EXPIRY_WARNING_DAYS days (at `vendors[i].expires`);
// - `tool-vendor-without-baa`: an approved or restricted AI tool that allows PHI and claims a
//   signed BAA while the vendor it names has no signed BAA (at `aiTools[i].vendor`).
// Checked elsewhere (schema-validation.ts and the schema): duplicate ids, `phi: allowed` without
// `baa: signed` on the tool itself, invalid dates, and role categories (`roles.*` items are an
// enum of the known categories, so an unknown one is a schema error at that item).

import type { Node } from 'jsonc-parser/lib/esm/main.js';
import type { Range } from '../engine/model/ranges';
import { BAA_EXPIRY_WARNING_DAYS, daysUntilExpiry, effectiveBaa } from '../engine/model/baa-status';
import { formatJsonPath, nodeAtPath, type JsonPath, type PolicyJsonDocument } from './json-document';
import type { AiToolPolicy, PolicyDiagnostic, PolicyFileContent, ResolvedPolicy, VendorPolicy } from './types';

/** Codes whose result depends on the day: `phi-guard tools --today` judges these itself. */
export const DATE_DEPENDENT_CODES: readonly string[] = ['vendor-baa-expired', 'vendor-baa-expiring', 'tool-vendor-without-baa'];

/** One policy file as loaded: its syntax tree and what validation kept of it. */
export interface PolicySource {
  file: string;
  document: PolicyJsonDocument;
  content: PolicyFileContent;
}

interface Declaration {
  source: PolicySource;
  /** Index of the entry in the file as written (before invalid entries were dropped). */
  index: number;
}

/**
 * Semantic problems of the merged `policy`, built from `sources` (in merge order: extended files
 * first, the policy file last). `today` decides what is expired or expiring.
 */
export function checkPolicySemantics(sources: readonly PolicySource[], policy: ResolvedPolicy, today: Date = new Date()): PolicyDiagnostic[] {
  const diagnostics: PolicyDiagnostic[] = [];
  const vendorDeclarations = declarations(sources, 'vendors');
  const toolDeclarations = declarations(sources, 'aiTools');

  for (const vendor of policy.vendors) {
    const declared = vendorDeclarations.get(vendor.id);
    if (!declared || vendor.baa !== 'signed' || vendor.expires === undefined) continue;
    const days = daysUntilExpiry(vendor, today);
    if (days === undefined) continue;
    const path: JsonPath = ['vendors', declared.index, 'expires'];
    const who = vendorLabel(vendor);
    if (days < 0) {
      diagnostics.push(
        diagnostic(declared, path, 'vendor-baa-expired', 'warning',
          `The BAA with ${who} expired on ${vendor.expires} (${plural(-days, 'day')} ago): it counts as expired, so PHI must not reach this vendor until it is renewed and \`expires\` is updated.`),
      );
    } else if (days <= BAA_EXPIRY_WARNING_DAYS) {
      const when = days === 0 ? 'today (last valid day)' : `in ${plural(days, 'day')}`;
      diagnostics.push(
        diagnostic(declared, path, 'vendor-baa-expiring', 'warning',
          `The BAA with ${who} expires on ${vendor.expires}, ${when}: renew it before then, or PHI must stop reaching this vendor.`),
      );
    }
  }

  for (const tool of policy.aiTools) {
    const declared = toolDeclarations.get(tool.id);
    if (!declared || tool.vendor === undefined) continue;
    if (tool.status === 'prohibited' || tool.phi !== 'allowed' || tool.baa !== 'signed') continue;
    const vendor = policy.vendors.find((candidate) => candidate.id === tool.vendor);
    if (!vendor) continue;
    const vendorBaa = effectiveBaa(vendor, today);
    if (vendorBaa === 'signed') continue;
    const state = vendorBaa === 'expired' && vendor.expires ? `expired on ${vendor.expires}` : `\`${vendorBaa}\``;
    const toolPath: JsonPath = ['aiTools', declared.index];
    diagnostics.push(
      diagnostic(declared, [...toolPath, 'vendor'], 'tool-vendor-without-baa', 'warning',
        `${formatJsonPath(toolPath)} (${tool.name ?? tool.id}) is ${tool.status} with \`phi: allowed\`, but its vendor ${vendorLabel(vendor)} has no signed BAA (BAA ${state}): PHI must not be used with this tool until the vendor's BAA is signed.`),
    );
  }
  return diagnostics;
}

/** Where each id in force was declared: the last valid entry with that id, in merge order. */
function declarations(sources: readonly PolicySource[], section: 'vendors' | 'aiTools'): Map<string, Declaration> {
  const found = new Map<string, Declaration>();
  for (const source of sources) {
    const raw = (source.document.value as Record<string, unknown> | undefined)?.[section];
    const kept = (source.content[section] ?? []) as (VendorPolicy | AiToolPolicy)[];
    if (!Array.isArray(raw) || kept.length === 0) continue;
    // Validation drops invalid entries whole and keeps valid ones unchanged: walking both lists
    // in order pairs each kept entry with its index in the file.
    let next = 0;
    raw.forEach((entry, index) => {
      if (next < kept.length && sameJson(entry, kept[next])) {
        found.set(kept[next].id, { source, index });
        next++;
      }
    });
  }
  return found;
}

function diagnostic(declared: Declaration, path: JsonPath, code: string, severity: PolicyDiagnostic['severity'], message: string): PolicyDiagnostic {
  return { file: declared.source.file, range: rangeOf(declared.source.document, path), severity, code, message };
}

function rangeOf(document: PolicyJsonDocument, path: JsonPath): Range {
  const root = document.root as Node | undefined;
  for (let length = path.length; root && length >= 0; length--) {
    const node = nodeAtPath(root, path.slice(0, length));
    if (node) return document.lines.rangeAt(node.offset, node.length);
  }
  return document.lines.rangeAt(0, 0);
}

function vendorLabel(vendor: VendorPolicy): string {
  return vendor.name ? `${vendor.name} (\`${vendor.id}\`)` : `\`${vendor.id}\``;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

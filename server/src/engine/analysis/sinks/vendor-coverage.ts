// Whether the policy's BAA registry covers sending PHI of some categories to a vendor
// (docs/policy.md, `vendors`): signed, not expired, the categories allowed, and for AI the model on the
// allowlist and the endpoint among the covered ones.

import { effectiveBaa } from '../../model/baa-status';
import type { ResolvedPolicy, VendorPolicy } from '../../model/policy';
import type { PhiCategory } from '../../model/types';
import type { VendorClient } from './vendor-sinks';

export interface Coverage {
  covered: boolean;
  /** Why not, in words for the finding's message (`BAA pending`, `model gpt-4o not approved`). */
  reason?: string;
  vendorName: string;
  policy?: VendorPolicy;
}

export function baaCoverage(policy: ResolvedPolicy, client: VendorClient, categories: PhiCategory[], today = new Date()): Coverage {
  const entry = policy.vendors.find((vendor) => vendor.id === client.vendor.id);
  const vendorName = entry?.name ?? client.vendor.name;
  if (!entry) return { covered: false, reason: 'no BAA on file in the policy', vendorName };
  const status = effectiveBaa(entry, today);
  if (status === 'expired') return { covered: false, reason: `BAA expired${entry.expires ? ` on ${entry.expires}` : ''}`, vendorName, policy: entry };
  if (status !== 'signed') return { covered: false, reason: `BAA status is ${status}`, vendorName, policy: entry };
  const allowed = entry.allow;
  if (allowed && !allowed.includes('*')) {
    const missing = [...new Set(categories)].filter((category) => !allowed.includes(category));
    if (missing.length) return { covered: false, reason: `BAA does not cover ${missing.join(', ')} data`, vendorName, policy: entry };
  }
  if (client.model && entry.models?.length && !entry.models.includes(client.model)) {
    return { covered: false, reason: `${shownModel(client.model)} is not on the approved list`, vendorName, policy: entry };
  }
  if (client.endpoint && entry.endpoints?.length && !entry.endpoints.some((endpoint) => client.endpoint!.startsWith(endpoint))) {
    return { covered: false, reason: `${shownEndpoint(client.endpoint)} is not covered`, vendorName, policy: entry };
  }
  return { covered: true, vendorName, policy: entry };
}

// The model and endpoint are literals from the code: a message repeats them only in the shape of
// a model id or a URL's origin, never a path, a query (where keys travel) or anything else.
function shownModel(model: string): string {
  return /^[A-Za-z0-9][\w.:/@+-]{0,79}$/.test(model) && !/[A-Za-z0-9]{24,}/.test(model) ? `model ${model}` : 'the model in use';
}

function shownEndpoint(endpoint: string): string {
  try {
    const origin = new URL(endpoint).origin;
    return origin && origin !== 'null' ? `endpoint ${origin}` : 'the endpoint in use';
  } catch {
    return 'the endpoint in use';
  }
}

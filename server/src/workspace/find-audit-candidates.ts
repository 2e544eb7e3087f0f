// The audit-control and vendor candidates of a folder (policy/audit-candidates.ts,
// policy/vendor-candidates.ts) for `phi-guard init` and *Create Policy File*: its source files as a
// scan would find them (.gitignore and the skipped folders apply), each read once; paths are
// reported relative to the folder.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { collectCandidates, emptyCandidates, type AuditCandidates } from '../policy/audit-candidates';
import { collectVendorCandidates, type VendorCandidate } from '../policy/vendor-candidates';
import { collectSyntheticCandidates } from '../policy/synthetic-candidates';
import { starterPolicyText } from '../policy/starter-policy';
import { findSourceFiles } from './find-source-files';
import { FolderPolicies } from './folder-policies';

/** Files larger than this are generated or vendored, not where a team defines its controls. */
const MAX_BYTES = 512 * 1024;
/** Enough for any project's own code; a monorepo's first files are as telling as its last. */
const MAX_FILES = 20_000;

export interface PolicyCandidates {
  audit: AuditCandidates;
  vendors: VendorCandidate[];
  /** Seed scripts and fixture folders, as `phi.syntheticData` globs. */
  synthetic: string[];
}

export async function findPolicyCandidates(folder: string): Promise<PolicyCandidates> {
  const found: PolicyCandidates = { audit: emptyCandidates(), vendors: [], synthetic: [] };
  const discovery = await findSourceFiles([folder], folder, new FolderPolicies());
  for (const file of discovery.files.slice(0, MAX_FILES)) {
    const relative = path.relative(folder, file).split(path.sep).join('/');
    collectSyntheticCandidates(found.synthetic, relative);
    if (!/\.(py|[cm]?[jt]sx?)$/i.test(file)) continue;
    const text = await readSmall(file);
    if (text === undefined) continue;
    collectCandidates(found.audit, relative, text);
    collectVendorCandidates(found.vendors, relative, text);
  }
  return found;
}

async function readSmall(file: string): Promise<string | undefined> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile() || stat.size > MAX_BYTES) return undefined;
    return await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The starter policy for a folder, with the candidates found in it: what `phi-guard init` and
 * *Create Policy File* write. A folder that cannot be searched gets the plain starter policy.
 */
export async function starterPolicyFor(folder: string): Promise<string> {
  const found = await findPolicyCandidates(folder).catch(() => undefined);
  return starterPolicyText(found?.audit, found?.vendors, found?.synthetic);
}

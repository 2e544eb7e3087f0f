// What the HTML and Markdown renderings say the same way: section titles and the wording of
// cells built from several fields.

import type { CoverageSummary } from '../engine';
import type { PolicyOverride } from '../policy';
import type { SuppressionEntry } from './model';

export const SECTION_TITLES = {
  coverage: 'Audit coverage',
  findings: 'Findings by rule and severity',
  suppressions: 'Suppressions',
  overrides: 'Policy overrides',
  vendors: 'Vendors and BAA status',
  aiTools: 'AI tools',
} as const;

export const NEVER_CONTAINS =
  'This report holds rule ids, file paths, line numbers, endpoint and element names, names from the policy and the reasons written in suppression comments. It never holds source code or PHI values.';

export function percentText(summary: CoverageSummary): string {
  const toCover = summary.phiEndpoints - summary.suppressed;
  return toCover === 0 ? '— (no PHI endpoint)' : `${summary.percent}% (${summary.covered}/${toCover})`;
}

export function suppressionAddedBy(entry: SuppressionEntry): string {
  if (!entry.added) return 'unknown (not in a git repository)';
  if (!entry.added.commit) return 'not committed yet';
  return [entry.added.author ?? 'unknown author', entry.added.date, `commit ${entry.added.commit.slice(0, 12)}`].filter(Boolean).join(', ');
}

export function overrideSetBy(override: PolicyOverride): string {
  return override.via.length ? `${override.file} (extended from ${override.via.join(' → ')})` : override.file;
}

// `# phi-guard: ignore[rule, ...] -- reason` comments (docs/rules/unjustified-suppression.md, "Syntax").

import type { FileFacts } from '../model/facts';
import type { ResolvedPolicy } from '../model/policy';
import { matchesPathGlob } from '../model/path-globs';
import { RULE_IDS, type AppliedPolicySuppression, type Finding, type RuleId, type Suppression } from '../model/types';

// The rest of the comment's first line: a Python comment's text keeps the `\r` of a CRLF file, and
// `.` would stop before it, so line breaks are excluded explicitly rather than through `$`.
const SUPPRESSION = /phi-guard:\s*ignore\s*\[([^\]]*)\]([^\r\n]*)/;
const REASON = /^\s*--\s*(.*?)\s*$/;
/** The text the *Suppress with a reason* fix inserts: still unjustified until replaced. */
export const REASON_PLACEHOLDER = '<reason>';

export function parseSuppressions(facts: FileFacts): Suppression[] {
  const suppressions: Suppression[] = [];
  for (const comment of facts.comments) {
    const match = SUPPRESSION.exec(comment.text);
    if (!match) continue;
    const ids = match[1].split(',').map((id) => id.trim()).filter(Boolean);
    const rules = ids.filter((id): id is RuleId => (RULE_IDS as readonly string[]).includes(id));
    const unknownRules = ids.filter((id) => !(RULE_IDS as readonly string[]).includes(id));
    const reason = parseReason(match[2]);
    const line = comment.range.start.line;
    suppressions.push({
      line,
      range: comment.range,
      rules,
      unknownRules,
      reason,
      appliesToLine: comment.trailing ? line : line + 1,
    });
  }
  return suppressions;
}

function parseReason(rest: string): string | undefined {
  const match = REASON.exec(rest.replace(/\*\/\s*$/, ''));
  const reason = match?.[1];
  if (!reason || reason === REASON_PLACEHOLDER) return undefined;
  return reason;
}

/** A suppression hides findings of the rules it names on its own line or the line below it. */
export function applySuppressions(
  findings: Finding[],
  suppressions: Suppression[],
): { kept: Finding[]; suppressed: Finding[] } {
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const finding of findings) {
    const hidden =
      finding.ruleId !== 'unjustified-suppression' &&
      suppressions.some((s) => s.rules.includes(finding.ruleId) && s.appliesToLine === finding.line);
    (hidden ? suppressed : kept).push(finding);
  }
  return { kept, suppressed };
}

/**
 * The policy's `suppressions` (for files that cannot hold a comment): an entry whose `files` glob
 * matches the file hides the findings of its rules there. Entries that match are returned with
 * how many findings each hid, to be listed with the inline suppressions.
 */
export function applyPolicySuppressions(
  findings: Finding[],
  policy: ResolvedPolicy,
  filePath: string,
): { kept: Finding[]; suppressed: Finding[]; applied: AppliedPolicySuppression[] } {
  const entries = (policy.suppressions ?? [])
    .map((entry) => ({ ...entry, files: Array.isArray(entry.files) ? entry.files : [entry.files] }))
    .filter((entry) => entry.reason?.trim() && entry.files.some((glob) => matchesPathGlob(glob, filePath)));
  if (entries.length === 0) return { kept: findings, suppressed: [], applied: [] };
  const applied: AppliedPolicySuppression[] = entries.map((entry) => ({ files: entry.files, rules: entry.rules, reason: entry.reason, suppressedFindings: 0 }));
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const finding of findings) {
    const index = finding.ruleId === 'unjustified-suppression' ? -1 : entries.findIndex((entry) => entry.rules.includes(finding.ruleId));
    if (index < 0) kept.push(finding);
    else {
      applied[index].suppressedFindings++;
      suppressed.push(finding);
    }
  }
  return { kept, suppressed, applied };
}

// `# phi-guard: ignore[rule, ...] -- reason` comments (docs/rules/unjustified-suppression.md, "Syntax").

import type { FileFacts } from '../model/facts';
import { RULE_IDS, type Finding, type RuleId, type Suppression } from '../model/types';

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

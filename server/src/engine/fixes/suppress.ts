// *Suppress with a reason*: a comment above the finding's line naming the rule, with a reason
// placeholder that keeps `unjustified-suppression` reporting until someone writes the reason.

import type { FileFacts } from '../model/facts';
import { REASON_PLACEHOLDER } from '../analysis/suppressions';
import type { Fix, RuleId } from '../model/types';

export function suppressFix(ruleId: RuleId, line: number, facts: FileFacts): Fix {
  const lineStart = facts.lineStarts[line] ?? 0;
  const indent = /^[ \t]*/.exec(facts.text.slice(lineStart, lineStart + 200))?.[0] ?? '';
  const marker = facts.language === 'python' ? '#' : '//';
  return {
    title: `Suppress ${ruleId} with a reason`,
    kind: 'suppress',
    isPreferred: false,
    edits: [
      {
        range: { start: { line, character: 0 }, end: { line, character: 0 } },
        newText: `${indent}${marker} phi-guard: ignore[${ruleId}] -- ${REASON_PLACEHOLDER}\n`,
      },
    ],
  };
}

/** A finding's fixes: those of `candidates` that apply, in order, then *Suppress with a reason*. */
export function withSuppressFix(ruleId: RuleId, line: number, facts: FileFacts, ...candidates: (Fix | undefined)[]): Fix[] {
  return [...candidates.filter((fix): fix is Fix => fix !== undefined), suppressFix(ruleId, line, facts)];
}

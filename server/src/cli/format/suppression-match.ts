import type { Finding, Suppression } from '../../engine';

/** Mirrors the engine's rule: a suppression hides the findings of the rules it names on its line. */
export function suppressionHides(suppression: Suppression, finding: Finding): boolean {
  return (
    suppression.rules.includes(finding.ruleId) &&
    (suppression.appliesToLine === finding.line || suppression.line === finding.line)
  );
}

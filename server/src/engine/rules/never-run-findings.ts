import { neverRunCode } from '../analysis/modules/unused-exports';
import type { RawFinding, RuleContext } from './rule';

/**
 * The findings of code that runs: a send inside an exported helper nothing takes and the module's
 * live code never reaches (analysis/modules/unused-exports.ts) is dropped. Asked only of a file
 * with findings: the question reads the whole workspace's imports.
 */
export function withoutNeverRun(findings: RawFinding[], context: RuleContext, applies: (finding: RawFinding) => boolean = () => true): RawFinding[] {
  if (!findings.some(applies)) return findings;
  const neverRun = neverRunCode(context.filePath, context.facts, context.auditContext, context.projectRoot);
  return neverRun ? findings.filter((finding) => !applies(finding) || !neverRun(finding.range)) : findings;
}

/** The rules whose findings are sends to a vendor: a send in code that never runs discloses nothing. */
const SEND_RULES = new Set(['phi-to-third-party', 'phi-to-ai']);

/**
 * Leaks inside callees reported at the calls (summaries/cross-file.ts): a call to a sending helper
 * made inside code that never runs sends nothing, as a send written there directly.
 */
export function withoutNeverRunSends(findings: RawFinding[], context: RuleContext): RawFinding[] {
  return withoutNeverRun(findings, context, (finding) => SEND_RULES.has(finding.ruleId));
}

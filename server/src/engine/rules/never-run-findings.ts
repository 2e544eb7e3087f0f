import { neverRunCode } from '../analysis/modules/unused-exports';
import type { RawFinding, RuleContext } from './rule';

/**
 * The findings of code that runs: a send inside an exported helper nothing takes and the module's
 * live code never reaches (analysis/modules/unused-exports.ts) is dropped. Asked only of a file
 * with findings: the question reads the whole workspace's imports.
 */
export function withoutNeverRun(findings: RawFinding[], context: RuleContext): RawFinding[] {
  if (!findings.length) return findings;
  const neverRun = neverRunCode(context.filePath, context.facts, context.auditContext, context.projectRoot);
  return neverRun ? findings.filter((finding) => !neverRun(finding.range)) : findings;
}

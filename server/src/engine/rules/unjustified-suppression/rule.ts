import type { RawFinding, Rule } from '../rule';
import { CODE_LANGUAGES, helpUri } from '../rule';

export const unjustifiedSuppression: Rule = {
  metadata: {
    id: 'unjustified-suppression',
    title: 'Suppression without a reason',
    description: 'A phi-guard: ignore[...] comment must say why (`-- <reason>`) so an auditor can review it.',
    defaultSeverity: 'warning',
    hipaa: '45 CFR 164.316(b)(1) (documentation of policies and procedures)',
    helpUri: helpUri('unjustified-suppression'),
    languages: [...CODE_LANGUAGES, 'prisma', 'yaml', 'dotenv'],
  },
  check({ suppressions }) {
    const findings: RawFinding[] = [];
    for (const suppression of suppressions) {
      if (suppression.reason) continue;
      const names = suppression.rules.length ? suppression.rules.join(', ') : 'no known rule';
      findings.push({
        ruleId: 'unjustified-suppression',
        message: `Suppression of ${names} has no reason: add \`-- <why this is safe>\` after the rule list.`,
        range: suppression.range,
        line: suppression.line,
        phi: [],
        flow: [],
        fixes: [],
      });
    }
    return findings;
  },
};

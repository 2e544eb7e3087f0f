import { withSuppressFix } from '../../fixes/suppress';
import type { RawFinding, Rule } from '../rule';
import { CODE_LANGUAGES, helpUri } from '../rule';
import { uncoveredVendorCalls, vendorFinding } from '../vendor-findings';
import { deidentifyFix } from './fix';
import { withoutNeverRun } from '../never-run-findings';

export const phiToAi: Rule = {
  metadata: {
    id: 'phi-to-ai',
    title: 'PHI sent to an AI provider without a BAA',
    description: 'A PHI value reaches an LLM / AI API call whose provider is not signed in the policy, or with a model or endpoint the BAA does not cover.',
    defaultSeverity: 'error',
    hipaa: '45 CFR 164.502(e) and 164.308(b)(1) (business associate contracts); 164.514 (de-identification)',
    helpUri: helpUri('phi-to-ai'),
    languages: CODE_LANGUAGES,
  },
  check(context) {
    const { facts, flow, policy } = context;
    const findings: RawFinding[] = [];
    for (const call of uncoveredVendorCalls(context, true)) {
      const base = vendorFinding('phi-to-ai', call);
      const deidentify = deidentifyFix(call.fact, call.phiArgs, { facts, flow, scopeId: call.fact.scopeId }, policy);
      const fixes = withSuppressFix('phi-to-ai', base.line, facts, deidentify);
      findings.push({ ...base, fixes });
    }
    return withoutNeverRun(findings, context);
  },
};

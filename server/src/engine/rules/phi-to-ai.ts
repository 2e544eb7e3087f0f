import { deidentifyFix } from '../fixes/vendor-fixes';
import { suppressFix } from '../fixes/suppress';
import type { Fix } from '../types';
import type { RawFinding, Rule } from './rule';
import { helpUri } from './rule';
import { uncoveredVendorCalls, vendorFinding } from './vendor-findings';

export const phiToAi: Rule = {
  metadata: {
    id: 'phi-to-ai',
    title: 'PHI sent to an AI provider without a BAA',
    description: 'A PHI value reaches an LLM / AI API call whose provider is not signed in the policy, or with a model or endpoint the BAA does not cover.',
    defaultSeverity: 'error',
    hipaa: '45 CFR 164.502(e) and 164.308(b)(1) (business associate contracts); 164.514 (de-identification)',
    helpUri: helpUri('phi-to-ai'),
  },
  check(context) {
    const { facts, flow, policy } = context;
    const findings: RawFinding[] = [];
    for (const call of uncoveredVendorCalls(context, true)) {
      const base = vendorFinding('phi-to-ai', call);
      const fixes: Fix[] = [];
      const deidentify = deidentifyFix(call.fact, call.phiArgs, { facts, flow, scopeId: call.fact.scopeId }, policy);
      if (deidentify) fixes.push(deidentify);
      fixes.push(suppressFix('phi-to-ai', base.line, facts));
      findings.push({ ...base, fixes });
    }
    return findings;
  },
};

import { auditProblems, describeProblem } from '../../analysis/endpoints/audit-check';
import { findEndpoints } from '../../analysis/endpoints';
import { routeLabel } from '../../analysis/endpoints/route-label';
import { withSuppressFix } from '../../fixes/suppress';
import { endpointFinding } from '../endpoint-finding';
import type { RawFinding, Rule } from '../rule';
import { CODE_LANGUAGES, helpUri } from '../rule';
import { correctAuditFix } from './fix';

export const phiAccessMismatch: Rule = {
  metadata: {
    id: 'phi-access-mismatch',
    title: 'Audit control does not match the endpoint',
    description:
      "The endpoint's audit control is wrong: the action disagrees with the HTTP method, data_category or roles is missing, or a role is not permitted for the data category by the policy.",
    defaultSeverity: 'warning',
    hipaa: '45 CFR 164.312(b) (audit controls); 164.312(a)(1) (access control); 164.502(b) (minimum necessary)',
    helpUri: helpUri('phi-access-mismatch'),
    languages: CODE_LANGUAGES,
  },
  check(context) {
    const { facts, policy } = context;
    const findings: RawFinding[] = [];
    for (const endpoint of findEndpoints(context)) {
      const problems = auditProblems(endpoint, policy);
      if (!problems.length) continue;
      // A router- or class-wide control is shared: correcting it from one endpoint could be wrong for the others.
      const correction = endpoint.audit?.level === 'endpoint' ? correctAuditFix(endpoint, problems, facts, policy) : undefined;
      const fixes = withSuppressFix('phi-access-mismatch', endpoint.line, facts, correction);
      const message = `Audit control of ${routeLabel(endpoint)} (\`${endpoint.handler.name}\`) is wrong: ${problems.map((p) => describeProblem(p, endpoint.methods)).join('; ')}.`;
      findings.push(endpointFinding('phi-access-mismatch', endpoint, message, fixes));
    }
    return findings;
  },
};

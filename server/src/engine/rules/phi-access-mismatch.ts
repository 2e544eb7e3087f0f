import { findEndpoints } from '../endpoints';
import { routeLabel } from '../endpoints/route-label';
import { auditProblems, describeProblem } from '../endpoints/audit-check';
import { correctAuditFix } from '../fixes/phi-access';
import { suppressFix } from '../fixes/suppress';
import type { Fix } from '../types';
import type { RawFinding, Rule } from './rule';
import { helpUri } from './rule';

export const phiAccessMismatch: Rule = {
  metadata: {
    id: 'phi-access-mismatch',
    title: 'Audit control does not match the endpoint',
    description:
      "The endpoint's audit control is wrong: the action disagrees with the HTTP method, data_category or roles is missing, or a role is not permitted for the data category by the policy.",
    defaultSeverity: 'warning',
    hipaa: '45 CFR 164.312(b) (audit controls); 164.312(a)(1) (access control); 164.502(b) (minimum necessary)',
    helpUri: helpUri('phi-access-mismatch'),
  },
  check(context) {
    const { facts, policy } = context;
    const findings: RawFinding[] = [];
    for (const endpoint of findEndpoints(context)) {
      const problems = auditProblems(endpoint, policy);
      if (!problems.length) continue;
      const fixes: Fix[] = [];
      // A router- or class-wide control is shared: correcting it from one endpoint could be wrong for the others.
      const fix = endpoint.audit?.level === 'endpoint' ? correctAuditFix(endpoint, problems, facts, policy) : undefined;
      if (fix) fixes.push(fix);
      fixes.push(suppressFix('phi-access-mismatch', endpoint.line, facts));
      const route = routeLabel(endpoint);
      findings.push({
        ruleId: 'phi-access-mismatch',
        message: `Audit control of ${route} (\`${endpoint.handler.name}\`) is wrong: ${problems.map((p) => describeProblem(p, endpoint.methods)).join('; ')}.`,
        range: endpoint.range,
        line: endpoint.line,
        phi: endpoint.categories.map((category) => ({ element: 'record', category })),
        sink: `${endpoint.framework} endpoint`,
        flow: [],
        fixes,
      });
    }
    return findings;
  },
};

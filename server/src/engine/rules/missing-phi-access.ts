import { findEndpoints } from '../endpoints';
import { routeLabel } from '../endpoints/route-label';
import { addAuditFix } from '../fixes/phi-access';
import { suppressFix } from '../fixes/suppress';
import type { Fix } from '../types';
import type { RawFinding, Rule } from './rule';
import { helpUri } from './rule';

export const missingPhiAccess: Rule = {
  metadata: {
    id: 'missing-phi-access',
    title: 'Endpoint touches patient data without an audit control',
    description:
      'An HTTP endpoint that reads or writes patient data has no @phi_access decorator / phiAccess(...) middleware / @PhiAccess(...) decorator, so access is neither role-checked nor audited.',
    defaultSeverity: 'error',
    hipaa: '45 CFR 164.312(b) (audit controls); 164.312(a)(1) (access control)',
    helpUri: helpUri('missing-phi-access'),
  },
  check(context) {
    const { facts, policy } = context;
    const endpoints = findEndpoints(context);
    const findings: RawFinding[] = [];
    for (const endpoint of endpoints) {
      if (!endpoint.touchesPhi || endpoint.audit) continue;
      const control =
        facts.language === 'python'
          ? `@${policy.audit.python.decorator}`
          : endpoint.framework === 'nestjs'
            ? `@${policy.audit.typescript.decorator}(...)`
            : `${policy.audit.typescript.middleware}(...)`;
      const fixes: Fix[] = [];
      const fix = addAuditFix(endpoint, facts, policy, endpoints);
      if (fix) fixes.push(fix);
      fixes.push(suppressFix('missing-phi-access', endpoint.line, facts));
      const route = routeLabel(endpoint);
      findings.push({
        ruleId: 'missing-phi-access',
        message: `Endpoint ${route} (\`${endpoint.handler.name}\`) touches ${endpoint.categories.join(', ')} data but has no ${control}: access is not audited or role-checked. Why: ${endpoint.why.join('; ')}.`,
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

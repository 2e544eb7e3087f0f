import { findEndpoints } from '../../analysis/endpoints';
import { frameworkName } from '../../catalogues/frameworks';
import { routeLabel } from '../../analysis/endpoints/route-label';
import { withSuppressFix } from '../../fixes/suppress';
import { endpointFinding } from '../endpoint-finding';
import type { RawFinding, Rule } from '../rule';
import { CODE_LANGUAGES, helpUri } from '../rule';
import { addAuditFix } from './fix';

export const missingPhiAccess: Rule = {
  metadata: {
    id: 'missing-phi-access',
    title: 'Endpoint touches patient data without an audit control',
    description:
      'An HTTP endpoint that reads or writes patient data has no @phi_access decorator / phiAccess(...) middleware / @PhiAccess(...) decorator, so access is neither role-checked nor audited.',
    defaultSeverity: 'error',
    hipaa: '45 CFR 164.312(b) (audit controls); 164.312(a)(1) (access control)',
    helpUri: helpUri('missing-phi-access'),
    languages: CODE_LANGUAGES,
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
            : endpoint.framework === 'fastify'
              ? `preHandler: ${policy.audit.typescript.middleware}(...)`
              : endpoint.framework === 'nextjs'
                ? 'withPhiAccess(...) wrapper'
                : `${policy.audit.typescript.middleware}(...)`;
      const fixes = withSuppressFix('missing-phi-access', endpoint.line, facts, addAuditFix(endpoint, facts, policy, endpoints));
      const inherited = endpoint.inheritedActions?.length ? `: inherited ${endpoint.inheritedActions.join(', ')}` : '';
      // A project middleware that records writes only leaves reads unaudited: say so, since the team named it as their control.
      const unaudited = endpoint.writeOnlyAudit ? `\`${endpoint.writeOnlyAudit}\` records writes only, so this read is not audited` : 'access is not audited or role-checked';
      const message = `${frameworkName(endpoint.framework)} endpoint ${routeLabel(endpoint)} (\`${endpoint.handler.name}\`${inherited}) touches ${endpoint.categories.join(', ')} data but has no ${control}: ${unaudited}. Why: ${endpoint.why.join('; ')}.`;
      findings.push(endpointFinding('missing-phi-access', endpoint, message, fixes));
    }
    return findings;
  },
};

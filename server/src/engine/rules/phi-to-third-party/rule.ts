import { suppressFix, withSuppressFix } from '../../fixes/suppress';
import { baaCoverage } from '../../analysis/sinks/vendor-coverage';
import { sendsDefaultPii } from '../../analysis/sinks/vendor-sinks';
import { identifiesAppMember } from '../../analysis/sinks/member-identify';
import type { RawFinding, Rule } from '../rule';
import { CODE_LANGUAGES, helpUri } from '../rule';
import { uncoveredVendorCalls, vendorFinding, vendorResolver } from '../vendor-findings';
import { sendIdInsteadFix } from './fix';
import { isUnimportedModule } from '../../analysis/modules/unimported-modules';
import { withoutNeverRun } from '../never-run-findings';

export const phiToThirdParty: Rule = {
  metadata: {
    id: 'phi-to-third-party',
    title: 'PHI sent to a third party without a BAA',
    description: 'A PHI value reaches the SDK or API of an external service (observability, analytics, messaging) whose BAA in the policy does not cover it.',
    defaultSeverity: 'error',
    hipaa: '45 CFR 164.502(e) and 164.308(b)(1) (business associate contracts); 164.502(b) (minimum necessary)',
    helpUri: helpUri('phi-to-third-party'),
    languages: CODE_LANGUAGES,
  },
  check(context) {
    const { facts, flow, policy } = context;
    const findings: RawFinding[] = [];
    for (const call of uncoveredVendorCalls(context, false)) {
      // The signed-in clinic member named to analytics, in a workspace whose people are its workforce.
      if (identifiesAppMember(call.fact, call.sink.vendor.kind, call.phiArgs.map((p) => p.taint), flow.traits)) continue;
      const base = vendorFinding('phi-to-third-party', call);
      // Messages and texts need their recipient: only events, tags and traits get the id rewrite.
      const preferred = call.sink.vendor.kind !== 'messaging' ? sendIdInsteadFix(call.fact, call.phiArgs, { facts, flow, scopeId: call.fact.scopeId }) : undefined;
      const fixes = withSuppressFix('phi-to-third-party', base.line, facts, preferred);
      findings.push({ ...base, fixes });
    }
    const resolver = vendorResolver(context);
    for (const fact of facts.calls) {
      const flag = sendsDefaultPii(fact, facts, resolver);
      if (!flag) continue;
      const client = resolver.clientOf(fact.call.callee, fact.scopeId, 0);
      const coverage = client ? baaCoverage(policy, client, ['demographics']) : undefined;
      if (!coverage || coverage.covered) continue;
      const line = fact.call.range.start.line;
      findings.push({
        ruleId: 'phi-to-third-party',
        message: `${coverage.vendorName} is set to send default PII (user IPs, cookies, request data) with every event. Not covered: ${coverage.reason}.`,
        range: flag.range,
        line,
        phi: [{ element: 'ip_address', category: 'demographics' }],
        sink: `${coverage.vendorName}: init`,
        flow: [],
        fixes: [suppressFix('phi-to-third-party', line, facts)],
      });
    }
    // A module nothing imports never runs: its sends are dead code (unimported-modules.ts). Asked
    // only of a file with findings: the question reads the whole workspace's imports.
    if (findings.length && isUnimportedModule(context.filePath, facts, context.auditContext, context.projectRoot)) return [];
    return withoutNeverRun(findings, context);
  },
};

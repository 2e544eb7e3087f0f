// What phi-to-third-party and phi-to-ai share: find vendor sinks that receive PHI the policy's
// BAA registry does not cover, and describe why.

import type { CallFact } from '../model/facts';
import type { PhiArgument } from '../fixes/patient-id';
import { baaCoverage, type Coverage } from '../analysis/sinks/vendor-coverage';
import { VendorResolver, type VendorSink } from '../analysis/sinks/vendor-sinks';
import type { PhiCategory } from '../model/types';
import type { RuleContext } from './rule';
import { phiArguments, sinkFinding } from './sink-finding';
import { patientFramedPrompt } from '../analysis/sinks/patient-prompts';
import { onlyRecipientAddresses } from '../analysis/sinks/recipient-only';

export interface UncoveredVendorCall {
  fact: CallFact;
  sink: VendorSink;
  phiArgs: PhiArgument[];
  coverage: Coverage;
}

const resolvers = new WeakMap<RuleContext['facts'], VendorResolver>();

export function vendorResolver(context: RuleContext): VendorResolver {
  let resolver = resolvers.get(context.facts);
  if (!resolver) resolvers.set(context.facts, (resolver = new VendorResolver(context.facts, context.flow)));
  return resolver;
}

export function uncoveredVendorCalls(context: RuleContext, wantAi: boolean): UncoveredVendorCall[] {
  const resolver = vendorResolver(context);
  const found: UncoveredVendorCall[] = [];
  for (const fact of context.facts.calls) {
    const sink = resolver.sinkOf(fact);
    if (!sink || (sink.vendor.kind === 'ai') !== wantAi) continue;
    const phiArgs = phiArguments(sink.args, fact, context);
    // A prompt whose own words say it is about a patient sends that patient's case, whatever its variables are called.
    const framed = !phiArgs.length && wantAi ? patientFramedPrompt(sink.args, fact, context.facts, context.flow.classifier) : undefined;
    if (framed) phiArgs.push(framed);
    if (!phiArgs.length) continue;
    // A text or an e-mail whose only PHI is the number or address it is delivered to.
    if (sink.vendor.kind === 'messaging' && onlyRecipientAddresses(fact, context.facts, sink.args, (expr) => context.flow.sinkTaint(expr, fact.scopeId))) continue;
    const categories = phiArgs.flatMap((p) => p.taint.elements.map((e) => e.category)) as PhiCategory[];
    const coverage = baaCoverage(context.policy, sink, categories);
    if (!coverage.covered) found.push({ fact, sink, phiArgs, coverage });
  }
  return found;
}

export function vendorFinding(ruleId: 'phi-to-third-party' | 'phi-to-ai', call: UncoveredVendorCall) {
  const { fact, sink, phiArgs, coverage } = call;
  const sinkKind = `${coverage.vendorName} (${sink.vendor.kind})`;
  const expiry = coverage.policy?.expires ? `, BAA expires ${coverage.policy.expires}` : '';
  const base = sinkFinding(ruleId, fact, phiArgs, sink.label, sinkKind, `Not covered: ${coverage.reason}${expiry}.`);
  return { ...base, sink: `${coverage.vendorName}: ${sink.label}` };
}

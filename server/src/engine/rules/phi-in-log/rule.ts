import { splitQualifiedName } from '../../fixes/imports';
import { withSuppressFix } from '../../fixes/suppress';
import { classifyLogSink } from '../../analysis/sinks/logs';
import { logsThroughRedactingLogger } from '../../analysis/sinks/redacting-loggers';
import type { RawFinding, Rule } from '../rule';
import { CODE_LANGUAGES, helpUri } from '../rule';
import { phiArguments, sinkFinding } from '../sink-finding';
import { logPatientIdFix, secureDebugFix } from './fix';

export const phiInLog: Rule = {
  metadata: {
    id: 'phi-in-log',
    title: 'PHI in log output',
    description: 'A PHI value reaches a log, print or console sink; logs flow to aggregators and vendors that may not hold PHI.',
    defaultSeverity: 'error',
    hipaa: '45 CFR 164.502(b) (minimum necessary); 164.312(b) (audit controls belong in the audit log, not app logs)',
    helpUri: helpUri('phi-in-log'),
    languages: CODE_LANGUAGES,
  },
  check(context) {
    const { facts, policy, flow } = context;
    const secureDebug = policy.secureDebug[facts.language === 'python' ? 'python' : 'typescript'];
    const excluded = new Set(secureDebug ? [secureDebug, splitQualifiedName(secureDebug, facts.language).name] : []);
    const findings: RawFinding[] = [];
    for (const fact of facts.calls) {
      const sink = classifyLogSink(fact, facts, flow, excluded);
      if (!sink || logsThroughRedactingLogger(fact, facts, context.filePath, context.auditContext?.redactingLoggers)) continue;
      const phiArgs = phiArguments(fact.call.args, fact, context);
      if (!phiArgs.length) continue;
      const base = sinkFinding('phi-in-log', fact, phiArgs, sink.label, 'a log sink', 'Log the record id instead.');
      const messageContext = { facts, flow, scopeId: fact.scopeId };
      const fixes = withSuppressFix('phi-in-log', base.line, facts, logPatientIdFix(fact, sink.library.call, phiArgs, messageContext), secureDebugFix(fact, facts, policy));
      findings.push({ ...base, fixes });
    }
    return findings;
  },
};

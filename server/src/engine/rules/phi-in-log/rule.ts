import { splitQualifiedName } from '../../fixes/imports';
import { withSuppressFix } from '../../fixes/suppress';
import { classifyLogSink } from '../../analysis/sinks/logs';
import { onlyPatternRedacted, redactingLoggerOf, unredactedArguments } from '../../analysis/sinks/redacting-loggers';
import { onlyUnreadableDates, reportsUnreadableDate } from '../../analysis/sinks/unparsable-dates';
import { inFunctionGivenCareRecord, namesCareRecord, speaksOfStockOnly, onlyReferenceCodes, onlyValuesNamedAsTableCodes } from '../../analysis/sinks/reference-codes';
import { inDebugOnlyBranch } from '../../analysis/sinks/debug-only';
import { strippedConsoleSink } from '../../analysis/sinks/stripped-console';
import { onlyAmountsAndCounts } from '../../analysis/sinks/amounts-and-counts';
import { claimNumberContext, onlyMintedClaimNumbers } from '../../analysis/sinks/minted-claim-numbers';
import { FieldsReadIndex, objectsGivenWhole } from '../../analysis/flow/fields-read';
import { isBackupCopy, isUnimportedModule } from '../../analysis/modules/unimported-modules';
import type { RawFinding, Rule } from '../rule';
import { CODE_LANGUAGES, helpUri } from '../rule';
import { phiArguments, sinkFinding } from '../sink-finding';
import type { PhiArgument } from '../../fixes/patient-id';
import type { Argument } from '../../model/facts';
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
    const fieldsRead = new FieldsReadIndex(facts, flow);
    const inventory = !!flow.traits.inventory;
    for (const fact of facts.calls) {
      const sink = classifyLogSink(fact, facts, flow, excluded);
      if (!sink) continue;
      // A front end whose production build strips this console method: nothing reaches a production log.
      if (facts.language === 'ts' && strippedConsoleSink(sink.label, context.filePath, context.auditContext?.consoleStrippingBuilds)) continue;
      // A redacting logger quiets everything, unless its redaction works from a fixed list of keys:
      // then only what is logged under those keys, and the elements it finds by pattern.
      const redacting = redactingLoggerOf(fact, facts, context.filePath, context.auditContext?.redactingLoggers);
      if (redacting && !redacting.redactedKeys) continue;
      const args = redacting ? unredactedArguments(fact.call.args, redacting) : fact.call.args;
      let phiArgs = phiArguments(args, fact, context);
      // An object logged for its fields has no id to log instead that the fix could know: suppress or edit by hand.
      const wholeObjects = !phiArgs.length;
      if (wholeObjects) phiArgs = wholeObjectArguments(args, fact.scopeId, fieldsRead, facts.language);
      if (redacting) phiArgs = phiArgs.filter((phiArg) => !onlyPatternRedacted(phiArg.taint.elements, redacting));
      if (!phiArgs.length) continue;
      // Written only in a development run (`if settings.DEBUG:`): production logs never get it.
      if (inDebugOnlyBranch(facts, fact.call.range.start, fact.scopeId)) continue;
      if (!wholeObjects && reportsUnreadableDate(fact.call.args) && onlyUnreadableDates(phiArgs.map((p) => p.taint))) continue;
      if (!wholeObjects && onlyReferenceCodes(phiArgs.flatMap((p) => p.taint.elements), phiArgs.some((p) => p.taint.record), inventory) && !namesCareRecord(facts, fact, fact.call.args)) continue;
      // A drug alone in a log whose own words speak of stock (`'Medication out of stock'`) is a product.
      if (!wholeObjects && onlyReferenceCodes(phiArgs.flatMap((p) => p.taint.elements), phiArgs.some((p) => p.taint.record), true) && speaksOfStockOnly(fact, fact.call.args)) continue;
      if (!wholeObjects && onlyValuesNamedAsTableCodes(args, (expr) => flow.sinkTaint(expr, fact.scopeId)) && !namesCareRecord(facts, fact, fact.call.args) && !inFunctionGivenCareRecord(facts, fact)) continue;
      // Amounts and counts alone (`amount_due=${invoice.amount_due}` beside ids) name no one.
      if (!wholeObjects && onlyAmountsAndCounts(args, (expr) => flow.sinkTaint(expr, fact.scopeId), (name) => flow.classifier.isPersonObjectName(name))) continue;
      // A claim number the module itself mints is its record reference, like the claim's id.
      if (!wholeObjects && onlyMintedClaimNumbers(args, fact.scopeId, claimNumberContext(facts, flow))) continue;
      const base = sinkFinding('phi-in-log', fact, phiArgs, sink.label, 'a log sink', 'Log the record id instead.');
      const messageContext = { facts, flow, scopeId: fact.scopeId };
      const fixes = withSuppressFix('phi-in-log', base.line, facts, wholeObjects ? undefined : logPatientIdFix(fact, sink.library.call, phiArgs, messageContext), secureDebugFix(fact, facts, policy));
      findings.push({ ...base, fixes });
    }
    // A backup copy nothing imports never runs (unimported-modules.ts). Asked only of a file with
    // findings: the question reads the whole workspace's imports.
    if (findings.length && isBackupCopy(context.filePath) && isUnimportedModule(context.filePath, facts, context.auditContext, context.projectRoot)) return [];
    return findings;
  },
};

/** Objects logged whole whose PHI fields the function reads (analysis/flow/fields-read.ts). */
function wholeObjectArguments(args: Argument[], scopeId: number, fieldsRead: FieldsReadIndex, language: 'python' | 'ts'): PhiArgument[] {
  const found: PhiArgument[] = [];
  for (const arg of args) {
    for (const object of objectsGivenWhole(arg.value, language)) {
      const taint = fieldsRead.wholeObjectTaint(object.name, scopeId, object);
      if (taint) {
        found.push({ arg, taint });
        break;
      }
    }
  }
  return found;
}

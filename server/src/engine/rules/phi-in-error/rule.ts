import { suppressFix, withSuppressFix } from '../../fixes/suppress';
import { describe } from '../../analysis/flow/taint';
import { classifyErrorSink } from '../../analysis/sinks/errors';
import { onlyUnreadableDates, reportsUnreadableDate } from '../../analysis/sinks/unparsable-dates';
import { inFunctionGivenCareRecord, namesCareRecord, speaksOfStockOnly, onlyReferenceCodes, onlyValuesNamedAsCodes, onlyValuesNamedAsTableCodes } from '../../analysis/sinks/reference-codes';
import { onlyRowKeysLookedUp } from '../../analysis/sinks/row-ids';
import { onlyOrganisationFieldsLookedUp } from '../../analysis/sinks/organisation-lookups';
import { onlySuccessViews } from '../../analysis/sinks/success-views';
import { onlyFailedResponses } from '../../analysis/sinks/failed-responses';
import { onlyAmountsAndCounts } from '../../analysis/sinks/amounts-and-counts';
import { onlyDrugNamesNamingNoOne } from '../../analysis/sinks/drug-names-only';
import { claimNumberContext, onlyMintedClaimNumbers } from '../../analysis/sinks/minted-claim-numbers';
import { isBackupCopy, isUnimportedModule } from '../../analysis/modules/unimported-modules';
import type { RawFinding, Rule } from '../rule';
import { CODE_LANGUAGES, helpUri } from '../rule';
import { phiArguments, sinkFinding } from '../sink-finding';
import { errorPatientIdFix } from './fix';

const SINK_KIND = {
  exception: 'an exception message',
  'http-error': 'an HTTP error detail',
  'error-body': 'an error response body',
} as const;

export const phiInError: Rule = {
  metadata: {
    id: 'phi-in-error',
    title: 'PHI in an error message or error response',
    description: 'A PHI value reaches an exception message, an HTTP error detail or an error body returned to the client; errors end up in logs, error trackers and browsers.',
    defaultSeverity: 'error',
    hipaa: '45 CFR 164.502(b) (minimum necessary); 164.312(e)(1) (transmission security)',
    helpUri: helpUri('phi-in-error'),
    languages: CODE_LANGUAGES,
  },
  check(context) {
    const { facts, flow } = context;
    const findings: RawFinding[] = [];
    const inventory = !!flow.traits.inventory;
    for (const fact of facts.calls) {
      const sink = classifyErrorSink(fact, facts);
      if (!sink) continue;
      const phiArgs = phiArguments(sink.args, fact, context);
      if (!phiArgs.length || (reportsUnreadableDate(sink.args) && onlyUnreadableDates(phiArgs.map((p) => p.taint)))) continue;
      // A procedure code alone (in a module about stock, also a drug), with nothing naming a patient or a record of care, is reference data.
      if (onlyReferenceCodes(phiArgs.flatMap((p) => p.taint.elements), phiArgs.some((p) => p.taint.record), inventory) && !namesCareRecord(facts, fact, sink.args)) continue;
      // A drug alone in an error whose own words speak of stock (`'Insufficient stock for some medications'`) is a product.
      if (onlyReferenceCodes(phiArgs.flatMap((p) => p.taint.elements), phiArgs.some((p) => p.taint.record), true) && speaksOfStockOnly(fact, sink.args)) continue;
      // A value named as a code (`routeCode`) read off a drug, alone, is a terminology code that failed a lookup.
      if (onlyValuesNamedAsCodes(sink.args, (expr) => flow.sinkTaint(expr, fact.scopeId)) && !namesCareRecord(facts, fact, sink.args)) continue;
      // An ICD-10 or CPT code named as one (`ICD-10 code ${data.diagnosisICDCode} not found`), with no patient, record of care or function given one: a code table's row, as in a log.
      if (onlyValuesNamedAsTableCodes(sink.args, (expr) => flow.sinkTaint(expr, fact.scopeId)) && !namesCareRecord(facts, fact, sink.args) && !inFunctionGivenCareRecord(facts, fact)) continue;
      // `Insurance ${data.insuranceId} not found` after a query `where: { id: data.insuranceId }`: a row's key.
      if (onlyRowKeysLookedUp(facts, fact, sink.args, (expr) => flow.sinkTaint(expr, fact.scopeId))) continue;
      // `Insurance provider with license number ${data.licenseNumber} already exists` after a query matching it on the insurer's table: the insurer's.
      if (onlyOrganisationFieldsLookedUp(facts, fact, sink.args, (expr) => flow.sinkTaint(expr, fact.scopeId))) continue;
      // An error body carrying the client view the file's success responses send adds no disclosure.
      if (sink.kind === 'error-body' && onlySuccessViews(facts, sink.args, (expr) => flow.sinkTaint(expr, fact.scopeId))) continue;
      // `if (!existing.ok || existing.body.items.length === 0) throw new Error(JSON.stringify(existing))`: an error or an empty list.
      if (onlyFailedResponses(facts, fact, sink.args, (expr) => flow.sinkTaint(expr, fact.scopeId))) continue;
      // Amounts, balances and counts alone (`Payment ${amountPaid} exceeds balance ${invoice.balance}`) name no one.
      if (onlyAmountsAndCounts(sink.args, (expr) => flow.sinkTaint(expr, fact.scopeId), (name) => flow.classifier.isPersonObjectName(name))) continue;
      // A drug's name alone in a message whose words name no person and no record of care is a catalogue product.
      if (onlyDrugNamesNamingNoOne(sink.args, (expr) => flow.sinkTaint(expr, fact.scopeId), (name) => flow.classifier.isPersonObjectName(name))) continue;
      // A claim number the project mints (this module, or the claim's model) is its record reference, like the claim's id.
      if (onlyMintedClaimNumbers(sink.args, fact.scopeId, claimNumberContext(facts, flow))) continue;
      // The request's own rejected input sent back to its sender in the error response: no one new sees it.
      if (sink.kind !== 'exception' && phiArgs.every((p) => p.taint.echoesRequest)) continue;
      const base = sinkFinding('phi-in-error', fact, phiArgs, sink.label, SINK_KIND[sink.kind], 'Refer to the record by its id instead.');
      const fixes = withSuppressFix('phi-in-error', base.line, facts, errorPatientIdFix(fact, phiArgs, { facts, flow, scopeId: fact.scopeId }));
      findings.push({ ...base, fixes });
    }
    for (const thrown of facts.throws) {
      const taint = flow.taintOf(thrown.value, thrown.scopeId);
      if (!taint || taint.record) continue;
      findings.push({
        ruleId: 'phi-in-error',
        message: `PHI reaches a thrown value: ${describe(taint)}. Throw an error that refers to the record by its id instead.`,
        range: taint.origin,
        line: thrown.range.start.line,
        phi: taint.elements,
        sink: 'throw',
        flow: [...taint.steps, { range: thrown.range, label: 'throw (error)' }],
        fixes: [suppressFix('phi-in-error', thrown.range.start.line, facts)],
      });
    }
    // A backup copy nothing imports never runs (unimported-modules.ts). Asked only of a file with
    // findings: the question reads the whole workspace's imports.
    if (findings.length && isBackupCopy(context.filePath) && isUnimportedModule(context.filePath, facts, context.auditContext, context.projectRoot)) return [];
    return findings;
  },
};

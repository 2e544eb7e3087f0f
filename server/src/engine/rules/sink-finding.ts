// What the sink rules share: which arguments of a call carry PHI, and the finding that reports it.

import type { Argument, CallFact } from '../model/facts';
import type { PhiArgument } from '../fixes/patient-id';
import { exprLabel } from '../analysis/flow/expr-label';
import type { FlowStep, RuleId } from '../model/types';
import type { RawFinding, RuleContext } from './rule';

export function phiArguments(args: Argument[], fact: CallFact, context: RuleContext): PhiArgument[] {
  const found: PhiArgument[] = [];
  for (const arg of args) {
    const taint = context.flow.sinkTaint(arg.value, fact.scopeId);
    if (taint) found.push({ arg, taint });
  }
  return found;
}

export function sinkFinding(
  ruleId: RuleId,
  fact: CallFact,
  phiArgs: PhiArgument[],
  sinkLabel: string,
  sinkKind: string,
  advice: string,
): Omit<RawFinding, 'fixes'> {
  const first = phiArgs[0].taint;
  const elements = [...new Map(phiArgs.flatMap((p) => p.taint.elements).map((e) => [`${e.element}/${e.category}`, e])).values()];
  const sources = [...new Set(phiArgs.map((p) => sourceLabel(p)))].join(', ');
  const what = elements.map((e) => (e.element === 'record' ? `a whole ${e.category} record` : `${e.element} (${e.category})`)).join(', ');
  const flow: FlowStep[] = [...first.steps, { range: fact.call.callee.range, label: `${sinkLabel} (${sinkKind})` }];
  return {
    ruleId,
    message: `PHI reaches ${sinkKind} \`${sinkLabel}\`: ${what} from \`${sources}\`. ${advice}`,
    range: first.origin,
    line: (fact.thrownBy ?? fact.call.range).start.line,
    phi: elements,
    sink: sinkLabel,
    flow,
  };
}

function sourceLabel(phiArg: PhiArgument): string {
  const source = phiArg.taint.steps[0];
  return source ? source.label.replace(/ \(.*\)$/, '') : exprLabel(phiArg.arg.value);
}


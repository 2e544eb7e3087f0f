// Endpoint evidence (touches-phi.ts) was the largest part of re-analysing a file with many endpoints
// after a keystroke, and a keystroke changes one endpoint at most. An endpoint's evidence is a
// function of its handler's top-level definition (the scopes, calls and bindings in it), the
// module-level bindings its names may resolve to (reached-module-bindings.ts), the endpoint's path and type names, the
// policy's classifier and, when calls are followed across files, the workspace index's state
// (FlowHooks.answersKey): keyed by exactly those, as text, the answers of earlier analyses are
// reused. The evidence holds no positions, so a definition that moved is still a hit.

import type { FileFacts, ScopeFact } from '../../model/facts';
import { BoundedCache } from '../bounded-cache';
import type { PhiClassifier } from '../phi/classify';
import { offsetOf } from '../../model/text';
import type { FlowAnalyzer } from '../flow/flow';
import { gatherPhiEvidence, type PhiEvidence, type PhiEvidenceInput } from './touches-phi';
import { reachedModuleBindings } from './reached-module-bindings';

// Hits come from the files being edited (a scan seldom has two identical handlers): a few
// modules' worth is enough, and bounds what a long CLI scan keeps.
const MAX_REMEMBERED = 16_000;
/** By classifier (policy), then by the handler, the module-level bindings it reaches and the workspace's state. */
const remembered = new WeakMap<PhiClassifier, BoundedCache<string, PhiEvidence>>();

/** Does the endpoint touch patient data (touches-phi.ts), answered from an earlier analysis when its handler is unchanged. */
export function assessPhi(input: PhiEvidenceInput, facts: FileFacts, flow: FlowAnalyzer): PhiEvidence {
  const compute = () => gatherPhiEvidence(input, facts, flow);
  const handler = handlerKey(input, facts);
  if (handler === undefined) return compute();
  // Calls followed into the workspace answer from its summaries: memoised only while they stay the same.
  const workspace = flow.hooks.dataUseBehind !== undefined || flow.hooks.storeReadsBehind !== undefined;
  if (workspace && flow.hooks.answersKey === undefined) return compute();
  const classifier = flow.classifier;
  let byHandler = remembered.get(classifier);
  if (!byHandler) remembered.set(classifier, (byHandler = new BoundedCache(MAX_REMEMBERED)));
  const reached = reachedModuleBindings(facts, handler.scope, handler.text, [...input.typeNames, ...input.nameHints]);
  // The workspace's account models and the module's side decide whose a `person` is (touches-phi.ts, heldByAccount).
  const accounts = `${flow.traits.patientSide ? 'patient-side' : ''}:${[...(flow.traits.accountModels ?? [])].join(',')}`;
  const key = [facts.languageId, handler.key, reached, flow.hooks.answersKey ?? '', accounts].join('\u0003');
  return byHandler.get(key, compute);
}

/** Undefined when the evidence reads scopes outside the handler's top-level definition. */
function handlerKey(input: PhiEvidenceInput, facts: FileFacts): { key: string; text: string; scope: ScopeFact } | undefined {
  if (input.handlerScopeId === undefined) return undefined;
  const top = topLevelScope(facts, input.handlerScopeId);
  if (top === undefined) return undefined;
  if ((input.extraScopeIds ?? []).some((id) => topLevelScope(facts, id) !== top)) return undefined;
  const scope = facts.scopes[top];
  const text = facts.text.slice(offsetOf(facts.lineStarts, facts.text, scope.range.start), offsetOf(facts.lineStarts, facts.text, scope.range.end));
  // Scope ids are positions in the file's list: the handler's and the extra ones, relative to the definition.
  const relative = [input.handlerScopeId - top, ...(input.extraScopeIds ?? []).map((id) => id - top)];
  return { key: [input.path, input.typeNames.join('\u0002'), input.nameHints.join('\u0002'), relative.join(','), text].join('\u0000'), text, scope };
}

/** The scope directly inside the module that contains `scopeId` (itself, for a top-level one). */
function topLevelScope(facts: FileFacts, scopeId: number): number | undefined {
  let current = scopeId;
  for (let depth = 0; depth < 1_000; depth++) {
    const parent = facts.scopes[current]?.parentId;
    if (parent === undefined) return undefined;
    if (parent === 0) return current;
    current = parent;
  }
  return undefined;
}

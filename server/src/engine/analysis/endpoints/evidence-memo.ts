// Endpoint evidence (touches-phi.ts) was the largest part of re-analysing a file with many endpoints
// after a keystroke, and a keystroke changes one endpoint at most. An endpoint's evidence is a
// function of its handler's top-level definition (the scopes, calls and bindings in it), the
// module-level bindings its names may resolve to, the endpoint's path and type names, the
// policy's classifier and, when calls are followed across files, the workspace index's state
// (FlowHooks.answersKey): keyed by exactly those, as text, the answers of earlier analyses are
// reused. The evidence holds no positions, so a definition that moved is still a hit.

import type { Expr, FileFacts } from '../../model/facts';
import { BoundedCache } from '../bounded-cache';
import type { PhiClassifier } from '../phi/classify';
import { offsetOf } from '../../model/text';
import type { FlowAnalyzer } from '../flow/flow';
import { gatherPhiEvidence, type PhiEvidence, type PhiEvidenceInput } from './touches-phi';

// Hits come from the files being edited (a scan seldom has two identical handlers): a few
// modules' worth is enough, and bounds what a long CLI scan keeps.
const MAX_REMEMBERED = 2_000;
const MAX_MODULES = 8;
/** By classifier (policy), then by the module-level bindings, then by the handler's definition. */
const remembered = new WeakMap<PhiClassifier, BoundedCache<string, BoundedCache<string, PhiEvidence>>>();
const moduleSignatures = new WeakMap<FileFacts, string>();
const exprSignatures = new WeakMap<Expr, string>();

/** Does the endpoint touch patient data (touches-phi.ts), answered from an earlier analysis when its handler is unchanged. */
export function assessPhi(input: PhiEvidenceInput, facts: FileFacts, flow: FlowAnalyzer): PhiEvidence {
  const compute = () => gatherPhiEvidence(input, facts, flow);
  const key = handlerKey(input, facts);
  if (key === undefined) return compute();
  // Calls followed into the workspace answer from its summaries: memoised only while they stay the same.
  const workspace = flow.hooks.dataUseBehind !== undefined || flow.hooks.storeReadsBehind !== undefined;
  if (workspace && flow.hooks.answersKey === undefined) return compute();
  const classifier = flow.classifier;
  let byModule = remembered.get(classifier);
  if (!byModule) remembered.set(classifier, (byModule = new BoundedCache(MAX_MODULES)));
  // The same string object for every endpoint of an analysis: hashed once, not per endpoint.
  const byHandler = byModule.get(moduleKey(facts, flow.hooks.answersKey), () => new BoundedCache<string, PhiEvidence>(MAX_REMEMBERED));
  return byHandler.get(key, compute);
}

/** Undefined when the evidence reads scopes outside the handler's top-level definition. */
function handlerKey(input: PhiEvidenceInput, facts: FileFacts): string | undefined {
  if (input.handlerScopeId === undefined) return undefined;
  const top = topLevelScope(facts, input.handlerScopeId);
  if (top === undefined) return undefined;
  if ((input.extraScopeIds ?? []).some((id) => topLevelScope(facts, id) !== top)) return undefined;
  const scope = facts.scopes[top];
  const text = facts.text.slice(offsetOf(facts.lineStarts, facts.text, scope.range.start), offsetOf(facts.lineStarts, facts.text, scope.range.end));
  // Scope ids are positions in the file's list: the handler's and the extra ones, relative to the definition.
  const relative = [input.handlerScopeId - top, ...(input.extraScopeIds ?? []).map((id) => id - top)];
  return [input.path, input.typeNames.join('\u0002'), input.nameHints.join('\u0002'), relative.join(','), text].join('\u0000');
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

const moduleKeys = new WeakMap<FileFacts, { answersKey: string | undefined; key: string }>();

/** The module's signature, with the workspace's answers key when calls are followed into it. */
function moduleKey(facts: FileFacts, answersKey: string | undefined): string {
  const known = moduleKeys.get(facts);
  if (known && known.answersKey === answersKey) return known.key;
  const key = answersKey === undefined ? moduleSignature(facts) : `${moduleSignature(facts)}\u0003${answersKey}`;
  moduleKeys.set(facts, { answersKey, key });
  return key;
}

/** The module-level bindings in order (names inside a handler may resolve to them), without positions. */
function moduleSignature(facts: FileFacts): string {
  let signature = moduleSignatures.get(facts);
  if (signature === undefined) {
    signature = `${facts.languageId}\u0001${facts.bindings
      .filter((binding) => binding.scopeId === 0)
      .map((binding) => `${binding.name}\u0000${binding.kind}\u0000${binding.property ?? ''}\u0000${exprSignature(binding.value)}`)
      .join('\u0001')}`;
    moduleSignatures.set(facts, signature);
  }
  return signature;
}

const POSITION_KEYS = new Set(['range', 'propertyRange', 'argsRange', 'keyRange']);

function exprSignature(expr: Expr): string {
  let signature = exprSignatures.get(expr);
  if (signature === undefined) {
    signature = JSON.stringify(expr, (key, value: unknown) => (POSITION_KEYS.has(key) ? undefined : value));
    exprSignatures.set(expr, signature);
  }
  return signature;
}

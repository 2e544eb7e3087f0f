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
import type { FlowAnalyzer } from '../flow/flow';
import { gatherPhiEvidence, type PhiEvidence, type PhiEvidenceInput } from './touches-phi';
import { definitionText, moduleBindingsNumber, reachedModuleBindings, topLevelScope } from './reached-module-bindings';
import { calledModuleFunctions } from './identity-params';
import { scopeTree } from '../../model/facts-index';

// Hits come from the files being edited (a scan seldom has two identical handlers): a few
// modules' worth is enough, and bounds what a long CLI scan keeps.
const MAX_REMEMBERED = 16_000;
/** By classifier (policy), then by the handler, the module-level bindings it reaches and the workspace's state. */
const remembered = new WeakMap<PhiClassifier, BoundedCache<string, PhiEvidence>>();

/** Does the endpoint touch patient data (touches-phi.ts), answered from an earlier analysis when its handler is unchanged. */
export function assessPhi(input: PhiEvidenceInput, facts: FileFacts, flow: FlowAnalyzer): PhiEvidence {
  const compute = () => gatherPhiEvidence(input, facts, flow);
  const handler = handlerDefinition(input, facts);
  if (handler === undefined) return compute();
  // Calls followed into the workspace answer from its summaries: memoised only while they stay the same.
  const workspace = flow.hooks.dataUseBehind !== undefined || flow.hooks.storeReadsBehind !== undefined;
  if (workspace && flow.hooks.answersKey === undefined) return compute();
  const classifier = flow.classifier;
  // The workspace's account models and the module's side decide whose a `person` is (touches-phi.ts, heldByAccount).
  const accounts = `${flow.traits.patientSide ? 'patient-side' : ''}:${[...(flow.traits.accountModels ?? [])].join(',')}`;
  // An untouched definition is the same scope fact at the next keystroke: with the rest of the
  // key unchanged, its last answer stands without slicing its text again (most keystrokes).
  // The file's functions the handler calls (a portal's session helper, identity-params.ts) are read too.
  const helpers = calledModuleFunctions(facts, scopeTree(facts, handler.scope.id));
  const previous = lastAnswer(handler.scope, input, handler.relative, facts, classifier, flow.hooks.answersKey ?? '', accounts, helpers);
  if (previous.answer) return previous.answer;
  const text = [handler.scope, ...helpers].map((scope) => definitionText(facts, scope)).join('\u0004');
  let byHandler = remembered.get(classifier);
  if (!byHandler) remembered.set(classifier, (byHandler = new BoundedCache(MAX_REMEMBERED)));
  const reached = reachedModuleBindings(facts, handler.scope, text, [...input.typeNames, ...input.nameHints]);
  const key = [facts.languageId, handlerKey(input, handler.relative, text), reached, flow.hooks.answersKey ?? '', accounts].join('\u0003');
  return previous.remember(byHandler.get(key, compute));
}

/**
 * The answer for a definition at the last analysis, by its scope fact, with everything else its
 * key holds: scope facts are never modified and an untouched definition's is the same object at
 * the next analysis (adapters/chunks.ts), so the same object is the same text.
 */
interface LastAnswer {
  classifier: PhiClassifier;
  /** The evidence input (path, type names, hints, class attributes, scopes relative to the definition) and the language. */
  input: string;
  /** Every module-level binding (reached-module-bindings.ts), numbered: the ones the definition reaches are among them. */
  module: number;
  answersKey: string;
  accounts: string;
  /** The scope facts of the file's functions the handler calls: the same objects while they are untouched. */
  helpers: readonly ScopeFact[];
  evidence: PhiEvidence;
}

const lastAnswers = new WeakMap<ScopeFact, LastAnswer[]>();

/** A definition serves a few endpoints at most (a class's actions); more are not kept. */
const MAX_PER_DEFINITION = 8;

function lastAnswer(
  scope: ScopeFact,
  input: PhiEvidenceInput,
  relative: readonly number[],
  facts: FileFacts,
  classifier: PhiClassifier,
  answersKey: string,
  accounts: string,
  helpers: readonly ScopeFact[],
): { answer?: PhiEvidence; remember: (evidence: PhiEvidence) => PhiEvidence } {
  const key = [facts.languageId, inputKey(input, relative)].join('\u0000');
  const module = moduleBindingsNumber(facts);
  const answers = lastAnswers.get(scope);
  const same = (known: LastAnswer) => known.classifier === classifier && known.input === key && known.module === module && known.answersKey === answersKey && known.accounts === accounts && sameScopes(known.helpers, helpers);
  const found = answers?.find(same);
  return {
    answer: found?.evidence,
    remember: (evidence) => {
      const kept = (answers ?? []).filter((known) => known.classifier === classifier && known.input !== key).slice(-(MAX_PER_DEFINITION - 1));
      kept.push({ classifier, input: key, module, answersKey, accounts, helpers, evidence });
      lastAnswers.set(scope, kept);
      return evidence;
    },
  };
}

function sameScopes(a: readonly ScopeFact[], b: readonly ScopeFact[]): boolean {
  return a.length === b.length && a.every((scope, index) => scope === b[index]);
}

/** The handler's top-level definition; undefined when the evidence reads scopes outside it. */
function handlerDefinition(input: PhiEvidenceInput, facts: FileFacts): { scope: ScopeFact; relative: number[] } | undefined {
  if (input.handlerScopeId === undefined) return undefined;
  const top = topLevelScope(facts, input.handlerScopeId);
  if (top === undefined) return undefined;
  const extra = input.extraScopeIds ?? [];
  const data = input.dataScopeIds ?? [];
  if ([...extra, ...data].some((id) => topLevelScope(facts, id) !== top)) return undefined;
  // Scope ids are positions in the file's list: the handler's, the extra and the data ones, relative
  // to the definition (-1 parts the extra from the data ones).
  const relative = [input.handlerScopeId - top, ...extra.map((id) => id - top), -1, ...data.map((id) => id - top)];
  return { scope: facts.scopes[top], relative };
}

function handlerKey(input: PhiEvidenceInput, relative: readonly number[], text: string): string {
  return [inputKey(input, relative), text].join('\u0000');
}

/** Everything of the evidence input the answer depends on, the definition's text aside. */
function inputKey(input: PhiEvidenceInput, relative: readonly number[]): string {
  // Undefined class attributes mean all of them count, which no list spells.
  const attributes = input.classAttributes === undefined ? '\u0001' : input.classAttributes.join('\u0002');
  return [input.path, input.typeNames.join('\u0002'), input.nameHints.join('\u0002'), attributes, relative.join(',')].join('\u0000');
}

// Claim numbers a module mints itself (docs/rules/phi-in-log.md, "What stays quiet"). The contract
// lists `claim_number` among billing PHI, and a claim number logged on its own stays reported. But
// where the same module makes its claim numbers (`claimNumber: this.generateClaimNumber()`,
// `const claimNumber = \`CLM-${Date.now()}-${claimId.substring(0, 8)}\``), they are its own record
// references, a prefix and a counter or a clock, like the claim's id: a log there whose only PHI is
// such a number (`logger.warn('ERA claim not found', { claimNumber })`) is not a finding. A
// patient's name, a diagnosis or an amount read off the patient beside it keeps the call reported,
// and so does a number made from PHI (`CLM-${patient.lastName}`). A module reading the number off a
// document of a workspace model whose module mints them (`existingClaim.claimNumber` after
// `existingClaim = await InsuranceClaim.findOne(q)`) reads that model's reference too. Logs and
// error bodies alike (phi-in-log, phi-in-error).

import type { Argument, BindingFact, Expr, FileFacts } from '../../model/facts';
import { innerValue } from '../../model/expressions';
import { offsetOf } from '../../model/text';
import { modelQueried } from '../flow/model-queries';
import type { FlowAnalyzer } from '../flow/flow';
import type { PhiElementRef } from '../../model/types';
import { tokenize } from '../phi/identifiers';
import { namedPhiParts } from './message-parts';

/** What a check needs of a value's taint. */
interface ValueTaint {
  elements: readonly PhiElementRef[];
  record: boolean;
}

type TaintOf = (expr: Expr, scopeId: number) => ValueTaint | undefined;

/** Tokens that make a claim word its number: `claimNumber`, `claim_no`, `claimRef`. */
const NUMBER_TOKENS = new Set(['number', 'no', 'num', 'nbr', 'ref', 'reference']);

/** Verbs of a function that makes a new number: `generateClaimNumber`, `next_claim_number`. */
const MINT_VERBS = new Set(['generate', 'gen', 'next', 'new', 'create', 'make', 'mint', 'allocate', 'assign', 'build']);

const MAX_DEPTH = 8;

/** `claimNumber`, `claim_no`, `claimRef`: a name for a claim's number (not `claim`, `claims`, `claimId`). */
export function isClaimNumberName(name: string): boolean {
  const tokens = tokenize(name);
  return tokens.some((token, index) => token === 'claim' && NUMBER_TOKENS.has(tokens[index + 1] ?? ''));
}

const minting = new WeakMap<FileFacts, boolean>();

/**
 * The module assigns a claim number (a variable, a field or an object key named as one) from a
 * call that makes a new number (`generateClaimNumber()`), or from a template of fixed text and
 * values carrying no PHI (a clock, an id, a counter).
 */
export function mintsClaimNumbers(facts: FileFacts, taintOf: TaintOf): boolean {
  let known = minting.get(facts);
  if (known === undefined) {
    known = findsMinting(facts, taintOf);
    minting.set(facts, known);
  }
  return known;
}

function findsMinting(facts: FileFacts, taintOf: TaintOf): boolean {
  for (const binding of facts.bindings) {
    const name = binding.property ?? binding.name.split('.').at(-1) ?? binding.name;
    if (isClaimNumberName(name) && isMintedValue(binding.value, binding.scopeId, taintOf, 0)) return true;
    if (objectMints(binding.value, binding.scopeId, taintOf, 0)) return true;
  }
  for (const fact of facts.calls) {
    if (fact.call.args.some((arg) => objectMints(arg.value, fact.scopeId, taintOf, 0))) return true;
  }
  return (facts.returns ?? []).some((fact) => !!fact.value && objectMints(fact.value, fact.scopeId, taintOf, 0));
}

/** An object literal (or one nested in it) with a claim-number key whose value is minted. */
function objectMints(expr: Expr, scopeId: number, taintOf: TaintOf, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  if (expr.kind === 'other') return expr.children.some((child) => objectMints(child, scopeId, taintOf, depth + 1));
  if (expr.kind === 'array') return expr.items.some((item) => objectMints(item, scopeId, taintOf, depth + 1));
  if (expr.kind !== 'object') return false;
  return expr.entries.some(
    (entry) => (!!entry.key && isClaimNumberName(entry.key) && isMintedValue(entry.value, scopeId, taintOf, depth + 1)) || objectMints(entry.value, scopeId, taintOf, depth + 1),
  );
}

/** A new number: made by a minting call, or a template of fixed text and values that carry no PHI. */
function isMintedValue(expr: Expr, scopeId: number, taintOf: TaintOf, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  // `await this.generateClaimNumber(tenantId)`, `(...)`.
  if (expr.kind === 'other') return expr.children.length === 1 && isMintedValue(expr.children[0], scopeId, taintOf, depth + 1);
  // `claim.claimNumber || \`CLM-${claim.id.substring(0, 8)}\``: the fallback is minted here.
  if (expr.kind === 'binary' && (expr.operator === '||' || expr.operator === '??' || expr.operator === 'or')) {
    return isMintedValue(expr.right, scopeId, taintOf, depth + 1);
  }
  if (expr.kind === 'call') {
    const callee = expr.callee.kind === 'member' ? expr.callee.property : expr.callee.kind === 'name' ? expr.callee.name : undefined;
    const tokens = callee ? tokenize(callee) : [];
    return MINT_VERBS.has(tokens[0] ?? '') && tokens.some((token) => NUMBER_TOKENS.has(token));
  }
  if (expr.kind === 'template') {
    const values = expr.parts.flatMap((part) => ('expr' in part ? [part.expr] : []));
    const text = expr.parts.some((part) => 'text' in part && /[A-Za-z0-9]/.test(part.text));
    return text && values.length > 0 && values.every((value) => !taintOf(value, scopeId));
  }
  return false;
}

/** What the claim-number checks need of the file's flow. */
export interface ClaimNumberContext {
  facts: FileFacts;
  /** The taint of a value where a sink writes it. */
  sinkTaintOf: TaintOf;
  taintOf: TaintOf;
  resolveBinding: (name: string, scopeId: number, offset: number) => BindingFact | undefined;
  /** Whether the workspace module the file imports as `name` (a model) mints claim numbers (FlowHooks.importedModuleMintsClaimNumbers). */
  importedModuleMints?: (name: string) => boolean;
}

/** The claim-number context of a file's flow. */
export function claimNumberContext(facts: FileFacts, flow: FlowAnalyzer): ClaimNumberContext {
  return {
    facts,
    sinkTaintOf: (expr, scopeId) => flow.sinkTaint(expr, scopeId),
    taintOf: (expr, scopeId) => flow.taintOf(expr, scopeId),
    resolveBinding: (name, scopeId, offset) => flow.resolveBinding(name, scopeId, offset),
    ...(flow.hooks.importedModuleMintsClaimNumbers ? { importedModuleMints: (name: string) => !!flow.hooks.importedModuleMintsClaimNumbers?.(name) } : {}),
  };
}

/**
 * The call's only PHI is claim numbers (onlyClaimNumbers) that are minted: by this module, or by
 * the model of the document they were read off (`existingClaim.claimNumber` after `existingClaim =
 * await InsuranceClaim.findOne(q)`, where the module `InsuranceClaim` comes from mints them: a
 * pre-save hook setting `this.claimNumber = \`CLM${year}${random}\``).
 */
export function onlyMintedClaimNumbers(args: readonly Argument[], scopeId: number, context: ClaimNumberContext): boolean {
  if (!onlyClaimNumbers(args, scopeId, context.sinkTaintOf)) return false;
  if (mintsClaimNumbers(context.facts, context.taintOf)) return true;
  const importedModuleMints = context.importedModuleMints;
  if (!importedModuleMints) return false;
  const parts = args.flatMap((arg) => namedPhiParts(arg.value, arg.name, (expr) => context.sinkTaintOf(expr, scopeId)));
  return parts.every(({ expr }) => {
    const read = innerValue(expr);
    const root = read?.kind === 'member' ? innerValue(read.object) : undefined;
    if (root?.kind !== 'name') return false;
    const binding = context.resolveBinding(root.name, scopeId, offsetOf(context.facts.lineStarts, context.facts.text, root.range.start));
    const model = binding && (binding.kind === 'assign' || binding.kind === 'iterate') ? modelQueried(binding.value)?.receiver : undefined;
    return !!model && importedModuleMints(model);
  });
}

/**
 * Every PHI value among the call's arguments is a claim number known by its name (a variable, a
 * field or the key it is logged under), and nothing else the call logs carries PHI.
 */
export function onlyClaimNumbers(args: readonly Argument[], scopeId: number, taintOf: TaintOf): boolean {
  const parts = args.flatMap((arg) => namedPhiParts(arg.value, arg.name, (expr) => taintOf(expr, scopeId)));
  return parts.length > 0 && parts.every(({ names, taint }) => !taint.record && names.some(isClaimNumberName) && taint.elements.every((element) => element.element === 'claim'));
}

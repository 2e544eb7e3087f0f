// What the *… patient_id instead* fixes share (log calls, errors, vendor events): the id to
// write, and a PHI-carrying value rewritten as its static text plus that id. They add nothing
// but the id: PHI and secrets (keys, tokens) are dropped, and variables are never replaced by
// the text they hold.

import type { Argument, CallFact, Expr, FileFacts } from '../model/facts';
import type { Taint } from '../analysis/flow/taint';
import { sourceOf } from '../model/text';
import { isKeyName } from '../analysis/api-keys';
import type { TextEdit } from '../model/types';
import type { SourceCopy } from './source-copy';
import { copiesSourceText, hasText, isDropped, render, segmentsOf, tidy, valueOf, type Segment, type Syntax } from './message';
import type { MessageContext } from './message-context';

export interface PhiArgument {
  arg: Argument;
  taint: Taint;
}

/**
 * The id to log: a `patient_id` / `patientId` variable in scope, else `<record>.id` when the PHI
 * was read from a record expression that is safe to repeat (names and attributes only).
 */
export function idExpression(fact: CallFact, phiArgs: PhiArgument[], context: MessageContext): string | undefined {
  const offset = context.facts.lineStarts[fact.call.range.start.line] + fact.call.range.start.character;
  for (const candidate of context.facts.language === 'python' ? ['patient_id'] : ['patientId', 'patient_id']) {
    if (context.flow.findParam(candidate, fact.scopeId) || context.flow.resolveBinding(candidate, fact.scopeId, offset)) return candidate;
  }
  for (const { taint } of phiArgs) {
    const id = recordIdText(taint, context.facts);
    if (id) return id;
  }
  return undefined;
}

/**
 * `<record>.id` for the record the PHI was read from, when that expression is safe to repeat
 * (names and attributes on one line). Not for a Python mapping read by key (`row["mrn"]`): it has
 * no `.id` attribute, and its id key is unknown.
 */
export function recordIdText(taint: Taint, facts: FileFacts): string | undefined {
  const root = taint.recordRoot;
  if (!root || (taint.recordRootByKey && facts.language === 'python')) return undefined;
  if (!isRepeatable(root) || root.range.start.line !== root.range.end.line) return undefined;
  return `${sourceOf(facts, root.range)}.id`;
}

function isRepeatable(expr: Expr): boolean {
  if (expr.kind === 'name') return true;
  if (expr.kind === 'member') return isRepeatable(expr.object);
  return false;
}

/** Text the fix writes itself (never copied from the source). */
export function ownText(raw: string, quote: string): Segment {
  return { kind: 'text', raw, quote, fromTemplate: false, own: true };
}

/** Edits that rewrite each PHI-carrying argument with `rewriteWithId`. */
export function idRewrites(phiArgs: readonly PhiArgument[], id: string | undefined, context: MessageContext, copy: SourceCopy): TextEdit[] {
  return phiArgs.map(({ arg }) => ({ range: arg.value.range, newText: rewriteWithId(arg.value, id, context, copy) }));
}

/** Rewrites one PHI-carrying value (an error message, an event property): its static text plus the record id. */
export function rewriteWithId(expr: Expr, id: string | undefined, context: MessageContext, copy: SourceCopy): string {
  const syntax: Syntax = context.facts.language;
  const idKey = syntax === 'python' ? 'patient_id' : 'patientId';
  if (expr.kind === 'object') {
    const entries = expr.entries.flatMap((entry) => {
      if (entry.key && isKeyName(entry.key)) return [];
      if (!isDropped(entry.value, context)) return [copy.of(entry.range)];
      // Only a message written in the entry itself is rebuilt; a variable's value stays out.
      if (entry.spread || !entry.keyRange || entry.value.kind === 'name' || !segmentsOf(entry.value, context)) return [];
      // The id goes into its own field below, not into every message.
      return [`${copy.of(entry.keyRange)}: ${rewriteWithId(entry.value, undefined, context, copy)}`];
    });
    if (id && !expr.entries.some((entry) => entry.key === idKey)) entries.push(syntax === 'python' ? `"${idKey}": ${copy.note(id)}` : `${idKey}: ${copy.note(id)}`);
    return syntax === 'python' ? `{${entries.join(', ')}}` : `{ ${entries.join(', ')} }`;
  }
  const segments = tidy(segmentsOf(expr, context) ?? [{ kind: 'dropped' }]);
  const quote = syntax === 'python' ? '"' : "'";
  if (id) {
    segments.push(ownText(hasText(segments) ? ` (${idKey}=` : `${idKey}=`, quote), valueOf(id));
    if (hasText(segments.slice(0, -2))) segments.push(ownText(')', quote));
  } else if (!hasText(segments)) {
    segments.push(ownText('patient details withheld', quote));
  }
  return copy.note(render(segments, syntax), copiesSourceText(segments));
}

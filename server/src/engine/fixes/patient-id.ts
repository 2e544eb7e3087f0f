// What the *… patient_id instead* fixes share (log calls, errors, vendor events): the id to
// write, and a PHI-carrying value rewritten as its static text plus that id. They add nothing
// but the id: PHI and secrets (keys, tokens) are dropped, and variables are never replaced by
// the text they hold.

import type { Argument, CallFact, Expr, FileFacts } from '../model/facts';
import type { Taint } from '../analysis/flow/taint';
import { sourceOf } from '../model/text';
import { tokenize } from '../analysis/phi/identifiers';
import { isKeyName } from '../analysis/api-keys';
import type { TextEdit } from '../model/types';
import type { SourceCopy } from './source-copy';
import { copiesSourceText, hasText, isDropped, render, segmentsOf, tidy, valueOf, type Segment, type Syntax } from './message';
import type { MessageContext } from './message-context';

export interface PhiArgument {
  arg: Argument;
  taint: Taint;
}

/** The id a fix writes (`text`, an expression) and the key it is written under (`patient_id`, `appointmentId`). */
export interface RecordId {
  text: string;
  key: string;
}

/**
 * The id to log: a `patient_id` / `patientId` variable in scope, else `<record>.id` when the PHI
 * was read from a record expression that is safe to repeat (names and attributes only). The key
 * names whose id it is: `patient_id` only for the patient's own record, so that the fix never
 * labels an appointment's id as the patient's.
 */
export function idExpression(fact: CallFact, phiArgs: PhiArgument[], context: MessageContext): RecordId | undefined {
  const language = context.facts.language;
  const offset = context.facts.lineStarts[fact.call.range.start.line] + fact.call.range.start.character;
  for (const candidate of language === 'python' ? ['patient_id'] : ['patientId', 'patient_id']) {
    if (context.flow.findParam(candidate, fact.scopeId) || context.flow.resolveBinding(candidate, fact.scopeId, offset)) return { text: candidate, key: idKeyOf('patient', language) };
  }
  for (const { taint } of phiArgs) {
    const text = recordIdText(taint, context.facts);
    if (text) return { text, key: idKeyOf(recordNoun(taint.recordRoot!), language) };
  }
  return undefined;
}

/** The key of an id in the language's naming style: `patient_id`, `patientId`. */
function idKeyOf(noun: string, language: FileFacts['language']): string {
  return language === 'python' ? `${noun}_id` : `${noun}Id`;
}

// Names of a patient's own record; any other record's id is keyed by its own name (`client_id`,
// `member_id`), which is honest whatever the record is.
const PATIENT_RECORD_TOKENS = new Set(['patient', 'patients', 'pt', 'paciente', 'pacientes']);
// Names that say nothing of what the record is: its id is a `record_id`.
const GENERIC_NAMES = new Set(['self', 'this', 'cls', 'data', 'row', 'item', 'obj', 'object', 'record', 'entry', 'result', 'res', 'doc', 'value', 'payload', 'body', 'resource']);

/** What a record expression names, for its id's key: `patient` for `patient` or `this.currentPatient`, `appointment` for `appointment`, `record` for `row`. */
function recordNoun(root: Expr): string {
  const name = root.kind === 'member' ? root.property : root.kind === 'name' ? root.name : undefined;
  if (!name) return 'record';
  const tokens = tokenize(name);
  if (tokens.some((token) => PATIENT_RECORD_TOKENS.has(token))) return 'patient';
  if (name.length <= 2 || GENERIC_NAMES.has(name.toLowerCase()) || !/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) return 'record';
  return name;
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
export function idRewrites(phiArgs: readonly PhiArgument[], id: RecordId | undefined, context: MessageContext, copy: SourceCopy): TextEdit[] {
  return phiArgs.map(({ arg }) => ({ range: arg.value.range, newText: rewriteWithId(arg.value, id, context, copy) }));
}

/** Rewrites one PHI-carrying value (an error message, an event property): its static text plus the record id. */
export function rewriteWithId(expr: Expr, id: RecordId | undefined, context: MessageContext, copy: SourceCopy): string {
  const syntax: Syntax = context.facts.language;
  if (expr.kind === 'object') {
    const entries = expr.entries.flatMap((entry) => {
      if (entry.key && isKeyName(entry.key)) return [];
      if (!isDropped(entry.value, context)) return [copy.of(entry.range)];
      // Only a message written in the entry itself is rebuilt; a variable's value stays out.
      if (entry.spread || !entry.keyRange || entry.value.kind === 'name' || !segmentsOf(entry.value, context)) return [];
      // The id goes into its own field below, not into every message.
      return [`${copy.of(entry.keyRange)}: ${rewriteWithId(entry.value, undefined, context, copy)}`];
    });
    if (id && !expr.entries.some((entry) => entry.key === id.key)) entries.push(syntax === 'python' ? `"${id.key}": ${copy.note(id.text)}` : `${id.key}: ${copy.note(id.text)}`);
    return syntax === 'python' ? `{${entries.join(', ')}}` : `{ ${entries.join(', ')} }`;
  }
  const segments = tidy(segmentsOf(expr, context) ?? [{ kind: 'dropped' }]);
  const quote = syntax === 'python' ? '"' : "'";
  if (id) {
    segments.push(ownText(hasText(segments) ? ` (${id.key}=` : `${id.key}=`, quote), valueOf(id.text));
    if (hasText(segments.slice(0, -2))) segments.push(ownText(')', quote));
  } else if (!hasText(segments)) {
    segments.push(ownText('patient details withheld', quote));
  }
  return copy.note(render(segments, syntax), copiesSourceText(segments));
}

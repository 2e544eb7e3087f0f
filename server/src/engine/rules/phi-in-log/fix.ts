// The fixes of phi-in-log. *Log patient_id instead*: the call keeps its static message and
// non-PHI arguments and carries only the record's id, in the idiom of the logger; PHI and
// secrets (keys, tokens) at the call are dropped. *Send to the secure debug log*: when the
// policy names a secure debug function (`secureDebug`), the call keeps its arguments and goes
// there instead of the ordinary log.

import type { ResolvedPolicy } from '../../model/policy';
import type { Argument, CallFact, FileFacts, ObjectExpr } from '../../model/facts';
import { addImport, splitQualifiedName } from '../../fixes/imports';
import {
  BRACES,
  copiesSourceText,
  hasText,
  isDropped,
  placeholderSegments,
  PY_PERCENT,
  render,
  segmentsOf,
  tidy,
  valueOf,
  type Segment,
  type Syntax,
} from '../../fixes/message';
import type { MessageContext } from '../../fixes/message-context';
import { idExpression, ownText, type PhiArgument } from '../../fixes/patient-id';
import { isSecret } from '../../fixes/secrets';
import { SourceCopy } from '../../fixes/source-copy';
import { sourceOf } from '../../model/text';
import type { LogCallShape } from '../../catalogues/log-libraries';
import type { Fix, Range, TextEdit } from '../../model/types';
import { isKeyName } from '../../analysis/api-keys';

/** The call rewritten in its library's shape (catalogues/log-libraries.ts): where the id goes, which placeholders the message has. */
export function logPatientIdFix(fact: CallFact, shape: LogCallShape, phiArgs: PhiArgument[], context: MessageContext): Fix | undefined {
  const syntax: Syntax = context.facts.language;
  const recordId = idExpression(fact, phiArgs, context);
  const id = recordId?.text;
  const args = fact.call.args;
  // Left out of the new call: the PHI arguments and any secret riding along with them.
  const phi = new Set(phiArgs.map((p) => p.arg));
  const tainted = new Set(args.filter((arg) => phi.has(arg) || isSecret(arg.value, context) || (arg.name !== undefined && isKeyName(arg.name))));
  const copy = new SourceCopy(context.facts);
  if (id) copy.note(id);
  // Whose id it is: `patient_id` for the patient's record, `appointment_id` for an appointment's.
  const idKey = recordId?.key ?? (syntax === 'python' ? 'patient_id' : 'patientId');
  const src = (node: { range: Range }) => copy.of(node.range);
  const out: string[] = [];

  // `logger.log(level, msg, ...)`: the level stays first and is not the message.
  const levelFirst = shape.levelFirstMethod !== undefined && fact.call.callee.kind === 'member' && fact.call.callee.property === shape.levelFirstMethod;
  const level = levelFirst ? args.find((arg) => !arg.name) : undefined;
  if (level) out.push(src(level));
  const positional = args.filter((arg) => !arg.name && arg !== level);
  const keywords = args.filter((arg) => arg.name);
  // pino / bunyan take a merging object first: the message is the first string after it.
  const leadingObject = shape.id === 'merging-object' && positional[0]?.value.kind === 'object' ? positional[0] : undefined;
  const messageArg = positional.find((arg) => arg !== leadingObject);
  const rest = positional.filter((arg) => arg !== leadingObject && arg !== messageArg);
  const placeholder = shape.placeholders === 'braces' ? BRACES : shape.placeholders === 'percent' ? PY_PERCENT : undefined;

  // The message, with PHI placeholders and values dropped.
  let message: Segment[] | undefined;
  let consumed = new Set<Argument>();
  if (messageArg) {
    if (messageArg.value.kind === 'string' && placeholder && rest.length) {
      const values = rest.map((arg) => arg.value);
      message = tidy(placeholderSegments(messageArg.value, placeholder, values, context, true));
      consumed = new Set(rest.slice(0, countPlaceholders(messageArg.value.value, placeholder)));
    } else if (tainted.has(messageArg) || messageArg.value.kind === 'string' || messageArg.value.kind === 'template') {
      message = tidy(segmentsOf(messageArg.value, context) ?? [{ kind: 'dropped' }]);
    }
  }
  const messageText = (withId: boolean): string | undefined => {
    if (!messageArg) return undefined;
    if (!message) return src(messageArg);
    const segments = hasText(message) ? [...message] : [ownText('patient record', syntax === 'python' ? '"' : "'")];
    if (withId && id) segments.push(ownText(` ${idKey}=`, '"'), valueOf(id));
    return copy.note(render(segments, syntax), copiesSourceText(segments));
  };
  const keptRest = rest.filter((arg) => !tainted.has(arg) && !consumed.has(arg)).map((arg) => src(arg));
  const untaintedConsumed = rest.filter((arg) => consumed.has(arg) && !tainted.has(arg)).map((arg) => src(arg));
  const keptKeywords = keywords.filter((arg) => !tainted.has(arg) && arg.name !== 'extra');
  const hasIdField = keywords.some((arg) => arg.name === idKey);

  switch (shape.id) {
    case 'extra': {
      const extra = keywords.find((arg) => arg.name === 'extra');
      const message = messageText(false);
      if (message) out.push(message);
      out.push(...untaintedConsumed, ...keptRest, ...keptKeywords.map((arg) => src(arg)));
      const entries = extra && extra.value.kind === 'object' ? keptEntries(extra.value, context, syntax, copy) : extra && !tainted.has(extra) ? undefined : [];
      if (entries === undefined) out.push(src(extra!));
      else {
        if (id && !entries.some((entry) => entry.startsWith(`"${idKey}"`) || entry.startsWith(`'${idKey}'`))) entries.push(`"${idKey}": ${id}`);
        if (entries.length) out.push(`extra={${entries.join(', ')}}`);
      }
      break;
    }
    case 'keyword': {
      const message = messageText(false);
      if (message) out.push(message);
      out.push(...untaintedConsumed, ...keptRest, ...keywords.filter((arg) => !tainted.has(arg)).map((arg) => src(arg)));
      if (id && !hasIdField) out.push(`${idKey}=${id}`);
      break;
    }
    case 'dict-argument': {
      const message = messageText(false);
      if (message) out.push(message);
      out.push(...untaintedConsumed, ...keptRest);
      if (id) out.push(`{"${idKey}": ${id}}`);
      out.push(...keptKeywords.map((arg) => src(arg)));
      break;
    }
    case 'message': {
      const message = messageText(true);
      if (message) out.push(message);
      out.push(...untaintedConsumed, ...keptRest, ...keptKeywords.map((arg) => src(arg)));
      break;
    }
    case 'merging-object': {
      const entries = leadingObject && leadingObject.value.kind === 'object' ? keptEntries(leadingObject.value, context, syntax, copy) : [];
      if (id && !hasEntry(entries, idKey)) entries.push(`${idKey}: ${id}`);
      if (entries.length) out.push(`{ ${entries.join(', ')} }`);
      const message = messageText(false);
      if (message) out.push(message);
      out.push(...untaintedConsumed, ...keptRest);
      break;
    }
    case 'object-argument':
    case 'meta-object': {
      const message = messageText(false);
      if (message) out.push(message);
      const objects = keptRest;
      out.push(...untaintedConsumed);
      const lastRest = rest[rest.length - 1];
      if (shape.id === 'meta-object' && lastRest?.value.kind === 'object' && !consumed.has(lastRest)) {
        // winston's meta object: keep its clean fields and add the id there.
        const entries = keptEntries(lastRest.value, context, syntax, copy);
        if (id && !hasEntry(entries, idKey)) entries.push(`${idKey}: ${id}`);
        out.push(...objects.filter((text) => text !== src(lastRest)), `{ ${entries.join(', ')} }`);
      } else {
        out.push(...objects);
        if (id) out.push(`{ ${idKey}: ${id} }`);
      }
      break;
    }
  }
  const argsText = `(${out.join(', ')})`;
  if (argsText === sourceOf(context.facts, fact.call.argsRange)) return undefined;
  return copy.mark({
    title: id ? `Log ${idKey} instead` : 'Remove the PHI from this log call',
    kind: 'fix',
    isPreferred: true,
    edits: [{ range: fact.call.argsRange, newText: argsText }],
  });
}

/** The source of an object literal's entries that carry no PHI and no secret. */
function keptEntries(object: ObjectExpr, context: MessageContext, syntax: Syntax, copy: SourceCopy): string[] {
  return object.entries
    .filter((entry) => !isDropped(entry.value, context) && !(entry.key && isKeyName(entry.key)))
    .map((entry) => copy.of(entry.range))
    .filter((text) => (syntax === 'python' ? true : text.length > 0));
}

function countPlaceholders(format: string, pattern: RegExp): number {
  return [...format.matchAll(pattern)].filter((match) => match[0] !== '%%').length;
}

export function secureDebugFix(fact: CallFact, facts: FileFacts, policy: ResolvedPolicy): Fix | undefined {
  const target = facts.language === 'python' ? policy.secureDebug.python : policy.secureDebug.typescript;
  if (!target) return undefined;
  const { module, name } = splitQualifiedName(target, facts.language);
  const edits: TextEdit[] = [{ range: fact.call.callee.range, newText: name }];
  const importEdit = module ? addImport(facts, module, name) : undefined;
  if (importEdit) edits.push(importEdit);
  return { title: `Send to the secure debug log (${name})`, kind: 'secure-debug', isPreferred: false, edits };
}

/** Whether an object's kept entries (`patientId`, `patientId: p.id`, `'patientId': x`) already log `key`: never add it twice. */
function hasEntry(entries: readonly string[], key: string): boolean {
  return entries.some((entry) => new RegExp(`^(['"]?)${key}\\1\\s*(?::|$)`).test(entry.trim()));
}

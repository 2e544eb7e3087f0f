// *Log patient_id instead*: rewrite a sink call so it keeps its static message and non-PHI
// arguments and carries only the record's id, in the idiom of the logger. It adds nothing but
// that id: PHI and secrets (keys, tokens) at the call are dropped, and variables are never
// replaced by the text they hold.

import type { Argument, CallFact, Expr, ObjectExpr } from '../facts';
import type { Taint } from '../phi/flow';
import type { LogIdiom } from '../sinks/logs';
import { sourceOf } from '../sinks/errors';
import { isKeyName } from '../rules/hardcoded-ai-key';
import type { Fix, Range } from '../types';
import { isSecret } from './secrets';
import { SourceCopy } from './source-copy';
import { copiesSourceText, hasText, isDropped, placeholderSegments, render, segmentsOf, tidy, valueOf, type MessageContext, type Segment, type Syntax } from './message';

export interface PhiArgument {
  arg: Argument;
  taint: Taint;
}

const PY_PERCENT = /%(\([^)]*\))?[-#0 +]*(\d+|\*)?(\.(\d+|\*))?[sdrifgGxXeEoca%]/g;
const BRACES = /\{[^{}]*\}/g;

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
    const root = taint.recordRoot;
    if (root && isRepeatable(root) && root.range.start.line === root.range.end.line) return `${sourceOf(context.facts, root.range)}.id`;
  }
  return undefined;
}

function isRepeatable(expr: Expr): boolean {
  if (expr.kind === 'name') return true;
  if (expr.kind === 'member') return isRepeatable(expr.object);
  return false;
}

export function logPatientIdFix(fact: CallFact, idiom: LogIdiom, phiArgs: PhiArgument[], context: MessageContext): Fix | undefined {
  const syntax: Syntax = context.facts.language;
  const id = idExpression(fact, phiArgs, context);
  const args = fact.call.args;
  // Left out of the new call: the PHI arguments and any secret riding along with them.
  const phi = new Set(phiArgs.map((p) => p.arg));
  const tainted = new Set(args.filter((arg) => phi.has(arg) || isSecret(arg.value, context) || (arg.name !== undefined && isKeyName(arg.name))));
  const copy = new SourceCopy(context.facts);
  if (id) copy.note(id);
  const src = (node: { range: Range }) => copy.of(node.range);
  const out: string[] = [];

  // `logger.log(level, msg, ...)`: the level stays first and is not the message.
  const levelFirst = idiom === 'stdlib' && fact.call.callee.kind === 'member' && fact.call.callee.property === 'log';
  const level = levelFirst ? args.find((arg) => !arg.name) : undefined;
  if (level) out.push(src(level));
  const positional = args.filter((arg) => !arg.name && arg !== level);
  const keywords = args.filter((arg) => arg.name);
  // pino / bunyan take a merging object first: the message is the first string after it.
  const leadingObject = idiom === 'pino' && positional[0]?.value.kind === 'object' ? positional[0] : undefined;
  const messageArg = positional.find((arg) => arg !== leadingObject);
  const rest = positional.filter((arg) => arg !== leadingObject && arg !== messageArg);
  const placeholder = idiom === 'loguru' ? BRACES : idiom === 'stdlib' || idiom === 'debug' || idiom === 'console' || idiom === 'pino' ? PY_PERCENT : undefined;

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
    if (withId && id) segments.push(ownText(syntax === 'python' ? ' patient_id=' : ' patientId=', '"'), valueOf(id));
    return copy.note(render(segments, syntax), copiesSourceText(segments));
  };
  const keptRest = rest.filter((arg) => !tainted.has(arg) && !consumed.has(arg)).map((arg) => src(arg));
  const untaintedConsumed = rest.filter((arg) => consumed.has(arg) && !tainted.has(arg)).map((arg) => src(arg));
  const keptKeywords = keywords.filter((arg) => !tainted.has(arg) && arg.name !== 'extra');
  const idKey = syntax === 'python' ? 'patient_id' : 'patientId';
  const hasIdField = keywords.some((arg) => arg.name === 'patient_id');

  switch (idiom) {
    case 'stdlib': {
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
    case 'structlog':
    case 'loguru': {
      const message = messageText(false);
      if (message) out.push(message);
      out.push(...untaintedConsumed, ...keptRest, ...keywords.filter((arg) => !tainted.has(arg)).map((arg) => src(arg)));
      if (id && !hasIdField) out.push(`${idKey}=${id}`);
      break;
    }
    case 'print': {
      const message = messageText(false);
      if (message) out.push(message);
      out.push(...untaintedConsumed, ...keptRest);
      if (id) out.push(`{"${idKey}": ${id}}`);
      out.push(...keptKeywords.map((arg) => src(arg)));
      break;
    }
    case 'stream':
    case 'nest': {
      const message = messageText(true);
      if (message) out.push(message);
      out.push(...untaintedConsumed, ...keptRest, ...keptKeywords.map((arg) => src(arg)));
      break;
    }
    case 'pino': {
      const entries = leadingObject && leadingObject.value.kind === 'object' ? keptEntries(leadingObject.value, context, syntax, copy) : [];
      if (id && !entries.some((entry) => entry.startsWith(idKey))) entries.push(`${idKey}: ${id}`);
      if (entries.length) out.push(`{ ${entries.join(', ')} }`);
      const message = messageText(false);
      if (message) out.push(message);
      out.push(...untaintedConsumed, ...keptRest);
      break;
    }
    case 'console':
    case 'winston':
    case 'debug': {
      const message = messageText(false);
      if (message) out.push(message);
      const objects = keptRest;
      out.push(...untaintedConsumed);
      const lastRest = rest[rest.length - 1];
      if (idiom === 'winston' && lastRest?.value.kind === 'object' && !consumed.has(lastRest)) {
        // winston's meta object: keep its clean fields and add the id there.
        const entries = keptEntries(lastRest.value, context, syntax, copy);
        if (id) entries.push(`${idKey}: ${id}`);
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
    title: id ? `Log ${syntax === 'python' ? 'patient_id' : 'patientId'} instead` : 'Remove the PHI from this log call',
    kind: 'fix',
    isPreferred: true,
    edits: [{ range: fact.call.argsRange, newText: argsText }],
  });
}

function ownText(raw: string, quote: string): Segment {
  return { kind: 'text', raw, quote, fromTemplate: false, own: true };
}

/** The source of an object literal's entries that carry no PHI and no secret. */
export function keptEntries(object: ObjectExpr, context: MessageContext, syntax: Syntax, copy: SourceCopy): string[] {
  return object.entries
    .filter((entry) => !isDropped(entry.value, context) && !(entry.key && isKeyName(entry.key)))
    .map((entry) => copy.of(entry.range))
    .filter((text) => (syntax === 'python' ? true : text.length > 0));
}

function countPlaceholders(format: string, pattern: RegExp): number {
  return [...format.matchAll(pattern)].filter((match) => match[0] !== '%%').length;
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

export function errorPatientIdFix(fact: CallFact, phiArgs: PhiArgument[], context: MessageContext): Fix | undefined {
  const id = idExpression(fact, phiArgs, context);
  const copy = new SourceCopy(context.facts);
  const edits = phiArgs.map(({ arg }) => ({ range: arg.value.range, newText: rewriteWithId(arg.value, id, context, copy) }));
  if (!edits.length) return undefined;
  return copy.mark({ title: id ? `Report ${context.facts.language === 'python' ? 'patient_id' : 'patientId'} instead` : 'Remove the PHI from this error', kind: 'fix', isPreferred: true, edits });
}

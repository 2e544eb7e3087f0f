// Rebuilding a message without its PHI: a string expression (literal, f-string / template
// literal, concatenation, `%` or `.format`) is split into text and value segments; PHI values are
// dropped, the text around them tidied, and the rest emitted in the file's own string syntax.

import type { Expr, FileFacts, StringExpr } from '../facts';
import type { FlowAnalyzer } from '../phi/flow';
import { sourceOf } from '../sinks/errors';

export type Segment =
  | { kind: 'text'; raw: string; quote: string; fromTemplate: boolean }
  | { kind: 'value'; source: string }
  | { kind: 'dropped' };

export interface MessageContext {
  facts: FileFacts;
  flow: FlowAnalyzer;
  scopeId: number;
}

const PY_PERCENT = /%(\([^)]*\))?[-#0 +]*(\d+|\*)?(\.(\d+|\*))?[sdrifgGxXeEoca%]/g;
const BRACES = /\{[^{}]*\}/g;

/** Segments of a string-valued expression, or undefined when it is not one we can rebuild. */
export function segmentsOf(expr: Expr, context: MessageContext, depth = 0): Segment[] | undefined {
  if (depth > 8) return undefined;
  const isPhi = (value: Expr) => !!context.flow.taintOf(value, context.scopeId);
  switch (expr.kind) {
    case 'string':
      return [textSegment(expr)];
    case 'template':
      return expr.parts.map((part) =>
        'text' in part
          ? { kind: 'text', raw: part.text, quote: expr.quote, fromTemplate: true }
          : isPhi(part.expr)
            ? { kind: 'dropped' }
            : { kind: 'value', source: sourceOf(context.facts, part.expr.range) },
      );
    case 'binary': {
      if (expr.operator === '+') {
        const left = segmentsOf(expr.left, context, depth + 1) ?? valueSegments(expr.left, context);
        const right = segmentsOf(expr.right, context, depth + 1) ?? valueSegments(expr.right, context);
        return [...left, ...right];
      }
      if (expr.operator === '%' && expr.left.kind === 'string') {
        const values = expr.right.kind === 'array' ? expr.right.items : [expr.right];
        return placeholderSegments(expr.left, PY_PERCENT, values, context);
      }
      return undefined;
    }
    case 'call': {
      const callee = expr.callee;
      if (callee.kind === 'member' && callee.property === 'format' && callee.object.kind === 'string') {
        return placeholderSegments(callee.object, BRACES, expr.args.filter((arg) => !arg.name).map((arg) => arg.value), context);
      }
      return undefined;
    }
    case 'name': {
      // A message built earlier in the function: `msg = "Found " + patient.name; logger.info(msg)`.
      const offset = context.facts.lineStarts[expr.range.start.line] + expr.range.start.character;
      const binding = context.flow.resolveBinding(expr.name, context.scopeId, offset);
      if (!binding || binding.kind !== 'assign') return undefined;
      return segmentsOf(binding.value, { ...context, scopeId: binding.scopeId }, depth + 1);
    }
    case 'other':
      return expr.children.length === 1 ? segmentsOf(expr.children[0], context, depth + 1) : undefined;
    default:
      return undefined;
  }
}

function valueSegments(expr: Expr, context: MessageContext): Segment[] {
  return context.flow.taintOf(expr, context.scopeId) ? [{ kind: 'dropped' }] : [{ kind: 'value', source: sourceOf(context.facts, expr.range) }];
}

function textSegment(expr: StringExpr): Segment {
  return { kind: 'text', raw: expr.value, quote: expr.quote, fromTemplate: false };
}

/** `"a %s b" % (x, y)`, `"a {} b".format(x)`, and logging's `("a %s", x)`: placeholders map to values. */
export function placeholderSegments(
  format: StringExpr,
  pattern: RegExp,
  values: Expr[],
  context: MessageContext,
  /** Logging calls keep clean values as arguments, so their placeholders stay as they are. */
  keepCleanPlaceholders = false,
): Segment[] {
  const segments: Segment[] = [];
  let cursor = 0;
  let index = 0;
  for (const match of format.value.matchAll(pattern)) {
    if (match[0] === '%%') continue;
    const start = match.index ?? 0;
    if (start > cursor) segments.push({ kind: 'text', raw: format.value.slice(cursor, start), quote: format.quote, fromTemplate: false });
    const value = values[index++];
    if (!value) segments.push({ kind: 'text', raw: match[0], quote: format.quote, fromTemplate: false });
    else if (context.flow.taintOf(value, context.scopeId)) segments.push({ kind: 'dropped' });
    else if (keepCleanPlaceholders) segments.push({ kind: 'text', raw: match[0], quote: format.quote, fromTemplate: false });
    else segments.push({ kind: 'value', source: sourceOf(context.facts, value.range) });
    cursor = start + match[0].length;
  }
  if (cursor < format.value.length) segments.push({ kind: 'text', raw: format.value.slice(cursor), quote: format.quote, fromTemplate: false });
  return segments;
}

/**
 * Drops the PHI and the labels that only introduced it: "Patient found: {name}, DOB: {dob}"
 * becomes "Patient found".
 */
export function tidy(segments: Segment[]): Segment[] {
  const result: Segment[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (segment.kind !== 'text') {
      if (segment.kind === 'value') result.push(segment);
      continue;
    }
    const droppedBefore = segments[i - 1]?.kind === 'dropped';
    const droppedAfter = segments[i + 1]?.kind === 'dropped';
    if (droppedBefore && droppedAfter) continue;
    let raw = segment.raw;
    if (droppedAfter) raw = raw.replace(/[\s:=#,;(\[{<-]+$/, '');
    if (droppedBefore) {
      raw = raw.replace(/^[\s:,;)\]}>.'"-]+/, '');
      if (raw && result.length) raw = ` ${raw}`;
    }
    if (raw) result.push({ ...segment, raw });
  }
  return result;
}

export function hasText(segments: Segment[]): boolean {
  return segments.some((segment) => (segment.kind === 'text' && segment.raw.trim()) || segment.kind === 'value');
}

export type Syntax = 'python' | 'ts';

/**
 * Renders segments as one string expression: a plain literal when there are no values, else an
 * f-string / template literal. `suffix` segments (the id reference) are appended.
 */
export function render(segments: Segment[], syntax: Syntax): string {
  const values = segments.some((segment) => segment.kind === 'value');
  const firstText = segments.find((segment): segment is Extract<Segment, { kind: 'text' }> => segment.kind === 'text');
  const quote = syntax === 'ts' ? (values ? '`' : pickTsQuote(firstText?.quote)) : pickPythonQuote(firstText?.quote);
  let body = '';
  for (const segment of segments) {
    if (segment.kind === 'value') {
      body += syntax === 'python' ? `{${segment.source}}` : `\${${segment.source}}`;
    } else if (segment.kind === 'text') {
      body += convertText(segment, quote, values, syntax);
    }
  }
  body = body.replace(/\s+$/, '').replace(/^\s+/, '');
  const prefix = syntax === 'python' && values ? 'f' : '';
  return `${prefix}${quote}${body}${quote}`;
}

function pickPythonQuote(quote: string | undefined): string {
  return quote === "'" || quote === '"' || quote === '"""' || quote === "'''" ? quote : '"';
}

function pickTsQuote(quote: string | undefined): string {
  return quote === "'" || quote === '"' ? quote : "'";
}

/** Re-escapes raw literal text written for one kind of literal so it is valid in another. */
function convertText(segment: Extract<Segment, { kind: 'text' }>, quote: string, interpolating: boolean, syntax: Syntax): string {
  let raw = segment.raw;
  if (syntax === 'python') {
    if (segment.fromTemplate && !interpolating) raw = raw.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
    if (!segment.fromTemplate && interpolating) raw = raw.replace(/\{/g, '{{').replace(/\}/g, '}}');
  } else if (quote === '`') {
    if (segment.quote !== '`') raw = raw.replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
  } else if (segment.quote === '`') {
    raw = raw.replace(/\\`/g, '`');
  }
  if (quote.length === 1 && segment.quote !== quote) raw = escapeQuote(raw, quote);
  if (quote.length === 1) raw = raw.replace(/\r?\n/g, '\\n');
  return raw;
}

function escapeQuote(raw: string, quote: string): string {
  let result = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\') {
      result += c + (raw[i + 1] ?? '');
      i++;
    } else if (c === quote) {
      result += `\\${c}`;
    } else {
      result += c;
    }
  }
  return result;
}

// Rebuilding a message without its PHI: a string expression (literal, f-string / template
// literal, concatenation, `%` or `.format`) is split into text and value segments; PHI values and
// secrets are dropped, the text around them tidied, and the rest emitted in the file's own string
// syntax. Only what is written at the call is kept: a variable stays a reference to the variable.

import type { Expr, StringExpr } from '../model/facts';
import { sourceOf } from '../model/text';
import type { MessageContext } from './message-context';
import { isSecret, withoutKeys } from './secrets';

export type Segment =
  | {
      kind: 'text';
      raw: string;
      quote: string;
      fromTemplate: boolean;
      /** Written by PHI Guard itself (`patient record`, ` patient_id=`), not copied from the code. */
      own?: boolean;
    }
  | { kind: 'value'; source: string; /** The copied source holds a string literal. */ literal: boolean }
  | { kind: 'dropped' };

/** A `%`-style placeholder (`%s`, `%(name)d`, `%%`). */
export const PY_PERCENT = /%(\([^)]*\))?[-#0 +]*(\d+|\*)?(\.(\d+|\*))?[sdrifgGxXeEoca%]/g;
/** A `{}`-style placeholder (`{}`, `{name}`). */
export const BRACES = /\{[^{}]*\}/g;

/** Segments of a string-valued expression, or undefined when it is not one we can rebuild. */
export function segmentsOf(expr: Expr, context: MessageContext, depth = 0): Segment[] | undefined {
  if (depth > 8) return undefined;
  switch (expr.kind) {
    case 'string':
      return [textSegment(expr)];
    case 'template':
      return expr.parts.map((part) =>
        'text' in part ? { kind: 'text', raw: withoutKeys(part.text), quote: expr.quote, fromTemplate: true } : valueSegment(part.expr, context),
      );
    case 'binary': {
      if (expr.operator === '+') {
        const left = segmentsOf(expr.left, context, depth + 1) ?? [valueSegment(expr.left, context)];
        const right = segmentsOf(expr.right, context, depth + 1) ?? [valueSegment(expr.right, context)];
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
    case 'name':
      // A variable is never opened up: its value was written elsewhere (a constant holding a
      // patient's details, a hard-coded key) and a fix that copied it here would put that text
      // into the call. A clean variable stays a reference; one holding PHI or a secret is dropped.
      return [valueSegment(expr, context)];
    case 'other':
      return expr.children.length === 1 ? segmentsOf(expr.children[0], context, depth + 1) : undefined;
    default:
      return undefined;
  }
}

/** Whether a fix leaves this value out of the call it rewrites: PHI, or a secret. */
export function isDropped(expr: Expr, context: MessageContext): boolean {
  return !!context.flow.taintOf(expr, context.scopeId) || isSecret(expr, context);
}

function valueSegment(expr: Expr, context: MessageContext): Segment {
  return isDropped(expr, context) ? { kind: 'dropped' } : valueOf(sourceOf(context.facts, expr.range));
}

/** A value segment for source text; a quote in it means a string literal rides along. */
export function valueOf(source: string): Segment {
  return { kind: 'value', source, literal: /['"`]/.test(source) };
}

function textSegment(expr: StringExpr): Segment {
  if (isKeyShapedLiteral(expr)) return { kind: 'dropped' };
  return { kind: 'text', raw: withoutKeys(expr.value), quote: expr.quote, fromTemplate: false };
}

function isKeyShapedLiteral(expr: StringExpr): boolean {
  return withoutKeys(expr.value).trim() === '' && expr.value.trim() !== '';
}

/** Whether rendering these segments repeats text from the code that holds a string literal. */
export function copiesSourceText(segments: readonly Segment[]): boolean {
  return segments.some((segment) => (segment.kind === 'text' ? !segment.own && segment.raw.trim() !== '' : segment.kind === 'value' && segment.literal));
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
    const value = values[index++];
    if (start > cursor) segments.push(...literalText(format.value.slice(cursor, start), format.quote));
    if (!value) segments.push({ kind: 'text', raw: match[0], quote: format.quote, fromTemplate: false });
    else if (isDropped(value, context)) segments.push({ kind: 'dropped' });
    else if (keepCleanPlaceholders) segments.push({ kind: 'text', raw: match[0], quote: format.quote, fromTemplate: false });
    else segments.push(valueSegment(value, context));
    cursor = start + match[0].length;
  }
  if (cursor < format.value.length) segments.push(...literalText(format.value.slice(cursor), format.quote));
  return segments;
}

/** Text of a format string, without the keys written into it. */
function literalText(raw: string, quote: string): Segment[] {
  return [{ kind: 'text', raw: withoutKeys(raw), quote, fromTemplate: false }];
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
 * f-string / template literal (or, in Python, `.format(...)` when no f-string can hold a value).
 */
export function render(segments: Segment[], syntax: Syntax): string {
  const values = segments.filter((segment): segment is Extract<Segment, { kind: 'value' }> => segment.kind === 'value');
  const firstText = segments.find((segment): segment is Extract<Segment, { kind: 'text' }> => segment.kind === 'text');
  if (syntax === 'ts') {
    const quote = values.length ? '`' : pickTsQuote(firstText?.quote);
    return `${quote}${body(segments, quote, syntax, (source) => `\${${source}}`)}${quote}`;
  }
  const preferred = pickPythonQuote(firstText?.quote);
  if (!values.length) return `${preferred}${body(segments, preferred, syntax, () => '')}${preferred}`;
  const fString = pythonQuotes(preferred).find((quote) => values.every((value) => fitsFString(value.source, quote)));
  if (fString) return `f${fString}${body(segments, fString, syntax, (source) => `{${fStringField(source)}}`)}${fString}`;
  // str.format takes its values as ordinary arguments, so any expression fits.
  return `${preferred}${body(segments, preferred, syntax, () => '{}')}${preferred}.format(${values.map((value) => value.source).join(', ')})`;
}

function body(segments: Segment[], quote: string, syntax: Syntax, field: (source: string) => string): string {
  const interpolating = segments.some((segment) => segment.kind === 'value');
  let text = '';
  for (const segment of segments) {
    if (segment.kind === 'value') text += field(segment.source);
    else if (segment.kind === 'text') text += convertText(segment, quote, interpolating, syntax);
  }
  return text.replace(/\s+$/, '').replace(/^\s+/, '');
}

/** The preferred quote first, then the other kind of the same length. */
function pythonQuotes(preferred: string): string[] {
  const other: Record<string, string> = { '"': "'", "'": '"', '"""': "'''", "'''": '"""' };
  return [preferred, other[preferred]];
}

/**
 * Python before 3.12 (PEP 701) reads an f-string's replacement fields with the string's own
 * tokenizer: a field may hold no backslash, no `#`, no quote of the string's own kind, and no
 * line break unless the string is triple-quoted. Generated code targets Python 3.8.
 */
function fitsFString(source: string, quote: string): boolean {
  if (/[\\#]/.test(source) || source.includes(quote[0])) return false;
  return quote.length === 3 || !/[\r\n]/.test(source);
}

/** A `:` or `!` at the top of a field starts a format spec or conversion; `{` a doubled brace. */
function fStringField(source: string): string {
  return /[:!]/.test(source) || source.startsWith('{') ? `(${source})` : source;
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

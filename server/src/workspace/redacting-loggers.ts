// Loggers a project made to redact PHI itself (docs/rules/phi-in-log.md): a winston logger whose
// own `format` runs a redaction step (`createLogger({ format: combine(phiRedactionFormat(), ...) })`,
// directly or through a format constant of the same file), a pino logger with `redact`, a Python
// logger given a redaction filter (`logger.addFilter(PhiRedactingFilter())`). What is logged
// through that logger is redacted before it is written, so it is not a leak. Strict: the step must
// be attached to that logger; a redaction function merely defined beside it does not count.
// A redaction step that works from a fixed list of keys (`const PHI_FIELD_NAMES = ['ssn', ...]`
// in the logger's module or a module it imports) redacts only values logged under those keys,
// plus the elements it finds by pattern in any value (`'[PHONE-REDACTED]'`): the keys and those
// elements are kept with the logger, so what is logged under another key is still a leak.
// Read from the file's text with small patterns; only names and key names are kept, never source text.

import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { RedactingLogger } from '../engine/model/audit-context';

/** A format, formatter or filter named for removing PHI. */
const REDACTION_NAME = /^[A-Za-z_$][\w$]*$/;
const REDACTS = /(redact|mask|scrub|saniti[sz]|deidentif|de_identif|anonymi[sz]|phi_?(format|filter))/i;
const TS_LOGGER = /\b(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=\n]*)?=\s*(?:winston\.)?createLogger\s*\(/g;
const PY_FILTER = /^\s*([A-Za-z_]\w*)\.addFilter\(\s*([A-Za-z_][\w.]*)/gm;
const PY_LOGGER = /^([A-Za-z_]\w*)\s*=\s*(?:logging\.)?getLogger\(/gm;

export function redactingLoggersOf(file: string, code: string): RedactingLogger[] {
  return file.endsWith('.py') ? pythonLoggers(file, code) : typescriptLoggers(file, code);
}

function typescriptLoggers(file: string, code: string): RedactingLogger[] {
  const loggers: RedactingLogger[] = code.includes('pino') ? pinoLoggers(file, code) : [];
  if (!code.includes('createLogger')) return loggers;
  for (const match of code.matchAll(TS_LOGGER)) {
    const options = balanced(code, match.index! + match[0].length - 1);
    const top = topLevelOnly(options);
    const at = /\bformat\s*:\s*/.exec(top);
    const format = at ? expressionAt(top, at.index + at[0].length) : '';
    if (redactsIn(format) || namedConstantRedacts(code, format)) loggers.push({ file, name: match[1], ...keyListRedaction(file, code) });
  }
  return loggers;
}

const PINO_LOGGER = /\b(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=\n]*)?=\s*(?:pino|Pino)(?:\.default)?\s*\(\s*\{/g;

/**
 * pino loggers with their own redaction: `redact` (an array of paths or `{ paths }`) redacts the
 * keys its paths end in; a `formatters.log` step named for redaction redacts what a key-list
 * redaction names (everything when there is no list), as a winston format does.
 */
function pinoLoggers(file: string, code: string): RedactingLogger[] {
  const loggers: RedactingLogger[] = [];
  for (const match of code.matchAll(PINO_LOGGER)) {
    const options = balanced(code, match.index! + match[0].length - 1);
    const top = topLevelOnly(options);
    const pathKeys = redactPathKeys(options, top);
    const formatters = /\bformatters\s*:\s*\{/.exec(top);
    const logStep = formatters ? /\blog\s*:/.exec(balanced(options, formatters.index + formatters[0].length - 1)) : null;
    const logFormatter = formatters && logStep ? expressionAt(balanced(options, formatters.index + formatters[0].length - 1), logStep.index + logStep[0].length) : '';
    if (redactsIn(logFormatter)) {
      const listed = keyListRedaction(file, code);
      loggers.push(listed.redactedKeys ? { file, name: match[1], ...listed, redactedKeys: [...new Set([...listed.redactedKeys, ...pathKeys])].sort() } : { file, name: match[1] });
    } else if (pathKeys.length) loggers.push({ file, name: match[1], redactedKeys: pathKeys, patternElements: [] });
  }
  return loggers;
}

/** The keys pino's `redact` paths end in (`'*.phone'`, `'req.body.ssn'`, `'patient["dob"]'` -> phone, ssn, dob). */
function redactPathKeys(options: string, top: string): string[] {
  const at = /\bredact\s*:\s*/.exec(top);
  if (!at) return [];
  let open = at.index + at[0].length;
  if (options[open] === '{') {
    const paths = /\bpaths\s*:\s*\[/.exec(topLevelOnly(balanced(options, open)));
    if (!paths) return [];
    open += 1 + paths.index + paths[0].length - 1;
  }
  if (options[open] !== '[') return [];
  const keys = [...balanced(options, open).matchAll(/(['"`])([^'"`\n]+)\1/g)]
    .map((item) => /([\w$-]+)\W*$/.exec(item[2])?.[1]?.toLowerCase())
    .filter((key): key is string => key !== undefined);
  return [...new Set(keys)].sort();
}

/** A constant naming a list of keys to redact: `PHI_FIELD_NAMES`, `SENSITIVE_KEYS`, `redactPaths`. */
const KEY_LIST = /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=\n]*)?=\s*(?:new\s+Set\s*(?:<[^>]*>)?\s*\(\s*)?\[/g;
const KEY_LIST_NAME = /(phi|pii|sensitive|redact|mask|private|secret)/i;
const KEY_LIST_NOUN = /(key|field|name|path|prop|propert(y|ie))s?(_?list|_?set)?$/i;
/** A replacement tag of a pattern redaction, `[SSN-REDACTED]`, `[REDACTED_EMAIL]`, and the element it names. */
const PATTERN_TAG = /\[(?:REDACTED[-_ ]?([A-Za-z]+)|([A-Za-z]+)[-_ ]?REDACTED)\]/gi;
const TAG_ELEMENTS: Record<string, string> = { ssn: 'ssn', phone: 'phone', tel: 'phone', email: 'email', mail: 'email' };

/**
 * The keys and pattern elements of a key-list redaction in the logger's module or a module it
 * imports by a relative path; nothing when no such list is found (the step is taken to redact everything).
 */
function keyListRedaction(file: string, code: string): Pick<RedactingLogger, 'redactedKeys' | 'patternElements'> {
  const keys = new Set<string>();
  const elements = new Set<string>();
  for (const text of [code, ...relativeImportsOf(file, code)]) {
    for (const match of text.matchAll(KEY_LIST)) {
      if (!KEY_LIST_NAME.test(match[1]) || !KEY_LIST_NOUN.test(match[1])) continue;
      const items = [...balanced(text, match.index! + match[0].length - 1).matchAll(/(['"`])([\w.$-]+)\1/g)].map((item) => item[2].toLowerCase());
      if (items.length >= 3) items.forEach((key) => keys.add(key));
    }
    for (const tag of text.matchAll(PATTERN_TAG)) {
      const element = TAG_ELEMENTS[(tag[1] ?? tag[2]).toLowerCase()];
      if (element) elements.add(element);
    }
  }
  return keys.size ? { redactedKeys: [...keys].sort(), patternElements: [...elements].sort() } : {};
}

/** The text of the workspace modules `code` imports by a relative path (unreadable ones skipped). */
function relativeImportsOf(file: string, code: string): string[] {
  const texts: string[] = [];
  for (const match of code.matchAll(/\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const base = path.resolve(path.dirname(file), match[1]);
    const stem = base.replace(/\.[cm]?js$/, '');
    const candidate = [base, ...['.ts', '.tsx', '.js', '.mjs', '.cjs', '/index.ts', '/index.js'].map((ext) => stem + ext)].find((name) => /\.[cm]?[jt]sx?$/.test(name) && existsSync(name));
    if (!candidate) continue;
    try {
      texts.push(readFileSync(candidate, 'utf8').slice(0, 200_000));
    } catch {
      // An unreadable module adds no keys.
    }
  }
  return texts;
}

/** `format: logFormat` where `const logFormat = winston.format.combine(phiRedactionFormat(), ...)` in the same file. */
function namedConstantRedacts(code: string, format: string): boolean {
  const name = /^\s*([A-Za-z_$][\w$]*)\s*$/.exec(format)?.[1];
  if (!name) return false;
  const definition = new RegExp(`\\b(?:const|let|var)\\s+${name.replace(/\$/g, '\\$')}\\s*(?::[^=\\n]*)?=\\s*`).exec(code);
  if (!definition) return false;
  const start = definition.index + definition[0].length;
  const open = code.indexOf('(', start);
  return open >= 0 && open - start < 80 && redactsIn(balanced(code, open));
}

/** Whether an expression applies a step named for redaction (a call or a bare name inside it). */
function redactsIn(expression: string): boolean {
  return [...expression.matchAll(/([A-Za-z_$][\w$]*)\s*(?:\(|,|\)|$)/g)].some((match) => REDACTION_NAME.test(match[1]) && REDACTS.test(match[1]));
}

function pythonLoggers(file: string, code: string): RedactingLogger[] {
  if (!code.includes('addFilter')) return [];
  const loggers = new Set([...code.matchAll(PY_LOGGER)].map((match) => match[1]));
  const redacting: RedactingLogger[] = [];
  for (const match of code.matchAll(PY_FILTER)) {
    const filter = match[2].split('.').pop() ?? '';
    if (loggers.has(match[1]) && REDACTS.test(filter)) redacting.push({ file, name: match[1] });
  }
  return redacting;
}

/** The text inside the brackets opening at `open` (bounded). */
function balanced(code: string, open: number): string {
  let depth = 0;
  const end = Math.min(code.length, open + 20_000);
  for (let index = open; index < end; index++) {
    const char = code[index];
    if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char) && --depth === 0) return code.slice(open + 1, index);
  }
  return code.slice(open + 1, end);
}

/** An options object with its nested objects and arrays blanked, so a transport's own `format` is not the logger's. */
function topLevelOnly(options: string): string {
  let depth = 0;
  let out = '';
  for (const char of options) {
    if ('[{'.includes(char)) {
      depth++;
      out += depth <= 1 ? char : ' ';
    } else if (']}'.includes(char)) {
      out += depth <= 1 ? char : ' ';
      depth--;
    } else out += depth <= 1 ? char : ' ';
  }
  return out;
}

/** The expression starting at `start`, up to the comma or bracket that ends it. */
function expressionAt(text: string, start: number): string {
  let depth = 0;
  for (let index = start; index < text.length; index++) {
    const char = text[index];
    if (char === '(') depth++;
    else if (char === ')') depth--;
    if (depth < 0 || (depth === 0 && (char === ',' || char === '}'))) return text.slice(start, index);
  }
  return text.slice(start);
}

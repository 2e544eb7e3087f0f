// YAML values with their keys, as for JSON (a map's keys are the record, a sequence's items take
// its key). Every document of a multi-document file is read; a file that does not parse gives
// the values of what did. Plain scalars are read as written (`02139` stays a ZIP code, not 2139).

import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node as YamlNode } from 'yaml';
import type { CommentFact } from '../../model/facts';
import { DataValues } from './values';

/** Aliases and merge keys are not followed: a value is read where it is written. */
const MAX_DEPTH = 64;

export function readYaml(text: string, lineStarts: readonly number[], values: DataValues, context: string[], comments: CommentFact[]): void {
  const generated = /(?:given|family|first_?name|last_?name)\s*:\s*\[?\s*["']?[A-Za-z]+\d{2,}|synthetichealth/.test(text);
  for (const document of parseAllDocuments(text, { keepSourceTokens: false, uniqueKeys: false })) {
    if (!('contents' in document) || !document.contents) continue;
    walk(document.contents as YamlNode, undefined, generated ? [...context, 'synthetic'] : context, [], text, values, 0);
  }
  readHashComments(text, lineStarts, comments);
}

function walk(node: YamlNode, key: string | undefined, context: string[], siblingKeys: readonly string[], text: string, values: DataValues, depth: number, recordId?: number): void {
  if (depth > MAX_DEPTH) return;
  if (isMap(node)) {
    const keys = node.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : ''));
    const inner = key === undefined ? context : [...context, key];
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key) || !pair.value) continue;
      walk(pair.value as YamlNode, String(pair.key.value), inner, keys, text, values, depth + 1, node.range?.[0]);
    }
  } else if (isSeq(node)) {
    const inner = key === undefined ? context : [...context, key];
    for (const item of node.items) {
      if (isMap(item) || isSeq(item)) walk(item as YamlNode, undefined, inner, [], text, values, depth + 1);
      else if (item) walk(item as YamlNode, key, context, siblingKeys, text, values, depth + 1, recordId);
    }
  } else if (isScalar(node) && node.range) {
    const [start, end] = node.range;
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    const plain = node.type === 'PLAIN';
    if (!quoted && !plain) return;
    const source = text.slice(start, end);
    const value = plain ? source : String(node.value);
    const inner = quoted ? [start + 1, end - 1] : [start, end];
    values.add(value, inner[0], inner[1], { key, context, siblingKeys, recordId }, plain || source.slice(1, -1) === value);
  }
}

/** `# …` comments (whole-line or trailing), for suppression comments in YAML files. */
export function readHashComments(text: string, lineStarts: readonly number[], comments: CommentFact[]): void {
  for (let line = 0; line < lineStarts.length; line++) {
    const start = lineStarts[line];
    const end = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length;
    const source = text.slice(start, end).replace(/\r?\n$|\r$/, '');
    // Only suppression comments matter; a `#` inside a quoted value is not looked for.
    const at = source.indexOf('# phi-guard:') >= 0 ? source.indexOf('# phi-guard:') : source.indexOf('#phi-guard:');
    if (at < 0) continue;
    comments.push({ text: source.slice(at), range: { start: { line, character: at }, end: { line, character: source.length } }, trailing: source.slice(0, at).trim() !== '' });
  }
}

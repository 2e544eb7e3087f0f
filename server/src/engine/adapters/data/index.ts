// Data files as engine facts: no code, only the values written in them with what the file's
// structure says about each (adapters/data/*.ts), and `#` comments where the format has them
// (YAML, .env) for suppression comments. A reader that meets text it cannot parse keeps what it
// read before; it never throws on a user's file.

import { parseTree, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import type { CommentFact, FileFacts } from '../../model/facts';
import { computeLineStarts } from '../../model/text';
import { codelessFacts } from '../codeless-facts';
import type { DataLanguageId } from '../../model/types';
import { readDelimited } from './csv';
import { readEnvFile } from './env';
import { hl7Fields } from './hl7';
import { mayHoldReportableJsonValue } from './json-prefilter';
import { MAX_JSON_DEPTH, nestsDeeperThan, readJson, readNdjson } from './json';
import { readNotebook } from './notebook';
import { DataValues, fileRecordName } from './values';
import { readHashComments, readYaml } from './yaml';

export function extractDataFacts(text: string, languageId: DataLanguageId, filePath: string): FileFacts {
  const lineStarts = computeLineStarts(text);
  const values = new DataValues(lineStarts);
  const comments: CommentFact[] = [];
  const context = [fileRecordName(filePath)];
  switch (languageId) {
    case 'json':
      // Most JSON cannot hold a value phi-literal reports; such a file is not parsed at all.
      if (mayHoldReportableJsonValue(text)) readJson(text, 0, values, { context });
      break;
    case 'jsonl':
      readNdjson(text, lineStarts, values, context);
      break;
    case 'yaml':
      readYaml(text, lineStarts, values, context, comments);
      break;
    case 'csv':
    case 'tsv':
      readDelimited(text, languageId === 'csv' ? ',' : '\t', filePath, values);
      break;
    case 'dotenv':
      readEnvFile(text, lineStarts, filePath, values, comments);
      break;
    case 'hl7':
      for (const field of hl7Fields(text)) values.add(field.value, field.start, field.end, { key: field.key, context: [field.key.slice(0, 3)], recordId: field.message });
      readHashComments(text, lineStarts, comments);
      break;
    case 'ipynb':
      readNotebook(text, lineStarts, values, context);
      break;
  }
  return { ...codelessFacts({ language: 'python', languageId, text, lineStarts, comments, models: [] }), dataValues: values.values };
}

/** How many syntax errors a data file has, so a fix never adds one: JSON's parse errors, none for line formats. */
export function countDataSyntaxErrors(text: string, languageId: DataLanguageId): number {
  if (languageId === 'json' || languageId === 'ipynb') {
    // Strict JSON (nearly every file) has none, and the native parser says so ten times faster
    // (and at any depth: it does not recurse).
    if (isStrictJson(text)) return 0;
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) return 0;
    const errors: ParseError[] = [];
    parseTree(text, errors, { allowTrailingComma: true });
    return errors.length;
  }
  return 0;
}

function isStrictJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

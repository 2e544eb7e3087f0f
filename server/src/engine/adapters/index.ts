// Picks the adapter for a document's language. A third language is one more adapter here.

import type { FileFacts } from '../facts';
import type { ParsedDocument } from '../parsing';
import { extractPythonFacts } from './python';
import { extractTypeScriptFacts } from './typescript';

export function extractFacts(document: ParsedDocument): FileFacts {
  const { tree, text, languageId } = document;
  return languageId === 'python'
    ? extractPythonFacts(tree, text, languageId)
    : extractTypeScriptFacts(tree, text, languageId);
}

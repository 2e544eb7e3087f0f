import type { FileFacts } from '../facts';
import type { ParsedDocument } from '../parsing';
import { computeLineStarts } from '../parsing';

export function extractFacts(document: ParsedDocument): FileFacts {
  // Placeholder until the adapters land.
  return {
    language: document.languageId === 'python' ? 'python' : 'ts',
    languageId: document.languageId,
    text: document.text,
    lineStarts: computeLineStarts(document.text),
    scopes: [], bindings: [], calls: [], throws: [], imports: [], comments: [], importInsertLine: 0,
  };
}

// Prisma schema files as engine facts: models from the line parser, comments for suppressions,
// nothing else (no calls, no flow). `language` is 'ts' because Prisma comments are `//`.

import type { FileFacts } from '../../model/facts';
import { computeLineStarts } from '../../model/text';
import { parsePrismaSchema } from './schema-parser';

export function extractPrismaFacts(text: string): FileFacts {
  const schema = parsePrismaSchema(text);
  const lineStarts = computeLineStarts(text);
  const lastLine = lineStarts.length - 1;
  return {
    language: 'ts',
    languageId: 'prisma',
    text,
    lineStarts,
    scopes: [
      {
        id: 0,
        kind: 'module',
        range: { start: { line: 0, character: 0 }, end: { line: lastLine, character: text.length - lineStarts[lastLine] } },
        params: [],
        decorators: [],
      },
    ],
    bindings: [],
    calls: [],
    throws: [],
    imports: [],
    comments: schema.comments,
    importInsertLine: 0,
    models: schema.models,
    literals: [],
  };
}

/** How many lines did not parse as Prisma: fixes must never add any. */
export function countPrismaSyntaxErrors(text: string): number {
  return parsePrismaSchema(text).syntaxErrors;
}

// Prisma schema files as engine facts: models from the line parser, comments for suppressions,
// nothing else (no calls, no flow). `language` is 'ts' because Prisma comments are `//`.

import type { FileFacts } from '../../model/facts';
import { computeLineStarts } from '../../model/text';
import { codelessFacts } from '../codeless-facts';
import { parsePrismaSchema } from './schema-parser';

export function extractPrismaFacts(text: string): FileFacts {
  const schema = parsePrismaSchema(text);
  const lineStarts = computeLineStarts(text);
  return codelessFacts({ language: 'ts', languageId: 'prisma', text, lineStarts, comments: schema.comments, models: schema.models });
}

/** How many lines did not parse as Prisma: fixes must never add any. */
export function countPrismaSyntaxErrors(text: string): number {
  return parsePrismaSchema(text).syntaxErrors;
}

// Picks the adapter for a document's language. A third language is one more adapter here.

import type { FileFacts } from '../facts';
import type { ParsedDocument } from '../parsing';
import { extractPrismaFacts } from '../prisma/facts';
import { extractPythonFacts } from './python';
import { extractPythonModelFacts } from './python-models';
import { extractTypeScriptFacts } from './typescript';
import { extractTypeScriptModelFacts } from './typescript-models';

export function extractFacts(document: ParsedDocument): FileFacts {
  const { text, languageId } = document;
  if (languageId === 'prisma') return extractPrismaFacts(text);
  const tree = document.tree;
  const facts =
    languageId === 'python' ? extractPythonFacts(tree, text, languageId) : extractTypeScriptFacts(tree, text, languageId);
  // Persistence models and credential-shaped literals: a second pass in their own modules.
  const { models, literals } = languageId === 'python' ? extractPythonModelFacts(tree, text) : extractTypeScriptModelFacts(tree, text);
  facts.models = models;
  facts.literals = literals;
  return facts;
}

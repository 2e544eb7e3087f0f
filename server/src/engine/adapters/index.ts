// Picks the adapter for a document's language. A third language is one more adapter here.

import type { FileFacts } from '../facts';
import type { ParsedDocument } from '../parsing';
import { extractPrismaFacts } from '../prisma/facts';
import { ChunkCache } from './chunks';

/** Each document's chunk facts from its last analysis (the server keeps documents open). */
const caches = new WeakMap<ParsedDocument, ChunkCache>();

export function extractFacts(document: ParsedDocument): FileFacts {
  if (document.languageId === 'prisma') return extractPrismaFacts(document.text);
  let cache = caches.get(document);
  if (!cache) {
    cache = new ChunkCache();
    caches.set(document, cache);
  }
  return cache.extract(document);
}

// Picks the adapter for a document's language. A third language is one more adapter here.

import type { FileFacts } from '../model/facts';
import type { ParsedDocument } from '../parsing/parsed-document';
import { extractPrismaFacts } from './prisma/facts';
import { extractDataFacts } from './data';
import { isDataLanguage } from '../model/languages';
import { ChunkCache } from './chunks';

/**
 * The chunk facts of the documents analysed most recently: the ones being edited. Documents
 * that are only open do not keep theirs (facts cost more memory than the tree); a document
 * coming back is extracted whole once.
 */
const MAX_CACHED_DOCUMENTS = 8;
const caches = new Map<ParsedDocument, ChunkCache>();

/** `filePath`: data files take record names from it (`patients.csv`). */
export function extractFacts(document: ParsedDocument, filePath = ''): FileFacts {
  if (document.languageId === 'prisma') return extractPrismaFacts(document.text);
  if (isDataLanguage(document.languageId)) return extractDataFacts(document.text, document.languageId, filePath);
  let cache = caches.get(document);
  if (cache) caches.delete(document);
  else cache = new ChunkCache();
  caches.set(document, cache);
  if (caches.size > MAX_CACHED_DOCUMENTS) caches.delete(caches.keys().next().value!);
  return cache.extract(document);
}

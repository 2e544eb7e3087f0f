// Pass 1 for a front end: a file's text -> its function summaries (no findings, no source text kept).

import { extractFacts } from '../adapters';
import { languageFromPath } from '../model/languages';
import type { ResolvedPolicy } from '../model/policy';
import type { LanguageId } from '../model/types';
import { ParsedDocument } from '../parsing/parsed-document';
import { summarizeFacts } from './extract';
import type { FileSummary } from './types';

/** The summaries of a Python or TS/JS file; undefined for other files (Prisma schemas, unknown types). */
export function summarizeFile(input: { text: string; path: string; languageId?: LanguageId }, policy: ResolvedPolicy): FileSummary | undefined {
  const languageId = input.languageId ?? languageFromPath(input.path);
  if (!languageId || languageId === 'prisma') return undefined;
  const document = new ParsedDocument(languageId, input.text);
  try {
    return summarizeFacts(extractFacts(document), policy, input.path);
  } finally {
    document.dispose();
  }
}

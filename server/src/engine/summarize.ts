// Pass 1 of flows across files for a front end: a file's text -> its function summaries (no findings, no source text kept).

import { isDataLanguage, languageFromPath } from './model/languages';
import type { ResolvedPolicy } from './model/policy';
import type { LanguageId } from './model/types';
import { ParsedDocument } from './parsing/parsed-document';
import { summarizeFacts } from './summaries/extract';
import { checkAnalysable, prepareDocument, type AnalyzeOptions, type PreparedFile } from './analyze';
import type { FileSummary } from './summaries/types';

/**
 * A file's summaries and its facts, to analyse without parsing again (`analyzeFacts`); nothing for a
 * file the engine would not analyse (too large, binary, minified, Prisma, unknown types).
 */
export function prepareFile(
  input: { text: string; path: string; languageId?: LanguageId },
  policy: ResolvedPolicy,
  options: AnalyzeOptions = {},
): { summary: FileSummary; prepared: PreparedFile } | undefined {
  const languageId = input.languageId ?? languageFromPath(input.path);
  if (!languageId || languageId === 'prisma' || isDataLanguage(languageId) || checkAnalysable(input.text, options, languageId)) return undefined;
  const document = new ParsedDocument(languageId, input.text);
  try {
    const prepared = prepareDocument(document, input.path);
    return { summary: summarizeFacts(prepared.facts, policy, input.path), prepared };
  } finally {
    document.dispose();
  }
}

/** The summaries of a Python or TS/JS file; undefined for other files and for those the engine would not analyse. */
export function summarizeFile(input: { text: string; path: string; languageId?: LanguageId }, policy: ResolvedPolicy, options: AnalyzeOptions = {}): FileSummary | undefined {
  return prepareFile(input, policy, options)?.summary;
}

/**
 * The summaries of an open document from its own syntax tree (brought up to date incrementally,
 * its statements' facts reused): what summarizeFile gives for its text, without parsing it again.
 */
export function summarizeDocument(document: ParsedDocument, filePath: string, policy: ResolvedPolicy, options: AnalyzeOptions = {}): FileSummary | undefined {
  const languageId = languageFromPath(filePath);
  if (!languageId || languageId === 'prisma' || isDataLanguage(languageId) || checkAnalysable(document.text, options, languageId)) return undefined;
  // Parsed as another language than the path says (a language mode the user picked): as summarizeFile would.
  if (document.languageId !== languageId) return summarizeFile({ text: document.text, path: filePath }, policy, options);
  return summarizeFacts(prepareDocument(document, filePath).facts, policy, filePath);
}

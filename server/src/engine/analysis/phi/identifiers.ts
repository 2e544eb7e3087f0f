// Identifier tokens: `patientFirstName`, `patient_first_name` and `PatientFirstName` all split to
// `patient first name` (docs/policy.md, "What counts as PHI": names match by whole tokens).
// Accents are dropped first, so `diagnóstico` and `diagnostico`, `dirección` and `direccion` are one token.

import { BoundedCache } from '../bounded-cache';

const TOKEN = /[A-Z]+(?![a-z])\d*|[A-Z]?[a-z]+\d*|\d+/g;

const tokenCache = new BoundedCache<string, string[]>(100_000);

const COMBINING_MARKS = /\p{M}+/gu;

/** Memoised: the same identifiers recur across a scan. Callers must not mutate the result. */
export function tokenize(identifier: string): string[] {
  return tokenCache.get(identifier, () => (withoutAccents(identifier).match(TOKEN) ?? []).map((token) => token.toLowerCase()));
}

function withoutAccents(identifier: string): string {
  // Plain ASCII, the usual case, needs no Unicode normalisation.
  return /^[\x00-\x7f]*$/.test(identifier) ? identifier : identifier.normalize('NFD').replace(COMBINING_MARKS, '');
}

/** Whether identifier token `token` is catalogue token `word`, allowing plurals and numbering (`address2`). */
export function tokenMatches(token: string, word: string): boolean {
  if (token === word) return true;
  const bare = token.replace(/\d+$/, '');
  if (bare !== token && /[a-z]$/.test(word) && bare === word) return true;
  if (token === `${word}s` || token === `${word}es`) return true;
  if (word.endsWith('y') && token === `${word.slice(0, -1)}ies`) return true;
  if (word.endsWith('is') && token === `${word.slice(0, -2)}es`) return true; // diagnosis -> diagnoses
  return false;
}

/**
 * Every catalogue word that some token of `tokens` matches (tokenMatches, inverted): a run of
 * words with one word outside this set cannot be found in the tokens, so a classifier skips it
 * without trying it at every position.
 */
export function matchableWords(tokens: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const token of tokens) {
    words.add(token);
    const bare = token.replace(/\d+$/, '');
    if (bare !== token && /[a-z]$/.test(bare)) words.add(bare);
    if (token.endsWith('s')) words.add(token.slice(0, -1));
    if (token.endsWith('es')) {
      words.add(token.slice(0, -2));
      words.add(`${token.slice(0, -2)}is`);
    }
    if (token.endsWith('ies')) words.add(`${token.slice(0, -3)}y`);
  }
  return words;
}

/** Finds `words` as a contiguous run in `tokens`; returns the start index or -1 (last match wins). */
export function findRun(tokens: readonly string[], words: readonly string[]): number {
  for (let start = tokens.length - words.length; start >= 0; start--) {
    if (words.every((word, i) => tokenMatches(tokens[start + i], word))) return start;
  }
  return -1;
}

/** The tokens of a file's name (without extensions) and of its folder's: `cds/visual_builder.py` -> cds, visual, builder. */
export function fileAndFolderTokens(filePath: string): string[] {
  const parts = filePath.replace(/\\/g, '/').split('/');
  const stem = (parts.at(-1) ?? '').replace(/\..*$/, '');
  return [...tokenize(stem), ...tokenize(parts.at(-2) ?? '')];
}

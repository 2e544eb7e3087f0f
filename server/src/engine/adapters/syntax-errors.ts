// How many lines of a text do not parse: a fix must never add any (the LSP's code actions, the
// CLI's fix runner and the tests check it).

import { countPrismaSyntaxErrors } from './prisma/facts';
import { countDataSyntaxErrors } from './data';
import { isDataLanguage } from '../model/languages';
import type { LanguageId } from '../model/types';
import { hasGrammar, parse } from '../parsing/parsers';

/** How many ERROR / MISSING nodes the text parses with: fixes must never add any. */
export function countSyntaxErrors(text: string, languageId: LanguageId): number {
  if (isDataLanguage(languageId)) return countDataSyntaxErrors(text, languageId);
  if (!hasGrammar(languageId)) return countPrismaSyntaxErrors(text);
  const tree = parse(languageId, text);
  try {
    let count = 0;
    const cursor = tree.walk();
    let done = false;
    while (!done) {
      const node = cursor.currentNode;
      if (node.isError || node.isMissing) count++;
      if (node.hasError && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) {
          done = true;
          break;
        }
      }
    }
    cursor.delete();
    return count;
  } finally {
    tree.delete();
  }
}

// Facts of a file that holds no code (a Prisma schema, a data file): one module scope over the
// whole text and no calls, bindings or imports; the format's adapter adds what it reads.

import type { FileFacts } from '../model/facts';

type CodelessParts = Pick<FileFacts, 'language' | 'languageId' | 'text' | 'lineStarts' | 'comments' | 'models'>;

export function codelessFacts(parts: CodelessParts): FileFacts {
  const { text, lineStarts } = parts;
  const lastLine = lineStarts.length - 1;
  return {
    ...parts,
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
    importInsertLine: 0,
    literals: [],
  };
}

// `.env` samples: `NAME=value` lines (an `export ` prefix and quotes allowed); the variable names
// the value, `#` starts a comment.

import type { CommentFact } from '../../model/facts';
import { DataValues, fileRecordName } from './values';

const ASSIGNMENT = /^([ \t]*(?:export[ \t]+)?)([A-Za-z_][A-Za-z0-9_.-]*)([ \t]*=[ \t]*)(["']?)(.*?)\4[ \t]*(?:#.*)?$/;

export function readEnvFile(text: string, lineStarts: readonly number[], filePath: string, values: DataValues, comments: CommentFact[]): void {
  const record = fileRecordName(filePath);
  for (let line = 0; line < lineStarts.length; line++) {
    const start = lineStarts[line];
    const end = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length;
    const source = text.slice(start, end).replace(/\r?\n$|\r$/, '');
    const comment = /^\s*#/.exec(source);
    if (comment) {
      comments.push(commentFact(source, line, comment[0].length - 1, false));
      continue;
    }
    const match = ASSIGNMENT.exec(source);
    if (!match) continue;
    const hash = source.indexOf(' #', match[1].length + match[2].length + match[3].length + match[4].length * 2 + match[5].length);
    if (hash >= 0) comments.push(commentFact(source, line, hash + 1, true));
    const valueStart = start + match[1].length + match[2].length + match[3].length + match[4].length;
    if (match[5]) values.add(match[5], valueStart, valueStart + match[5].length, { key: match[2], context: [record] });
  }
}

function commentFact(source: string, line: number, character: number, trailing: boolean): CommentFact {
  return { text: source.slice(character), range: { start: { line, character }, end: { line, character: source.length } }, trailing };
}

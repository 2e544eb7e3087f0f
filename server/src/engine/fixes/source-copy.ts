// What a fix repeats from the code. Text copied from a string literal can hold PHI or a secret,
// so a fix that copies any says so (`copiesSourceText`) and reports that leave the machine
// (SARIF) leave it out. A quote in copied source text means a literal came along with it.

import type { FileFacts } from '../model/facts';
import { sourceOf } from '../model/text';
import type { Fix, Range } from '../model/types';

const QUOTE = /['"`]/;

export class SourceCopy {
  private literal = false;

  constructor(private readonly facts: FileFacts) {}

  /** The source text at `range`, noted as copied. */
  of(range: Range): string {
    return this.note(sourceOf(this.facts, range));
  }

  /** Notes text taken from the code some other way (a slice, a rebuilt message). */
  note(text: string, holdsLiteral = QUOTE.test(text)): string {
    if (holdsLiteral) this.literal = true;
    return text;
  }

  /** The fix, flagged when anything copied into it held a string literal. */
  mark(fix: Fix): Fix {
    return this.literal ? { ...fix, copiesSourceText: true } : fix;
  }
}

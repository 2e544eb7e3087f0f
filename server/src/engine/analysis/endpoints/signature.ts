// Small reads of a function's signature text that the facts do not carry: the declared return
// type (`-> PatientOut`, `): Promise<PatientDto>`) and a class's bases. Bounded and syntax-light.

import type { FileFacts, ScopeFact } from '../../model/facts';
import { offsetOf } from '../../model/text';

const MAX_SIGNATURE = 2000;

/** Capitalised names in the return annotation of a function scope. */
export function returnTypeNames(facts: FileFacts, scope: ScopeFact): string[] {
  if (!scope.nameRange) return [];
  const start = offsetOf(facts.lineStarts, facts.text, scope.nameRange.end);
  const end = Math.min(offsetOf(facts.lineStarts, facts.text, scope.range.end), start + MAX_SIGNATURE);
  const text = facts.text.slice(start, end);
  const open = text.indexOf('(');
  if (open < 0) return [];
  let depth = 0;
  let close = -1;
  let quote = '';
  for (let i = open; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = '';
      continue;
    }
    if (char === '"' || char === "'" || char === '`') quote = char;
    else if (char === '(' || char === '[' || char === '{') depth++;
    else if (char === ')' || char === ']' || char === '}') {
      depth--;
      if (depth === 0) {
        close = i;
        break;
      }
    }
  }
  if (close < 0) return [];
  const rest = text.slice(close + 1);
  const annotation =
    facts.language === 'python' ? /^\s*->\s*([^:]+):/.exec(rest)?.[1] : /^\s*:\s*([^{=]+?)\s*(?:\{|=>)/.exec(rest)?.[1];
  return annotation ? (annotation.match(/\b[A-Z][A-Za-z0-9_]*/g) ?? []) : [];
}

/** The base classes written in a Python class header (`class A(APIView, Mixin):`). */
export function pythonClassBases(facts: FileFacts, scope: ScopeFact): string[] {
  const start = offsetOf(facts.lineStarts, facts.text, scope.range.start);
  const header = facts.text.slice(start, start + 500);
  const match = /^class\s+[A-Za-z_][\w]*\s*\(([^)]*)\)/.exec(header);
  if (!match) return [];
  return match[1]
    .split(',')
    .map((base) => base.trim().split('[')[0].split('.').pop() ?? '')
    .filter((base) => /^[A-Za-z_]\w*$/.test(base));
}

// `for key, value in fields.items(): if key == 'PrescriptionListId': new_id = value` (docs/rules/
// phi-in-log.md, "What stays quiet"): inside a branch that tests the loop's key against a literal,
// the value is what the iterated object holds under that key, and the key's name says what it is
// (an id, a status). Without such a test the value may be any field and counts as all of them.

import type { BindingFact, Expr, FileFacts } from '../../model/facts';

/** `if key == 'X':`, `elif k == "X":`, `if (key === 'X') {`, `} else if (k == 'X')`: the key variable and the literal. */
const KEY_TEST = /^\s*(?:\}\s*)?(?:el(?:se\s+)?if|if)\s*\(?\s*([A-Za-z_$][\w$]*)\s*={2,3}\s*(['"])([^'"]+)\2\s*\)?\s*[:{]?\s*$/;
const MAX_LINES_UP = 40;

/**
 * The key literal tested by the innermost `if` around `use` (found by indentation), when it tests
 * `keyName`; undefined when there is none or it tests something else.
 */
export function testedKeyAround(facts: FileFacts, useLine: number, keyName: string): string | undefined {
  const lines = facts.text.split('\n', useLine + 1);
  const indent = indentOf(lines[useLine] ?? '');
  for (let line = useLine - 1; line >= 0 && line >= useLine - MAX_LINES_UP; line--) {
    const text = lines[line];
    if (!text.trim()) continue;
    if (indentOf(text) >= indent) continue;
    const test = KEY_TEST.exec(text);
    return test && test[1] === keyName ? test[3] : undefined;
  }
  return undefined;
}

/**
 * For the value variable of a `.items()` / `Object.entries()` loop: the name its key is bound to
 * (the sibling binding of the same statement, whose value is the keys of the same object).
 */
export function loopKeyName(facts: FileFacts, value: BindingFact): string | undefined {
  if (value.kind !== 'iterate' || !isPairsCall(value.value)) return undefined;
  const key = facts.bindings.find((other) => other !== value && other.kind === 'iterate' && other.offset === value.offset && other.scopeId === value.scopeId && isKeysOf(other.value));
  return key?.name;
}

function isPairsCall(expr: Expr): boolean {
  if (expr.kind !== 'call' || expr.callee.kind !== 'member') return false;
  if (expr.callee.property === 'items') return expr.args.length === 0;
  return expr.callee.property === 'entries' && expr.callee.object.kind === 'name' && expr.callee.object.name === 'Object';
}

/** The adapters' `keys(obj)` stand-in for a loop's key variable. */
function isKeysOf(expr: Expr): boolean {
  return expr.kind === 'call' && expr.callee.kind === 'name' && expr.callee.name === 'keys';
}

function indentOf(line: string): number {
  return /^\s*/.exec(line)![0].length;
}

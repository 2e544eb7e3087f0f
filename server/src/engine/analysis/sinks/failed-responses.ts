// A response serialised in the error thrown because it failed or came back empty
// (docs/rules/phi-in-error.md, "What stays quiet"):
// `if (!existing.ok || existing.body.items.length === 0) throw new Error(\`lookup failed: ${JSON.stringify(existing)}\`)`.
// On that branch the response holds an error or an empty list, never the record it was asked
// for. Read from the `if` the throw sits in directly; every part of its condition must say the
// same value failed (`!x.ok`, `!x.success`) or is empty (`x.items.length === 0`). Any other
// condition, or another PHI value in the message, keeps the error reported.

import type { Argument, CallFact, Expr, FileFacts } from '../../model/facts';
import { offsetOf } from '../../model/text';
import { phiParts, type TaintOf } from './message-parts';

/** How far back from the throw its `if` may start. */
const MAX_GUARD_CHARS = 400;

/** Every PHI part of a thrown error is a value (or its `JSON.stringify`) that the `if` around the throw found failed or empty. */
export function onlyFailedResponses(facts: FileFacts, fact: CallFact, args: readonly Argument[], taintOf: TaintOf): boolean {
  if (!fact.thrownBy) return false;
  const parts = args.flatMap((arg) => phiParts(arg.value, taintOf));
  if (!parts.length) return false;
  const names = parts.map(({ expr }) => serialisedName(expr));
  if (names.some((name) => name === undefined)) return false;
  const condition = guardOf(facts, fact);
  return condition !== undefined && names.every((name) => failedOrEmpty(condition, name!));
}

/** `existing` of `existing` or `JSON.stringify(existing)`. */
function serialisedName(expr: Expr): string | undefined {
  if (expr.kind === 'name') return expr.name;
  if (expr.kind === 'call' && expr.callee.kind === 'member' && expr.callee.property === 'stringify' && expr.callee.object.kind === 'name' && expr.callee.object.name === 'JSON') {
    const first = expr.args[0]?.value;
    return first?.kind === 'name' && expr.args.length === 1 ? first.name : undefined;
  }
  return undefined;
}

/** The condition of the `if` whose then-branch starts with this throw (`if (c) throw …` or `if (c) { throw …`). */
function guardOf(facts: FileFacts, fact: CallFact): string | undefined {
  const throwAt = offsetOf(facts.lineStarts, facts.text, fact.thrownBy!.start);
  const before = facts.text.slice(Math.max(0, throwAt - MAX_GUARD_CHARS), throwAt);
  // The text right before the throw closes the condition: `)`, optionally `{`, then only space.
  const closing = /\)\s*\{?\s*$/.exec(before);
  if (!closing) return undefined;
  let depth = 0;
  for (let i = closing.index; i >= 0; i--) {
    const char = before[i];
    if (char === ')') depth++;
    else if (char === '(' && --depth === 0) {
      if (!/\bif\s*$/.test(before.slice(Math.max(0, i - 8), i))) return undefined;
      return before.slice(i + 1, closing.index);
    }
  }
  return undefined;
}

/** Each `||` part of the condition says `name` failed or is empty. */
function failedOrEmpty(condition: string, name: string): boolean {
  const value = name.replace(/[$]/g, '\\$&');
  const failed = new RegExp(`^!\\s*${value}\\??\\.(?:ok|success|succeeded)$|^${value}\\??\\.(?:ok|success)\\s*===?\\s*false$`);
  const empty = new RegExp(`^(?:${value}(?:\\??\\.\\w+)*\\??\\.length\\s*(?:===?\\s*0|<\\s*1)|!\\s*${value}(?:\\??\\.\\w+)*\\??\\.length)$`);
  const disjuncts = condition.split('||').map((part) => part.trim().replace(/^\((.*)\)$/, '$1').trim());
  return disjuncts.every((part) => failed.test(part) || empty.test(part));
}

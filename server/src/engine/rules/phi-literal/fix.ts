// The fixes of phi-literal: *Replace with synthetic value* (every PHI value on the line, each with
// a value of the same shape from a range the rule treats as made up, analysis/literals/synthetic.ts)
// and, for notebook outputs, *Clear this cell's outputs* (the `outputs` array emptied: the
// notebook stays valid nbformat). Titles name elements, never values.

import type { LiteralHit } from '../../analysis/literals';
import type { Fix } from '../../model/types';

export function replaceWithSyntheticFix(hits: readonly LiteralHit[]): Fix | undefined {
  const replaceable = hits.filter((hit) => hit.replacement);
  if (replaceable.length === 0 || replaceable.length < hits.length) return undefined;
  return {
    title: replaceable.length === 1 ? 'Replace with synthetic value' : 'Replace with synthetic values',
    kind: 'fix',
    isPreferred: true,
    edits: replaceable.map((hit) => ({ range: hit.replacement!.range, newText: hit.replacement!.newText })),
  };
}

export function clearCellOutputsFix(hits: readonly LiteralHit[]): Fix | undefined {
  const outputs = hits.find((hit) => hit.cellOutputs)?.cellOutputs;
  if (!outputs) return undefined;
  const cell = /^cell \d+/.exec(hits.find((hit) => hit.where)?.where ?? '')?.[0];
  return {
    title: cell ? `Clear the outputs of ${cell}` : "Clear this cell's outputs",
    kind: 'fix',
    isPreferred: true,
    edits: [{ range: outputs, newText: '[]' }],
  };
}

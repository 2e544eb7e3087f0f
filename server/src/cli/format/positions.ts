// The engine speaks LSP positions (0-based lines, UTF-16 columns); reports are 1-based, with an
// exclusive end column as in SARIF.

import type { Finding, Range } from '../../engine';

export interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export function regionOf(range: Range): Region {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/**
 * Where a finding is reported: on the line where its call/statement starts (docs/rules/). When the
 * PHI expression itself begins on a later line of a multi-line call, the region runs from the
 * start of the statement's line to the end of that expression.
 */
export function findingRegion(finding: Finding): Region {
  const region = regionOf(finding.range);
  if (finding.range.start.line === finding.line) return region;
  return { ...region, startLine: finding.line + 1, startColumn: 1 };
}

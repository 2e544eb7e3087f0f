// SARIF partialFingerprints let code scanning recognise the same finding across runs. They must
// never hash source text (it may hold PHI), and bare line numbers would make every finding "new"
// whenever code above it moves. So the key is the rule, the file, what the finding is about (sink
// and PHI element names from the engine, never values) and the position normalised to its
// occurrence among identical findings in that file, counted from the top.

import { createHash } from 'node:crypto';
import type { AnalysisResult, Finding } from '../../engine';

export const FINGERPRINT_KEY = 'phiGuardFindingHash/v1';

/** Fingerprints for the findings of one file, in the order given (sorted by position). */
export function fingerprintsFor(findings: readonly Finding[], file: string): string[] {
  const occurrences = new Map<string, number>();
  return findings.map((finding) => {
    const signature = [finding.ruleId, file, finding.sink ?? '', [...new Set(finding.phi.map((p) => p.element))].sort().join(',')].join('\u0000');
    const occurrence = (occurrences.get(signature) ?? 0) + 1;
    occurrences.set(signature, occurrence);
    return `${createHash('sha256').update(`${signature}\u0000${occurrence}`).digest('hex').slice(0, 32)}:${occurrence}`;
  });
}

/** A file's findings in the order fingerprints count occurrences: reported and suppressed, by position. */
export function fingerprintOrder(result: Pick<AnalysisResult, 'findings' | 'suppressed'>): Finding[] {
  return [...result.findings, ...result.suppressed].sort((a, b) => a.line - b.line || a.range.start.character - b.range.start.character);
}

// A finding keeps the fingerprint it had in the whole file: once `--baseline` has dropped the
// findings already present, recounting occurrences among the rest would give the new ones other
// fingerprints than the next full run gives them.
const assigned = new WeakMap<Finding, string>();

/** The fingerprint of each of a file's findings (reported and suppressed). */
export function fileFingerprints(result: Pick<AnalysisResult, 'findings' | 'suppressed'>, file: string): Map<Finding, string> {
  const all = fingerprintOrder(result);
  if (!all.every((finding) => assigned.has(finding))) {
    const fingerprints = fingerprintsFor(all, file);
    all.forEach((finding, i) => assigned.set(finding, fingerprints[i]));
  }
  return new Map(all.map((finding) => [finding, assigned.get(finding)!]));
}

// What failed inside one analysis (a rule, a step such as endpoint discovery), logged once per
// failure and file: rule ids, step names, paths and the error's type and location only, never a
// message that could quote the source.

import type { AnalysisResult } from '../engine';
import type { Logger } from './logger';

export function logAnalysisFailures(logger: Logger, result: AnalysisResult, displayPath: string): void {
  for (const failure of result.ruleFailures) {
    logger.errorOnce(`${failure.ruleId}\u0000${displayPath}`, `Rule ${failure.ruleId} failed on ${displayPath}: ${failure.error.slice(0, 200)}`);
  }
  for (const failure of result.internalErrors ?? []) {
    logger.errorOnce(`${failure.part}\u0000${displayPath}`, `Internal error: ${failure.part} failed on ${displayPath}: ${failure.error.slice(0, 200)}`);
  }
}

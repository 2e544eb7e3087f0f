/** The CLI's exit codes (documented in README.md and docs/ci.md). */
export const ExitCode = {
  /** Nothing at or above the failure threshold. */
  Clean: 0,
  /** Findings at or above `--fail-on`; for `fix`, findings left that have no automatic fix. */
  Findings: 1,
  /** A usage error, a broken policy file, or an internal error. */
  UsageOrPolicyError: 2,
  /**
   * A source file could not be analysed (too large, binary, unreadable, timed out...) and
   * `--allow-unanalysed` was not given. The same code as a broken setup: the run did not check
   * everything it was asked to, so it neither passes nor merely "has findings".
   */
  NotAnalysed: 2,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** The CLI's exit codes (PRODUCT.md "In CI and on the command line"). */
export const ExitCode = {
  /** Nothing at or above the failure threshold. */
  Clean: 0,
  /** Findings at or above `--fail-on`; for `fix`, findings left that have no automatic fix. */
  Findings: 1,
  /** A usage error, a broken policy file, or an internal error. */
  UsageOrPolicyError: 2,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** A mistake in how the CLI was called: reported with a hint, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose help the hint points at, if any. */
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

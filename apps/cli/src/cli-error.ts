/** A failure the user can fix (bad file, unwritable path): one line, exit code 1. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

/** Bad command-line input: the command's usage, then this one line; exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';

  constructor(
    message: string,
    readonly command: string | undefined,
  ) {
    super(message);
  }
}

/** stdout's reader has gone (`nn train | head -1`): the run stops quietly; that is the reader's choice, not an error. */
export class StdoutClosed extends Error {
  override readonly name = 'StdoutClosed';

  constructor() {
    super('stdout was closed by its reader');
  }
}

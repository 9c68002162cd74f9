import { CliError, StdoutClosed } from './cli-error.js';

/**
 * Node reports a failed write on stdout or stderr as an 'error' event, which
 * without a listener ends the process with a stack trace. The writes below
 * look at `errored` right after writing instead (stdout and stderr write
 * synchronously on Linux and to files), so these listeners only keep the
 * event from becoming an uncaught exception.
 */
export function quietStdioErrors(): void {
  process.stdout.on('error', () => {});
  process.stderr.on('error', () => {});
}

/** Writes to stdout; throws StdoutClosed when the reader has gone, a CliError when stdout cannot take it (a full disk). */
export function writeOut(text: string): void {
  const stdout = process.stdout;
  if (stdout.errored === null && !stdout.destroyed) stdout.write(text);
  if (stdout.errored !== null) {
    if ((stdout.errored as NodeJS.ErrnoException).code === 'EPIPE') throw new StdoutClosed();
    throw new CliError(`cannot write to stdout: ${stdout.errored.message}`);
  }
  if (stdout.destroyed) throw new StdoutClosed();
}

/** Writes to stderr, never failing: when stderr cannot be written there is nowhere left to say so, and the exit code still tells. */
export function writeErr(text: string): void {
  const stderr = process.stderr;
  if (stderr.errored === null && !stderr.destroyed) stderr.write(text);
}

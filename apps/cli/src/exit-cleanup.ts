import { constants } from 'node:os';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const cleanups = new Set<() => void>();

/**
 * Runs `cleanup` (synchronous) if the process ends, by exit or by SIGINT,
 * SIGTERM or SIGHUP, before the returned release function is called. The
 * signal handlers exist only while a cleanup is pending: the rest of the
 * time the signals keep their default effect, so Ctrl-C stops a training
 * loop at once instead of waiting for it to yield.
 */
export function cleanUpOnExit(cleanup: () => void): () => void {
  if (cleanups.size === 0) listen(true);
  cleanups.add(cleanup);
  return () => {
    if (cleanups.delete(cleanup) && cleanups.size === 0) listen(false);
  };
}

function listen(on: boolean): void {
  for (const signal of SIGNALS) {
    if (on) process.on(signal, onSignal);
    else process.off(signal, onSignal);
  }
  if (on) process.on('exit', runCleanups);
  else process.off('exit', runCleanups);
}

function runCleanups(): void {
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // The process is ending; the other cleanups still run.
    }
  }
  cleanups.clear();
}

/** Cleans up, then ends the process by the same signal, so the parent sees the usual status (130 for SIGINT). */
function onSignal(signal: NodeJS.Signals): void {
  runCleanups();
  listen(false);
  process.kill(process.pid, signal);
  // Reached only if something else also listens for the signal and keeps the process alive.
  process.exit(128 + constants.signals[signal]);
}

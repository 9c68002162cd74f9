import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type NumpyTiming = { seconds: number; epochs: number } | { skipped: string };

/** ../shared/reference/ beside the repository, unless NN_REFERENCE_SCRIPT says otherwise. */
export function referenceScriptPath(): string {
  return (
    process.env.NN_REFERENCE_SCRIPT ??
    fileURLToPath(new URL('../../../../shared/reference/textbook_regression.py', import.meta.url))
  );
}

export type NumpySetup = { python: string; script: string } | { skipped: string };

let setup: NumpySetup | undefined;

/**
 * The script and the interpreter that `python3` starts, resolved once: a
 * version manager's shim (pyenv's costs 0.1–1 s a start here) is not part of
 * NumPy's process, so it is left out of the timings.
 */
export function numpySetup(): NumpySetup {
  if (setup !== undefined) return setup;
  const script = referenceScriptPath();
  if (!existsSync(script)) {
    setup = { skipped: `no reference script at ${script} (set NN_REFERENCE_SCRIPT)` };
    return setup;
  }
  const result = spawnSync('python3', ['-c', 'import sys, numpy; print(sys.executable)'], {
    encoding: 'utf8',
  });
  const failure = pythonFailure(result);
  setup = failure === undefined ? { python: result.stdout.trim(), script } : { skipped: failure };
  return setup;
}

/** Why a python3 run failed, in one line, from spawnSync's result. */
export function pythonFailure(result: ReturnType<typeof spawnSync>): string | undefined {
  if (result.error !== undefined) return `python3 not found (${result.error.message})`;
  if (result.status !== 0) {
    const lastLine = String(result.stderr).trim().split('\n').pop() ?? '';
    return `python3 with NumPy failed: ${lastLine} (is python3-numpy installed?)`;
  }
  return undefined;
}

// Times main() inside Python, so interpreter start-up and NumPy's import are not counted.
const TIMER = `
import runpy, sys, time
path = sys.argv[1]
sys.argv = [path] + sys.argv[2:]
start = time.perf_counter()
runpy.run_path(path, run_name="__main__")
print("NN_BENCH_SECONDS", time.perf_counter() - start, file=sys.stderr)
`;

/** Runs the NumPy reference script once (seed 1, 1-3-1) and returns its training time. */
export function timeNumpyReference(epochs: number): NumpyTiming {
  const numpy = numpySetup();
  if ('skipped' in numpy) return numpy;
  const result = spawnSync(
    numpy.python,
    ['-c', TIMER, numpy.script, '--seed', '1', '--n-mid', '3', '--epoch', String(epochs)],
    { encoding: 'utf8' },
  );
  const failure = pythonFailure(result);
  if (failure !== undefined) return { skipped: failure };
  const match = /NN_BENCH_SECONDS (\S+)/.exec(result.stderr);
  if (match === null) return { skipped: 'the NumPy script printed no timing' };
  return { seconds: Number(match[1]), epochs };
}

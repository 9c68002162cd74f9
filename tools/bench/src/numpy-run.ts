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
  const script = referenceScriptPath();
  if (!existsSync(script))
    return { skipped: `no reference script at ${script} (set NN_REFERENCE_SCRIPT)` };
  const result = spawnSync(
    'python3',
    ['-c', TIMER, script, '--seed', '1', '--n-mid', '3', '--epoch', String(epochs)],
    { encoding: 'utf8' },
  );
  if (result.error !== undefined) return { skipped: `python3 not found (${result.error.message})` };
  if (result.status !== 0) {
    const firstLine = result.stderr.trim().split('\n').pop() ?? '';
    return { skipped: `the NumPy script failed: ${firstLine} (is python3-numpy installed?)` };
  }
  const match = /NN_BENCH_SECONDS (\S+)/.exec(result.stderr);
  if (match === null) return { skipped: 'the NumPy script printed no timing' };
  return { seconds: Number(match[1]), epochs };
}

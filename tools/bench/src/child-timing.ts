import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Workload } from './contenders.js';

const run = promisify(execFile);

export interface Rounds {
  rounds: number;
  /** Timed runs per contender and round, each round in a fresh process after its warm-ups. */
  runs: number;
  warmups: number;
}

/**
 * Times one contender in a fresh Node process (see time-contender.ts): a
 * process each keeps one contender's JIT feedback (say, Float32Array
 * kernels) from slowing another's. Resolves with each timed run's
 * milliseconds.
 */
async function timeInChildProcess(
  workload: Workload,
  name: string,
  runs: number,
  warmups: number,
): Promise<number[]> {
  const script = fileURLToPath(new URL('./time-contender.js', import.meta.url));
  const { stdout } = await run(
    process.execPath,
    [script, workload, name, String(runs), String(warmups)],
    { encoding: 'utf8' },
  );
  return JSON.parse(stdout) as number[];
}

/**
 * Times the contenders in turn, round after round, so that on a shared
 * machine a busy spell slows them all alike instead of one: the ratios are
 * what the benchmark reports. Resolves with every timed run's milliseconds
 * per contender.
 */
export async function timeInRounds(
  workload: Workload,
  names: readonly string[],
  { rounds, runs, warmups }: Rounds,
): Promise<Map<string, number[]>> {
  const times = new Map(names.map((name) => [name, [] as number[]]));
  for (let round = 0; round < rounds; round++) {
    for (const name of names) {
      times.get(name)?.push(...(await timeInChildProcess(workload, name, runs, warmups)));
    }
  }
  return times;
}

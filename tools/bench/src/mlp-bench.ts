import { type Rounds, timeInRounds } from './child-timing.js';
import { CONTENDERS, MLP_HAND, MLP_STEPS_PER_RUN } from './contenders.js';
import { MLP, mlpStepFlops } from './mlp-workload.js';
import { count, median } from './stats.js';
import type { BenchOptions } from './textbook-bench.js';

export interface MlpRow {
  name: string;
  /** Median milliseconds of one SGD step. */
  msPerStep: number;
  gflops: number;
  /** This row's GFLOP/s ÷ the hand-written loop's: above 1 is faster. */
  speedVsHandWritten: number;
}

export interface MlpBenchResult {
  config: typeof MLP & { flopsPerStep: number; stepsPerRun: number; runs: number; rounds: number };
  rows: MlpRow[];
}

/**
 * The MLP workload (784 → 256 sigmoid → 10 identity, batch 64, float32):
 * backend-cpu through a TrainingSession against the hand-written loops,
 * each in its own processes, in rounds, as GFLOP/s of the step's matrix
 * products.
 */
export async function runMlpBench(options: BenchOptions = {}): Promise<MlpBenchResult> {
  const rounds: Rounds = options.quick
    ? { rounds: 1, runs: 1, warmups: 1 }
    : { rounds: 3, runs: 3, warmups: 2 };
  const flopsPerStep = mlpStepFlops();
  const times = await timeInRounds('mlp', Object.keys(CONTENDERS.mlp), rounds);
  const msPerStep = new Map([...times].map(([name, ms]) => [name, median(ms) / MLP_STEPS_PER_RUN]));
  const handMs = msPerStep.get(MLP_HAND) as number;
  const rows = [...msPerStep].map(([name, ms]) => ({
    name,
    msPerStep: ms,
    gflops: flopsPerStep / (ms * 1e6),
    speedVsHandWritten: handMs / ms,
  }));
  return {
    config: {
      ...MLP,
      flopsPerStep,
      stepsPerRun: MLP_STEPS_PER_RUN,
      runs: rounds.rounds * rounds.runs,
      rounds: rounds.rounds,
    },
    rows,
  };
}

export function formatMlpTable(result: MlpBenchResult): string {
  const { config } = result;
  const lines = [
    `MLP: ${config.inputs} → ${config.hidden} sigmoid → ${config.outputs} identity, batch ${config.batch}, float32, one SGD step = ${(config.flopsPerStep / 1e6).toFixed(1)} MFLOP of products, median of ${count(config.runs, 'run')} of ${config.stepsPerRun} steps in ${count(config.rounds, 'round')}`,
    `${'run'.padEnd(40)}${'ms/step'.padStart(11)}${'GFLOP/s'.padStart(14)}${'× hand speed'.padStart(13)}`,
  ];
  for (const row of result.rows) {
    lines.push(
      `${row.name.padEnd(40)}${row.msPerStep.toFixed(2).padStart(11)}${row.gflops.toFixed(2).padStart(14)}${row.speedVsHandWritten.toFixed(2).padStart(13)}`,
    );
  }
  return lines.join('\n');
}

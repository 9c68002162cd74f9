import { cpus } from 'node:os';
import { textbookData } from '@nn/core';
import { handWrittenTextbookRun } from './hand-written-loop.js';
import { nnTextbookRun } from './nn-run.js';
import { timeNumpyReference } from './numpy-run.js';

export interface BenchOptions {
  /** Fewer repetitions and a shorter NumPy run: a smoke test, not a measurement. */
  quick?: boolean;
}

export interface BenchRow {
  name: string;
  /** Median wall time of one textbook run (2001 epochs), in milliseconds. */
  medianMs: number;
  stepsPerSecond: number;
  /** This row's time ÷ the hand-written loop's. */
  timesHandWritten: number;
}

export interface TextbookBenchResult {
  config: {
    hidden: number;
    samples: number;
    epochs: number;
    batchSize: number;
    steps: number;
    runs: number;
  };
  machine: { node: string; cpu: string };
  rows: BenchRow[];
  numpy: { stepsPerSecond: number; medianMs: number; nnSpeedup: number } | { skipped: string };
}

const HIDDEN = 3;
const EPOCHS = 2001;
const SEED = 1;
const ETA = 0.1;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The textbook run (1-3-1, 63 samples, 2001 epochs, batch 1) on backend-cpu
 * in both precisions and as a hand-written loop, interleaved so that all see
 * the same machine load, after warm-up runs; then the NumPy script once.
 */
export async function runTextbookBench(options: BenchOptions = {}): Promise<TextbookBenchResult> {
  const runs = options.quick ? 3 : 9;
  const warmups = options.quick ? 1 : 3;
  const samples = textbookData().samples;
  const steps = samples * EPOCHS;
  const contenders: [string, () => unknown][] = [
    ['hand-written Float64Array loop', () => handWrittenTextbookRun(SEED, HIDDEN, ETA, EPOCHS)],
    ['@nn backend-cpu float64', () => nnTextbookRun('float64', SEED, HIDDEN, ETA, EPOCHS)],
    ['@nn backend-cpu float32', () => nnTextbookRun('float32', SEED, HIDDEN, ETA, EPOCHS)],
  ];
  const times = contenders.map(() => [] as number[]);
  for (let r = 0; r < warmups + runs; r++) {
    for (const [i, [, run]] of contenders.entries()) {
      const start = performance.now();
      await run();
      if (r >= warmups) times[i]?.push(performance.now() - start);
    }
  }
  const medians = times.map(median);
  const hand = medians[0] as number;
  const rows = contenders.map(([name], i) => {
    const ms = medians[i] as number;
    return { name, medianMs: ms, stepsPerSecond: steps / (ms / 1000), timesHandWritten: ms / hand };
  });

  const numpyEpochs = options.quick ? 201 : EPOCHS;
  const timing = timeNumpyReference(numpyEpochs);
  const nn = rows[1] as BenchRow;
  const numpy =
    'skipped' in timing
      ? timing
      : {
          stepsPerSecond: (samples * timing.epochs) / timing.seconds,
          medianMs: (timing.seconds * 1000 * EPOCHS) / timing.epochs,
          nnSpeedup: nn.stepsPerSecond / ((samples * timing.epochs) / timing.seconds),
        };
  return {
    config: { hidden: HIDDEN, samples, epochs: EPOCHS, batchSize: 1, steps, runs },
    machine: { node: process.version, cpu: cpus()[0]?.model ?? 'unknown' },
    rows,
    numpy,
  };
}

export function formatTextbookBench(result: TextbookBenchResult): string {
  const { config, machine } = result;
  const lines = [
    `Textbook run: 1-${config.hidden}-1, ${config.samples} samples × ${config.epochs} epochs = ${config.steps} SGD steps (batch ${config.batchSize}), median of ${config.runs} runs`,
    `Node ${machine.node} on ${machine.cpu}`,
    '',
    `${'run'.padEnd(34)}${'median ms'.padStart(11)}${'steps/s'.padStart(14)}${'× hand loop'.padStart(13)}`,
  ];
  for (const row of result.rows) {
    lines.push(
      `${row.name.padEnd(34)}${row.medianMs.toFixed(1).padStart(11)}${Math.round(row.stepsPerSecond).toLocaleString('en-US').padStart(14)}${row.timesHandWritten.toFixed(2).padStart(13)}`,
    );
  }
  if ('skipped' in result.numpy) {
    lines.push(`${'NumPy reference script'.padEnd(34)}  skipped: ${result.numpy.skipped}`);
  } else {
    const { medianMs, stepsPerSecond, nnSpeedup } = result.numpy;
    lines.push(
      `${'NumPy reference script'.padEnd(34)}${medianMs.toFixed(1).padStart(11)}${Math.round(stepsPerSecond).toLocaleString('en-US').padStart(14)}${(medianMs / (result.rows[0] as BenchRow).medianMs).toFixed(2).padStart(13)}`,
      '',
      `@nn backend-cpu float64 is ${nnSpeedup.toFixed(0)}× faster than the NumPy script (target ≥ 100×)`,
    );
  }
  const nn = result.rows[1] as BenchRow;
  lines.push(
    `@nn backend-cpu float64 takes ${nn.timesHandWritten.toFixed(2)}× the hand-written loop's time (target ≤ 3×)`,
  );
  return lines.join('\n');
}

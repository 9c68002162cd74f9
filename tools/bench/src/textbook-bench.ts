import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { textbookData } from '@nn/core';
import { CONTENDERS, EPOCHS, HIDDEN } from './contenders.js';
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Times one contender in a fresh Node process (see time-contender.ts). */
function timeInChildProcess(name: string, runs: number, warmups: number): number[] {
  const script = fileURLToPath(new URL('./time-contender.js', import.meta.url));
  const output = execFileSync(process.execPath, [script, name, String(runs), String(warmups)], {
    encoding: 'utf8',
  });
  return JSON.parse(output) as number[];
}

/**
 * The textbook run (1-3-1, 63 samples, 2001 epochs, batch 1) on backend-cpu
 * in both precisions and as a hand-written loop, each timed in its own
 * process after warm-up runs; then the NumPy script once.
 */
export async function runTextbookBench(options: BenchOptions = {}): Promise<TextbookBenchResult> {
  const runs = options.quick ? 3 : 9;
  const warmups = options.quick ? 1 : 3;
  const samples = textbookData().samples;
  const steps = samples * EPOCHS;
  const names = Object.keys(CONTENDERS);
  const medians = names.map((name) => median(timeInChildProcess(name, runs, warmups)));
  const hand = medians[0] as number;
  const rows = names.map((name, i) => {
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

import { cpus } from 'node:os';
import { textbookData } from '@nn/core';
import { BRAIN_TARGET_MAPPING } from './brain-run.js';
import { type Rounds, timeInRounds } from './child-timing.js';
import {
  CONTENDERS,
  EPOCHS,
  ETA,
  HIDDEN,
  TEXTBOOK_BRAIN,
  TEXTBOOK_HAND,
  TEXTBOOK_NN,
} from './contenders.js';
import { timeNumpyReference } from './numpy-run.js';
import { count, formatCount, median } from './stats.js';
import { formatVerdicts, textbookVerdicts } from './targets.js';

export interface BenchOptions {
  /** Fewer repetitions and shorter runs: a smoke test, not a measurement. */
  quick?: boolean;
}

export interface BenchRow {
  name: string;
  /** Median wall time of one textbook run (2001 epochs), in milliseconds. */
  medianMs: number;
  stepsPerSecond: number;
  /** This row's time ÷ the hand-written loop's. */
  timesHandWritten: number;
  /** How this run differs from the book's, where it must. */
  note?: string;
}

export interface TextbookBenchResult {
  config: {
    hidden: number;
    samples: number;
    epochs: number;
    batchSize: number;
    steps: number;
    /** Timed runs per contender, in this many rounds that take the contenders in turn. */
    runs: number;
    rounds: number;
  };
  machine: { node: string; cpu: string };
  rows: BenchRow[];
  numpy: { stepsPerSecond: number; medianMs: number; nnSpeedup: number } | { skipped: string };
}

const NOTES: Record<string, string> = {
  [TEXTBOOK_BRAIN]: `sigmoid output, ${BRAIN_TARGET_MAPPING}; learningRate ${ETA}, momentum 1e-200 (it refuses 0; the updates are plain SGD's); float32; samples in fixed order`,
};

/**
 * The textbook run (1-3-1, 63 samples, 2001 epochs, batch 1) on backend-cpu
 * in both precisions, as a hand-written loop and on brain.js, each timed in
 * its own processes after warm-up runs, in rounds; then the NumPy script
 * once, its training alone timed.
 */
export async function runTextbookBench(options: BenchOptions = {}): Promise<TextbookBenchResult> {
  const rounds: Rounds = options.quick
    ? { rounds: 1, runs: 3, warmups: 1 }
    : { rounds: 3, runs: 3, warmups: 3 };
  const samples = textbookData().samples;
  const steps = samples * EPOCHS;
  const names = Object.keys(CONTENDERS.textbook);
  const times = await timeInRounds('textbook', names, rounds);
  const medians = new Map([...times].map(([name, ms]) => [name, median(ms)]));
  const hand = medians.get(TEXTBOOK_HAND) as number;
  const rows = names.map((name): BenchRow => {
    const ms = medians.get(name) as number;
    const row = {
      name,
      medianMs: ms,
      stepsPerSecond: steps / (ms / 1000),
      timesHandWritten: ms / hand,
    };
    const note = NOTES[name];
    return note === undefined ? row : { ...row, note };
  });

  const numpyEpochs = options.quick ? 201 : EPOCHS;
  const timing = timeNumpyReference(numpyEpochs);
  const nn = rows.find((row) => row.name === TEXTBOOK_NN) as BenchRow;
  const numpy =
    'skipped' in timing
      ? timing
      : {
          stepsPerSecond: (samples * timing.epochs) / timing.seconds,
          medianMs: (timing.seconds * 1000 * EPOCHS) / timing.epochs,
          nnSpeedup: nn.stepsPerSecond / ((samples * timing.epochs) / timing.seconds),
        };
  return {
    config: {
      hidden: HIDDEN,
      samples,
      epochs: EPOCHS,
      batchSize: 1,
      steps,
      runs: rounds.rounds * rounds.runs,
      rounds: rounds.rounds,
    },
    machine: { node: process.version, cpu: cpus()[0]?.model ?? 'unknown' },
    rows,
    numpy,
  };
}

/** The table, its notes and the textbook targets' verdicts. */
export function formatTextbookBench(result: TextbookBenchResult): string {
  return [
    `Node ${result.machine.node} on ${result.machine.cpu}`,
    '',
    formatTextbookTable(result),
    '',
    formatVerdicts(textbookVerdicts(result)),
  ].join('\n');
}

export function formatTextbookTable(result: TextbookBenchResult): string {
  const { config } = result;
  const lines = [
    `Textbook run: 1-${config.hidden}-1, ${config.samples} samples × ${config.epochs} epochs = ${config.steps} SGD steps (batch ${config.batchSize}), median of ${count(config.runs, 'run')} in ${count(config.rounds, 'round')}`,
    `${'run'.padEnd(40)}${'median ms'.padStart(11)}${'steps/s'.padStart(14)}${'× hand loop'.padStart(13)}`,
  ];
  const notes: string[] = [];
  for (const row of result.rows) {
    const mark = row.note === undefined ? '' : '*'.repeat(notes.push(row.note));
    lines.push(
      `${`${row.name}${mark}`.padEnd(40)}${row.medianMs.toFixed(1).padStart(11)}${formatCount(row.stepsPerSecond).padStart(14)}${row.timesHandWritten.toFixed(2).padStart(13)}`,
    );
  }
  if ('skipped' in result.numpy) {
    lines.push(`${'NumPy script, training only'.padEnd(40)}  skipped: ${result.numpy.skipped}`);
  } else {
    const { medianMs, stepsPerSecond } = result.numpy;
    const hand = result.rows.find((row) => row.name === TEXTBOOK_HAND) as BenchRow;
    lines.push(
      `${'NumPy script, training only (one run)'.padEnd(40)}${medianMs.toFixed(1).padStart(11)}${formatCount(stepsPerSecond).padStart(14)}${(medianMs / hand.medianMs).toFixed(2).padStart(13)}`,
    );
  }
  notes.forEach((note, i) => {
    lines.push(`${'*'.repeat(i + 1)} ${note}`);
  });
  return lines.join('\n');
}

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { numpySetup, pythonFailure, referenceScriptPath } from './numpy-run.js';
import { median } from './stats.js';
import type { BenchOptions } from './textbook-bench.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = fileURLToPath(new URL('../../../apps/cli/dist/bin.js', import.meta.url));

export type ProcessTiming =
  | { command: string; medianSeconds: number; runs: number }
  | { command: string; skipped: string };

/** The book's examples with their reference scripts, and a short run for --quick. */
const EXAMPLE_RUNS = {
  regression: { script: 'textbook_regression.py', epochs: 2001, quickEpochs: 201 },
  classification: { script: 'textbook_classification.py', epochs: 101, quickEpochs: 11 },
  iris: { script: 'textbook_iris.py', epochs: 1000, quickEpochs: 50 },
} as const;

export type BenchExample = keyof typeof EXAMPLE_RUNS;

export interface ProcessBenchResult {
  example: BenchExample;
  epochs: number;
  nn: ProcessTiming;
  numpy: ProcessTiming;
  /** `node -e 0`: no Node program can start faster, which bounds nn's ratio. */
  nodeStartup: ProcessTiming;
}

type Spawned = ReturnType<typeof spawnSync>;

interface Command {
  command: string;
  file: string;
  args: string[];
  /** Why it can't run here, if it can't. */
  missing?: string;
  failure(result: Spawned): string | undefined;
}

/**
 * Whole processes, as a user runs them, interpreter start-up and imports
 * included: `nn train --seed 1` (the built CLI) against the NumPy reference
 * script, both one of the book's examples with its reports. They take
 * turns, round after round, so a busy spell on a shared machine slows both.
 */
export function runProcessBench(
  options: BenchOptions = {},
  example: BenchExample = 'regression',
): ProcessBenchResult {
  const run = EXAMPLE_RUNS[example];
  // quick: a short run, so a smoke test stays short; not a measurement.
  const epochs = options.quick ? run.quickEpochs : run.epochs;
  const rounds = options.quick ? 1 : 3;
  const nnArgs = [
    'train',
    ...(example === 'regression' ? [] : ['--example', example]),
    '--seed',
    '1',
    ...(options.quick ? ['--epochs', String(epochs)] : []),
  ];
  const nn: Command = {
    command: `node ${[relative(ROOT, CLI), ...nnArgs].join(' ')}`,
    file: process.execPath,
    args: [CLI, ...nnArgs],
    missing: existsSync(CLI) ? undefined : `${CLI} is not built (run pnpm build)`,
    failure: (result) =>
      result.status === 0
        ? undefined
        : `nn train exited with ${result.status}: ${String(result.stderr).trim().split('\n')[0]}`,
  };
  const setup = numpySetup();
  const pyArgs = ['--seed', '1', ...(options.quick ? ['--epoch', String(epochs)] : [])];
  // The chapters' scripts sit beside the regression's.
  const script = join(
    dirname('skipped' in setup ? referenceScriptPath() : setup.script),
    run.script,
  );
  const python = 'skipped' in setup ? 'python3' : setup.python;
  const numpy: Command = {
    command: `${python} ${[relative(ROOT, script), ...pyArgs].join(' ')}`,
    file: python,
    args: [script, ...pyArgs],
    missing: 'skipped' in setup ? setup.skipped : undefined,
    failure: pythonFailure,
  };
  const nodeStartup: Command = {
    command: 'node -e 0',
    file: process.execPath,
    args: ['-e', '0'],
    failure: (result) =>
      result.status === 0 ? undefined : `node -e 0 exited with ${result.status}`,
  };
  // nn's runs are short: two a round.
  const [nnTiming, numpyTiming, startupTiming] = timeInRounds(
    [
      { ...nn, perRound: options.quick ? 1 : 2 },
      { ...numpy, perRound: 1 },
      { ...nodeStartup, perRound: 2 },
    ],
    rounds,
  ) as [ProcessTiming, ProcessTiming, ProcessTiming];
  return { example, epochs, nn: nnTiming, numpy: numpyTiming, nodeStartup: startupTiming };
}

/** Median wall time, spawn to exit, of each command's runs; a failure skips its row with the reason. */
function timeInRounds(
  commands: readonly (Command & { perRound: number })[],
  rounds: number,
): ProcessTiming[] {
  const seconds = commands.map(() => [] as number[]);
  const failures: (string | undefined)[] = commands.map((c) => c.missing);
  for (let round = 0; round < rounds; round++) {
    commands.forEach((c, i) => {
      for (let r = 0; r < c.perRound && failures[i] === undefined; r++) {
        const start = process.hrtime.bigint();
        const result = spawnSync(c.file, c.args, { cwd: ROOT, encoding: 'utf8' });
        seconds[i]?.push(Number(process.hrtime.bigint() - start) / 1e9);
        failures[i] = c.failure(result);
      }
    });
  }
  return commands.map(({ command }, i) => {
    const failed = failures[i];
    const times = seconds[i] as number[];
    return failed === undefined
      ? { command, medianSeconds: median(times), runs: times.length }
      : { command, skipped: failed };
  });
}

export function formatProcessTable(result: ProcessBenchResult): string {
  const timings = [result.nn, result.numpy, result.nodeStartup];
  const width = Math.max(...timings.map((t) => t.command.length)) + 2;
  const lines = [
    `Whole process, start-up included: the ${result.example === 'regression' ? 'textbook' : result.example} run, ${result.epochs} epochs, median wall time (python3 as the interpreter it resolves to)`,
    `${'command'.padEnd(width)}${'median s'.padStart(10)}${'runs'.padStart(6)}`,
  ];
  for (const timing of timings) {
    lines.push(
      'skipped' in timing
        ? `${timing.command.padEnd(width)}  skipped: ${timing.skipped}`
        : `${timing.command.padEnd(width)}${timing.medianSeconds.toFixed(3).padStart(10)}${String(timing.runs).padStart(6)}`,
    );
  }
  if ('medianSeconds' in result.nn && 'medianSeconds' in result.numpy) {
    const ratio = result.numpy.medianSeconds / result.nn.medianSeconds;
    lines.push(`nn train is ${ratio.toFixed(1)}× faster than the NumPy script`);
    if ('medianSeconds' in result.nodeStartup) {
      const bound = result.numpy.medianSeconds / result.nodeStartup.medianSeconds;
      lines.push(
        `(Node's own start-up, node -e 0, allows at most ${bound.toFixed(1)}× here: nn train spends ${(result.nn.medianSeconds - result.nodeStartup.medianSeconds).toFixed(3)} s beyond it)`,
      );
    }
  }
  return lines.join('\n');
}

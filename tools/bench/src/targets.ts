import { MLP_HAND, MLP_NN, TEXTBOOK_BRAIN, TEXTBOOK_HAND, TEXTBOOK_NN } from './contenders.js';
import type { MlpBenchResult } from './mlp-bench.js';
import type { ProcessBenchResult } from './process-bench.js';
import type { TextbookBenchResult } from './textbook-bench.js';
import type { WasmBenchResult, WasmBenchRow } from './wasm-bench.js';

interface Target {
  /** What is compared. */
  subject: string;
  /** How the ratio reads. */
  unit: string;
  /** The bound, as printed. */
  bound: string;
  meets(ratio: number): boolean;
}

/** The targets of the core-v2 issue (and the earlier NumPy one), each stated once. */
export const TARGETS = {
  brain: {
    subject: `${TEXTBOOK_NN} vs brain.js NeuralNetwork, textbook run`,
    unit: '× faster',
    bound: '> 1×',
    meets: (ratio) => ratio > 1,
  },
  handLoop: {
    subject: `${TEXTBOOK_NN} vs the hand-written loop, textbook run`,
    unit: '× its time',
    bound: '≤ 1.5×, aim 1.2×',
    meets: (ratio) => ratio <= 1.5,
  },
  numpyTraining: {
    subject: `${TEXTBOOK_NN} vs the NumPy script, training only`,
    unit: '× faster',
    bound: '≥ 100×',
    meets: (ratio) => ratio >= 100,
  },
  mlp: {
    subject: `${MLP_NN} vs the hand-written i-k-j loop, MLP step GFLOP/s`,
    unit: '× its speed',
    bound: '≥ 1.0×',
    meets: (ratio) => ratio >= 1,
  },
  wholeProcess: {
    subject: 'whole nn train process vs the whole NumPy script process',
    unit: '× faster',
    bound: '≥ 25×',
    meets: (ratio) => ratio >= 25,
  },
  wasmMlp: {
    subject: 'backend-wasm (default threads) vs TF.js 4.22 wasm, MLP step GFLOP/s',
    unit: '× its speed',
    bound: '≥ 1.0×, aim 1.5×',
    meets: (ratio) => ratio >= 1,
  },
  wasmMatMulOne: {
    subject: 'backend-wasm (one thread) vs TF.js 4.22 wasm, 1024³ float32 matMul',
    unit: '× its speed',
    bound: '≥ 0.8×',
    meets: (ratio) => ratio >= 0.8,
  },
  wasmMatMulThreads: {
    subject: 'backend-wasm (default threads) vs TF.js 4.22 wasm, 1024³ float32 matMul',
    unit: '× its speed',
    bound: '≥ 1.3×, aim 1.6×',
    meets: (ratio) => ratio >= 1.3,
  },
  wasmTextbook: {
    subject: 'backend-wasm float64 vs the hand-written loop, textbook run',
    unit: '× its speed',
    bound: '> 1×',
    meets: (ratio) => ratio > 1,
  },
} satisfies Record<string, Target>;

export type TargetId = keyof typeof TARGETS;

/** One target's outcome: its ratio and whether it meets the bound, or why it was not measured. */
export type Verdict = { id: TargetId; subject: string; unit: string; bound: string } & (
  | { ratio: number; met: boolean }
  | { skipped: string }
);

function verdict(id: TargetId, outcome: number | { skipped: string }): Verdict {
  const { subject, unit, bound, meets } = TARGETS[id];
  const base = { id, subject, unit, bound };
  return typeof outcome === 'number'
    ? { ...base, ratio: outcome, met: meets(outcome) }
    : { ...base, skipped: outcome.skipped };
}

const byName = <T extends { name: string }>(rows: readonly T[], name: string): T => {
  const row = rows.find((r) => r.name === name);
  if (row === undefined) throw new Error(`bench: no row named ${JSON.stringify(name)}`);
  return row;
};

export function textbookVerdicts(result: TextbookBenchResult): Verdict[] {
  const nn = byName(result.rows, TEXTBOOK_NN);
  const hand = byName(result.rows, TEXTBOOK_HAND);
  const brain = byName(result.rows, TEXTBOOK_BRAIN);
  return [
    verdict('brain', brain.medianMs / nn.medianMs),
    verdict('handLoop', nn.medianMs / hand.medianMs),
    verdict('numpyTraining', 'skipped' in result.numpy ? result.numpy : result.numpy.nnSpeedup),
  ];
}

export function mlpVerdicts(result: MlpBenchResult): Verdict[] {
  const nn = byName(result.rows, MLP_NN);
  const hand = byName(result.rows, MLP_HAND);
  return [verdict('mlp', nn.gflops / hand.gflops)];
}

export function processVerdicts(result: ProcessBenchResult): Verdict[] {
  const { nn, numpy } = result;
  if ('skipped' in nn) return [verdict('wholeProcess', nn)];
  if ('skipped' in numpy) return [verdict('wholeProcess', numpy)];
  return [verdict('wholeProcess', numpy.medianSeconds / nn.medianSeconds)];
}

/** One line per target: met or missed with the ratio, or skipped with the reason. */
export function formatVerdicts(verdicts: readonly Verdict[]): string {
  return verdicts
    .map((v) =>
      'skipped' in v
        ? `${'skipped'.padEnd(8)}${v.subject} (target ${v.bound}): ${v.skipped}`
        : `${(v.met ? 'met' : 'missed').padEnd(8)}${v.subject}: ${v.ratio.toFixed(2)}${v.unit} (target ${v.bound})`,
    )
    .join('\n');
}

/** backend-wasm's rows: one thread first, then the default count (the same row on one core), TF.js last. */
export function wasmVerdicts(result: WasmBenchResult): Verdict[] {
  const ours = (workload: WasmBenchRow['workload']) =>
    result.rows.filter((row) => row.workload === workload && row.name.startsWith('backend-wasm'));
  const [mlpOne, mlpPooled = mlpOne] = ours('mlp');
  const [matOne, matPooled = matOne] = ours('matmul');
  const [textbook] = ours('textbook');
  const ratio = (row: WasmBenchRow | undefined) =>
    row === undefined ? { skipped: 'no backend-wasm row' } : row.ratio;
  return [
    verdict('wasmMlp', ratio(mlpPooled)),
    verdict('wasmMatMulOne', ratio(matOne)),
    verdict('wasmMatMulThreads', ratio(matPooled)),
    verdict('wasmTextbook', ratio(textbook)),
  ];
}

import { createWasmBackend, DEFAULT_MAX_THREADS } from '@nn/backend-wasm';
import {
  type Backend,
  createRegressionNetwork,
  DefaultRng,
  NumpyRng,
  Sgd,
  TEXTBOOK,
  TrainingSession,
  textbookData,
} from '@nn/core';
import * as tf from '@tensorflow/tfjs-core';
import { handWrittenTextbookRun } from './hand-written-loop.js';
import { mlpSession } from './mlp-nn.js';
import { MLP, type MlpWorkload, mlpStepFlops, mlpWorkload } from './mlp-workload.js';
import { count, formatCount, median } from './stats.js';
import type { BenchOptions } from './textbook-bench.js';

/** Each timed run of the MLP does this many SGD steps, so a run lasts tens of milliseconds. */
const MLP_STEPS_PER_RUN = 10;
const MATMUL_SIZE = 1024;
const TFJS = 'TF.js 4.22 wasm';

interface Rounds {
  rounds: number;
  runs: number;
  warmups: number;
}

export interface WasmBenchRow {
  workload: 'mlp' | 'matmul' | 'textbook';
  name: string;
  /** Median milliseconds of one unit: an SGD step, a product, a whole textbook run. */
  ms: number;
  /** GFLOP/s (mlp, matmul) or SGD steps per second (textbook). */
  speed: number;
  /** speed ÷ the workload's yardstick (TF.js wasm; the hand-written loop for the textbook run). */
  ratio: number;
}

export interface WasmBenchResult {
  threads: number;
  rounds: Rounds;
  rows: WasmBenchRow[];
}

type Run = () => void | Promise<void>;

/**
 * backend-wasm against TF.js 4.22's wasm backend (XNNPACK; one thread under
 * Node) on the MLP step (784 → 256 sigmoid → 10, batch 64, float32) and a
 * 1024³ float32 product, one thread and the default count; and its float64
 * textbook run against the hand-written loop. In this process, contenders
 * taking turns in rounds, medians of the timed runs.
 */
export async function runWasmBench(options: BenchOptions = {}): Promise<WasmBenchResult> {
  const rounds: Rounds = options.quick
    ? { rounds: 1, runs: 2, warmups: 1 }
    : { rounds: 3, runs: 5, warmups: 2 };
  const one = await createWasmBackend({ precision: 'float32', threads: 1 });
  const pooled = await createWasmBackend({ precision: 'float32' });
  const threads = Number(pooled.capabilities.mode.replace(/^simd(-threads-)?/, '') || 1);
  await import('@tensorflow/tfjs-backend-wasm');
  await tf.setBackend('wasm');
  await tf.ready();
  const label = (backend: Backend) => `backend-wasm ${backend.capabilities.mode}`;

  const workload = mlpWorkload();
  const mlp = await timeRounds(
    {
      [label(one)]: wasmMlp(one, workload),
      [label(pooled)]: wasmMlp(pooled, workload),
      [TFJS]: tfjsMlp(workload),
    },
    rounds,
  );
  const matmul = await timeRounds(
    { [label(one)]: wasmMatMul(one), [label(pooled)]: wasmMatMul(pooled), [TFJS]: tfjsMatMul() },
    rounds,
  );
  const float64 = await createWasmBackend({ threads: 1 });
  const epochs = options.quick ? 201 : TEXTBOOK.epochs;
  const steps = epochs * textbookData().samples;
  const hand = 'hand-written JavaScript loop';
  const textbook = await timeRounds(
    {
      [`backend-wasm float64 ${float64.capabilities.mode}, plan path`]: () =>
        wasmTextbook(float64, epochs),
      [hand]: () => {
        handWrittenTextbookRun(1, 3, TEXTBOOK.eta, epochs);
      },
    },
    { rounds: rounds.rounds, runs: options.quick ? 1 : 3, warmups: 1 },
  );

  const rows: WasmBenchRow[] = [];
  const flops = mlpStepFlops();
  const tfMlp = (mlp.get(TFJS) as number) / MLP_STEPS_PER_RUN;
  for (const [name, ms] of mlp) {
    const step = ms / MLP_STEPS_PER_RUN;
    rows.push({ workload: 'mlp', name, ms: step, speed: flops / step / 1e6, ratio: tfMlp / step });
  }
  const productFlops = 2 * MATMUL_SIZE ** 3;
  const tfProduct = matmul.get(TFJS) as number;
  for (const [name, ms] of matmul) {
    rows.push({
      workload: 'matmul',
      name,
      ms,
      speed: productFlops / ms / 1e6,
      ratio: tfProduct / ms,
    });
  }
  const handMs = textbook.get(hand) as number;
  for (const [name, ms] of textbook) {
    rows.push({ workload: 'textbook', name, ms, speed: steps / (ms / 1000), ratio: handMs / ms });
  }
  return { threads, rounds, rows };
}

export function formatWasmBench(result: WasmBenchResult): string {
  const { rounds } = result;
  const header = (title: string, unit: string, versus: string) => [
    title,
    `${'run'.padEnd(44)}${'ms'.padStart(10)}${unit.padStart(12)}${versus.padStart(14)}`,
  ];
  const table = (
    workload: WasmBenchRow['workload'],
    unit: string,
    versus: string,
    title: string,
  ) => [
    ...header(title, unit, versus),
    ...result.rows
      .filter((row) => row.workload === workload)
      .map(
        (row) =>
          `${row.name.padEnd(44)}${row.ms.toFixed(2).padStart(10)}${(workload === 'textbook' ? formatCount(row.speed) : row.speed.toFixed(2)).padStart(12)}${row.ratio.toFixed(2).padStart(14)}`,
      ),
  ];
  const runs = count(rounds.rounds * rounds.runs, 'run');
  return [
    ...table(
      'mlp',
      'GFLOP/s',
      '× TF.js wasm',
      `backend-wasm, MLP ${MLP.inputs} → ${MLP.hidden} sigmoid → ${MLP.outputs} identity, batch ${MLP.batch}, float32, ms per SGD step (median of ${runs} of ${MLP_STEPS_PER_RUN} steps in ${count(rounds.rounds, 'round')}; default threads ${result.threads}, at most ${DEFAULT_MAX_THREADS})`,
    ),
    '',
    ...table(
      'matmul',
      'GFLOP/s',
      '× TF.js wasm',
      `backend-wasm, ${MATMUL_SIZE}³ float32 matMul (median of ${runs})`,
    ),
    '',
    ...table(
      'textbook',
      'steps/s',
      '× hand speed',
      'backend-wasm, the textbook run in float64 (whole runs, in turns with the hand-written loop)',
    ),
  ].join('\n');
}

/** Median milliseconds of each contender's timed runs; contenders take turns within each round. */
async function timeRounds(
  contenders: Record<string, Run>,
  rounds: Rounds,
): Promise<Map<string, number>> {
  const times = new Map<string, number[]>(Object.keys(contenders).map((name) => [name, []]));
  for (let round = 0; round < rounds.rounds; round++) {
    for (const [name, run] of Object.entries(contenders)) {
      for (let r = 0; r < rounds.warmups + rounds.runs; r++) {
        const start = performance.now();
        await run();
        if (r >= rounds.warmups) times.get(name)?.push(performance.now() - start);
      }
    }
  }
  return new Map([...times].map(([name, ms]) => [name, median(ms)]));
}

/** The MLP as @nn layers in a TrainingSession over one batch, so one epoch is one SGD step. */
function wasmMlp(backend: Backend, workload: MlpWorkload): Run {
  const session = mlpSession(backend, workload, 1_000_000);
  return () => session.run(MLP_STEPS_PER_RUN).then(() => undefined);
}

/** The same step in TF.js ops, transposes explicit (its fast path), parameters replaced each step. */
function tfjsMlp(workload: MlpWorkload): Run {
  const { inputs, hidden, outputs, batch, eta } = MLP;
  const x = tf.tensor2d(workload.x, [batch, inputs]);
  const t = tf.tensor2d(workload.t, [batch, outputs]);
  const xT = tf.transpose(x);
  let w1: tf.Tensor = tf.tensor2d(workload.w1, [inputs, hidden]);
  let b1: tf.Tensor = tf.tensor1d(workload.b1);
  let w2: tf.Tensor = tf.tensor2d(workload.w2, [hidden, outputs]);
  let b2: tf.Tensor = tf.tensor1d(workload.b2);
  const step = () => {
    const next = tf.tidy(() => {
      const h = tf.sigmoid(tf.add(tf.matMul(x, w1), b1));
      const y = tf.add(tf.matMul(h, w2), b2);
      const delta2 = tf.sub(y, t);
      const gradW2 = tf.matMul(tf.transpose(h), delta2);
      const gradB2 = tf.sum(delta2, 0);
      const dh = tf.matMul(delta2, tf.transpose(w2));
      const delta1 = tf.mul(tf.mul(dh, tf.sub(1, h)), h);
      const gradW1 = tf.matMul(xT, delta1);
      const gradB1 = tf.sum(delta1, 0);
      return [
        tf.sub(w1, tf.mul(eta, gradW1)),
        tf.sub(b1, tf.mul(eta, gradB1)),
        tf.sub(w2, tf.mul(eta, gradW2)),
        tf.sub(b2, tf.mul(eta, gradB2)),
      ] as const;
    });
    tf.dispose([w1, b1, w2, b2]);
    [w1, b1, w2, b2] = next;
  };
  return () => {
    for (let s = 0; s < MLP_STEPS_PER_RUN; s++) step();
    // The wasm backend runs each op when called; reading a value back keeps the comparison honest.
    b2.dataSync();
  };
}

/** Two MATMUL_SIZE² operands, uniform in [0, 1). */
function squareOperands(): [Float32Array, Float32Array] {
  const rng = new DefaultRng(7);
  const draw = () => Float32Array.from({ length: MATMUL_SIZE ** 2 }, () => rng.random());
  return [draw(), draw()];
}

function wasmMatMul(backend: Backend): Run {
  const shape = [MATMUL_SIZE, MATMUL_SIZE] as const;
  const [a, b] = squareOperands();
  const tensors = [
    backend.tensor(shape, a),
    backend.tensor(shape, b),
    backend.tensor(shape),
  ] as const;
  return () => {
    backend.matMul(tensors[0], tensors[1], tensors[2], false, false);
    backend.readSync(tensors[2]);
  };
}

function tfjsMatMul(): Run {
  const [a, b] = squareOperands();
  const ta = tf.tensor2d(a, [MATMUL_SIZE, MATMUL_SIZE]);
  const tb = tf.tensor2d(b, [MATMUL_SIZE, MATMUL_SIZE]);
  return () => {
    // The wasm backend runs each op when it is called. Neither side reads the product back: copying
    // 4 MiB into a fresh typed array costs a garbage collection about as long as the product itself.
    tf.matMul(ta, tb).dispose();
  };
}

/** A whole textbook run through a TrainingSession (the plan path), setup included, like the loop's. */
async function wasmTextbook(backend: Backend, epochs: number): Promise<void> {
  const rng = new NumpyRng(1);
  const network = createRegressionNetwork(backend, {
    hidden: TEXTBOOK.hidden,
    activation: TEXTBOOK.activation,
    rng,
    wbWidth: TEXTBOOK.wbWidth,
  });
  const session = new TrainingSession(network, textbookData(), {
    epochs,
    optimizer: new Sgd({ eta: TEXTBOOK.eta }),
    rng,
    interval: TEXTBOOK.interval,
  });
  await session.run(epochs);
  session.dispose();
  network.dispose();
}

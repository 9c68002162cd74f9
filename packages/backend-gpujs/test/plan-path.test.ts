import { textbookTolerance } from '@nn/conformance';
import {
  type Activation,
  Adagrad,
  Adam,
  createRegressionNetwork,
  crossEntropy,
  type Dataset,
  Dense,
  Dropout,
  type Layer,
  type Loss,
  Momentum,
  meanSquaredError,
  NumpyRng,
  type Optimizer,
  Rmsprop,
  Sequential,
  Sgd,
  sumOfSquares,
  TEXTBOOK,
  type TrainingPath,
  type TrainingPlan,
  TrainingSession,
  textbookData,
} from '@nn/core';
import { describe, expect, it } from 'vitest';
import { createGpujsBackend, type GpujsBackend, type GpujsStorage } from '../src/index.js';

type Mode = 'headlessgl' | 'webasm' | 'cpu';

interface LayerSpec {
  inputs: number;
  units: number;
  activation: Activation;
  /** The ratio of a dropout layer after this one. */
  dropout?: number;
}

interface RunSpec {
  layers: readonly LayerSpec[];
  loss: Loss;
  batchSize: number;
  /** Sums over a batch are not averaged (the book's loss): wider batches and layers need a smaller eta. */
  eta: number;
  epochs: number;
  /** SGD unless given. */
  optimizer?: (eta: number) => Optimizer;
}

/**
 * Launches of each step of a session's second epoch, read after every batch
 * (the first batch also carries the epoch's order upload and loss reset, so
 * the differences start from it).
 */
async function stepLaunches(
  backend: GpujsBackend,
  network: Sequential<GpujsStorage>,
  data: Dataset,
  path: TrainingPath,
  batchSize: number,
): Promise<number[]> {
  const session = new TrainingSession(network, data, {
    epochs: 2,
    batchSize,
    optimizer: new Sgd({ eta: 0.1 }),
    rng: new NumpyRng(1),
    path,
  });
  expect(session.path, 'the path the session took').toBe(path);
  await session.run(1);
  const after: number[] = [];
  await session.run(1, {
    onBatch: () => {
      after.push(backend.stats().launches);
    },
  });
  session.dispose();
  return after.slice(1).map((launches, i) => launches - (after[i] as number));
}

function bookNetwork(backend: GpujsBackend): Sequential<GpujsStorage> {
  return createRegressionNetwork(backend, {
    hidden: TEXTBOOK.hidden,
    activation: TEXTBOOK.activation,
    rng: new NumpyRng(1),
    wbWidth: TEXTBOOK.wbWidth,
  });
}

function denseNetwork(
  backend: GpujsBackend,
  layers: readonly LayerSpec[],
): Sequential<GpujsStorage> {
  const rng = new NumpyRng(5);
  return new Sequential(
    backend,
    layers.flatMap(({ dropout, ...layer }): Layer<GpujsStorage>[] => {
      const dense = new Dense(backend, { ...layer, rng, wbWidth: 0.5 });
      if (dropout === undefined) return [dense];
      return [dense, new Dropout(backend, { units: layer.units, ratio: dropout })];
    }),
  );
}

/** 30 samples of 2 inputs in [-1, 1] and 3 targets in (0, 1), for sigmoid outputs. */
function threeTargets(): Dataset {
  const samples = 30;
  const x = new Float64Array(samples * 2);
  const t = new Float64Array(samples * 3);
  for (let i = 0; i < samples; i++) {
    const a = Math.sin(i * 1.3);
    const b = Math.cos(i * 0.7);
    x.set([a, b], i * 2);
    t.set([0.5 + 0.4 * Math.sin(a + b), 0.5 + 0.4 * a * b, 0.5 + 0.2 * (a - b)], i * 3);
  }
  return { x, t };
}

/** threeTargets with each row's largest target as its one-hot class, for softmax outputs. */
function threeClasses(): Dataset {
  const { x, t } = threeTargets();
  const classes = new Float64Array(t.length);
  for (let i = 0; i < t.length; i += 3) {
    const row = [t[i], t[i + 1], t[i + 2]] as number[];
    classes[i + row.indexOf(Math.max(...row))] = 1;
  }
  return { x, t: classes };
}

/** The errors of every epoch and the weights after training `spec` on `path`. */
async function train(
  mode: Mode,
  spec: RunSpec,
  path: TrainingPath,
): Promise<{ errors: number[]; weights: number[] }> {
  const backend = createGpujsBackend({ mode });
  const network = denseNetwork(backend, spec.layers);
  const data = spec.loss === crossEntropy ? threeClasses() : threeTargets();
  const session = new TrainingSession(network, data, {
    epochs: spec.epochs,
    batchSize: spec.batchSize,
    loss: spec.loss,
    optimizer: (spec.optimizer ?? ((eta) => new Sgd({ eta })))(spec.eta),
    rng: new NumpyRng(9),
    path,
  });
  expect(session.path, 'the path the session took').toBe(path);
  const reports = await session.run();
  session.dispose();
  const weights: number[] = [];
  for (const p of network.parameters()) weights.push(...(await backend.read(p.value)));
  network.dispose();
  backend.destroy();
  return { errors: reports.map((r) => r.error), weights };
}

// (2 + 1) · 40 · 16 · 3 multiply-adds a step is past the inline limit: the delta is stored.
const WIDE: RunSpec = {
  layers: [
    { inputs: 2, units: 40, activation: 'tanh' },
    { inputs: 40, units: 3, activation: 'identity' },
  ],
  loss: sumOfSquares,
  batchSize: 16,
  eta: 0.01,
  epochs: 12,
};

const SPECS: Record<string, RunSpec> = {
  // The hidden layer recomputes its delta from the output's, summed over 3 outputs.
  'relu hidden, sigmoid outputs, mean squared error, batches of 4 (the last one 2)': {
    layers: [
      { inputs: 2, units: 5, activation: 'relu' },
      { inputs: 5, units: 3, activation: 'sigmoid' },
    ],
    loss: meanSquaredError,
    batchSize: 4,
    eta: 0.2,
    epochs: 12,
  },
  'a hidden layer too wide to recompute its delta inline, batches of 16 (the last one 14)': WIDE,
  // The output layer is also the first: its updates read x through the order.
  'one sigmoid layer, batches of 7 (the last one 2)': {
    layers: [{ inputs: 2, units: 3, activation: 'sigmoid' }],
    loss: sumOfSquares,
    batchSize: 7,
    eta: 0.2,
    epochs: 12,
  },
  // Chapter 6 in small: the output's delta is y − t; the hidden one, stored from it, is
  // masked (tanh, not the book's ReLU, whose zero output would hide a missing mask).
  'tanh hidden with dropout, softmax under cross-entropy, AdaGrad, batches of 4 (the last one 2)': {
    layers: [
      { inputs: 2, units: 6, activation: 'tanh', dropout: 0.3 },
      { inputs: 6, units: 3, activation: 'softmax' },
    ],
    loss: crossEntropy,
    batchSize: 4,
    eta: 0.05,
    epochs: 12,
    optimizer: (eta) => new Adagrad({ eta }),
  },
  // Stored deltas, both masked: one from the output's, one from the stored one above.
  'two tanh layers with dropout, softmax under cross-entropy, Adam, batches of 8 (the last one 6)':
    {
      layers: [
        { inputs: 2, units: 7, activation: 'tanh', dropout: 0.2 },
        { inputs: 7, units: 5, activation: 'sigmoid', dropout: 0.4 },
        { inputs: 5, units: 3, activation: 'softmax' },
      ],
      loss: crossEntropy,
      batchSize: 8,
      eta: 0.01,
      epochs: 12,
      optimizer: (eta) => new Adam({ eta }),
    },
  'a wide tanh hidden layer, identity outputs, Momentum, batches of 16 (the last one 14)': {
    ...WIDE,
    optimizer: (eta) => new Momentum({ eta }),
  },
  'relu hidden, sigmoid outputs, RMSProp, batches of 5': {
    layers: [
      { inputs: 2, units: 5, activation: 'relu' },
      { inputs: 5, units: 3, activation: 'sigmoid' },
    ],
    loss: sumOfSquares,
    batchSize: 5,
    eta: 0.01,
    epochs: 12,
    optimizer: (eta) => new Rmsprop({ eta }),
  },
};

describe.each(['headlessgl', 'webasm'] as const)('gpujs %s plan path', (mode) => {
  it("launches at most half the kernel path's kernels in a step of the book's network", async () => {
    const data = textbookData();
    const counts: Record<TrainingPath, number[]> = { plan: [], kernels: [] };
    for (const path of ['kernels', 'plan'] as const) {
      const backend = createGpujsBackend({ mode });
      const network = bookNetwork(backend);
      counts[path] = await stepLaunches(backend, network, data, path, 1);
      network.dispose();
      backend.destroy();
    }
    expect(counts.plan).toHaveLength(data.samples - 1);
    for (const path of ['kernels', 'plan'] as const) {
      expect(new Set(counts[path]).size, `every ${path} step launches as many`).toBe(1);
    }
    const [plan, kernels] = [counts.plan[0] as number, counts.kernels[0] as number];
    expect(plan).toBeGreaterThan(0);
    expect(plan * 2).toBeLessThanOrEqual(kernels);
  });

  it('a stored delta costs one launch more per step than one recomputed inline', async () => {
    const backend = createGpujsBackend({ mode });
    const book = bookNetwork(backend);
    const inline = await stepLaunches(backend, book, textbookData(), 'plan', 1);
    book.dispose();
    const network = denseNetwork(backend, WIDE.layers);
    // One batch of 16 and one of 14 in each epoch: the one difference is a full step.
    const stored = await stepLaunches(backend, network, threeTargets(), 'plan', WIDE.batchSize);
    network.dispose();
    backend.destroy();
    expect(stored).toEqual([(inline[0] as number) + 1]);
  });
});

describe.each(['headlessgl', 'webasm', 'cpu'] as const)('gpujs %s plan path', (mode) => {
  it.each(Object.keys(SPECS))('trains like the kernel path: %s', async (name) => {
    const spec = SPECS[name] as RunSpec;
    const plan = await train(mode, spec, 'plan');
    const kernels = await train(mode, spec, 'kernels');
    const samples = threeTargets().x.length / 2;
    const relative = textbookTolerance('float32', spec.epochs * samples);
    expect(plan.errors).toHaveLength(spec.epochs);
    plan.errors.forEach((error, i) => {
      const expected = kernels.errors[i] as number;
      expect(Math.abs(error - expected), `error at epoch ${i}`).toBeLessThanOrEqual(
        relative * expected,
      );
    });
    plan.weights.forEach((w, i) => {
      const expected = kernels.weights[i] as number;
      expect(Math.abs(w - expected), `weight ${i}`).toBeLessThanOrEqual(
        relative * (Math.abs(expected) + 1),
      );
    });
    expect(kernels.errors.at(-1), 'the run learns').toBeLessThan(kernels.errors[0] as number);
  });
});

describe('gpujs headlessgl plan runner', () => {
  it('frees its buffers with the session: a second session ends with the textures the first left', async () => {
    const backend = createGpujsBackend({ mode: 'headlessgl' });
    const network = bookNetwork(backend);
    const liveAfterSession = async (): Promise<number> => {
      await stepLaunches(backend, network, textbookData(), 'plan', 1);
      return backend.stats().liveTextures;
    };
    const first = await liveAfterSession();
    expect(await liveAfterSession()).toBe(first);
    network.dispose();
    backend.destroy();
  });
});

describe('gpujs compilePlan', () => {
  const dense = { kind: 'dense', inputs: 1, units: 1, activation: 'sigmoid' };
  const dropout = { kind: 'dropout', units: 1, ratio: 0.5, mask: { storage: {} } };
  const base = {
    layers: [dense, dense],
    loss: 'sumOfSquares',
    optimizer: { kind: 'sgd', eta: 0.1 },
  };
  const softmax = { ...dense, activation: 'softmax' };

  it('runs dense layers, softmax under cross-entropy, dropout after a hidden layer and every optimizer', () => {
    const backend = createGpujsBackend({ mode: 'cpu' });
    for (const plan of [
      base,
      { ...base, layers: [dense, softmax], loss: 'crossEntropy' },
      { ...base, layers: [dense, dropout, dense] },
      ...['momentum', 'adagrad', 'rmsprop', 'adam'].map((kind) => ({
        ...base,
        optimizer: { kind, eta: 0.1 },
      })),
    ]) {
      const runner = backend.compilePlan(plan as unknown as TrainingPlan<GpujsStorage>);
      expect(runner, JSON.stringify(plan)).toBeDefined();
      runner?.dispose();
    }
    backend.destroy();
  });

  it('declines a plan it cannot run exactly: a kind it does not know, softmax elsewhere, dropout not after a hidden dense layer', () => {
    const backend = createGpujsBackend({ mode: 'cpu' });
    for (const changed of [
      { layers: [dense, { ...dense, kind: 'conv' }] },
      { layers: [dense, { ...dense, activation: 'softplus' }] },
      { loss: 'hinge' },
      { optimizer: { kind: 'lbfgs', eta: 0.1 } },
      { layers: [softmax, softmax], loss: 'crossEntropy' },
      { layers: [dense, softmax] },
      { layers: [dense, dense], loss: 'crossEntropy' },
      { layers: [dropout, dense] },
      { layers: [dense, dropout, dropout, dense] },
      { layers: [dense, dense, dropout] },
    ]) {
      const plan = { ...base, ...changed } as unknown as TrainingPlan<GpujsStorage>;
      expect(backend.compilePlan(plan), JSON.stringify(changed)).toBeUndefined();
    }
    backend.destroy();
  });
});

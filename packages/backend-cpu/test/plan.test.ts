import {
  type Activation,
  Adam,
  type Backend,
  createOptimizer,
  createRegressionNetwork,
  crossEntropy,
  DefaultRng,
  Dense,
  Dropout,
  type Layer,
  type LayerPlan,
  type Loss,
  type LossKind,
  meanSquaredError,
  NumpyRng,
  OPTIMIZERS,
  type OptimizerKind,
  type OptimizerPlan,
  type PlanRunner,
  Sequential,
  Sgd,
  sumOfSquares,
  TEXTBOOK,
  type TrainingPath,
  type TrainingPlan,
  TrainingSession,
  textbookData,
} from '@nn/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCpuBackend } from '../src/index.js';
import type { CpuStorage, CpuTensor } from '../src/kernels/storage.js';
import { probeCodeGeneration } from '../src/plan/code-generation.js';
import type { CpuPlanRunner, PlanCode } from '../src/plan/cpu-plan-runner.js';
import { planSource } from '../src/plan/generated-runner.js';

/** A session's compilePlan calls and the runners they returned. */
function watchPlans(backend: Backend<CpuStorage>) {
  const compile = vi.spyOn(backend, 'compilePlan');
  return {
    calls: () => compile.mock.calls.length,
    codes: () =>
      compile.mock.results.map((r) => (r.value as CpuPlanRunner | undefined)?.code ?? 'declined'),
  };
}

function textbookSession(backend: Backend<CpuStorage>): TrainingSession<CpuStorage> {
  const rng = new NumpyRng(1);
  const network = createRegressionNetwork(backend, {
    hidden: [3],
    activation: TEXTBOOK.activation,
    rng,
    wbWidth: TEXTBOOK.wbWidth,
  });
  return new TrainingSession(network, textbookData(), {
    epochs: 6,
    interval: 2,
    optimizer: new Sgd({ eta: 0.1 }),
    rng,
  });
}

/**
 * A plan built by hand, as a backend may be given one: 4 samples of 2
 * inputs through one dense layer of `units`, its tensors in `owned`.
 */
function handPlan(
  backend: Backend<CpuStorage>,
  options: { units: number; activation: 'sigmoid' | 'softmax'; batchSize: number },
): { plan: TrainingPlan<CpuStorage>; dense: Dense<CpuStorage>; owned: CpuTensor[] } {
  const { units, activation, batchSize } = options;
  const dense = new Dense(backend, { inputs: 2, units, activation, rng: new DefaultRng(3) });
  const owned = [
    backend.tensor([4, 2], [0, 1, 1, 0, 1, 1, 0, 0]),
    backend.tensor(
      [4, units],
      Float64Array.from({ length: 4 * units }, (_, i) => (i % units === 0 ? 1 : 0)),
    ),
    backend.tensor([1, 4], [0, 1, 2, 3]),
    backend.tensor([1, 1]),
  ];
  const [x, t, order, lossTotal] = owned as [CpuTensor, CpuTensor, CpuTensor, CpuTensor];
  const plan: TrainingPlan<CpuStorage> = {
    batchSize,
    samples: 4,
    batches: Math.ceil(4 / batchSize),
    dropRemainder: false,
    data: { x, t },
    order,
    lossTotal,
    masks: [],
    layers: [dense.plan()],
    parameters: dense.parameters(),
    loss: 'sumOfSquares',
    optimizer: { kind: 'sgd', eta: 0.5 },
  };
  return { plan, dense, owned };
}

describe('training plans on the cpu backend', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("takes the plan path for the book's network, as generated code, compiled once per session", async () => {
    const backend = createCpuBackend();
    const plans = watchPlans(backend);
    const session = textbookSession(backend);
    expect(session.path).toBe('plan');
    await session.run(2);
    await session.run(3, { onBatch: () => undefined });
    await session.run();
    expect(session.done).toBe(true);
    // One runner, and so one set of scratch, for every epoch and every way of running them.
    expect(plans.calls()).toBe(1);
    expect(plans.codes()).toEqual(['generated']);
    session.dispose();
    session.network.dispose();
    expect(backend.memory().tensors).toBe(0);
  });

  it('takes the plan path without generated code too: sample loops at batch size 1, batch kernels above', () => {
    const codes: PlanCode[] = [];
    for (const batchSize of [1, 5]) {
      const backend = createCpuBackend({ generatedCode: false });
      const plans = watchPlans(backend);
      const rng = new DefaultRng(2);
      const network = createRegressionNetwork(backend, {
        hidden: [3],
        activation: 'tanh',
        rng,
        wbWidth: 0.1,
      });
      const session = new TrainingSession(network, textbookData(), {
        epochs: 1,
        batchSize,
        optimizer: new Sgd({ eta: 0.1 }),
        rng,
      });
      expect(session.path).toBe('plan');
      codes.push(...(plans.codes() as PlanCode[]));
      session.dispose();
      network.dispose();
    }
    expect(codes).toEqual(['sample-loops', 'batch-kernels']);
  });

  it('declines a plan whose optimizer, loss, layer or activation it does not know, or cross-entropy without a softmax last', () => {
    const backend = createCpuBackend();
    const { plan, dense, owned } = handPlan(backend, {
      units: 1,
      activation: 'sigmoid',
      batchSize: 1,
    });
    const runner = backend.compilePlan(plan);
    expect(runner).toBeDefined();
    (runner as PlanRunner).runBatches(0, 4);
    expect(backend.readSync(plan.lossTotal)[0]).toBeGreaterThan(0);
    (runner as PlanRunner).dispose();

    const lion = { kind: 'lion', eta: 0.01 } as unknown as OptimizerPlan<CpuStorage>;
    expect(backend.compilePlan({ ...plan, optimizer: lion })).toBeUndefined();
    expect(backend.compilePlan({ ...plan, loss: 'hinge' as LossKind })).toBeUndefined();
    const conv = { ...dense.plan(), kind: 'conv' } as unknown as LayerPlan<CpuStorage>;
    expect(backend.compilePlan({ ...plan, layers: [conv] })).toBeUndefined();
    const swish = { ...dense.plan(), activation: 'swish' } as unknown as LayerPlan<CpuStorage>;
    expect(backend.compilePlan({ ...plan, layers: [swish] })).toBeUndefined();
    // Cross-entropy's gradient is the softmax's delta: over a sigmoid it would train wrong.
    expect(backend.compilePlan({ ...plan, loss: 'crossEntropy' })).toBeUndefined();
    for (const tensor of owned) backend.dispose(tensor);
    dense.dispose();
  });

  it("counts Adam's steps once per step, in every runner", () => {
    const cases = [
      { generatedCode: true, batchSize: 1, code: 'generated' },
      { generatedCode: false, batchSize: 1, code: 'sample-loops' },
      { generatedCode: false, batchSize: 3, code: 'batch-kernels' },
    ] as const;
    for (const { generatedCode, batchSize, code } of cases) {
      const backend = createCpuBackend({ generatedCode });
      const { plan, dense, owned } = handPlan(backend, {
        units: 2,
        activation: 'softmax',
        batchSize,
      });
      const optimizer = new Adam({ eta: 0.01 }).plan(backend, plan.parameters);
      const runner = backend.compilePlan({ ...plan, loss: 'crossEntropy', optimizer });
      expect((runner as CpuPlanRunner | undefined)?.code).toBe(code);
      (runner as PlanRunner).runBatches(0, plan.batches);
      (runner as PlanRunner).runBatches(1, 1);
      expect(optimizer.steps.count, code).toBe(plan.batches + 1);
      (runner as PlanRunner).dispose();
      for (const tensor of [...owned, ...optimizer.m, ...optimizer.v]) backend.dispose(tensor);
      dense.dispose();
      expect(backend.memory().tensors).toBe(0);
    }
  });

  it('writes only whole numbers into generated code', () => {
    const backend = createCpuBackend();
    const { plan, dense, owned } = handPlan(backend, {
      units: 1,
      activation: 'sigmoid',
      batchSize: 1,
    });
    const bogus = {
      ...dense.plan(),
      inputs: '2]; globalThis.injected = 1; [' as unknown as number,
    };
    expect(() => planSource({ ...plan, layers: [bogus] }, 'float64')).toThrow(
      expect.objectContaining({ code: 'NN_INVALID_ARGUMENT' }),
    );
    for (const tensor of owned) backend.dispose(tensor);
    dense.dispose();
  });
});

type LayerSpec = { units: number; activation: Activation } | { dropout: number };

interface Network {
  inputs: number;
  layers: LayerSpec[];
}

interface RunSpec {
  network: Network;
  batchSize: number;
  samples: number;
  loss: LossKind;
  optimizer?: OptimizerKind;
  dropRemainder?: boolean;
}

const LOSS: Record<LossKind, Loss> = { sumOfSquares, meanSquaredError, crossEntropy };

/** Trains a seeded network and returns every reported error and every parameter's bits afterwards. */
async function train(
  spec: RunSpec,
  options: { path: TrainingPath; generatedCode: boolean },
): Promise<{ errors: number[]; parameters: number[]; code: string }> {
  const backend = createCpuBackend({ generatedCode: options.generatedCode });
  const plans = watchPlans(backend);
  const rng = new DefaultRng(17);
  let inputs = spec.network.inputs;
  const layers = spec.network.layers.map((layer): Layer<CpuStorage> => {
    if ('dropout' in layer) return new Dropout(backend, { units: inputs, ratio: layer.dropout });
    const dense = new Dense(backend, { inputs, ...layer, rng, wbWidth: 0.5 });
    inputs = layer.units;
    return dense;
  });
  const network = new Sequential(backend, layers);
  const outputs = inputs;
  const x = Float64Array.from({ length: spec.samples * spec.network.inputs }, () => rng.normal());
  // Cross-entropy learns classes: one-hot targets; the other losses any numbers.
  const t = Float64Array.from({ length: spec.samples * outputs }, (_, i) =>
    spec.loss === 'crossEntropy'
      ? Number(i % outputs === Math.floor(i / outputs) % outputs)
      : rng.normal(),
  );
  const session = new TrainingSession(
    network,
    { x, t },
    {
      epochs: 4,
      interval: 1,
      batchSize: spec.batchSize,
      dropRemainder: spec.dropRemainder ?? false,
      loss: LOSS[spec.loss],
      optimizer: createOptimizer(spec.optimizer ?? 'sgd', 0.05),
      rng,
      path: options.path,
    },
  );
  const reports = await session.run();
  const parameters: number[] = [];
  for (const p of network.parameters()) parameters.push(...backend.readSync(p.value));
  session.dispose();
  network.dispose();
  expect(backend.memory().tensors).toBe(0);
  return { errors: reports.map((r) => r.error), parameters, code: plans.codes()[0] ?? 'kernels' };
}

/** (2 + 1)·4 + (4 + 1)·4 + (4 + 1)·3 + (3 + 1)·2 = 55 parameters, within the limit of generated code. */
const MIXED: Network = {
  inputs: 2,
  layers: [
    { units: 4, activation: 'tanh' },
    { units: 4, activation: 'relu' },
    { units: 3, activation: 'sigmoid' },
    { units: 2, activation: 'identity' },
  ],
};
/** (6 + 1)·9 + (9 + 1)·3 = 93 parameters, past the limit of generated code. */
const WIDE: Network = {
  inputs: 6,
  layers: [
    { units: 9, activation: 'sigmoid' },
    { units: 3, activation: 'identity' },
  ],
};
/** The book's §5.10 network: 2 → 6 sigmoid → 2 softmax, 32 parameters. */
const CLASSIFIER: Network = {
  inputs: 2,
  layers: [
    { units: 6, activation: 'sigmoid' },
    { units: 2, activation: 'softmax' },
  ],
};
/** Chapter 6's shape, small: ReLU layers with dropout after each, softmax out; 59 parameters. */
const DROPOUT: Network = {
  inputs: 3,
  layers: [
    { units: 5, activation: 'relu' },
    { dropout: 0.3 },
    { units: 4, activation: 'relu' },
    { dropout: 0.3 },
    { units: 3, activation: 'softmax' },
  ],
};
/** Chapter 6's network itself, 4 → 25 → 25 → 3 with dropout: 853 parameters, loops only. */
const IRIS: Network = {
  inputs: 4,
  layers: [
    { units: 25, activation: 'relu' },
    { dropout: 0.2 },
    { units: 25, activation: 'relu' },
    { dropout: 0.2 },
    { units: 3, activation: 'softmax' },
  ],
};
/** Softmax inside and under a squared loss, so its own backward runs; dropout on the inputs. 35 parameters. */
const SOFTMAX_INSIDE: Network = {
  inputs: 2,
  layers: [
    { dropout: 0.4 },
    { units: 4, activation: 'softmax' },
    { units: 3, activation: 'tanh' },
    { units: 2, activation: 'softmax' },
  ],
};
/** The same past the limit: 93 parameters. */
const WIDE_SOFTMAX: Network = {
  inputs: 6,
  layers: [
    { units: 9, activation: 'softmax' },
    { dropout: 0.25 },
    { units: 3, activation: 'softmax' },
  ],
};

describe('every plan runner equals the kernel path bit for bit in float64', () => {
  const cases: [string, RunSpec, PlanCode, PlanCode][] = [
    [
      '4 mixed layers, batch 1, mean squared error',
      { network: MIXED, batchSize: 1, samples: 13, loss: 'meanSquaredError' },
      'generated',
      'sample-loops',
    ],
    [
      '4 mixed layers, batches of 4 (the last of 1)',
      { network: MIXED, batchSize: 4, samples: 13, loss: 'sumOfSquares' },
      'generated',
      'batch-kernels',
    ],
    [
      '4 mixed layers, batches of 5, remainder dropped',
      { network: MIXED, batchSize: 5, samples: 13, loss: 'meanSquaredError', dropRemainder: true },
      'generated',
      'batch-kernels',
    ],
    [
      'a wide network past the generated-code limit, batch 1',
      { network: WIDE, batchSize: 1, samples: 9, loss: 'sumOfSquares' },
      'sample-loops',
      'sample-loops',
    ],
    [
      'a wide network past the generated-code limit, batches of 6 (the last of 3)',
      { network: WIDE, batchSize: 6, samples: 9, loss: 'sumOfSquares' },
      'batch-kernels',
      'batch-kernels',
    ],
    [
      "the book's classifier, softmax and cross-entropy, batch 1",
      { network: CLASSIFIER, batchSize: 1, samples: 11, loss: 'crossEntropy' },
      'generated',
      'sample-loops',
    ],
    [
      "the book's classifier, batches of 4 (the last of 3)",
      { network: CLASSIFIER, batchSize: 4, samples: 11, loss: 'crossEntropy' },
      'generated',
      'batch-kernels',
    ],
    [
      'softmax in a hidden layer and under sumOfSquares, dropout on the inputs, batch 1',
      { network: SOFTMAX_INSIDE, batchSize: 1, samples: 9, loss: 'sumOfSquares' },
      'generated',
      'sample-loops',
    ],
    [
      'softmax in a hidden layer and under sumOfSquares, dropout on the inputs, batches of 4',
      { network: SOFTMAX_INSIDE, batchSize: 4, samples: 9, loss: 'sumOfSquares' },
      'generated',
      'batch-kernels',
    ],
    [
      'softmax past the generated-code limit under mean squared error, with dropout, batch 1',
      { network: WIDE_SOFTMAX, batchSize: 1, samples: 7, loss: 'meanSquaredError' },
      'sample-loops',
      'sample-loops',
    ],
    [
      'softmax past the generated-code limit under mean squared error, with dropout, batches of 3',
      { network: WIDE_SOFTMAX, batchSize: 3, samples: 7, loss: 'meanSquaredError' },
      'batch-kernels',
      'batch-kernels',
    ],
  ];
  // Every optimizer on chapter 6's layers (ReLU, dropout, softmax, cross-entropy) in every runner.
  for (const optimizer of OPTIMIZERS) {
    cases.push(
      [
        `${optimizer}, ReLU and dropout, batch 1`,
        { network: DROPOUT, batchSize: 1, samples: 10, loss: 'crossEntropy', optimizer },
        'generated',
        'sample-loops',
      ],
      [
        `${optimizer}, ReLU and dropout, batches of 4, remainder dropped`,
        {
          network: DROPOUT,
          batchSize: 4,
          samples: 10,
          loss: 'crossEntropy',
          optimizer,
          dropRemainder: true,
        },
        'generated',
        'batch-kernels',
      ],
      [
        `${optimizer}, the Iris network, batch 1`,
        { network: IRIS, batchSize: 1, samples: 12, loss: 'crossEntropy', optimizer },
        'sample-loops',
        'sample-loops',
      ],
      [
        `${optimizer}, the Iris network, batches of 8, remainder dropped`,
        {
          network: IRIS,
          batchSize: 8,
          samples: 20,
          loss: 'crossEntropy',
          optimizer,
          dropRemainder: true,
        },
        'batch-kernels',
        'batch-kernels',
      ],
    );
  }

  it.each(cases)('%s', async (_, spec, generated, generic) => {
    const reference = await train(spec, { path: 'kernels', generatedCode: true });
    expect(reference.code).toBe('kernels');
    for (const [generatedCode, code] of [
      [true, generated],
      [false, generic],
    ] as const) {
      const run = await train(spec, { path: 'plan', generatedCode });
      expect(run.code).toBe(code);
      expect(run.errors, `${code}: errors`).toEqual(reference.errors);
      expect(run.parameters, `${code}: parameters`).toEqual(reference.parameters);
    }
    expect(reference.errors.at(-1)).not.toBe(reference.errors[0]);
  });
});

describe('code generation', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('is found to work here, and not where Function throws EvalError (a strict Content-Security-Policy)', () => {
    expect(probeCodeGeneration()).toBe(true);
    vi.stubGlobal(
      'Function',
      class {
        constructor() {
          throw new EvalError('Refused to evaluate a string as JavaScript');
        }
      },
    );
    expect(probeCodeGeneration()).toBe(false);
  });
});

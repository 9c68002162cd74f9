import {
  type Activation,
  type Backend,
  createRegressionNetwork,
  DefaultRng,
  Dense,
  type LossKind,
  meanSquaredError,
  NumpyRng,
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
import type { CpuStorage } from '../src/kernels/storage.js';
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

  it('declines a plan whose optimizer, loss or layer kind it does not know, and runs the same plan with known ones', () => {
    const backend = createCpuBackend();
    const rng = new DefaultRng(3);
    const dense = new Dense(backend, { inputs: 2, units: 1, activation: 'sigmoid', rng });
    const owned = [
      backend.tensor([4, 2], [0, 1, 1, 0, 1, 1, 0, 0]),
      backend.tensor([4, 1], [1, 1, 0, 0]),
      backend.tensor([1, 4], [0, 1, 2, 3]),
      backend.tensor([1, 1]),
    ] as const;
    const [x, t, order, lossTotal] = owned;
    const plan: TrainingPlan<CpuStorage> = {
      batchSize: 1,
      samples: 4,
      batches: 4,
      dropRemainder: false,
      data: { x, t },
      order,
      lossTotal,
      layers: [dense.plan()],
      parameters: dense.parameters(),
      loss: 'sumOfSquares',
      optimizer: { kind: 'sgd', eta: 0.5 },
    };
    const runner = backend.compilePlan(plan);
    expect(runner).toBeDefined();
    (runner as PlanRunner).runBatches(0, 4);
    expect(backend.readSync(lossTotal)[0]).toBeGreaterThan(0);
    (runner as PlanRunner).dispose();

    const adam = { kind: 'adam', eta: 0.01 } as unknown as OptimizerPlan;
    expect(backend.compilePlan({ ...plan, optimizer: adam })).toBeUndefined();
    expect(backend.compilePlan({ ...plan, loss: 'crossEntropy' as LossKind })).toBeUndefined();
    const dropout = {
      ...dense.plan(),
      kind: 'dropout',
    } as unknown as TrainingPlan<CpuStorage>['layers'][number];
    expect(backend.compilePlan({ ...plan, layers: [dropout] })).toBeUndefined();
    const softmax = { ...dense.plan(), activation: 'softmax' as Activation };
    expect(backend.compilePlan({ ...plan, layers: [softmax] })).toBeUndefined();
    for (const tensor of owned) backend.dispose(tensor);
    dense.dispose();
  });

  it('writes only whole numbers into generated code', () => {
    const backend = createCpuBackend();
    const dense = new Dense(backend, {
      inputs: 2,
      units: 1,
      activation: 'identity',
      rng: new DefaultRng(4),
    });
    const bogus = {
      ...dense.plan(),
      inputs: '2]; globalThis.injected = 1; [' as unknown as number,
    };
    const plan = {
      batchSize: 1,
      samples: 3,
      layers: [bogus],
      loss: 'sumOfSquares',
    } as unknown as TrainingPlan<CpuStorage>;
    expect(() => planSource(plan, 'float64')).toThrow(
      expect.objectContaining({ code: 'NN_INVALID_ARGUMENT' }),
    );
    dense.dispose();
  });
});

interface Network {
  inputs: number;
  layers: { units: number; activation: Activation }[];
}

interface RunSpec {
  network: Network;
  batchSize: number;
  samples: number;
  loss: LossKind;
  dropRemainder?: boolean;
}

/** Trains a seeded network and returns every reported error and every parameter's bits afterwards. */
async function train(
  spec: RunSpec,
  options: { path: TrainingPath; generatedCode: boolean },
): Promise<{ errors: number[]; parameters: number[]; code: string }> {
  const backend = createCpuBackend({ generatedCode: options.generatedCode });
  const plans = watchPlans(backend);
  const rng = new DefaultRng(17);
  let inputs = spec.network.inputs;
  const layers = spec.network.layers.map(({ units, activation }) => {
    const layer = new Dense(backend, { inputs, units, activation, rng, wbWidth: 0.5 });
    inputs = units;
    return layer;
  });
  const network = new Sequential(backend, layers);
  const outputs = inputs;
  const x = Float64Array.from({ length: spec.samples * spec.network.inputs }, () => rng.normal());
  const t = Float64Array.from({ length: spec.samples * outputs }, () => rng.normal());
  const session = new TrainingSession(
    network,
    { x, t },
    {
      epochs: 4,
      interval: 1,
      batchSize: spec.batchSize,
      dropRemainder: spec.dropRemainder ?? false,
      loss: spec.loss === 'sumOfSquares' ? sumOfSquares : meanSquaredError,
      optimizer: new Sgd({ eta: 0.05 }),
      rng,
      path: options.path,
    },
  );
  const reports = await session.run();
  const parameters: number[] = [];
  for (const p of network.parameters()) parameters.push(...backend.readSync(p.value));
  session.dispose();
  network.dispose();
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
  ];

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

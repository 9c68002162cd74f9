import {
  type Activation,
  type Backend,
  classificationData,
  createNetwork,
  createOptimizer,
  createRegressionNetwork,
  crossEntropy,
  KERNEL_SIGNATURES,
  type KernelName,
  type Loss,
  NumpyRng,
  OPTIMIZERS,
  Sgd,
  sumOfSquares,
  TEXTBOOK,
  type TrainingPath,
  TrainingSession,
  textbookData,
  toModelJSON,
} from '@nn/core';
import { describe, expect, it, vi } from 'vitest';
import { createWasmBackend } from '../src/index.js';
import type { WasmStorage } from '../src/storage.js';

function textbookSession(backend: Backend<WasmStorage>) {
  const rng = new NumpyRng(1);
  const network = createRegressionNetwork(backend, {
    hidden: [3],
    activation: TEXTBOOK.activation,
    rng,
    wbWidth: TEXTBOOK.wbWidth,
  });
  const session = new TrainingSession(network, textbookData(), {
    epochs: 20,
    interval: 5,
    optimizer: new Sgd({ eta: 0.1 }),
    rng,
  });
  return {
    session,
    dispose: () => {
      session.dispose();
      network.dispose();
    },
  };
}

describe('wasm training plans', () => {
  it('run the textbook epochs inside the module: no kernel is called from JavaScript', async () => {
    const backend = await createWasmBackend({ threads: 1 });
    const compile = vi.spyOn(backend, 'compilePlan');
    const { session, dispose } = textbookSession(backend);
    const spies = (Object.keys(KERNEL_SIGNATURES) as KernelName[]).map((name) => {
      // Core writes each epoch's order and zeroes the loss total itself; everything else is the runner's.
      const spy = vi.spyOn(backend, name as 'matMul');
      return { name, spy };
    });
    await session.run(20);
    expect(session.path).toBe('plan');
    expect(compile.mock.results.some((r) => r.value !== undefined)).toBe(true);
    const called = spies.filter(({ name, spy }) => name !== 'fill' && spy.mock.calls.length > 0);
    expect(called.map(({ name }) => name)).toEqual([]);
    expect(session.epoch).toBe(20);
    expect(Number.isFinite(session.lastReport?.error)).toBe(true);
    dispose();
  });

  it('free their scratch when the session ends', async () => {
    const backend = await createWasmBackend({ threads: 1 });
    const before = backend.liveAllocations();
    const { session, dispose } = textbookSession(backend);
    await session.run(3);
    dispose();
    expect(backend.memory().tensors).toBe(0);
    expect(backend.liveAllocations()).toBe(before);
  });
});

/** Final parameters of a few epochs at batch size 1 on `path`, float64. */
async function trainedWeights(
  path: TrainingPath,
  optimizer: string,
  hidden: Activation,
  loss: Loss,
): Promise<unknown> {
  const backend = await createWasmBackend({ threads: 1 });
  const rng = new NumpyRng(3);
  const classify = loss === crossEntropy;
  const data = classify ? classificationData() : textbookData();
  const network = createNetwork(backend, {
    inputs: classify ? 2 : 1,
    outputs: classify ? 2 : 1,
    hidden: [4, 3],
    activation: hidden,
    outputActivation: classify ? 'softmax' : 'identity',
    rng,
    wbWidth: 0.3,
  });
  const session = new TrainingSession(network, data, {
    epochs: 3,
    optimizer: createOptimizer(optimizer, 0.05),
    loss,
    rng,
    path,
  });
  await session.run(3);
  expect(session.path).toBe(path);
  const model = await toModelJSON(network);
  session.dispose();
  network.dispose();
  return model;
}

describe('the fused batch-1 step in the module', () => {
  const cases = OPTIMIZERS.flatMap((optimizer) =>
    (['sigmoid', 'tanh', 'relu'] as const).flatMap((hidden) => [
      [optimizer, hidden, 'sumOfSquares'] as const,
      [optimizer, hidden, 'crossEntropy'] as const,
    ]),
  );
  it.each(cases)(
    '%s, %s hidden layers, %s: the same weights as the kernel path, bit for bit',
    async (optimizer, hidden, lossName) => {
      const loss = lossName === 'crossEntropy' ? crossEntropy : sumOfSquares;
      const plan = await trainedWeights('plan', optimizer, hidden, loss);
      const kernels = await trainedWeights('kernels', optimizer, hidden, loss);
      expect(plan).toEqual(kernels);
    },
  );
});

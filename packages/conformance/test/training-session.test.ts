import {
  Backend,
  createRegressionNetwork,
  type EpochReport,
  fromModelJSON,
  isNNError,
  NumpyRng,
  type PlanRunner,
  type Sequential,
  Sgd,
  TrainingSession,
  textbookData,
  toModelJSON,
} from '@nn/core';
import { describe, expect, it } from 'vitest';
import { createReferenceBackend, createReferenceDriver } from '../src/index.js';

const data = textbookData();

function network(backend: Backend, rng: NumpyRng): Sequential {
  return createRegressionNetwork(backend, {
    hidden: [3],
    activation: 'sigmoid',
    rng,
    wbWidth: 0.3,
  });
}

function session(net: Sequential, rng: NumpyRng, extra: { startEpoch?: number } = {}) {
  return new TrainingSession(net, data, {
    epochs: 9,
    interval: 2,
    batchSize: 4,
    optimizer: new Sgd({ eta: 0.1 }),
    rng,
    ...extra,
  });
}

async function errorOf(fn: () => unknown): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

async function weights(net: Sequential): Promise<number[]> {
  const values: number[] = [];
  for (const p of net.parameters()) values.push(...(await net.backend.read(p.value)));
  return values;
}

describe('TrainingSession', () => {
  it('refuses a second run while one is running, and runs again after it', async () => {
    const backend = createReferenceBackend();
    const rng = new NumpyRng(1);
    const net = network(backend, rng);
    const s = session(net, rng);
    const first = s.run(2, { onBatch: () => Promise.resolve() });
    expect(isNNError(await errorOf(() => s.run(1)), 'NN_INVALID_ARGUMENT')).toBe(true);
    await first;
    expect(s.epoch).toBe(2);
    await s.run(1);
    expect(s.epoch).toBe(3);
    s.dispose();
    net.dispose();
  });

  it('frees its data and buffers on dispose, refuses to run after it, and leaves the network', async () => {
    const backend = createReferenceBackend();
    const rng = new NumpyRng(1);
    const net = network(backend, rng);
    const s = session(net, rng);
    await s.run(1);
    s.dispose();
    s.dispose();
    expect(isNNError(await errorOf(() => s.run(1)), 'NN_INVALID_ARGUMENT')).toBe(true);
    expect((await net.predict([0.5])).length).toBe(1);
    net.dispose();
    expect(backend.memory()).toEqual({ tensors: 0, bytes: 0 });
  });

  it('names the disposed network when one is trained under a session', async () => {
    const backend = createReferenceBackend();
    const rng = new NumpyRng(1);
    const net = network(backend, rng);
    const s = session(net, rng);
    net.dispose();
    expect(isNNError(await errorOf(() => s.run(1)), 'NN_TENSOR_DISPOSED')).toBe(true);
    s.dispose();
  });

  it('goes on on another backend from startEpoch with the same rng, exactly as one run', async () => {
    const rngWhole = new NumpyRng(5);
    const whole = network(createReferenceBackend(), rngWhole);
    const wholeSession = session(whole, rngWhole);
    const expected = await wholeSession.run();
    wholeSession.dispose();

    const rng = new NumpyRng(5);
    const first = network(createReferenceBackend(), rng);
    const before = session(first, rng);
    const reports: EpochReport[] = await before.run(5);
    before.dispose();
    const moved = fromModelJSON(createReferenceBackend(), await toModelJSON(first));
    const after = session(moved, rng, { startEpoch: 5 });
    expect(after.epoch).toBe(5);
    reports.push(...(await after.run()));
    after.dispose();
    expect(reports).toEqual(expected);
    expect(await weights(moved)).toEqual(await weights(whole));
  });

  it('yields the same reports from its async iterator as run returns', async () => {
    const runs: EpochReport[][] = [];
    for (const useIterator of [false, true]) {
      const rng = new NumpyRng(2);
      const net = network(createReferenceBackend(), rng);
      const s = session(net, rng);
      const reports: EpochReport[] = [];
      if (useIterator) for await (const r of s.reports()) reports.push(r);
      else reports.push(...(await s.run()));
      runs.push(reports);
      s.dispose();
    }
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[0]?.map((r) => r.epoch)).toEqual([0, 2, 4, 6, 8]);
    expect(runs[0]?.at(-1)?.last).toBe(true);
  });

  it('drops the remainder batch when asked: ⌊63 / 8⌋ = 7 batches an epoch', async () => {
    const rng = new NumpyRng(3);
    const net = network(createReferenceBackend(), rng);
    const s = new TrainingSession(net, data, {
      epochs: 2,
      batchSize: 8,
      dropRemainder: true,
      optimizer: new Sgd({ eta: 0.1 }),
      rng,
    });
    let batches = 0;
    await s.run(undefined, { onBatch: () => void batches++ });
    expect(batches).toBe(14);
    s.dispose();
    const tooBig = () =>
      new TrainingSession(net, data, {
        epochs: 1,
        batchSize: 64,
        dropRemainder: true,
        optimizer: new Sgd({ eta: 0.1 }),
        rng,
      });
    expect(isNNError(await errorOf(tooBig), 'NN_INVALID_ARGUMENT')).toBe(true);
    net.dispose();
  });

  it("takes the driver's plan runner when it compiles one, composes kernels when it declines or is told to", () => {
    const ran: [number, number][] = [];
    const runner: PlanRunner = {
      runBatches: (first, count) => void ran.push([first, count]),
      dispose: () => {},
    };
    for (const [accepts, path, expected] of [
      [true, 'plan', 'plan'],
      [false, 'plan', 'kernels'],
      [true, 'kernels', 'kernels'],
    ] as const) {
      const backend = new Backend({
        ...createReferenceDriver(),
        compilePlan: () => (accepts ? runner : undefined),
      });
      expect(backend.runsPlans).toBe(true);
      const rng = new NumpyRng(4);
      const net = network(backend, rng);
      const s = new TrainingSession(net, data, {
        epochs: 1,
        optimizer: new Sgd({ eta: 0.1 }),
        rng,
        path,
      });
      expect(s.path).toBe(expected);
      s.dispose();
      net.dispose();
    }
    expect(createReferenceBackend().runsPlans).toBe(false);
  });

  it('runs a whole epoch per runner call, or one batch per call with onBatch', async () => {
    const calls: [number, number][] = [];
    const backend = new Backend({
      ...createReferenceDriver(),
      compilePlan: () => ({
        runBatches: (first, count) => void calls.push([first, count]),
        dispose: () => {},
      }),
    });
    const rng = new NumpyRng(4);
    const net = network(backend, rng);
    const s = new TrainingSession(net, data, {
      epochs: 2,
      batchSize: 20,
      optimizer: new Sgd({ eta: 0.1 }),
      rng,
    });
    await s.run(1);
    expect(calls).toEqual([[0, 4]]);
    await s.run(1, { onBatch: () => undefined });
    expect(calls.slice(1)).toEqual([
      [0, 1],
      [1, 1],
      [2, 1],
      [3, 1],
    ]);
    s.dispose();
    net.dispose();
  });
});

import { isNNError, textbookData } from '@nn/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createGpujsBackend, type GpujsBackend } from '../../src/index.js';
import { trainBookNetwork } from '../train-book-network.js';

/** The two WebGPU classes counted below (typed here: the package has no WebGPU types). */
interface Counted<T> {
  prototype: T;
}
const { GPUDevice, GPUBuffer } = globalThis as unknown as {
  GPUDevice: Counted<{ createBuffer(descriptor: unknown): object }>;
  GPUBuffer: Counted<{ destroy(): void }>;
};

/**
 * Live GPU buffers, counted at the real WebGPU API (gpu.js's own buffers
 * included): every createBuffer adds one, the first destroy of it takes one off.
 */
const buffers = { live: 0 };
const createBuffer = GPUDevice.prototype.createBuffer;
const destroyBuffer = GPUBuffer.prototype.destroy;
const destroyed = new WeakSet<object>();
GPUDevice.prototype.createBuffer = function (descriptor) {
  buffers.live++;
  return createBuffer.call(this, descriptor);
};
GPUBuffer.prototype.destroy = function () {
  if (!destroyed.has(this)) {
    destroyed.add(this);
    buffers.live--;
  }
  destroyBuffer.call(this);
};
afterAll(() => {
  GPUDevice.prototype.createBuffer = createBuffer;
  GPUBuffer.prototype.destroy = destroyBuffer;
});

interface EpochSnapshot {
  compilations: number;
  queued: number;
  buffers: number;
  tensors: number;
}

/** Trains the book's network, snapshotting the counters after every epoch. */
async function train(backend: GpujsBackend, epochs: number, interval: number) {
  const epochsSeen: EpochSnapshot[] = [];
  const reports = await trainBookNetwork(backend, {
    epochs,
    interval,
    onEpoch: () => {
      const stats = backend.stats();
      epochsSeen.push({
        compilations: stats.compilations,
        queued: stats.queued,
        buffers: buffers.live,
        tensors: backend.memory().tensors,
      });
    },
  });
  return { reports, epochsSeen };
}

describe('gpujs webgpu in training', () => {
  it('runs every queued call by the end of each epoch, and compiles nothing after the first', async () => {
    const backend = createGpujsBackend({ mode: 'webgpu' });
    const { epochsSeen } = await train(backend, 5, 1);
    const first = epochsSeen[0] as EpochSnapshot;
    expect(first.compilations).toBeGreaterThan(0);
    for (const epoch of epochsSeen) {
      expect(epoch.queued).toBe(0);
      expect(epoch.compilations).toBe(first.compilations);
    }
    backend.destroy();
  });

  it('reads back only at reported epochs', async () => {
    const backend = createGpujsBackend({ mode: 'webgpu' });
    const { reports } = await train(backend, 12, 5);
    expect(reports.map((r) => r.epoch)).toEqual([0, 5, 10, 11]);
    expect(backend.stats().readbacks).toBe(reports.length);
    backend.destroy();
  });

  it('keeps its tensors and GPU buffers constant from the second epoch of a 630-step run', async () => {
    const backend = createGpujsBackend({ mode: 'webgpu' });
    const epochs = 10;
    const { epochsSeen } = await train(backend, epochs, 1);
    expect(epochs * textbookData().samples).toBe(630);
    const second = epochsSeen[1] as EpochSnapshot;
    expect(second.buffers).toBeGreaterThan(0);
    // gpu.js gives every immutable kernel call a new output buffer, and the
    // tensor it replaces destroys its old one: the count settles once every
    // kernel has run twice.
    for (const epoch of epochsSeen.slice(1)) {
      expect(epoch.tensors).toBe(second.tensors);
      expect(epoch.buffers).toBe(second.buffers);
    }
    expect(backend.memory().tensors).toBe(0);
    backend.destroy();
  });

  it('dispose destroys the buffers of the tensors once the calls before it have run', async () => {
    const backend = createGpujsBackend({ mode: 'webgpu' });
    backend.dispose(backend.tensor([16, 16]));
    await backend.flush();
    const baseline = buffers.live;
    const tensors = Array.from({ length: 20 }, () => backend.tensor([16, 16]));
    await backend.flush();
    expect(buffers.live).toBeGreaterThanOrEqual(baseline + 19);
    for (const t of tensors) backend.dispose(t);
    await backend.flush();
    expect(buffers.live).toBeLessThanOrEqual(baseline + 1);
    backend.destroy();
  });

  it('reads a tensor written, then changed by queued kernels, with the values of the last call', async () => {
    const backend = createGpujsBackend({ mode: 'webgpu' });
    const a = backend.tensor([1, 4], [1, 2, 3, 4]);
    const b = backend.tensor([1, 4], [10, 20, 30, 40]);
    backend.binary('add', a, b, a);
    backend.binary('multiply', a, b, a);
    expect(backend.stats().queued).toBeGreaterThan(0);
    expect(Array.from(await backend.read(a))).toEqual([110, 440, 990, 1760]);
    expect(backend.stats().queued).toBe(0);
    expect(() => backend.readSync(a)).toThrow(/cannot read synchronously/);
    backend.destroy();
  });

  it('a tensor past the device storage-buffer limit fails its read with NN_DEVICE_LIMIT, and so does all later work', async () => {
    const backend = createGpujsBackend({ mode: 'webgpu' });
    const { maxStorageBufferBindingSize } = await storageLimit();
    const tooBig = backend.tensor([1, maxStorageBufferBindingSize / 4 + 1]);
    const error = await backend.read(tooBig).catch((caught: unknown) => caught);
    expect(isNNError(error, 'NN_DEVICE_LIMIT')).toBe(true);
    expect((error as Error).message).toMatch(/gpujs webgpu: .*create a new one/);
    expect(() => backend.tensor([1, 1])).toThrow((error as Error).message);
    backend.dispose(tooBig);
    backend.destroy();
  });
});

/** The storage-buffer limit gpu.js asks its device for: the adapter's own. */
async function storageLimit(): Promise<{ maxStorageBufferBindingSize: number }> {
  const { gpu } = (globalThis as unknown as { navigator: { gpu: WebGpuEntry } }).navigator;
  const adapter = await gpu.requestAdapter();
  return { maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize };
}

interface WebGpuEntry {
  requestAdapter(): Promise<{ limits: { maxStorageBufferBindingSize: number } }>;
}

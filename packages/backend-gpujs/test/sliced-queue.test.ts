import { describeBackend } from '@nn/conformance';
import { isNNError } from '@nn/core';
import { describe, expect, it } from 'vitest';
import { createGpujsBackend } from '../src/index.js';

// sliceMs queues every call and runs them in slices: the same suite must pass
// with GL textures and with host arrays behind the queue.
describeBackend(
  'gpujs headlessgl, sliced',
  () => createGpujsBackend({ mode: 'headlessgl', sliceMs: 8 }),
  {
    textbookEpochs: 21,
  },
);
describeBackend('gpujs webasm, sliced', () => createGpujsBackend({ mode: 'webasm', sliceMs: 8 }), {
  textbookEpochs: 21,
});

describe('gpujs sliceMs', () => {
  it('queues the calls and yields to the event loop between slices', async () => {
    const backend = createGpujsBackend({ mode: 'headlessgl', sliceMs: 0 });
    expect(backend.capabilities.syncRead).toBe(false);
    const a = backend.tensor([1, 3], [1, 2, 3]);
    for (let i = 0; i < 5; i++) backend.binary('add', a, a, a);
    expect(backend.stats().queued).toBeGreaterThanOrEqual(5);
    let timerRan = false;
    setTimeout(() => {
      timerRan = true;
    }, 0);
    const flushed = backend.flush().then(() => timerRan);
    // A drain that never yielded would finish before the timer could fire.
    expect(await flushed).toBe(true);
    expect(Array.from(await backend.read(a))).toEqual([32, 64, 96]);
    backend.destroy();
  });

  it("starts a new slice for a kernel's first call, which compiles it", async () => {
    // A slice long enough that only compiles can end one.
    const backend = createGpujsBackend({ mode: 'headlessgl', sliceMs: 60_000 });
    const a = backend.tensor([1, 3], [1, 2, 3]);
    await backend.flush();
    const timerRuns = (): Promise<boolean> => {
      let ran = false;
      setTimeout(() => {
        ran = true;
      }, 0);
      return backend.flush().then(() => ran);
    };
    backend.binary('add', a, a, a);
    backend.binary('multiply', a, a, a);
    // add has run before multiply compiles: the compile waits for a new task.
    expect(await timerRuns()).toBe(true);
    backend.binary('add', a, a, a);
    backend.binary('multiply', a, a, a);
    // Both compiled now: one slice, no yield.
    expect(await timerRuns()).toBe(false);
    expect(Array.from(await backend.read(a))).toEqual([64, 1024, 5184]);
    backend.destroy();
  });

  it.each(['headlessgl', 'webasm'] as const)(
    '%s: a read waits for the calls queued after a drain that ran without awaiting',
    async (mode) => {
      const backend = createGpujsBackend({ mode, sliceMs: 60_000 });
      // Compiled and drained: the next drain has nothing to await.
      const warm = backend.tensor([1, 3], [1, 2, 3]);
      await backend.read(warm);
      // The second tensor is queued after the first read's drain ran, before its promise settled.
      const reads = [
        [4, 5, 6],
        [7, 8, 9],
      ].map(async (values) => {
        const t = backend.tensor([1, 3], values);
        const read = Array.from(await backend.read(t));
        backend.dispose(t);
        return read;
      });
      expect(await Promise.all(reads)).toEqual([
        [4, 5, 6],
        [7, 8, 9],
      ]);
      backend.dispose(warm);
      backend.destroy();
    },
  );

  it('without sliceMs, calls run at once', () => {
    const backend = createGpujsBackend({ mode: 'webasm' });
    const a = backend.tensor([1, 2], [1, 2]);
    backend.binary('add', a, a, a);
    expect(backend.stats().queued).toBe(0);
    expect(Array.from(backend.readSync(a))).toEqual([2, 4]);
    backend.destroy();
  });

  it('a negative or non-finite sliceMs is NN_INVALID_ARGUMENT', () => {
    for (const sliceMs of [-1, Number.NaN]) {
      let error: unknown;
      try {
        createGpujsBackend({ mode: 'cpu', sliceMs });
      } catch (caught) {
        error = caught;
      }
      expect(isNNError(error, 'NN_INVALID_ARGUMENT')).toBe(true);
      expect((error as Error).message).toMatch(/gpujs sliceMs is .*finite number ≥ 0/);
    }
  });
});

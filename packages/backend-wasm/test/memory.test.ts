import { isNNError, REQUIRED_KERNELS } from '@nn/core';
import { describe, expect, it } from 'vitest';
import { createWasmBackend } from '../src/index.js';

describe('wasm linear memory', () => {
  it('gives a freed block to the next tensor that fits, and merges freed neighbours', async () => {
    const backend = await createWasmBackend({ threads: 1 });
    const a = backend.tensor([10, 100]);
    const b = backend.tensor([10, 100]);
    const fence = backend.tensor([1, 1]);
    const at = a.storage.ptr;
    backend.dispose(a);
    const again = backend.tensor([10, 100]);
    expect(again.storage.ptr).toBe(at);
    backend.dispose(again);
    backend.dispose(b);
    // a's and b's blocks are one free block now: a tensor of both sizes starts where a did.
    const both = backend.tensor([20, 100]);
    expect(both.storage.ptr).toBe(at);
    for (const t of [both, fence]) backend.dispose(t);
    expect(backend.memory()).toEqual({ tensors: 0, bytes: 0 });
  });

  it('zero-fills a reused block', async () => {
    const backend = await createWasmBackend({ threads: 1 });
    const a = backend.tensor(
      [4, 4],
      Array.from({ length: 16 }, (_, i) => i + 1),
    );
    const at = a.storage.ptr;
    backend.dispose(a);
    const b = backend.tensor([4, 4]);
    expect(b.storage.ptr).toBe(at);
    expect(Array.from(backend.readSync(b))).toEqual(new Array(16).fill(0));
    backend.dispose(b);
  });

  it('grows the memory for a tensor past its end and keeps every older tensor', async () => {
    const backend = await createWasmBackend({ precision: 'float32', threads: 1 });
    const small = backend.tensor([1, 3], [1.5, -2, 3.25]);
    // 48 MiB: more than the memory has held so far in this test file.
    const rows = 3 * 1024;
    const big = backend.tensor([rows, 4096]);
    backend.fill(big, 0.5);
    const data = await backend.read(big);
    expect(data.length).toBe(rows * 4096);
    expect(data.every((v) => v === 0.5)).toBe(true);
    expect(Array.from(backend.readSync(small))).toEqual([1.5, -2, 3.25]);
    expect(backend.memory()).toEqual({ tensors: 2, bytes: (3 + rows * 4096) * 4 });
    backend.dispose(big);
    backend.dispose(small);
  });

  it('refuses a tensor past the 4 GiB ceiling with NN_DEVICE_LIMIT, allocating nothing', async () => {
    const backend = await createWasmBackend({ threads: 1 });
    let error: unknown;
    try {
      backend.tensor([65_536, 8_192]); // 2^29 float64 values: 4 GiB
    } catch (e) {
      error = e;
    }
    expect(isNNError(error, 'NN_DEVICE_LIMIT')).toBe(true);
    expect(backend.memory()).toEqual({ tensors: 0, bytes: 0 });
    expect(backend.liveAllocations()).toBe(0);
  });
});

describe('createWasmBackend', () => {
  it('names its mode by its threads', async () => {
    expect((await createWasmBackend({ threads: 1 })).capabilities.mode).toBe('simd');
    const pooled = await createWasmBackend({ threads: 2, precision: 'float32' });
    expect(pooled.capabilities).toMatchObject({ mode: 'simd-threads-2', precision: 'float32' });
    expect(pooled.capabilities.fallbackReason).toBeUndefined();
  });

  it('implements every kernel, required and optional', async () => {
    const backend = await createWasmBackend({ threads: 1 });
    const optional = ['unary', 'binary', 'denseForward', 'denseBackward'] as const;
    const updates = ['momentumUpdate', 'adagradUpdate', 'rmspropUpdate', 'adamUpdate'] as const;
    for (const name of [...REQUIRED_KERNELS, ...optional, ...updates]) {
      expect(backend.hasKernel(name), name).toBe(true);
    }
  });

  it.each([[0], [1.5], [-1], [Number.NaN]])(
    'rejects threads %s with NN_INVALID_ARGUMENT',
    async (threads) => {
      await expect(createWasmBackend({ threads })).rejects.toMatchObject({
        code: 'NN_INVALID_ARGUMENT',
      });
    },
  );

  it('rejects an unknown precision with NN_INVALID_ARGUMENT', async () => {
    await expect(createWasmBackend({ precision: 'float16' as 'float32' })).rejects.toMatchObject({
      code: 'NN_INVALID_ARGUMENT',
    });
  });
});

import { checkDescriptor } from '@nn/core';
import { describe, expect, it } from 'vitest';
import { descriptor } from '../src/descriptor.js';

describe('the wasm descriptor', () => {
  it('is a valid catalog entry with precision and threads options', () => {
    expect(checkDescriptor(descriptor, '@nn/backend-wasm')).toBe(descriptor);
    expect(descriptor.options.map((o) => [o.name, o.default])).toEqual([
      ['precision', 'float64'],
      ['threads', 'auto'],
    ]);
  });

  it('probes SIMD and threads here (Node: both), naming the mode it would run', async () => {
    expect(await descriptor.probe({ threads: '1' })).toMatchObject({
      available: true,
      device: 'simd',
    });
    expect(await descriptor.probe({ threads: '2' })).toMatchObject({
      available: true,
      device: 'simd-threads-2',
    });
  });

  it('carries its measured speed over cpu float64, so auto may choose it', async () => {
    const { speed } = await descriptor.probe();
    expect(speed?.speedup).toBeGreaterThan(1);
    expect(speed?.fasterFrom).toBeGreaterThan(0);
  });

  it('says why for an option value it does not have', async () => {
    const precision = await descriptor.probe({ precision: 'float16' });
    expect(precision.available).toBe(false);
    expect(precision.reason).toMatch(/float64 or float32/);
    expect((await descriptor.probe({ threads: 'many' })).available).toBe(false);
  });

  it('loads the backend with its options', async () => {
    const backend = await descriptor.load({ precision: 'float32', threads: '1' });
    expect(backend.capabilities).toMatchObject({ precision: 'float32', mode: 'simd' });
    expect(backend.name).toBe('wasm');
  });
});

import { createCpuBackend } from '@nn/backend-cpu';
import { type Backend, DefaultRng, type Tensor } from '@nn/core';
import { describe, expect, it } from 'vitest';
import { createGpujsBackend } from '../src/index.js';

const rng = new DefaultRng(3);
const a = Float64Array.from({ length: 15 }, () => 0.1 + rng.random());
const b = Float64Array.from({ length: 15 }, () => 0.1 + rng.random());

/** Runs `op` on tensors holding a and b, with out the same tensor as the first input. */
async function inPlace(backend: Backend, op: (x: Tensor, y: Tensor) => void): Promise<number[]> {
  const x = backend.tensor([3, 5], a);
  const y = backend.tensor([3, 5], b);
  op(x, y);
  const values = Array.from(await backend.read(x));
  backend.dispose(x);
  backend.dispose(y);
  return values;
}

const OPS: Record<string, (backend: Backend, x: Tensor, y: Tensor) => void> = {
  'unary exp': (k, x) => k.unary('exp', x, x),
  'binary divide': (k, x, y) => k.binary('divide', x, y, x),
  'binary subtract, out = b': (k, x, y) => k.binary('subtract', y, x, x),
  'activationBackward sigmoid, out = dy': (k, x, y) => k.activationBackward('sigmoid', y, x, x),
  'lossGradient meanSquaredError, out = y': (k, x, y) =>
    k.lossGradient('meanSquaredError', x, y, x),
  'fill then add': (k, x, y) => {
    k.fill(x, 0.25);
    k.binary('add', x, y, x);
  },
};

describe.each(['headlessgl', 'webasm'] as const)(
  'gpujs %s element-wise kernels in place',
  (mode) => {
    it.each(Object.keys(OPS))('%s matches the float64 cpu backend', async (name) => {
      const op = OPS[name] as (typeof OPS)[string];
      const gpu = createGpujsBackend({ mode });
      const cpu = createCpuBackend();
      const actual = await inPlace(gpu, (x, y) => op(gpu, x, y));
      const expected = await inPlace(cpu, (x, y) => op(cpu, x, y));
      actual.forEach((v, i) => {
        expect(v).toBeCloseTo(expected[i] as number, 5);
      });
      expect(gpu.memory().tensors).toBe(0);
      gpu.destroy();
    });
  },
);

import { referenceMath } from '@nn/conformance';
import { DefaultRng, type Shape } from '@nn/core';
import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../src/index.js';

/** [m, k, n]: single values, sizes around the blocks of four, and a TT product wider than its first scratch. */
const SIZES = [
  [1, 1, 1],
  [1, 5, 3],
  [3, 1, 7],
  [4, 4, 4],
  [5, 9, 6],
  [9, 3, 13],
  [33, 70, 9],
  [100, 7, 66],
] as const;

describe('matMul in float64 sums each output in ascending order from 0, bit for bit, whatever the transposes', () => {
  for (const [m, k, n] of SIZES) {
    for (const [ta, tb] of [
      [false, false],
      [true, false],
      [false, true],
      [true, true],
    ] as const) {
      it(`${m}×${k} · ${k}×${n}${ta ? ', a transposed' : ''}${tb ? ', b transposed' : ''}`, async () => {
        const backend = createCpuBackend();
        const rng = new DefaultRng(m * 1000 + k * 10 + n);
        const aShape: Shape = ta ? [k, m] : [m, k];
        const bShape: Shape = tb ? [n, k] : [k, n];
        const a = Float64Array.from({ length: m * k }, () => rng.normal());
        const b = Float64Array.from({ length: k * n }, () => rng.normal());
        const tensors = [backend.tensor(aShape, a), backend.tensor(bShape, b)] as const;
        const out = backend.tensor([m, n]);
        // Stale values in out must not leak into the sums.
        backend.fill(out, Number.NaN);
        backend.matMul(tensors[0], tensors[1], out, ta, tb);
        const expected = referenceMath.matMul(a, aShape, b, bShape, ta, tb);
        expect(Array.from(await backend.read(out))).toEqual(Array.from(expected));
        for (const t of [...tensors, out]) backend.dispose(t);
        expect(backend.memory().tensors).toBe(0);
      });
    }
  }
});

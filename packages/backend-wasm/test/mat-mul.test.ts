import { kernelTolerance, referenceMath } from '@nn/conformance';
import { DefaultRng, type Shape } from '@nn/core';
import { describe, expect, it } from 'vitest';
import { createWasmBackend } from '../src/index.js';

/**
 * [m, k, n]: the unpacked path (tiny products), register tiles with ragged
 * edges, depths past one KC block (256), rows past one MC block (64), a
 * product that two threads split by rows, and one past one NC panel (1024
 * columns) that they split by columns.
 */
const SIZES = [
  [1, 1, 1],
  [1, 5, 3],
  [9, 3, 13],
  [33, 70, 9],
  [37, 261, 45],
  [301, 200, 50],
  [130, 520, 1027],
] as const;
const TRANSPOSES = [
  [false, false],
  [true, false],
  [false, true],
  [true, true],
] as const;

function operands(m: number, k: number, n: number, ta: boolean, tb: boolean) {
  const rng = new DefaultRng(m * 1000 + k * 10 + n);
  const aShape: Shape = ta ? [k, m] : [m, k];
  const bShape: Shape = tb ? [n, k] : [k, n];
  const a = Float64Array.from({ length: m * k }, () => rng.normal());
  const b = Float64Array.from({ length: k * n }, () => rng.normal());
  return { a, b, aShape, bShape };
}

const label = (m: number, k: number, n: number, ta: boolean, tb: boolean): string =>
  `${m}×${k} · ${k}×${n}${ta ? ', a transposed' : ''}${tb ? ', b transposed' : ''}`;

for (const threads of [1, 2]) {
  describe(`matMul on ${threads} thread(s), float64: each sum in ascending order from 0, bit for bit`, () => {
    for (const [m, k, n] of SIZES) {
      for (const [ta, tb] of TRANSPOSES) {
        it(label(m, k, n, ta, tb), async () => {
          const backend = await createWasmBackend({ threads });
          const { a, b, aShape, bShape } = operands(m, k, n, ta, tb);
          const tensors = [backend.tensor(aShape, a), backend.tensor(bShape, b)] as const;
          const out = backend.tensor([m, n]);
          // Stale values in out must not leak into the sums.
          backend.fill(out, Number.NaN);
          backend.matMul(tensors[0], tensors[1], out, ta, tb);
          const expected = referenceMath.matMul(a, aShape, b, bShape, ta, tb);
          const actual = await backend.read(out);
          const first = actual.findIndex((v, i) => v !== expected[i]);
          expect(first, `first difference at ${first}`).toBe(-1);
          for (const t of [...tensors, out]) backend.dispose(t);
          expect(backend.memory().tensors).toBe(0);
        });
      }
    }
  });

  describe(`matMul on ${threads} thread(s), float32: within the rounding of k float32 additions`, () => {
    for (const [m, k, n] of SIZES) {
      for (const [ta, tb] of TRANSPOSES) {
        it(label(m, k, n, ta, tb), async () => {
          const backend = await createWasmBackend({ precision: 'float32', threads });
          const { a, b, aShape, bShape } = operands(m, k, n, ta, tb);
          const a32 = Float32Array.from(a);
          const b32 = Float32Array.from(b);
          const tensors = [backend.tensor(aShape, a32), backend.tensor(bShape, b32)] as const;
          const out = backend.tensor([m, n]);
          backend.fill(out, Number.NaN);
          backend.matMul(tensors[0], tensors[1], out, ta, tb);
          const expected = referenceMath.matMul(a32, aShape, b32, bShape, ta, tb);
          const magnitude = referenceMath.matMul(
            a32.map(Math.abs),
            aShape,
            b32.map(Math.abs),
            bShape,
            ta,
            tb,
          );
          const actual = await backend.read(out);
          actual.forEach((v, i) => {
            const bound = kernelTolerance('float32', k, magnitude[i] as number);
            if (!(Math.abs(v - (expected[i] as number)) <= bound)) {
              expect.fail(`out[${i}] = ${v}, reference ${expected[i]}, bound ${bound}`);
            }
          });
          for (const t of [...tensors, out]) backend.dispose(t);
        });
      }
    }
  });
}

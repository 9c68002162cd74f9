import type { Backend, Precision, Shape } from '@nn/core';
import { describe, expect, it } from 'vitest';
import { type SuiteContext, upload } from './context.js';
import { runKernel } from './kernel-check.js';

/**
 * Fingerprints of the declared precision: sums whose float32 and float64
 * values differ by construction, on inputs that both precisions hold exactly
 * (1 and powers of two) and products by 1, which are exact, so fused
 * multiply-add and the order of the sum change nothing. A backend that
 * declares one precision and computes in the other fails here, where the
 * tolerance tests would let a more exact one pass.
 */

const OTHER: Record<Precision, Precision> = { float32: 'float64', float64: 'float32' };

/** Fails with what the value says about the precision the backend really computes in. */
function expectFingerprint(
  backend: Backend,
  label: string,
  actual: number,
  expected: Record<Precision, readonly number[]>,
): void {
  const declared = backend.precision;
  if (expected[declared].includes(actual)) return;
  const other = OTHER[declared];
  const verdict = expected[other].includes(actual)
    ? `that is the ${other} result: the backend declares ${declared} but computes in ${other}`
    : `neither precision gives that (${other}: ${expected[other].join(' or ')})`;
  expect.fail(
    `${label}: got ${actual}, expected ${expected[declared].join(' or ')} at the declared ${declared}; ${verdict}`,
  );
}

/** op(a) · op(b) for a row a and a column b of k values, through every transpose. */
async function dot(
  backend: Backend,
  a: number[],
  b: number[],
  transposeA: boolean,
  transposeB: boolean,
): Promise<number> {
  const k = a.length;
  const aShape: Shape = transposeA ? [k, 1] : [1, k];
  const bShape: Shape = transposeB ? [1, k] : [k, 1];
  const left = await upload(backend, aShape, a);
  const right = await upload(backend, bShape, b);
  const out = backend.tensor([1, 1]);
  await runKernel(backend, 'matMul', { a: left.tensor, b: right.tensor }, { out }, () =>
    backend.matMul(left.tensor, right.tensor, out, transposeA, transposeB),
  );
  const [value] = await backend.read(out);
  for (const t of [left.tensor, right.tensor, out]) backend.dispose(t);
  return value as number;
}

export function precisionTests(context: SuiteContext): void {
  describe('computes at the declared precision', () => {
    it('stores each kernel output at that precision: 1 + 2^-24 + 2^-24 by two biasAdd calls in place', async () => {
      const backend = context.backend();
      const x = await upload(backend, [1, 1], [1]);
      const bias = await upload(backend, [1, 1], [2 ** -24]);
      for (let call = 1; call <= 2; call++) {
        await runKernel(backend, 'biasAdd in place', { bias: bias.tensor }, { x: x.tensor }, () =>
          backend.biasAdd(x.tensor, bias.tensor, x.tensor),
        );
      }
      // float32 rounds 1 + 2^-24 (a tie) to even, 1, at each call. float64
      // holds 1 + 2^-24, then 1 + 2^-23, which float32 represents: a float32
      // backend keeping wider values shows here even where download rounds.
      const [value] = await backend.read(x.tensor);
      expectFingerprint(backend, '1 + 2^-24 + 2^-24 by biasAdd twice', value as number, {
        float32: [1],
        float64: [1 + 2 ** -23],
      });
      backend.dispose(x.tensor);
      backend.dispose(bias.tensor);
    });

    for (const [transposeA, transposeB] of [
      [false, false],
      [true, false],
      [false, true],
      [true, true],
    ] as const) {
      const flags = `${transposeA ? ', a transposed' : ''}${transposeB ? ', b transposed' : ''}`;
      it(`matMul sums at that precision: [1, 2^-30]·[1, 1]ᵀ and [1, 2^-24, 2^-24]·[1, 1, 1]ᵀ${flags}`, async () => {
        const backend = context.backend();
        // 1 + 2^-30 is exact in float64; float32 rounds it to 1, however it sums.
        expectFingerprint(
          backend,
          `[1, 2^-30]·[1, 1]ᵀ${flags}`,
          await dot(backend, [1, 2 ** -30], [1, 1], transposeA, transposeB),
          { float32: [1], float64: [1 + 2 ** -30] },
        );
        // Every partial sum is exact in float64: 1 + 2^-23. Summed in float32
        // each 2^-24 is lost, 1. A float32 kernel may also sum in a wider
        // accumulator and round once when it stores (gpu.js's cpu mode sums
        // in JavaScript doubles, as do backend-cpu's transposed-b loops):
        // 1 + 2^-23 again, a float32 value, so float32 accepts both; the
        // stored precision is what the biasAdd fingerprint checks.
        expectFingerprint(
          backend,
          `[1, 2^-24, 2^-24]·[1, 1, 1]ᵀ${flags}`,
          await dot(backend, [1, 2 ** -24, 2 ** -24], [1, 1, 1], transposeA, transposeB),
          { float32: [1, 1 + 2 ** -23], float64: [1 + 2 ** -23] },
        );
      });
    }
  });
}

import {
  ACTIVATIONS,
  type Activation,
  type Backend,
  BINARY_OPS,
  CROSS_ENTROPY_EPSILON,
  LOSSES,
  type Shape,
  type Tensor,
  UNARY_OPS,
} from '@nn/core';
import { describe, expect, it } from 'vitest';
import * as math from '../reference-math.js';
import { kernelTolerance } from '../tolerance.js';
import { abs, expectClose, type SuiteContext, seededRng, uniform, upload } from './context.js';
import { runKernel } from './kernel-check.js';

/** Awkward shapes: 1×1, 1×n, n×1, non-square, batch 1 and batch > 1. */
const SHAPES: Shape[] = [
  [1, 1],
  [1, 5],
  [5, 1],
  [3, 4],
  [7, 2],
  [2, 9],
];

/** [m, k, n] of op(a) (m×k) · op(b) (k×n). */
const MATMUL_SIZES: [number, number, number][] = [
  [1, 1, 1],
  [1, 4, 1],
  [1, 1, 5],
  [5, 1, 1],
  [3, 4, 2],
  [6, 3, 5],
  [2, 17, 3],
];

const UNARY_DOMAIN: Record<string, [number, number]> = { log: [0.1, 3], sqrt: [0.1, 3] };

/**
 * A bound on |dy · f'| and on the terms its rounding error scales with:
 * |dy · f'(u)| element-wise, y · (|dy| + Σ |dy| · y) for softmax's row.
 */
function gradientMagnitude(
  kind: Activation,
  y: ArrayLike<number>,
  dy: ArrayLike<number>,
  cols: number,
): Float64Array {
  if (kind !== 'softmax') {
    return Float64Array.from(y, (v, i) =>
      Math.abs(math.activationGradient(kind, v, 1) * (dy[i] as number)),
    );
  }
  const dyAbs = abs(dy);
  const out = new Float64Array(y.length);
  for (let row = 0; row < y.length; row += cols) {
    let dot = 0;
    for (let j = row; j < row + cols; j++) dot += (dyAbs[j] as number) * (y[j] as number);
    for (let j = row; j < row + cols; j++) out[j] = (y[j] as number) * ((dyAbs[j] as number) + dot);
  }
  return out;
}

/** Each optional optimizer kernel, its state slots, and the float64 math it must match. */
const OPTIMIZER_UPDATES = {
  momentumUpdate: {
    slots: 1,
    initial: 0,
    run: (b: Backend, p: Tensor, g: Tensor, s: Tensor[]) =>
      b.momentumUpdate(p, g, s[0] as Tensor, 0.1, 0.9),
    reference: (w: Float64Array, g: ArrayLike<number>, s: Float64Array[]) =>
      math.momentumUpdate(w, g, s[0] as Float64Array, 0.1, 0.9),
  },
  adagradUpdate: {
    slots: 1,
    initial: 1e-8,
    run: (b: Backend, p: Tensor, g: Tensor, s: Tensor[]) =>
      b.adagradUpdate(p, g, s[0] as Tensor, 0.1),
    reference: (w: Float64Array, g: ArrayLike<number>, s: Float64Array[]) =>
      math.adagradUpdate(w, g, s[0] as Float64Array, 0.1),
  },
  rmspropUpdate: {
    slots: 1,
    initial: 0,
    run: (b: Backend, p: Tensor, g: Tensor, s: Tensor[]) =>
      b.rmspropUpdate(p, g, s[0] as Tensor, 0.01, 0.9),
    reference: (w: Float64Array, g: ArrayLike<number>, s: Float64Array[]) =>
      math.rmspropUpdate(w, g, s[0] as Float64Array, 0.01, 0.9),
  },
  adamUpdate: {
    slots: 2,
    initial: 0,
    run: (b: Backend, p: Tensor, g: Tensor, s: Tensor[], k: number) =>
      b.adamUpdate(
        p,
        g,
        s[0] as Tensor,
        s[1] as Tensor,
        0.01,
        0.9,
        0.999,
        1 - 0.9 ** k,
        1 - 0.999 ** k,
      ),
    reference: (w: Float64Array, g: ArrayLike<number>, s: Float64Array[], k: number) =>
      math.adamUpdate(
        w,
        g,
        s[0] as Float64Array,
        s[1] as Float64Array,
        0.01,
        0.9,
        0.999,
        1 - 0.9 ** k,
        1 - 0.999 ** k,
      ),
  },
} as const;

/** Σ |t · log(y + ε)|: the size of the terms cross-entropy adds up. */
function crossEntropyMagnitude(y: ArrayLike<number>, t: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    sum += Math.abs((t[i] as number) * Math.log((y[i] as number) + CROSS_ENTROPY_EPSILON));
  }
  return sum;
}

export function kernelTests(context: SuiteContext): void {
  describe('kernels against the float64 reference', () => {
    for (const [m, k, n] of MATMUL_SIZES) {
      for (const [ta, tb] of [
        [false, false],
        [true, false],
        [false, true],
        [true, true],
      ] as const) {
        it(`matMul ${m}×${k} · ${k}×${n}${ta ? ', a transposed' : ''}${tb ? ', b transposed' : ''}`, async () => {
          const backend = context.backend();
          const rng = seededRng(m * 100 + k * 10 + n);
          const aShape: Shape = ta ? [k, m] : [m, k];
          const bShape: Shape = tb ? [n, k] : [k, n];
          const a = await upload(backend, aShape, uniform(rng, m * k, -2, 2));
          const b = await upload(backend, bShape, uniform(rng, k * n, -2, 2));
          const out = backend.tensor([m, n]);
          await runKernel(backend, 'matMul', { a: a.tensor, b: b.tensor }, { out }, () =>
            backend.matMul(a.tensor, b.tensor, out, ta, tb),
          );
          const expected = math.matMul(a.values, aShape, b.values, bShape, ta, tb);
          const magnitude = math.matMul(abs(a.values), aShape, abs(b.values), bShape, ta, tb);
          const tolerance = magnitude.map((v) => kernelTolerance(backend.precision, k, v));
          expectClose(await backend.read(out), expected, tolerance, 'matMul');
          for (const t of [a.tensor, b.tensor, out]) backend.dispose(t);
        });
      }
    }

    for (const shape of SHAPES) {
      const [rows, cols] = shape;
      const label = `${rows}×${cols}`;

      it(`biasAdd ${label}`, async () => {
        const backend = context.backend();
        const rng = seededRng(rows * 31 + cols);
        const x = await upload(backend, shape, uniform(rng, rows * cols, -2, 2));
        const bias = await upload(backend, [1, cols], uniform(rng, cols, -2, 2));
        const out = backend.tensor(shape);
        await runKernel(backend, 'biasAdd', { x: x.tensor, bias: bias.tensor }, { out }, () =>
          backend.biasAdd(x.tensor, bias.tensor, out),
        );
        const expected = math.biasAdd(x.values, cols, bias.values);
        const magnitude = math.biasAdd(abs(x.values), cols, abs(bias.values));
        const tolerance = magnitude.map((v) => kernelTolerance(backend.precision, 1, v));
        expectClose(await backend.read(out), expected, tolerance, 'biasAdd');
        await runKernel(backend, 'biasAdd in place', { bias: bias.tensor }, { x: x.tensor }, () =>
          backend.biasAdd(x.tensor, bias.tensor, x.tensor),
        );
        expectClose(await backend.read(x.tensor), expected, tolerance, 'biasAdd in place');
        for (const t of [x.tensor, bias.tensor, out]) backend.dispose(t);
      });

      it(`columnSum ${label}`, async () => {
        const backend = context.backend();
        const x = await upload(backend, shape, uniform(seededRng(rows + cols), rows * cols, -2, 2));
        const out = backend.tensor([1, cols]);
        await runKernel(backend, 'columnSum', { x: x.tensor }, { out }, () =>
          backend.columnSum(x.tensor, out),
        );
        const magnitude = math.columnSum(abs(x.values), cols);
        const tolerance = magnitude.map((v) => kernelTolerance(backend.precision, rows, v));
        expectClose(
          await backend.read(out),
          math.columnSum(x.values, cols),
          tolerance,
          'columnSum',
        );
        backend.dispose(x.tensor);
        backend.dispose(out);
      });

      it(`gatherRows ${label}`, async () => {
        const backend = context.backend();
        const src = await upload(
          backend,
          shape,
          uniform(seededRng(rows * cols), rows * cols, -2, 2),
        );
        const order = Array.from({ length: rows }, (_, i) => rows - 1 - i);
        const indices = backend.tensor([1, rows], order);
        for (const [offset, count] of [
          [0, rows],
          [rows - 1, 1],
          [Math.floor(rows / 2), rows - Math.floor(rows / 2)],
        ] as const) {
          const out = backend.tensor([count, cols]);
          await runKernel(backend, 'gatherRows', { src: src.tensor, indices }, { out }, () =>
            backend.gatherRows(src.tensor, indices, offset, out),
          );
          const expected = math.gatherRows(src.values, cols, order, offset, count);
          expectClose(await backend.read(out), expected, 0, `gatherRows offset ${offset}`);
          backend.dispose(out);
        }
        backend.dispose(src.tensor);
        backend.dispose(indices);
      });
    }

    for (const op of UNARY_OPS) {
      it(`unary ${op} (optional)`, async (test) => {
        const backend = context.backend();
        if (!backend.hasKernel('unary')) test.skip();
        const [low, high] = UNARY_DOMAIN[op] ?? [-2, 2];
        const x = await upload(backend, [3, 5], uniform(seededRng(op.length), 15, low, high));
        const out = backend.tensor([3, 5]);
        await runKernel(backend, `unary ${op}`, { x: x.tensor }, { out }, () =>
          backend.unary(op, x.tensor, out),
        );
        const expected = Array.from(x.values, (v) => math.unary(op, v));
        const tolerance = expected.map((v, i) =>
          kernelTolerance(
            backend.precision,
            1,
            Math.max(Math.abs(v), Math.abs(x.values[i] as number)),
          ),
        );
        expectClose(await backend.read(out), expected, tolerance, op);
        backend.dispose(x.tensor);
        backend.dispose(out);
      });
    }

    for (const op of BINARY_OPS) {
      it(`binary ${op} (optional)`, async (test) => {
        const backend = context.backend();
        if (!backend.hasKernel('binary')) test.skip();
        const rng = seededRng(op.length * 7);
        const a = await upload(backend, [4, 3], uniform(rng, 12, -2, 2));
        const bValues = uniform(rng, 12, 0.5, 2).map((v, i) => (i % 2 ? -v : v));
        const b = await upload(backend, [4, 3], bValues);
        const out = backend.tensor([4, 3]);
        await runKernel(backend, `binary ${op}`, { a: a.tensor, b: b.tensor }, { out }, () =>
          backend.binary(op, a.tensor, b.tensor, out),
        );
        const expected = Array.from(a.values, (u, i) => math.binary(op, u, b.values[i] as number));
        const tolerance = expected.map((v, i) =>
          kernelTolerance(
            backend.precision,
            1,
            Math.max(
              Math.abs(v),
              Math.abs(a.values[i] as number) + Math.abs(b.values[i] as number),
            ),
          ),
        );
        expectClose(await backend.read(out), expected, tolerance, op);
        for (const t of [a.tensor, b.tensor, out]) backend.dispose(t);
      });
    }

    for (const kind of ACTIVATIONS) {
      it(`activationForward ${kind}, also in place`, async () => {
        const backend = context.backend();
        const x = await upload(backend, [5, 3], uniform(seededRng(kind.length), 15, -4, 4));
        const out = backend.tensor([5, 3]);
        await runKernel(backend, `activationForward ${kind}`, { x: x.tensor }, { out }, () =>
          backend.activationForward(kind, x.tensor, out),
        );
        const expected = math.activationRows(kind, x.values, 3);
        // softmax sums a row of exponentials before dividing: cols + 1 rounding steps.
        const terms = kind === 'softmax' ? 4 : 1;
        const tolerance = expected.map((v) =>
          kernelTolerance(backend.precision, terms, Math.max(Math.abs(v), 1)),
        );
        expectClose(await backend.read(out), expected, tolerance, kind);
        await runKernel(backend, `activationForward ${kind} in place`, {}, { x: x.tensor }, () =>
          backend.activationForward(kind, x.tensor, x.tensor),
        );
        expectClose(await backend.read(x.tensor), expected, tolerance, `${kind} in place`);
        backend.dispose(x.tensor);
        backend.dispose(out);
      });

      it(`activationBackward ${kind}`, async () => {
        const backend = context.backend();
        const rng = seededRng(kind.length * 3);
        const yValues = math.activationRows(kind, uniform(rng, 15, -4, 4), 3);
        const y = await upload(backend, [5, 3], yValues);
        const dy = await upload(backend, [5, 3], uniform(rng, 15, -2, 2));
        const out = backend.tensor([5, 3]);
        await runKernel(
          backend,
          `activationBackward ${kind}`,
          { y: y.tensor, dy: dy.tensor },
          { out },
          () => backend.activationBackward(kind, y.tensor, dy.tensor, out),
        );
        const expected = math.activationGradientRows(kind, y.values, dy.values, 3);
        const magnitude = gradientMagnitude(kind, y.values, dy.values, 3);
        const tolerance = magnitude.map((m) => kernelTolerance(backend.precision, 6, m));
        expectClose(await backend.read(out), expected, tolerance, kind);
        for (const t of [y.tensor, dy.tensor, out]) backend.dispose(t);
      });
    }

    for (const kind of LOSSES) {
      for (const shape of [
        [1, 1],
        [6, 1],
        [4, 3],
      ] as Shape[]) {
        it(`lossValue and lossGradient ${kind} ${shape[0]}×${shape[1]}`, async () => {
          const backend = context.backend();
          const [rows, cols] = shape;
          const rng = seededRng(rows * cols + kind.length);
          // Cross-entropy takes probabilities: y in (0, 1), t ≥ 0.
          const [low, high] = kind === 'crossEntropy' ? [0.05, 1] : [-2, 2];
          const y = await upload(backend, shape, uniform(rng, rows * cols, low, high));
          const t = await upload(
            backend,
            shape,
            uniform(rng, rows * cols, kind === 'crossEntropy' ? 0 : -2, 2),
          );
          const out = backend.tensor([1, 1]);
          const expected = math.lossValue(kind, y.values, t.values, cols);
          // Each term of cross-entropy is t·log(y + ε): the log costs a few ulps of its own size.
          const magnitude =
            kind === 'crossEntropy' ? crossEntropyMagnitude(y.values, t.values) : expected;
          const tolerance = kernelTolerance(backend.precision, 2 * rows * cols + 4, magnitude);
          const inputs = { y: y.tensor, t: t.tensor };
          await runKernel(backend, `lossValue ${kind}`, inputs, { out }, () =>
            backend.lossValue(kind, y.tensor, t.tensor, out),
          );
          expectClose(await backend.read(out), [expected], tolerance, 'lossValue');
          await runKernel(backend, 'fill', {}, { out }, () => backend.fill(out, 1.5));
          await runKernel(backend, `lossValue ${kind} accumulated`, inputs, { out }, () =>
            backend.lossValue(kind, y.tensor, t.tensor, out, true),
          );
          expectClose(
            await backend.read(out),
            [expected + 1.5],
            tolerance + kernelTolerance(backend.precision, 1, 1.5),
            'lossValue accumulated',
          );
          const grad = backend.tensor(shape);
          await runKernel(backend, `lossGradient ${kind}`, inputs, { grad }, () =>
            backend.lossGradient(kind, y.tensor, t.tensor, grad),
          );
          const expectedGrad = math.lossGradient(kind, y.values, t.values, cols);
          const gradTolerance = Array.from(y.values, (v, i) =>
            kernelTolerance(
              backend.precision,
              2,
              2 * (Math.abs(v) + Math.abs(t.values[i] as number)),
            ),
          );
          expectClose(await backend.read(grad), expectedGrad, gradTolerance, 'lossGradient');
          for (const tensor of [y.tensor, t.tensor, out, grad]) backend.dispose(tensor);
        });
      }
    }

    it('sgdUpdate: param − eta · grad, in place', async () => {
      const backend = context.backend();
      const rng = seededRng(5);
      const p = await upload(backend, [3, 4], uniform(rng, 12, -1, 1));
      const g = await upload(backend, [3, 4], uniform(rng, 12, -1, 1));
      await runKernel(backend, 'sgdUpdate', { grad: g.tensor }, { param: p.tensor }, () =>
        backend.sgdUpdate(p.tensor, g.tensor, 0.1),
      );
      const expected = Array.from(p.values, (v, i) => v - 0.1 * (g.values[i] as number));
      const tolerance = Array.from(p.values, (v, i) =>
        kernelTolerance(backend.precision, 2, Math.abs(v) + 0.1 * Math.abs(g.values[i] as number)),
      );
      expectClose(await backend.read(p.tensor), expected, tolerance, 'sgdUpdate');
      backend.dispose(p.tensor);
      backend.dispose(g.tensor);
    });

    for (const [name, update] of Object.entries(OPTIMIZER_UPDATES)) {
      it(`${name}: three updates of the parameter and its state (optional)`, async (test) => {
        const backend = context.backend();
        if (!backend.hasKernel(name as keyof typeof OPTIMIZER_UPDATES)) test.skip();
        const rng = seededRng(name.length * 41);
        const p = await upload(backend, [3, 4], uniform(rng, 12, -1, 1));
        const slots = await Promise.all(
          Array.from({ length: update.slots }, () =>
            upload(backend, [3, 4], new Float64Array(12).fill(update.initial)),
          ),
        );
        const w = Float64Array.from(p.values);
        const state = slots.map((slot) => Float64Array.from(slot.values));
        const moved = new Float64Array(12);
        const g = await upload(backend, [3, 4], new Float64Array(12));
        const slotTensors = Object.fromEntries(slots.map((slot, j) => [`state ${j}`, slot.tensor]));
        for (let k = 1; k <= 3; k++) {
          // Gradients away from 0, where dividing by √h would magnify rounding.
          const grad = uniform(rng, 12, 0.1, 1).map((v, i) => (i % 3 === 0 ? -v : v));
          backend.write(g.tensor, grad);
          const gradValues = await backend.read(g.tensor);
          const before = w.slice();
          update.reference(w, gradValues, state, k);
          for (let i = 0; i < 12; i++)
            moved[i] = (moved[i] as number) + Math.abs((w[i] as number) - (before[i] as number));
          await runKernel(
            backend,
            name,
            { grad: g.tensor },
            { param: p.tensor, ...slotTensors },
            () =>
              update.run(
                backend,
                p.tensor,
                g.tensor,
                slots.map((slot) => slot.tensor),
                k,
              ),
          );
        }
        const tolerance = Array.from(w, (v, i) =>
          kernelTolerance(backend.precision, 30, Math.abs(v) + (moved[i] as number) + 1),
        );
        expectClose(await backend.read(p.tensor), w, tolerance, `${name} parameter`);
        for (const [j, slot] of slots.entries()) {
          const expected = state[j] as Float64Array;
          const slotTolerance = Array.from(expected, (v) =>
            kernelTolerance(backend.precision, 30, Math.abs(v) + 1),
          );
          expectClose(
            await backend.read(slot.tensor),
            expected,
            slotTolerance,
            `${name} state ${j}`,
          );
        }
        for (const t of [p.tensor, g.tensor, ...slots.map((slot) => slot.tensor)])
          backend.dispose(t);
      });
    }

    it('fill sets every element', async () => {
      const backend = context.backend();
      const t = backend.tensor([3, 2], [1, 2, 3, 4, 5, 6]);
      await runKernel(backend, 'fill', {}, { out: t }, () => backend.fill(t, -0.5));
      expect(Array.from(await backend.read(t))).toEqual([-0.5, -0.5, -0.5, -0.5, -0.5, -0.5]);
      backend.dispose(t);
    });

    for (const activation of ACTIVATIONS) {
      it(`denseForward ${activation} (the fused kernel)`, async (test) => {
        const backend = context.backend();
        if (!backend.hasKernel('denseForward')) test.skip();
        const rng = seededRng(activation.length * 11);
        const x = await upload(backend, [4, 3], uniform(rng, 12, -2, 2));
        const w = await upload(backend, [3, 5], uniform(rng, 15, -2, 2));
        const b = await upload(backend, [1, 5], uniform(rng, 5, -2, 2));
        const out = backend.tensor([4, 5]);
        await runKernel(
          backend,
          `denseForward ${activation}`,
          { x: x.tensor, w: w.tensor, b: b.tensor },
          { out },
          () => backend.denseForward(x.tensor, w.tensor, b.tensor, activation, out),
        );
        const u = math.biasAdd(
          math.matMul(x.values, [4, 3], w.values, [3, 5], false, false),
          5,
          b.values,
        );
        const magnitude = math.biasAdd(
          math.matMul(abs(x.values), [4, 3], abs(w.values), [3, 5], false, false),
          5,
          abs(b.values),
        );
        const expected = math.activationRows(activation, u, 5);
        // The activation's slope is at most 1 (softmax's row sum too), so an
        // error in u passes through no larger; softmax adds a row sum of 5 terms.
        const tolerance = magnitude.map((v) =>
          kernelTolerance(backend.precision, 11, Math.max(v, 1)),
        );
        expectClose(await backend.read(out), expected, tolerance, 'denseForward');
        for (const t of [x.tensor, w.tensor, b.tensor, out]) backend.dispose(t);
      });
    }

    for (const activation of ACTIVATIONS) {
      for (const withInputGradient of [true, false]) {
        it(`denseBackward ${activation}${withInputGradient ? '' : ' without dx'} (the fused kernel)`, async (test) => {
          const backend = context.backend();
          if (!backend.hasKernel('denseBackward')) test.skip();
          const rng = seededRng(activation.length * 13 + Number(withInputGradient));
          const x = await upload(backend, [4, 3], uniform(rng, 12, -2, 2));
          const w = await upload(backend, [3, 5], uniform(rng, 15, -2, 2));
          const yValues = math.activationRows(activation, uniform(rng, 20, -2, 2), 5);
          const y = await upload(backend, [4, 5], yValues);
          const dy = await upload(backend, [4, 5], uniform(rng, 20, -2, 2));
          const delta = backend.tensor([4, 5]);
          const gradW = backend.tensor([3, 5]);
          const gradB = backend.tensor([1, 5]);
          const dx = backend.tensor([4, 3], [7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7]);
          await runKernel(
            backend,
            `denseBackward ${activation}`,
            { x: x.tensor, w: w.tensor, y: y.tensor, dy: dy.tensor },
            { delta, gradW, gradB, dx },
            () =>
              backend.denseBackward(
                x.tensor,
                w.tensor,
                y.tensor,
                dy.tensor,
                activation,
                delta,
                gradW,
                gradB,
                withInputGradient ? dx : undefined,
              ),
          );
          const d = math.activationGradientRows(activation, y.values, dy.values, 5);
          const dAbs = gradientMagnitude(activation, y.values, dy.values, 5);
          const bound = (terms: number) => (v: number) =>
            kernelTolerance(backend.precision, terms + 3, Math.max(v, 1));
          const expectedW = math.matMul(x.values, [4, 3], d, [4, 5], true, false);
          const magnitudeW = math.matMul(abs(x.values), [4, 3], dAbs, [4, 5], true, false);
          expectClose(await backend.read(gradW), expectedW, magnitudeW.map(bound(4)), 'gradW');
          expectClose(
            await backend.read(gradB),
            math.columnSum(d, 5),
            math.columnSum(dAbs, 5).map(bound(4)),
            'gradB',
          );
          if (withInputGradient) {
            const expectedX = math.matMul(d, [4, 5], w.values, [3, 5], false, true);
            const magnitudeX = math.matMul(dAbs, [4, 5], abs(w.values), [3, 5], false, true);
            expectClose(await backend.read(dx), expectedX, magnitudeX.map(bound(5)), 'dx');
          } else {
            expect(Array.from(await backend.read(dx)), 'dx untouched').toEqual(
              new Array(12).fill(7),
            );
          }
          for (const t of [x.tensor, w.tensor, y.tensor, dy.tensor, delta, gradW, gradB, dx])
            backend.dispose(t);
        });
      }
    }
  });
}

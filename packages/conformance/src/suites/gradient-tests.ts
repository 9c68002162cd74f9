import {
  ACTIVATIONS,
  type Activation,
  type Backend,
  CROSS_ENTROPY_EPSILON,
  createNetwork,
  Dense,
  Dropout,
  LOSSES,
  type Parameter,
  type Precision,
  Sequential,
  type Tensor,
} from '@nn/core';
import { describe, it } from 'vitest';
import * as math from '../reference-math.js';
import { finiteDifferenceStep, finiteDifferenceTolerance, kernelTolerance } from '../tolerance.js';
import { expectClose, type SuiteContext, seededRng, uniform, upload } from './context.js';

function rounder(precision: Precision): (v: number) => number {
  return precision === 'float32' ? Math.fround : (v) => v;
}

/**
 * Central differences of L = objective() with respect to every entry of
 * `target`, perturbing it on the device; the step actually taken is measured
 * after rounding to the backend's precision.
 */
async function numericGradient(
  backend: Backend,
  target: Tensor,
  objective: () => Promise<number>,
): Promise<Float64Array> {
  const round = rounder(backend.precision);
  const base = Float64Array.from(await backend.read(target));
  const gradient = new Float64Array(base.length);
  const values = base.slice();
  for (let i = 0; i < base.length; i++) {
    const v = base[i] as number;
    const h = finiteDifferenceStep(backend.precision) * Math.max(1, Math.abs(v));
    const plus = round(v + h);
    const minus = round(v - h);
    values[i] = plus;
    backend.write(target, values);
    const up = await objective();
    values[i] = minus;
    backend.write(target, values);
    const down = await objective();
    values[i] = v;
    gradient[i] = (up - down) / (plus - minus);
  }
  backend.write(target, base);
  return gradient;
}

/** Σ r·y: an objective whose gradient with respect to y is r. */
function weightedSum(y: ArrayLike<number>, r: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += (y[i] as number) * (r[i] as number);
  return sum;
}

/** Weights for which no pre-activation lies near relu's kink, where differences are meaningless. */
function denseValues(seed: number, activation: Activation, x: Float64Array) {
  const rng = seededRng(seed);
  for (;;) {
    const weights = uniform(rng, 12, -1, 1);
    const bias = uniform(rng, 4, -1, 1);
    const u = math.biasAdd(math.matMul(x, [5, 3], weights, [3, 4], false, false), 4, bias);
    if (activation !== 'relu' || u.every((v) => Math.abs(v) > 0.1)) return { weights, bias };
  }
}

export function gradientTests(context: SuiteContext): void {
  describe('gradients against finite differences', () => {
    for (const kind of ACTIVATIONS) {
      it(`activation ${kind}`, async () => {
        const backend = context.backend();
        const rng = seededRng(kind.length * 13);
        const xValues = uniform(rng, 12, -3, 3).map((v) =>
          kind === 'relu' && Math.abs(v) < 0.1 ? v + 0.5 : v,
        );
        const x = await upload(backend, [4, 3], xValues);
        const r = await upload(backend, [4, 3], uniform(rng, 12, -1, 1));
        const y = backend.tensor([4, 3]);
        const dx = backend.tensor([4, 3]);
        const objective = async () => {
          backend.activationForward(kind, x.tensor, y);
          return weightedSum(await backend.read(y), r.values);
        };
        const loss = await objective();
        backend.activationBackward(kind, y, r.tensor, dx);
        const numeric = await numericGradient(backend, x.tensor, objective);
        const tolerance = finiteDifferenceTolerance(backend.precision, Math.abs(loss) + 12);
        expectClose(await backend.read(dx), numeric, tolerance, `d/dx ${kind}`);
        for (const t of [x.tensor, r.tensor, y, dx]) backend.dispose(t);
      });
    }

    for (const activation of ACTIVATIONS) {
      it(`Dense layer with ${activation}: weights, bias and input`, async () => {
        const backend = context.backend();
        const rng = seededRng(activation.length * 17);
        const xValues = uniform(rng, 15, -1, 1);
        const layer = new Dense(backend, {
          inputs: 3,
          units: 4,
          activation,
          ...denseValues(3, activation, xValues),
        });
        const x = await upload(backend, [5, 3], xValues);
        const r = await upload(backend, [5, 4], uniform(rng, 20, -1, 1));
        const objective = async () =>
          weightedSum(await backend.read(layer.forward(x.tensor)), r.values);
        const loss = await objective();
        const dx = layer.backward(r.tensor) as Tensor;
        const [weights, bias] = layer.parameters() as [Parameter, Parameter];
        const analytic = {
          weights: await backend.read(weights.grad),
          bias: await backend.read(bias.grad),
          input: await backend.read(dx),
        };
        const tolerance = finiteDifferenceTolerance(backend.precision, Math.abs(loss) + 20);
        expectClose(
          analytic.weights,
          await numericGradient(backend, weights.value, objective),
          tolerance,
          'dL/dW',
        );
        expectClose(
          analytic.bias,
          await numericGradient(backend, bias.value, objective),
          tolerance,
          'dL/db',
        );
        expectClose(
          analytic.input,
          await numericGradient(backend, x.tensor, objective),
          tolerance,
          'dL/dx',
        );
        layer.dispose();
        backend.dispose(x.tensor);
        backend.dispose(r.tensor);
      });
    }

    for (const kind of LOSSES.filter((k) => k !== 'crossEntropy')) {
      it(`loss ${kind}`, async () => {
        const backend = context.backend();
        const rng = seededRng(kind.length * 19);
        const y = await upload(backend, [4, 2], uniform(rng, 8, -2, 2));
        const t = await upload(backend, [4, 2], uniform(rng, 8, -2, 2));
        const value = backend.tensor([1, 1]);
        const grad = backend.tensor([4, 2]);
        const objective = async () => {
          backend.lossValue(kind, y.tensor, t.tensor, value);
          return (await backend.read(value))[0] as number;
        };
        const loss = await objective();
        backend.lossGradient(kind, y.tensor, t.tensor, grad);
        const numeric = await numericGradient(backend, y.tensor, objective);
        expectClose(
          await backend.read(grad),
          numeric,
          finiteDifferenceTolerance(backend.precision, loss),
          kind,
        );
        for (const tensor of [y.tensor, t.tensor, value, grad]) backend.dispose(tensor);
      });
    }

    it("loss crossEntropy: its gradient y − t is the derivative at the softmax's input", async () => {
      const backend = context.backend();
      const rng = seededRng(97);
      const [rows, cols] = [4, 3];
      const u = await upload(backend, [rows, cols], uniform(rng, rows * cols, -2, 2));
      // Targets are probabilities (each row sums to 1), as y − t needs.
      const raw = uniform(rng, rows * cols, 0.1, 1);
      const tValues = raw.map((v, i) => {
        const row = Math.floor(i / cols) * cols;
        return v / raw.subarray(row, row + cols).reduce((a, b) => a + b, 0);
      });
      const t = await upload(backend, [rows, cols], tValues);
      const y = backend.tensor([rows, cols]);
      const value = backend.tensor([1, 1]);
      const grad = backend.tensor([rows, cols]);
      const objective = async () => {
        backend.activationForward('softmax', u.tensor, y);
        backend.lossValue('crossEntropy', y, t.tensor, value);
        return (await backend.read(value))[0] as number;
      };
      const loss = await objective();
      backend.lossGradient('crossEntropy', y, t.tensor, grad);
      const yValues = await backend.read(y);
      const numeric = await numericGradient(backend, u.tensor, objective);
      // The book's ε inside the log shifts the true derivative from y − t by
      // at most 2ε · Σ t / y over the row.
      const tolerance = Array.from(yValues, (_, i) => {
        const row = Math.floor(i / cols) * cols;
        let bias = 0;
        for (let k = row; k < row + cols; k++)
          bias += (t.values[k] as number) / (yValues[k] as number);
        return (
          finiteDifferenceTolerance(backend.precision, loss) + 2 * CROSS_ENTROPY_EPSILON * bias
        );
      });
      expectClose(await backend.read(grad), numeric, tolerance, 'crossEntropy at u');
      for (const tensor of [u.tensor, t.tensor, y, value, grad]) backend.dispose(tensor);
    });

    it('Dropout: training multiplies by the mask, evaluation scales by 1 − ratio, backward masks dy', async (test) => {
      const backend = context.backend();
      if (!backend.hasKernel('binary')) test.skip();
      const rng = seededRng(61);
      const layer = new Dropout(backend, { units: 3, ratio: 0.25 });
      const x = await upload(backend, [4, 3], uniform(rng, 12, -2, 2));
      const mask = Array.from({ length: 12 }, (_, i) => (i % 3 === 1 ? 0 : 1));
      backend.write(layer.maskFor(4), mask);
      const r = await upload(backend, [4, 3], uniform(rng, 12, -1, 1));
      const objective = async () =>
        weightedSum(await backend.read(layer.forward(x.tensor, true)), r.values);
      const loss = await objective();
      expectClose(
        await backend.read(layer.forward(x.tensor, true)),
        Array.from(x.values, (v, i) => v * (mask[i] as number)),
        0,
        'training forward',
      );
      const dx = layer.backward(r.tensor) as Tensor;
      expectClose(
        await backend.read(dx),
        await numericGradient(backend, x.tensor, objective),
        finiteDifferenceTolerance(backend.precision, Math.abs(loss) + 12),
        'dL/dx',
      );
      const scaled = Array.from(x.values, (v) => 0.75 * v);
      expectClose(
        await backend.read(layer.forward(x.tensor, false)),
        scaled,
        scaled.map((v) => kernelTolerance(backend.precision, 1, Math.abs(v))),
        'evaluation forward',
      );
      layer.dispose();
      backend.dispose(x.tensor);
      backend.dispose(r.tensor);
    });

    it('a 2-4-3 network, ReLU, dropout and softmax under cross-entropy: every parameter', async (test) => {
      const backend = context.backend();
      if (!backend.hasKernel('binary')) test.skip();
      const rng = seededRng(71);
      const network = createNetwork(backend, {
        inputs: 2,
        outputs: 3,
        hidden: [4],
        activation: 'tanh',
        outputActivation: 'softmax',
        dropout: 0.5,
        rng,
        wbWidth: 1,
      });
      const dropout = network.layers[1] as Dropout;
      backend.write(
        dropout.maskFor(5),
        Array.from({ length: 20 }, (_, i) => (i % 3 === 0 ? 0 : 1)),
      );
      const x = await upload(backend, [5, 2], uniform(rng, 10, -1, 1));
      // One-hot targets: row r is of class r mod 3.
      const oneHot = Array.from({ length: 15 }, (_, i) =>
        i % 3 === Math.floor(i / 3) % 3 ? 1 : 0,
      );
      const t = await upload(backend, [5, 3], oneHot);
      const value = backend.tensor([1, 1]);
      const delta = backend.tensor([5, 3]);
      const objective = async () => {
        backend.lossValue('crossEntropy', network.forward(x.tensor, true), t.tensor, value);
        return (await backend.read(value))[0] as number;
      };
      const loss = await objective();
      backend.lossGradient('crossEntropy', network.forward(x.tensor, true), t.tensor, delta);
      network.backward(delta, true);
      const y = await backend.read(network.forward(x.tensor, true));
      // As in the loss test: ε shifts the derivative by at most 2ε · Σ t / y per row.
      let bias = 0;
      for (let i = 0; i < y.length; i += 3) bias += (2 * CROSS_ENTROPY_EPSILON) / (y[i] as number);
      const tolerance = finiteDifferenceTolerance(backend.precision, loss + 5) + 4 * bias;
      for (const [i, p] of network.parameters().entries()) {
        expectClose(
          await backend.read(p.grad),
          await numericGradient(backend, p.value, objective),
          tolerance,
          `parameter ${i} (${p.name})`,
        );
      }
      network.dispose();
      for (const tensor of [x.tensor, t.tensor, value, delta]) backend.dispose(tensor);
    });

    it('a 1-3-1 network under sum of squares: every parameter', async () => {
      const backend = context.backend();
      const rng = seededRng(23);
      const network = new Sequential(backend, [
        new Dense(backend, { inputs: 1, units: 3, activation: 'sigmoid', rng, wbWidth: 1 }),
        new Dense(backend, { inputs: 3, units: 1, activation: 'identity', rng, wbWidth: 1 }),
      ]);
      const x = await upload(backend, [4, 1], uniform(rng, 4, -1, 1));
      const t = await upload(backend, [4, 1], uniform(rng, 4, -1, 1));
      const value = backend.tensor([1, 1]);
      const dy = backend.tensor([4, 1]);
      const objective = async () => {
        backend.lossValue('sumOfSquares', network.forward(x.tensor), t.tensor, value);
        return (await backend.read(value))[0] as number;
      };
      const loss = await objective();
      backend.lossGradient('sumOfSquares', network.forward(x.tensor), t.tensor, dy);
      network.backward(dy);
      const tolerance = finiteDifferenceTolerance(backend.precision, loss + 4);
      for (const [i, p] of network.parameters().entries()) {
        const analytic = await backend.read(p.grad);
        expectClose(
          analytic,
          await numericGradient(backend, p.value, objective),
          tolerance,
          `parameter ${i} (${p.name})`,
        );
      }
      network.dispose();
      for (const tensor of [x.tensor, t.tensor, value, dy]) backend.dispose(tensor);
    });
  });
}

import {
  ACTIVATIONS,
  type Activation,
  type Backend,
  Dense,
  LOSSES,
  type Parameter,
  type Precision,
  Sequential,
  type Tensor,
} from '@nn/core';
import { describe, it } from 'vitest';
import * as math from '../reference-math.js';
import { finiteDifferenceStep, finiteDifferenceTolerance } from '../tolerance.js';
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

    for (const kind of LOSSES) {
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

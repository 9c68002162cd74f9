import { type Activation, CROSS_ENTROPY_EPSILON, type TrainingPlan } from '@nn/core';
import { productNN, productNT } from '../kernels/mat-mul-loops.js';
import type { CpuStorage } from '../kernels/storage.js';
import type { Allocate, CpuPlanRunner } from './cpu-plan-runner.js';
import { optimizerStep } from './optimizer-step.js';
import { lossGivesDelta, planInputs, planOutputs } from './plan-shape.js';

/** A layer with its scratch for one sample: input x, output y, and dy = dL/dy (delta in place). */
interface SampleLayer {
  readonly inputs: number;
  readonly units: number;
  readonly x: CpuStorage;
  readonly y: CpuStorage;
  readonly dy: CpuStorage;
}

interface SampleDense extends SampleLayer {
  readonly kind: 'dense';
  readonly activation: Activation;
  /** The activation whose backward the delta takes: identity where the loss gives the delta. */
  readonly backward: Activation;
  readonly w: CpuStorage;
  readonly b: CpuStorage;
  readonly gw: CpuStorage;
  readonly gb: CpuStorage;
}

interface SampleDropout extends SampleLayer {
  readonly kind: 'dropout';
  readonly mask: CpuStorage;
}

/**
 * Batch size 1 without generated code: one sample at a time, each layer's
 * forward, backward and update fused into loops over its vectors, so a step
 * is a few calls per layer rather than a dozen kernels. Every sum keeps the
 * kernels' order of operations, so float64 results are the kernel path's
 * bit for bit. Scratch is allocated here, once.
 */
export function sampleLoopRunner(
  plan: TrainingPlan<CpuStorage>,
  allocate: Allocate,
): CpuPlanRunner {
  const X = plan.data.x.storage;
  const T = plan.data.t.storage;
  const order = plan.order.storage;
  const lossTotal = plan.lossTotal.storage;
  const inputs = planInputs(plan);
  const outputs = planOutputs(plan);
  const givesDelta = lossGivesDelta(plan);
  const layers: (SampleDense | SampleDropout)[] = [];
  let x = allocate(inputs);
  for (const [i, layer] of plan.layers.entries()) {
    const y = allocate(layer.units);
    const dy = allocate(layer.units);
    if (layer.kind === 'dense') {
      const last = i === plan.layers.length - 1;
      layers.push({
        kind: 'dense',
        inputs: layer.inputs,
        units: layer.units,
        activation: layer.activation,
        backward: last && givesDelta ? 'identity' : layer.activation,
        w: layer.weights.value.storage,
        b: layer.bias.value.storage,
        gw: layer.weights.grad.storage,
        gb: layer.bias.grad.storage,
        x,
        y,
        dy,
      });
    } else {
      const { units } = layer;
      layers.push({ kind: 'dropout', inputs: units, units, mask: layer.mask.storage, x, y, dy });
    }
    x = y;
  }
  const input = (layers[0] as SampleLayer).x;
  const top = layers[layers.length - 1] as SampleLayer;
  const { optimizer, parameters } = plan;
  // SGD's update is fused with the gradient; the others update from the plan's grads, written first.
  const sgd = optimizer.kind === 'sgd' ? optimizer.eta : undefined;
  const loss = plan.loss;
  // lossGradient's scale: 1 · (y − t) is y − t itself, the book's delta.
  const scale = loss === 'meanSquaredError' ? 2 / outputs : 1;

  const y = top.y;
  const dy = top.dy;
  const lossStep =
    loss === 'crossEntropy'
      ? (o: number): number => {
          // −Σ t · log(y + 1e-7); its gradient y − t.
          let sum = 0;
          for (let j = 0; j < outputs; j++) {
            const yj = y[j] as number;
            const tj = T[o * outputs + j] as number;
            sum += tj * Math.log(yj + CROSS_ENTROPY_EPSILON);
            dy[j] = yj - tj;
          }
          return -sum;
        }
      : (o: number): number => {
          // ½Σ(y − t)² or Σ(y − t)²/outputs; its gradient scale · (y − t).
          let squares = 0;
          for (let j = 0; j < outputs; j++) {
            const e = (y[j] as number) - (T[o * outputs + j] as number);
            squares += e * e;
            dy[j] = scale * e;
          }
          return loss === 'sumOfSquares' ? 0.5 * squares : squares / outputs;
        };

  const step = (index: number): void => {
    const o = (order[index] as number) | 0;
    for (let p = 0; p < inputs; p++) input[p] = X[o * inputs + p] as number;
    for (let l = 0; l < layers.length; l++) {
      const layer = layers[l] as SampleDense | SampleDropout;
      if (layer.kind === 'dense') forward(layer);
      else multiply(layer.x, layer.mask, index * layer.units, layer.y, layer.units);
    }
    // lossValue then lossGradient: the sample's loss and dL/dy (cross-entropy: the softmax's delta).
    lossTotal[0] = (lossTotal[0] as number) + lossStep(o);
    for (let l = layers.length - 1; l >= 0; l--) {
      const layer = layers[l] as SampleDense | SampleDropout;
      const below = l > 0 ? (layers[l - 1] as SampleLayer).dy : undefined;
      if (layer.kind === 'dropout') {
        if (below !== undefined) {
          multiply(layer.dy, layer.mask, index * layer.units, below, layer.units);
        }
        continue;
      }
      delta(layer);
      // grad_x = delta · Wᵀ, into the layer below's dy, from the weights before this step's update.
      if (below !== undefined) productNT(layer.dy, layer.w, below, 1, layer.inputs, layer.units);
    }
    if (sgd !== undefined) {
      for (const layer of layers) if (layer.kind === 'dense') sgdFused(layer, sgd);
      return;
    }
    for (const layer of layers) if (layer.kind === 'dense') gradients(layer);
    optimizerStep(optimizer, parameters);
  };

  return {
    code: 'sample-loops',
    runBatches(first, count) {
      for (let index = first; index < first + count; index++) step(index);
    },
    // Its scratch is plain typed arrays, which the garbage collector frees.
    dispose() {},
  };
}

/** out = a · mask row, the row starting at `start` (binary('multiply')). */
function multiply(
  a: CpuStorage,
  mask: CpuStorage,
  start: number,
  out: CpuStorage,
  units: number,
): void {
  for (let j = 0; j < units; j++) out[j] = (a[j] as number) * (mask[start + j] as number);
}

/** y = f(x · W + b): the sum from 0 over the inputs, then the bias, as denseForward. */
function forward(layer: SampleDense): void {
  const { y, b, units } = layer;
  productNN(layer.x, layer.w, y, 1, units, layer.inputs);
  switch (layer.activation) {
    case 'sigmoid':
      for (let j = 0; j < units; j++) {
        const u = (y[j] as number) + (b[j] as number);
        y[j] = 1 / (1 + Math.exp(-u));
      }
      return;
    case 'identity':
      for (let j = 0; j < units; j++) y[j] = (y[j] as number) + (b[j] as number);
      return;
    case 'tanh':
      for (let j = 0; j < units; j++) y[j] = Math.tanh((y[j] as number) + (b[j] as number));
      return;
    case 'relu':
      for (let j = 0; j < units; j++) y[j] = Math.max(0, (y[j] as number) + (b[j] as number));
      return;
    case 'softmax': {
      // u is stored (rounded to the precision) before exp, as denseForward's bias add does.
      let sum = 0;
      for (let j = 0; j < units; j++) {
        y[j] = (y[j] as number) + (b[j] as number);
        y[j] = Math.exp(y[j] as number);
        sum += y[j] as number;
      }
      for (let j = 0; j < units; j++) y[j] = (y[j] as number) / sum;
      return;
    }
  }
}

/** delta = dy · f'(u) from the output y, in place on dy, as activationBackward. */
function delta(layer: SampleDense): void {
  const { y, dy, units } = layer;
  switch (layer.backward) {
    case 'sigmoid':
      for (let j = 0; j < units; j++) {
        const v = y[j] as number;
        dy[j] = (dy[j] as number) * (1 - v) * v;
      }
      return;
    case 'identity':
      return;
    case 'tanh':
      for (let j = 0; j < units; j++) {
        const v = y[j] as number;
        dy[j] = (dy[j] as number) * (1 - v * v);
      }
      return;
    case 'relu':
      for (let j = 0; j < units; j++) if (!((y[j] as number) > 0)) dy[j] = 0;
      return;
    case 'softmax': {
      let dot = 0;
      for (let j = 0; j < units; j++) dot += (dy[j] as number) * (y[j] as number);
      for (let j = 0; j < units; j++) dy[j] = (y[j] as number) * ((dy[j] as number) - dot);
      return;
    }
  }
}

/** grad_w = xᵀ·delta (0 + x·delta: matMul's sum over one row) and grad_b = delta, into the plan's grads. */
function gradients(layer: SampleDense): void {
  const { x, dy, gw, gb, units } = layer;
  for (let i = 0; i < layer.inputs; i++) {
    const xi = x[i] as number;
    const row = i * units;
    for (let j = 0; j < units; j++) gw[row + j] = 0 + xi * (dy[j] as number);
  }
  for (let j = 0; j < units; j++) gb[j] = dy[j] as number;
}

/** SGD fused with its gradient: w −= eta · xᵀ·delta and b −= eta · delta. */
function sgdFused(layer: SampleDense, eta: number): void {
  const { x, w, b, dy, units } = layer;
  for (let i = 0; i < layer.inputs; i++) {
    const xi = x[i] as number;
    const row = i * units;
    for (let j = 0; j < units; j++) {
      w[row + j] = (w[row + j] as number) - eta * (0 + xi * (dy[j] as number));
    }
  }
  for (let j = 0; j < units; j++) b[j] = (b[j] as number) - eta * (dy[j] as number);
}

import type { Activation, DensePlan, TrainingPlan } from '@nn/core';
import { productNN, productNT } from '../kernels/mat-mul-loops.js';
import type { CpuStorage } from '../kernels/storage.js';
import type { Allocate, CpuPlanRunner } from './cpu-plan-runner.js';

/** A dense layer with its scratch for one sample: input x, output y, and dy = dL/dy (delta in place). */
interface SampleLayer {
  readonly inputs: number;
  readonly units: number;
  readonly activation: Activation;
  readonly w: CpuStorage;
  readonly b: CpuStorage;
  readonly x: CpuStorage;
  readonly y: CpuStorage;
  readonly dy: CpuStorage;
}

/**
 * Plain SGD (batch size 1) without generated code: one sample at a time,
 * each layer's forward, backward and update fused into loops over its
 * vectors, so a step is a few calls per layer rather than a dozen kernels.
 * Every sum keeps the kernels' order of operations, so float64 results are
 * the kernel path's bit for bit. Scratch is allocated here, once.
 */
export function sampleLoopRunner(
  plan: TrainingPlan<CpuStorage>,
  allocate: Allocate,
): CpuPlanRunner {
  const X = plan.data.x.storage;
  const T = plan.data.t.storage;
  const order = plan.order.storage;
  const lossTotal = plan.lossTotal.storage;
  const eta = plan.optimizer.eta;
  const plans = plan.layers as readonly DensePlan<CpuStorage>[];
  const inputs = (plans[0] as DensePlan<CpuStorage>).inputs;
  const layers: SampleLayer[] = [];
  let x = allocate(inputs);
  for (const layer of plans) {
    const y = allocate(layer.units);
    layers.push({
      inputs: layer.inputs,
      units: layer.units,
      activation: layer.activation,
      w: layer.weights.value.storage,
      b: layer.bias.value.storage,
      x,
      y,
      dy: allocate(layer.units),
    });
    x = y;
  }
  const input = (layers[0] as SampleLayer).x;
  const top = layers[layers.length - 1] as SampleLayer;
  const outputs = top.units;
  const meanSquared = plan.loss === 'meanSquaredError';
  // lossGradient's scale: 1 · (y − t) is y − t itself, the book's delta.
  const scale = meanSquared ? 2 / outputs : 1;

  const step = (index: number): void => {
    const o = (order[index] as number) | 0;
    for (let p = 0; p < inputs; p++) input[p] = X[o * inputs + p] as number;
    for (let l = 0; l < layers.length; l++) forward(layers[l] as SampleLayer);
    // lossValue then lossGradient: ½Σ(y − t)² or Σ(y − t)²/outputs, and dL/dy.
    const y = top.y;
    const dy = top.dy;
    let squares = 0;
    for (let j = 0; j < outputs; j++) {
      const e = (y[j] as number) - (T[o * outputs + j] as number);
      squares += e * e;
      dy[j] = scale * e;
    }
    lossTotal[0] = (lossTotal[0] as number) + (meanSquared ? squares / outputs : 0.5 * squares);
    for (let l = layers.length - 1; l >= 0; l--) {
      const layer = layers[l] as SampleLayer;
      delta(layer);
      // grad_x = delta · Wᵀ, into the layer below's dy, from the weights before this step's update.
      if (l > 0)
        productNT(
          layer.dy,
          layer.w,
          (layers[l - 1] as SampleLayer).dy,
          1,
          layer.inputs,
          layer.units,
        );
    }
    for (let l = 0; l < layers.length; l++) update(layers[l] as SampleLayer, eta);
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

/** y = f(x · W + b): the sum from 0 over the inputs, then the bias, as denseForward. */
function forward(layer: SampleLayer): void {
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
  }
}

/** delta = dy · f'(u) from the output y, in place on dy, as activationBackward. */
function delta(layer: SampleLayer): void {
  const { y, dy, units } = layer;
  switch (layer.activation) {
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
  }
}

/** w −= eta · xᵀ·delta and b −= eta · delta; one sample's grad_w is 0 + x·delta, matMul's sum over one row. */
function update(layer: SampleLayer, eta: number): void {
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

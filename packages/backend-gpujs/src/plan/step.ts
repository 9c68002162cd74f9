import type { DensePlan, TrainingPlan } from '@nn/core';
import type { IKernelRunShortcut } from 'gpu.js';
import type { GpujsDevice, KernelSource } from '../device.js';
import { ACTIVATION_CODES } from '../kernels/activate.js';
import { LOSS_SCALES } from '../kernels/loss-scales.js';
import type { GpujsStorage } from '../storage.js';
import { deltaFromOutput, deltaFromStored } from './delta-kernels.js';
import type { DeltaSource } from './delta-sources.js';
import { forwardKernel, lossKernel } from './forward-kernels.js';
import {
  updateFromInlineDelta,
  updateFromOutput,
  updateFromStoredDelta,
} from './update-kernels.js';

/** One kernel call of a step; the batch's offset in the epoch's order is its only variable. */
export type Launch = (offset: number) => void;

/** What every part of one step at `rows` rows shares. */
interface Step {
  device: GpujsDevice;
  plan: TrainingPlan<GpujsStorage>;
  sources: readonly DeltaSource[];
  rows: number;
  /** Each layer's output (its h; the last one is y). */
  outs: readonly GpujsStorage[];
  /** Each layer's stored delta, where its source is 'stored'. */
  deltas: readonly (GpujsStorage | undefined)[];
  /** LOSS_SCALES' gradient scale for the output's units. */
  lossScale: number;
  launches: Launch[];
}

/**
 * The kernel calls of one step at `rows` rows, in order: each layer's
 * forward, the loss, the stored deltas top down, then each layer's weights
 * and bias updates bottom up, so that every delta is taken from the weights
 * above before they change. For the book's 1-3-1 network: 2 + 1 + 0 + 4 = 7
 * calls, where the kernel path makes 15.
 */
export function buildStep(
  device: GpujsDevice,
  plan: TrainingPlan<GpujsStorage>,
  sources: readonly DeltaSource[],
  rows: number,
  allocate: (size: number) => GpujsStorage,
): Launch[] {
  const output = plan.layers[plan.layers.length - 1] as DensePlan<GpujsStorage>;
  const step: Step = {
    device,
    plan,
    sources,
    rows,
    outs: plan.layers.map((layer) => allocate(rows * layer.units)),
    deltas: plan.layers.map((layer, l) =>
      sources[l] === 'stored' ? allocate(rows * layer.units) : undefined,
    ),
    lossScale: LOSS_SCALES[plan.loss].gradient(output.units),
    launches: [],
  };
  for (const l of plan.layers.keys()) pushForward(step, l);
  pushLoss(step);
  for (let l = plan.layers.length - 2; l >= 0; l--) pushStoredDelta(step, l);
  for (const l of plan.layers.keys()) {
    pushUpdate(step, l, 'weights');
    pushUpdate(step, l, 'bias');
  }
  return step.launches;
}

function pushForward(step: Step, l: number): void {
  const { device, plan } = step;
  const layer = plan.layers[l] as DensePlan<GpujsStorage>;
  const x = layerInput(step, l);
  const out = step.outs[l] as GpujsStorage;
  const w = layer.weights.value.storage;
  const b = layer.bias.value.storage;
  const forward = planKernel(device, 'forward', forwardKernel, out.size, {
    inputs: layer.inputs,
    units: layer.units,
    kind: ACTIVATION_CODES[layer.activation],
    gather: l === 0 ? 1 : 0,
  });
  const order = plan.order.storage;
  step.launches.push((offset) => device.run(out, forward, x, order, offset, w, b));
}

/** The batch's loss added to the epoch's total, which stays on the device. */
function pushLoss(step: Step): void {
  const { device, plan } = step;
  const cols = (plan.layers[plan.layers.length - 1] as DensePlan<GpujsStorage>).units;
  const loss = planKernel(device, 'loss', lossKernel, 1, {
    rows: step.rows,
    cols,
    scale: LOSS_SCALES[plan.loss].value(cols),
  });
  const [y, t, order] = [output(step), plan.data.t.storage, plan.order.storage];
  const lossTotal = plan.lossTotal.storage;
  step.launches.push((offset) => device.run(lossTotal, loss, y, t, order, offset, lossTotal));
}

function pushStoredDelta(step: Step, l: number): void {
  const delta = step.deltas[l];
  if (delta === undefined) return;
  const { device, plan } = step;
  const layer = plan.layers[l] as DensePlan<GpujsStorage>;
  const up = plan.layers[l + 1] as DensePlan<GpujsStorage>;
  const h = step.outs[l] as GpujsStorage;
  const wUp = up.weights.value.storage;
  const constants = {
    units: layer.units,
    kind: ACTIVATION_CODES[layer.activation],
    upUnits: up.units,
  };
  const deltaUp = step.deltas[l + 1];
  if (deltaUp !== undefined) {
    const kernel = planKernel(device, 'deltaFromStored', deltaFromStored, delta.size, constants);
    step.launches.push(() => device.run(delta, kernel, h, wUp, deltaUp));
    return;
  }
  // The layer above is the output layer: only a first layer's delta is ever inline.
  const kernel = planKernel(device, 'deltaFromOutput', deltaFromOutput, delta.size, {
    ...constants,
    upKind: ACTIVATION_CODES[up.activation],
    lossScale: step.lossScale,
  });
  const [y, t, order] = [output(step), plan.data.t.storage, plan.order.storage];
  step.launches.push((offset) => device.run(delta, kernel, h, wUp, y, t, order, offset));
}

function pushUpdate(step: Step, l: number, name: 'weights' | 'bias'): void {
  const { device, plan } = step;
  const layer = plan.layers[l] as DensePlan<GpujsStorage>;
  const w = layer[name].value.storage;
  const x = layerInput(step, l);
  const order = plan.order.storage;
  const eta = plan.optimizer.eta;
  const base = {
    rows: step.rows,
    inputs: layer.inputs,
    units: layer.units,
    gather: l === 0 ? 1 : 0,
    bias: name === 'bias' ? 1 : 0,
  };
  const kind = ACTIVATION_CODES[layer.activation];
  const [y, t] = [output(step), plan.data.t.storage];
  const source = step.sources[l] as DeltaSource;
  switch (source) {
    case 'output': {
      const kernel = planKernel(device, 'updateFromOutput', updateFromOutput, w.size, {
        ...base,
        kind,
        lossScale: step.lossScale,
      });
      step.launches.push((offset) => device.run(w, kernel, w, x, order, offset, eta, y, t));
      return;
    }
    case 'inline': {
      const up = plan.layers[l + 1] as DensePlan<GpujsStorage>;
      const kernel = planKernel(device, 'updateFromInlineDelta', updateFromInlineDelta, w.size, {
        ...base,
        kind,
        lossScale: step.lossScale,
        upUnits: up.units,
        upKind: ACTIVATION_CODES[up.activation],
      });
      const [h, wUp] = [step.outs[l] as GpujsStorage, up.weights.value.storage];
      step.launches.push((offset) => device.run(w, kernel, w, x, order, offset, eta, h, wUp, y, t));
      return;
    }
    case 'stored': {
      const delta = step.deltas[l] as GpujsStorage;
      const kernel = planKernel(
        device,
        'updateFromStoredDelta',
        updateFromStoredDelta,
        w.size,
        base,
      );
      step.launches.push((offset) => device.run(w, kernel, w, x, order, offset, eta, delta));
      return;
    }
  }
}

/** A layer's input: the data set for the first (read through the order), else the layer below's output. */
function layerInput(step: Step, l: number): GpujsStorage {
  return l === 0 ? step.plan.data.x.storage : (step.outs[l - 1] as GpujsStorage);
}

function output(step: Step): GpujsStorage {
  return step.outs[step.outs.length - 1] as GpujsStorage;
}

/** The device's cached kernel, keyed by its name, size and every constant compiled into it. */
function planKernel(
  device: GpujsDevice,
  name: string,
  source: KernelSource,
  size: number,
  constants: Record<string, number>,
): IKernelRunShortcut {
  const settings = Object.entries(constants)
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
  return device.kernel(`plan.${name}:${size}:${settings}`, source, size, constants);
}

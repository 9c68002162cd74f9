import type { TrainingPlan } from '@nn/core';
import type { IKernelRunShortcut } from 'gpu.js';
import type { GpujsDevice, KernelSource } from '../device.js';
import { LOSS_FORMS, lossTermConstants } from '../kernels/loss-forms.js';
import type { GpujsStorage } from '../storage.js';
import { deltaFromOutput, deltaFromStored } from './delta-kernels.js';
import type { DeltaSource } from './delta-sources.js';
import { forwardKernel, forwardSoftmaxKernel, lossKernel } from './forward-kernels.js';
import { updateLaunch } from './optimizer-launches.js';
import type { Stage } from './stages.js';
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
  stages: readonly Stage[];
  sources: readonly DeltaSource[];
  rows: number;
  /** Each stage's output (its h, masked where a dropout follows; the last one is y). */
  outs: readonly GpujsStorage[];
  /** Each stage's stored delta, where its source is 'stored'. */
  deltas: readonly (GpujsStorage | undefined)[];
  /** LOSS_FORMS' gradient scale for the output's units. */
  lossScale: number;
  launches: Launch[];
}

/**
 * The kernel calls of one step at `rows` rows, in order: each layer's
 * forward, the loss, the stored deltas top down, then each layer's weights
 * and bias updates bottom up, so that every delta is taken from the weights
 * above before they change. For the book's 1-3-1 network with SGD:
 * 2 + 1 + 0 + 4 = 7 calls, where the kernel path makes 15. Optimizers with
 * state write each gradient, then update from it (two or three calls more
 * per parameter).
 */
export function buildStep(
  device: GpujsDevice,
  plan: TrainingPlan<GpujsStorage>,
  stages: readonly Stage[],
  sources: readonly DeltaSource[],
  rows: number,
  allocate: (size: number) => GpujsStorage,
): Launch[] {
  const output = (stages[stages.length - 1] as Stage).layer;
  const step: Step = {
    device,
    plan,
    stages,
    sources,
    rows,
    outs: stages.map(({ layer }) => allocate(rows * layer.units)),
    deltas: stages.map(({ layer }, l) =>
      sources[l] === 'stored' ? allocate(rows * layer.units) : undefined,
    ),
    lossScale: LOSS_FORMS[plan.loss].gradient(output.units),
    launches: [],
  };
  for (const l of stages.keys()) pushForward(step, l);
  pushLoss(step);
  for (let l = stages.length - 2; l >= 0; l--) pushStoredDelta(step, l);
  const optimizer = plan.optimizer;
  if (optimizer.kind === 'adam') {
    step.launches.push(() => {
      optimizer.steps.count++;
    });
  }
  for (const l of stages.keys()) {
    pushUpdate(step, l, 'weights');
    pushUpdate(step, l, 'bias');
  }
  return step.launches;
}

function pushForward(step: Step, l: number): void {
  const { device, plan } = step;
  const { layer, kind, mask } = step.stages[l] as Stage;
  const x = layerInput(step, l);
  const out = step.outs[l] as GpujsStorage;
  const w = layer.weights.value.storage;
  const b = layer.bias.value.storage;
  const constants = {
    inputs: layer.inputs,
    units: layer.units,
    kind,
    gather: l === 0 ? 1 : 0,
    masked: mask === undefined ? 0 : 1,
  };
  const order = plan.order.storage;
  if (layer.activation === 'softmax') {
    const forward = planKernel(device, 'forwardSoftmax', forwardSoftmaxKernel, out.size, constants);
    step.launches.push((offset) => device.run(out, forward, x, order, offset, w, b));
    return;
  }
  const forward = planKernel(device, 'forward', forwardKernel, out.size, constants);
  const m = maskArgument(step, l);
  step.launches.push((offset) => device.run(out, forward, x, order, offset, w, b, m));
}

/** The batch's loss added to the epoch's total, which stays on the device. */
function pushLoss(step: Step): void {
  const { device, plan } = step;
  const cols = (step.stages[step.stages.length - 1] as Stage).layer.units;
  const loss = planKernel(device, 'loss', lossKernel, 1, {
    rows: step.rows,
    cols,
    scale: LOSS_FORMS[plan.loss].value(cols),
    ...lossTermConstants(plan.loss),
  });
  const [y, t, order] = [output(step), plan.data.t.storage, plan.order.storage];
  const lossTotal = plan.lossTotal.storage;
  step.launches.push((offset) => device.run(lossTotal, loss, y, t, order, offset, lossTotal));
}

function pushStoredDelta(step: Step, l: number): void {
  const delta = step.deltas[l];
  if (delta === undefined) return;
  const { device, plan } = step;
  const stage = step.stages[l] as Stage;
  const up = step.stages[l + 1] as Stage;
  const h = step.outs[l] as GpujsStorage;
  const wUp = up.layer.weights.value.storage;
  const m = maskArgument(step, l);
  const constants = {
    units: stage.layer.units,
    kind: stage.kind,
    upUnits: up.layer.units,
    masked: stage.mask === undefined ? 0 : 1,
  };
  const deltaUp = step.deltas[l + 1];
  if (deltaUp !== undefined) {
    const kernel = planKernel(device, 'deltaFromStored', deltaFromStored, delta.size, constants);
    step.launches.push((offset) => device.run(delta, kernel, h, wUp, deltaUp, offset, m));
    return;
  }
  // The layer above is the output layer: only a first layer's delta is ever inline.
  const kernel = planKernel(device, 'deltaFromOutput', deltaFromOutput, delta.size, {
    ...constants,
    upKind: up.deltaKind,
    lossScale: step.lossScale,
  });
  const [y, t, order] = [output(step), plan.data.t.storage, plan.order.storage];
  step.launches.push((offset) => device.run(delta, kernel, h, wUp, y, t, order, offset, m));
}

/**
 * A parameter's update: SGD's in the gradient kernel (into the parameter);
 * any other optimizer's from the gradient, which the kernel writes to the
 * parameter's grad.
 */
function pushUpdate(step: Step, l: number, name: 'weights' | 'bias'): void {
  const { device, plan } = step;
  const stage = step.stages[l] as Stage;
  const { layer } = stage;
  const parameter = layer[name];
  const update = updateLaunch(
    device,
    plan.optimizer,
    plan.parameters.indexOf(parameter),
    parameter,
  );
  const target = update === undefined ? parameter.value.storage : parameter.grad.storage;
  const w = parameter.value.storage;
  const x = layerInput(step, l);
  const order = plan.order.storage;
  const eta = plan.optimizer.eta;
  const base = {
    rows: step.rows,
    inputs: layer.inputs,
    units: layer.units,
    gather: l === 0 ? 1 : 0,
    bias: name === 'bias' ? 1 : 0,
    descend: update === undefined ? 1 : 0,
  };
  const [y, t] = [output(step), plan.data.t.storage];
  const size = target.size;
  const source = step.sources[l] as DeltaSource;
  switch (source) {
    case 'output': {
      const kernel = planKernel(device, 'updateFromOutput', updateFromOutput, size, {
        ...base,
        kind: stage.deltaKind,
        lossScale: step.lossScale,
      });
      step.launches.push((offset) => device.run(target, kernel, w, x, order, offset, eta, y, t));
      break;
    }
    case 'inline': {
      const up = step.stages[l + 1] as Stage;
      const kernel = planKernel(device, 'updateFromInlineDelta', updateFromInlineDelta, size, {
        ...base,
        kind: stage.kind,
        lossScale: step.lossScale,
        upUnits: up.layer.units,
        upKind: up.deltaKind,
      });
      const [h, wUp] = [step.outs[l] as GpujsStorage, up.layer.weights.value.storage];
      step.launches.push((offset) =>
        device.run(target, kernel, w, x, order, offset, eta, h, wUp, y, t),
      );
      break;
    }
    case 'stored': {
      const delta = step.deltas[l] as GpujsStorage;
      const kernel = planKernel(device, 'updateFromStoredDelta', updateFromStoredDelta, size, base);
      step.launches.push((offset) => device.run(target, kernel, w, x, order, offset, eta, delta));
      break;
    }
  }
  if (update !== undefined) step.launches.push(update);
}

/** A layer's input: the data set for the first (read through the order), else the layer below's output. */
function layerInput(step: Step, l: number): GpujsStorage {
  return l === 0 ? step.plan.data.x.storage : (step.outs[l - 1] as GpujsStorage);
}

function output(step: Step): GpujsStorage {
  return step.outs[step.outs.length - 1] as GpujsStorage;
}

/** The stage's dropout mask, or any tensor where it has none (a kernel's arguments are fixed; `masked` 0 ignores it). */
function maskArgument(step: Step, l: number): GpujsStorage {
  return (step.stages[l] as Stage).mask ?? step.plan.order.storage;
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

import {
  adamCorrections,
  type OptimizerKind,
  type OptimizerPlan,
  type Parameter,
  type Tensor,
} from '@nn/core';
import type { GpujsDevice } from '../device.js';
import { adagradUpdate } from '../kernels/adagrad-update.js';
import { adamUpdate } from '../kernels/adam-update.js';
import { momentumUpdate } from '../kernels/momentum-update.js';
import { rmspropUpdate } from '../kernels/rmsprop-update.js';
import type { GpujsStorage } from '../storage.js';

type Plan<K extends OptimizerKind> = Extract<OptimizerPlan<GpujsStorage>, { kind: K }>;

/**
 * One parameter's update, given its gradient in p.grad; undefined where the
 * gradient kernel does the update itself (SGD, fused: w − eta · Σ).
 */
type UpdateFactory<K extends OptimizerKind> = (
  device: GpujsDevice,
  optimizer: Plan<K>,
  index: number,
  p: Parameter<GpujsStorage>,
) => (() => void) | undefined;

/**
 * How each optimizer updates a parameter in a plan: SGD inside the
 * gradient kernel, the others by the backend's own update kernels (so both
 * paths share their arithmetic), state tensor `index` of each slot.
 */
export const OPTIMIZER_RUNS: { readonly [K in OptimizerKind]: UpdateFactory<K> } = {
  sgd: () => undefined,
  momentum: (device, { eta, alpha, velocity }, index, p) => {
    const update = momentumUpdate(device);
    const v = velocity[index] as Tensor<GpujsStorage>;
    return () => update(p.value, p.grad, v, eta, alpha);
  },
  adagrad: (device, { eta, h }, index, p) => {
    const update = adagradUpdate(device);
    const state = h[index] as Tensor<GpujsStorage>;
    return () => update(p.value, p.grad, state, eta);
  },
  rmsprop: (device, { eta, rho, h }, index, p) => {
    const update = rmspropUpdate(device);
    const state = h[index] as Tensor<GpujsStorage>;
    return () => update(p.value, p.grad, state, eta, rho);
  },
  // The step count is the step's to advance (once, before its updates).
  adam: (device, optimizer, index, p) => {
    const update = adamUpdate(device);
    const { eta, beta1, beta2 } = optimizer;
    const m = optimizer.m[index] as Tensor<GpujsStorage>;
    const v = optimizer.v[index] as Tensor<GpujsStorage>;
    return () => {
      const [c1, c2] = adamCorrections(optimizer, optimizer.steps.count);
      update(p.value, p.grad, m, v, eta, beta1, beta2, c1, c2);
    };
  },
};

/** The update of parameter `index` of the plan's optimizer (see UpdateFactory). */
export function updateLaunch(
  device: GpujsDevice,
  optimizer: OptimizerPlan<GpujsStorage>,
  index: number,
  p: Parameter<GpujsStorage>,
): (() => void) | undefined {
  // The record is keyed by kind: the entry matches the plan's own kind.
  const factory = OPTIMIZER_RUNS[optimizer.kind] as UpdateFactory<OptimizerKind>;
  return factory(device, optimizer as Plan<OptimizerKind>, index, p);
}

import type { Backend } from '../backend/backend.js';
import { checkTensor, expectShape } from '../backend/tensor-checks.js';
import type { Sequential } from '../layers/sequential.js';
import type { Loss } from '../losses/loss.js';
import type { Optimizer } from '../optimizers/optimizer.js';
import type { EpochSetup, LayerPlan, TrainingPlan } from './training-plan.js';

/**
 * The network, loss and optimizer as a plan, with every tensor's owner,
 * liveness and shape checked here, once; undefined when a layer or the
 * optimizer cannot describe itself (training then composes kernels).
 */
export function buildTrainingPlan<S>(
  network: Sequential<S>,
  loss: Loss,
  optimizer: Optimizer,
  setup: EpochSetup<S>,
): TrainingPlan<S> | undefined {
  const layers: LayerPlan<S>[] = [];
  for (const layer of network.layers) {
    const plan = layer.plan?.();
    if (plan === undefined) return undefined;
    layers.push(plan);
  }
  const optimizerPlan = optimizer.plan?.();
  if (optimizerPlan === undefined) return undefined;
  const plan: TrainingPlan<S> = {
    ...setup,
    layers,
    parameters: network.parameters(),
    loss: loss.kind,
    optimizer: optimizerPlan,
  };
  checkPlan(network.backend, plan);
  return plan;
}

function checkPlan<S>(backend: Backend<S>, plan: TrainingPlan<S>): void {
  const where = 'training plan';
  const { x, t } = plan.data;
  const first = plan.layers[0] as LayerPlan<S>;
  const last = plan.layers[plan.layers.length - 1] as LayerPlan<S>;
  for (const [name, tensor] of [
    ['x', x],
    ['t', t],
    ['order', plan.order],
    ['lossTotal', plan.lossTotal],
  ] as const) {
    checkTensor(backend, where, name, tensor);
  }
  expectShape(where, 'x', x, plan.samples, first.inputs);
  expectShape(where, 't', t, plan.samples, last.units);
  expectShape(where, 'order', plan.order, 1, plan.samples);
  expectShape(where, 'lossTotal', plan.lossTotal, 1, 1);
  for (const [i, layer] of plan.layers.entries()) {
    const previous = plan.layers[i - 1];
    if (previous !== undefined) {
      expectShape(where, `layer ${i} weights`, layer.weights.value, previous.units, layer.units);
    }
    for (const [name, rows] of [
      ['weights', layer.inputs],
      ['bias', 1],
    ] as const) {
      const parameter = layer[name];
      checkTensor(backend, where, `layer ${i} ${name}`, parameter.value);
      checkTensor(backend, where, `layer ${i} ${name} gradient`, parameter.grad);
      expectShape(where, `layer ${i} ${name}`, parameter.value, rows, layer.units);
      expectShape(where, `layer ${i} ${name} gradient`, parameter.grad, rows, layer.units);
    }
  }
}

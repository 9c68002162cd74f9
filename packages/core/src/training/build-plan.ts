import type { Backend } from '../backend/backend.js';
import { checkTensor, expectShape } from '../backend/tensor-checks.js';
import type { Sequential } from '../layers/sequential.js';
import type { Loss } from '../losses/loss.js';
import { type OptimizerPlan, optimizerState } from '../optimizers/optimizer.js';
import type { Tensor } from '../tensor.js';
import type { EpochSetup, LayerPlan, TrainingPlan } from './training-plan.js';

/**
 * The network, loss and optimizer as a plan, with every tensor's owner,
 * liveness and shape checked here, once; undefined when a layer cannot
 * describe itself (training then composes kernels).
 */
export function buildTrainingPlan<S>(
  network: Sequential<S>,
  loss: Loss,
  optimizer: OptimizerPlan<S>,
  setup: EpochSetup<S>,
): TrainingPlan<S> | undefined {
  const layers: LayerPlan<S>[] = [];
  let masks = 0;
  for (const layer of network.layers) {
    const draft = layer.plan?.();
    if (draft === undefined) return undefined;
    layers.push(
      draft.kind === 'dropout' ? { ...draft, mask: setup.masks[masks++] as Tensor<S> } : draft,
    );
  }
  const plan: TrainingPlan<S> = {
    ...setup,
    layers,
    parameters: network.parameters(),
    loss: loss.kind,
    optimizer,
  };
  checkPlan(network.backend, plan);
  return plan;
}

function checkPlan<S>(backend: Backend<S>, plan: TrainingPlan<S>): void {
  const where = 'training plan';
  const check = (name: string, t: Tensor<S>, rows: number, cols: number) => {
    checkTensor(backend, where, name, t);
    expectShape(where, name, t, rows, cols);
  };
  const first = plan.layers[0] as LayerPlan<S>;
  const outputs = (plan.layers[plan.layers.length - 1] as LayerPlan<S>).units;
  let width = first.kind === 'dense' ? first.inputs : first.units;
  check('x', plan.data.x, plan.samples, width);
  check('t', plan.data.t, plan.samples, outputs);
  check('order', plan.order, 1, plan.samples);
  check('lossTotal', plan.lossTotal, 1, 1);
  for (const [i, layer] of plan.layers.entries()) {
    if (layer.kind === 'dropout') {
      check(`layer ${i} mask`, layer.mask, plan.samples, width);
      continue;
    }
    for (const [name, rows] of [
      ['weights', width],
      ['bias', 1],
    ] as const) {
      check(`layer ${i} ${name}`, layer[name].value, rows, layer.units);
      check(`layer ${i} ${name} gradient`, layer[name].grad, rows, layer.units);
    }
    width = layer.units;
  }
  const state = optimizerState(plan.optimizer);
  for (const [i, t] of state.entries()) {
    const p = plan.parameters[i % plan.parameters.length];
    if (p !== undefined) check(`optimizer state ${i}`, t, p.value.rows, p.value.cols);
  }
}

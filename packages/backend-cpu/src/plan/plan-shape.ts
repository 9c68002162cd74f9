import type { DensePlan, LayerPlan, TrainingPlan } from '@nn/core';
import type { CpuStorage } from '../kernels/storage.js';

/** The first layer's inputs: a dense layer's, or a dropout's units (it keeps the width). */
export function planInputs(plan: TrainingPlan<CpuStorage>): number {
  const first = plan.layers[0] as LayerPlan<CpuStorage>;
  return first.kind === 'dense' ? first.inputs : first.units;
}

export function planOutputs(plan: TrainingPlan<CpuStorage>): number {
  return (plan.layers[plan.layers.length - 1] as LayerPlan<CpuStorage>).units;
}

/**
 * Whether the loss gradient is already the last layer's delta, its
 * activation backward skipped: cross-entropy's y − t at the softmax's input
 * (core's crossEntropy.outputActivation; compilePlan declines the plan
 * unless the last layer is a softmax dense layer).
 */
export function lossGivesDelta(plan: TrainingPlan<CpuStorage>): boolean {
  return plan.loss === 'crossEntropy';
}

/** Weights and biases of every dense layer. */
export function parameterCount(plan: TrainingPlan<CpuStorage>): number {
  let count = 0;
  for (const layer of plan.layers) {
    if (layer.kind === 'dense') count += (layer.inputs + 1) * layer.units;
  }
  return count;
}

/** The dense layers with their index in plan.layers. */
export function denseLayers(
  plan: TrainingPlan<CpuStorage>,
): { layer: DensePlan<CpuStorage>; index: number }[] {
  const dense: { layer: DensePlan<CpuStorage>; index: number }[] = [];
  for (const [index, layer] of plan.layers.entries()) {
    if (layer.kind === 'dense') dense.push({ layer, index });
  }
  return dense;
}

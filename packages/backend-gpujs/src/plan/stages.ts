import type { DensePlan, TrainingPlan } from '@nn/core';
import { ACTIVATION_CODES } from '../kernels/activate.js';
import { LOSS_FORMS } from '../kernels/loss-forms.js';
import type { GpujsStorage } from '../storage.js';
import { OPTIMIZER_RUNS } from './optimizer-launches.js';

/** A dense layer of a plan as the runner's kernels take it, with the dropout after it folded in. */
export interface Stage {
  readonly layer: DensePlan<GpujsStorage>;
  /** Its activation's ACTIVATION_CODES entry. */
  readonly kind: number;
  /**
   * The code its delta's backprop uses: identity for an output layer whose
   * loss gradient is already the delta at its activation's input (softmax
   * under cross-entropy), else its own.
   */
  readonly deltaKind: number;
  /**
   * The following dropout's mask (samples × units, row i for the i-th sample
   * of the epoch's order): h = f(u) · mask, and the delta below it
   * f'(h) · (dh · mask), which equals the kernel path's as mask is 0 or 1.
   */
  readonly mask: GpujsStorage | undefined;
}

/**
 * The plan as stages, or undefined for a plan the runner cannot run exactly:
 * a layer, activation, loss or optimizer it does not know (checked at run
 * time too, so a kind added to core later makes it decline, not run it
 * wrong), softmax anywhere but an output whose loss takes the delta at its
 * input, such a loss on any other output, or a dropout that does not follow
 * a dense hidden layer.
 */
export function planStages(plan: TrainingPlan<GpujsStorage>): Stage[] | undefined {
  if (!Object.hasOwn(LOSS_FORMS, plan.loss) || !Object.hasOwn(OPTIMIZER_RUNS, plan.optimizer.kind))
    return undefined;
  const deltaAtInput = LOSS_FORMS[plan.loss].outputActivation;
  const last = plan.layers.length - 1;
  const stages: Stage[] = [];
  for (const [l, layer] of plan.layers.entries()) {
    if (layer.kind === 'dropout') {
      const below = stages.at(-1);
      if (below === undefined || below.mask !== undefined || l === last) return undefined;
      stages[stages.length - 1] = { ...below, mask: layer.mask.storage };
      continue;
    }
    if (layer.kind !== 'dense' || !Object.hasOwn(ACTIVATION_CODES, layer.activation))
      return undefined;
    const lossTakesIt = l === last && deltaAtInput !== undefined;
    if (lossTakesIt && layer.activation !== deltaAtInput) return undefined;
    if (layer.activation === 'softmax' && !lossTakesIt) return undefined;
    const kind = ACTIVATION_CODES[layer.activation];
    stages.push({
      layer,
      kind,
      deltaKind: lossTakesIt ? ACTIVATION_CODES.identity : kind,
      mask: undefined,
    });
  }
  return stages;
}

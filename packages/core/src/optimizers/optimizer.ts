import type { Backend } from '../backend/backend.js';
import type { Parameter } from '../layers/layer.js';
import type { OptimizerPlan } from '../training/training-plan.js';

/** Updates parameters from their gradients; state, if any, lives in backend tensors. */
export interface Optimizer {
  step<S>(backend: Backend<S>, parameters: readonly Parameter<S>[]): void;
  /** The update rule as data, for backends that run whole training plans; absent, training composes kernels. */
  plan?(): OptimizerPlan;
}

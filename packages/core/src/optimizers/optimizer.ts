import type { Backend } from '../backend.js';
import type { Parameter } from '../layers/layer.js';

/** Updates parameters from their gradients; state, if any, lives in backend tensors. */
export interface Optimizer {
  step<S>(backend: Backend<S>, parameters: readonly Parameter<S>[]): void;
}

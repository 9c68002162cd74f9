import type { Backend } from '../backend/backend.js';
import type { Parameter } from '../layers/layer.js';
import { requireFraction, requirePositive } from '../validate.js';
import { type MomentumPlan, type Optimizer, stateLike } from './optimizer.js';

/** Momentum: v = alpha · v − eta · g; w += v (v starts at 0). */
export class Momentum implements Optimizer {
  readonly kind = 'momentum';
  readonly eta: number;
  readonly alpha: number;

  constructor(options: { eta: number; alpha?: number }) {
    this.eta = requirePositive('eta', options.eta);
    this.alpha = requireFraction('momentum alpha', options.alpha ?? 0.9);
  }

  plan<S>(backend: Backend<S>, parameters: readonly Parameter<S>[]): MomentumPlan<S> {
    const { eta, alpha } = this;
    return { kind: 'momentum', eta, alpha, velocity: stateLike(backend, parameters) };
  }
}

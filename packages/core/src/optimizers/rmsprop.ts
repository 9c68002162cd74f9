import type { Backend } from '../backend/backend.js';
import type { Parameter } from '../layers/layer.js';
import { requireFraction, requirePositive } from '../validate.js';
import { type Optimizer, type RmspropPlan, stateLike } from './optimizer.js';

/** RMSProp: h = rho · h + (1 − rho) · g · g; w −= eta · g / (√h + 1e-8), h starting at 0. */
export class Rmsprop implements Optimizer {
  readonly kind = 'rmsprop';
  readonly eta: number;
  readonly rho: number;

  constructor(options: { eta: number; rho?: number }) {
    this.eta = requirePositive('eta', options.eta);
    this.rho = requireFraction('rmsprop rho', options.rho ?? 0.9);
  }

  plan<S>(backend: Backend<S>, parameters: readonly Parameter<S>[]): RmspropPlan<S> {
    const { eta, rho } = this;
    return { kind: 'rmsprop', eta, rho, h: stateLike(backend, parameters) };
  }
}

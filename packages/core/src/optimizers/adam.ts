import type { Backend } from '../backend/backend.js';
import type { Parameter } from '../layers/layer.js';
import { requireFraction, requirePositive } from '../validate.js';
import { type AdamPlan, type Optimizer, stateLike } from './optimizer.js';

/**
 * Adam at step k = 1, 2, …: m = b1·m + (1 − b1)·g; v = b2·v + (1 − b2)·g·g;
 * w −= eta · (m / (1 − b1^k)) / (√(v / (1 − b2^k)) + 1e-8), m and v starting at 0.
 */
export class Adam implements Optimizer {
  readonly kind = 'adam';
  readonly eta: number;
  readonly beta1: number;
  readonly beta2: number;

  constructor(options: { eta: number; beta1?: number; beta2?: number }) {
    this.eta = requirePositive('eta', options.eta);
    this.beta1 = requireFraction('adam beta1', options.beta1 ?? 0.9);
    this.beta2 = requireFraction('adam beta2', options.beta2 ?? 0.999);
  }

  plan<S>(backend: Backend<S>, parameters: readonly Parameter<S>[]): AdamPlan<S> {
    const m = stateLike(backend, parameters);
    let v: typeof m;
    try {
      v = stateLike(backend, parameters);
    } catch (error) {
      for (const t of m) backend.dispose(t);
      throw error;
    }
    const { eta, beta1, beta2 } = this;
    return { kind: 'adam', eta, beta1, beta2, m, v, steps: { count: 0 } };
  }
}

import type { Backend } from '../backend/backend.js';
import type { Parameter } from '../layers/layer.js';
import type { SgdPlan } from '../training/training-plan.js';
import { requirePositive } from '../validate.js';
import type { Optimizer } from './optimizer.js';

/** Plain stochastic gradient descent, the book's update: w −= eta · grad_w. */
export class Sgd implements Optimizer {
  readonly eta: number;

  constructor(options: { eta: number }) {
    this.eta = requirePositive('eta', options.eta);
  }

  step<S>(backend: Backend<S>, parameters: readonly Parameter<S>[]): void {
    for (let i = 0; i < parameters.length; i++) {
      const p = parameters[i] as Parameter<S>;
      backend.sgdUpdate(p.value, p.grad, this.eta);
    }
  }

  plan(): SgdPlan {
    return { kind: 'sgd', eta: this.eta };
  }
}

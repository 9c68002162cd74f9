import { requirePositive } from '../validate.js';
import type { Optimizer, SgdPlan } from './optimizer.js';

/** Plain stochastic gradient descent, the book's update: w −= eta · grad_w. */
export class Sgd implements Optimizer {
  readonly kind = 'sgd';
  readonly eta: number;

  constructor(options: { eta: number }) {
    this.eta = requirePositive('eta', options.eta);
  }

  plan(): SgdPlan {
    return { kind: 'sgd', eta: this.eta };
  }
}

import type { Backend } from '../backend/backend.js';
import type { Parameter } from '../layers/layer.js';
import { requirePositive } from '../validate.js';
import { type AdagradPlan, type Optimizer, stateLike } from './optimizer.js';

/** The book's AdaGrad: h += g · g; w −= eta / √h · g, h starting at 1e-8. */
export class Adagrad implements Optimizer {
  readonly kind = 'adagrad';
  readonly eta: number;

  constructor(options: { eta: number }) {
    this.eta = requirePositive('eta', options.eta);
  }

  plan<S>(backend: Backend<S>, parameters: readonly Parameter<S>[]): AdagradPlan<S> {
    return { kind: 'adagrad', eta: this.eta, h: stateLike(backend, parameters, 1e-8) };
  }
}

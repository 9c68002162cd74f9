import { requireOneOf } from '../validate.js';
import { Adagrad } from './adagrad.js';
import { Adam } from './adam.js';
import { Momentum } from './momentum.js';
import { OPTIMIZERS, type Optimizer, type OptimizerKind } from './optimizer.js';
import { Rmsprop } from './rmsprop.js';
import { Sgd } from './sgd.js';

const FACTORIES: Record<OptimizerKind, (eta: number) => Optimizer> = {
  sgd: (eta) => new Sgd({ eta }),
  momentum: (eta) => new Momentum({ eta }),
  adagrad: (eta) => new Adagrad({ eta }),
  rmsprop: (eta) => new Rmsprop({ eta }),
  adam: (eta) => new Adam({ eta }),
};

/** An optimizer by name with the book's defaults for everything but eta (for flags and forms). */
export function createOptimizer(kind: string, eta: number): Optimizer {
  return FACTORIES[requireOneOf('optimizer', kind, OPTIMIZERS)](eta);
}

import type { Backend } from '../backend/backend.js';
import type { Parameter } from '../layers/layer.js';
import type { Tensor } from '../tensor.js';

/**
 * Updates parameters from their gradients. An optimizer is its
 * hyper-parameters; plan() allocates its state for a set of parameters (as
 * backend tensors, owned by whoever asked: a TrainingSession frees them) and
 * describes the update as data, which both the kernel path (optimizerStep)
 * and backends that run whole plans carry out.
 */
export interface Optimizer {
  readonly kind: OptimizerKind;
  readonly eta: number;
  plan<S>(backend: Backend<S>, parameters: readonly Parameter<S>[]): OptimizerPlan<S>;
}

export const OPTIMIZERS = ['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam'] as const;
export type OptimizerKind = (typeof OPTIMIZERS)[number];

/**
 * The update rule, its hyper-parameters and its state: in each slot one
 * tensor per parameter, in the order of the parameters given to plan()
 * (a TrainingPlan's `parameters`).
 */
export type OptimizerPlan<S = unknown> =
  | SgdPlan
  | MomentumPlan<S>
  | AdagradPlan<S>
  | RmspropPlan<S>
  | AdamPlan<S>;

/** The book's update: w −= eta · grad_w. */
export interface SgdPlan {
  readonly kind: 'sgd';
  readonly eta: number;
}

export interface MomentumPlan<S = unknown> {
  readonly kind: 'momentum';
  readonly eta: number;
  readonly alpha: number;
  readonly velocity: readonly Tensor<S>[];
}

export interface AdagradPlan<S = unknown> {
  readonly kind: 'adagrad';
  readonly eta: number;
  /** Starts at 1e-8, as in the book. */
  readonly h: readonly Tensor<S>[];
}

export interface RmspropPlan<S = unknown> {
  readonly kind: 'rmsprop';
  readonly eta: number;
  readonly rho: number;
  readonly h: readonly Tensor<S>[];
}

export interface AdamPlan<S = unknown> {
  readonly kind: 'adam';
  readonly eta: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly m: readonly Tensor<S>[];
  readonly v: readonly Tensor<S>[];
  /** Updates done so far (k − 1 before step k); whoever runs a step counts it here. */
  readonly steps: { count: number };
}

/** The state tensors of a plan, for freeing them. */
export function optimizerState<S>(plan: OptimizerPlan<S>): readonly Tensor<S>[] {
  switch (plan.kind) {
    case 'sgd':
      return [];
    case 'momentum':
      return plan.velocity;
    case 'adagrad':
    case 'rmsprop':
      return plan.h;
    case 'adam':
      return [...plan.m, ...plan.v];
  }
}

/** Adam's bias corrections at step k: 1 − b1^k and 1 − b2^k. */
export function adamCorrections(plan: AdamPlan<unknown>, k: number): [number, number] {
  return [1 - plan.beta1 ** k, 1 - plan.beta2 ** k];
}

/** One update of every parameter by checked kernel calls: the reference path. */
export function optimizerStep<S>(
  backend: Backend<S>,
  plan: OptimizerPlan<S>,
  parameters: readonly Parameter<S>[],
): void {
  if (plan.kind === 'adam') plan.steps.count++;
  for (let i = 0; i < parameters.length; i++) {
    const { value, grad } = parameters[i] as Parameter<S>;
    switch (plan.kind) {
      case 'sgd':
        backend.sgdUpdate(value, grad, plan.eta);
        break;
      case 'momentum':
        backend.momentumUpdate(value, grad, plan.velocity[i] as Tensor<S>, plan.eta, plan.alpha);
        break;
      case 'adagrad':
        backend.adagradUpdate(value, grad, plan.h[i] as Tensor<S>, plan.eta);
        break;
      case 'rmsprop':
        backend.rmspropUpdate(value, grad, plan.h[i] as Tensor<S>, plan.eta, plan.rho);
        break;
      case 'adam': {
        const [c1, c2] = adamCorrections(plan, plan.steps.count);
        const { m, v, eta, beta1, beta2 } = plan;
        backend.adamUpdate(
          value,
          grad,
          m[i] as Tensor<S>,
          v[i] as Tensor<S>,
          eta,
          beta1,
          beta2,
          c1,
          c2,
        );
        break;
      }
    }
  }
}

/** One state tensor per parameter, each filled with `initial`. */
export function stateLike<S>(
  backend: Backend<S>,
  parameters: readonly Parameter<S>[],
  initial = 0,
): Tensor<S>[] {
  const state: Tensor<S>[] = [];
  try {
    for (const p of parameters) {
      const t = backend.tensor(p.value.shape);
      state.push(t);
      if (initial !== 0) backend.fill(t, initial);
    }
  } catch (error) {
    for (const t of state) backend.dispose(t);
    throw error;
  }
  return state;
}

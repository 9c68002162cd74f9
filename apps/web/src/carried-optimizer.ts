import {
  type Backend,
  createOptimizer,
  type Optimizer,
  type OptimizerKind,
  type OptimizerPlan,
  optimizerState,
  type Parameter,
} from '@nn/core';

/** An optimizer's state read back to the host: each state tensor's values, and Adam's step count. */
export interface OptimizerSnapshot {
  state: Float64Array[];
  steps: number;
}

/**
 * One of core's optimizers (by name, the book's defaults) that remembers the
 * plan its session made, so its state (AdaGrad's h, Adam's m, v and step
 * count, …) can be read back and handed to a session on another backend: a
 * backend switch then goes on exactly, not with fresh state. The session
 * owns and frees the state tensors, as with any optimizer.
 */
export class CarriedOptimizer implements Optimizer {
  readonly kind: OptimizerKind;
  readonly eta: number;
  readonly #inner: Optimizer;
  readonly #start: OptimizerSnapshot | undefined;
  #plan: { backend: Backend<unknown>; plan: OptimizerPlan<unknown> } | undefined;

  /** `start`: the state to begin from (a snapshot of the same network's optimizer); fresh without it. */
  constructor(kind: OptimizerKind, eta: number, start?: OptimizerSnapshot) {
    this.#inner = createOptimizer(kind, eta);
    this.kind = this.#inner.kind;
    this.eta = this.#inner.eta;
    this.#start = start;
  }

  plan<S>(backend: Backend<S>, parameters: readonly Parameter<S>[]): OptimizerPlan<S> {
    const plan = this.#inner.plan(backend, parameters);
    const start = this.#start;
    if (start !== undefined) {
      const tensors = optimizerState(plan);
      if (tensors.length !== start.state.length) {
        for (const t of tensors) backend.dispose(t);
        throw new RangeError(
          `optimizer: the saved state has ${start.state.length} tensors, this network's ${this.kind} needs ${tensors.length}`,
        );
      }
      for (const [i, t] of tensors.entries()) backend.write(t, start.state[i] as Float64Array);
      if (plan.kind === 'adam') plan.steps.count = start.steps;
    }
    this.#plan = { backend: backend as Backend<unknown>, plan: plan as OptimizerPlan<unknown> };
    return plan;
  }

  /** The state as the last plan holds it now; read before its session is disposed. */
  async snapshot(): Promise<OptimizerSnapshot> {
    if (this.#plan === undefined) return { state: [], steps: 0 };
    const { backend, plan } = this.#plan;
    const state: Float64Array[] = [];
    for (const t of optimizerState(plan)) state.push(Float64Array.from(await backend.read(t)));
    return { state, steps: plan.kind === 'adam' ? plan.steps.count : 0 };
  }
}

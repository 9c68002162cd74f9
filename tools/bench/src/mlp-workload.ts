import { DefaultRng } from '@nn/core';

/**
 * The MLP workload of the core-v2 issue: 784 → 256 sigmoid → 10 identity,
 * one batch of 64 random samples, sum-of-squares loss, plain SGD. eta is
 * small enough that hundreds of steps on the same batch stay stable (the
 * loss is a sum over 64 samples, so the gradients are 64 samples large).
 */
export const MLP = {
  inputs: 784,
  hidden: 256,
  outputs: 10,
  batch: 64,
  eta: 1e-4,
  wbWidth: 0.05,
  seed: 1,
} as const;

/** The data and initial parameters, float32 values, so both precisions start from the same numbers. */
export interface MlpWorkload {
  /** batch × inputs, uniform in [0, 1). */
  x: Float32Array;
  /** batch × outputs, N(0, 1). */
  t: Float32Array;
  /** inputs × hidden, row-major, wbWidth · N(0, 1); then b1, w2 (hidden × outputs), b2 likewise. */
  w1: Float32Array;
  b1: Float32Array;
  w2: Float32Array;
  b2: Float32Array;
}

/** Draws the workload from DefaultRng(seed): x, t, then each layer's weights and biases. */
export function mlpWorkload(seed: number = MLP.seed): MlpWorkload {
  const rng = new DefaultRng(seed);
  const { inputs, hidden, outputs, batch, wbWidth } = MLP;
  const draw = (n: number, value: () => number) => Float32Array.from({ length: n }, value);
  const normal = () => wbWidth * rng.normal();
  return {
    x: draw(batch * inputs, () => rng.random()),
    t: draw(batch * outputs, () => rng.normal()),
    w1: draw(inputs * hidden, normal),
    b1: draw(hidden, normal),
    w2: draw(hidden * outputs, normal),
    b2: draw(outputs, normal),
  };
}

/**
 * Flops of one step, 2·m·k·n per matrix product: forward x·W1 and h·W2,
 * backward hᵀ·δ2, δ2·W2ᵀ and xᵀ·δ1 (no input gradient for the first layer).
 */
export function mlpStepFlops(): number {
  const { inputs, hidden, outputs, batch } = MLP;
  return 2 * (2 * batch * inputs * hidden) + 3 * (2 * batch * hidden * outputs);
}

import {
  type Activation,
  CROSS_ENTROPY_EPSILON,
  crossEntropy,
  type LossKind,
  meanSquaredError,
  sumOfSquares,
} from '@nn/core';

/** The per-element term a loss adds up; lossTerm below repeats these numbers in its branch. */
const SQUARED = 0;
const CROSS_ENTROPY = 1;

/**
 * Each loss as a scale on a sum of terms, per sample of `cols` outputs:
 * value = scale.value · Σ term(y, t), gradient = scale.gradient · (y − t).
 * A new loss fails to typecheck until it has an entry here.
 */
export const LOSS_FORMS: Readonly<Record<LossKind, LossForm>> = {
  // The book's ½Σ(y − t)², whose gradient is its delta y − t.
  sumOfSquares: {
    term: SQUARED,
    value: () => 0.5,
    gradient: () => 1,
    outputActivation: sumOfSquares.outputActivation,
  },
  meanSquaredError: {
    term: SQUARED,
    value: (cols) => 1 / cols,
    gradient: (cols) => 2 / cols,
    outputActivation: meanSquaredError.outputActivation,
  },
  // The book's −Σ t · log(y + 1e-7); y − t is the delta at the softmax's input.
  crossEntropy: {
    term: CROSS_ENTROPY,
    value: () => -1,
    gradient: () => 1,
    outputActivation: crossEntropy.outputActivation,
  },
};

interface LossForm {
  term: number;
  value(cols: number): number;
  gradient(cols: number): number;
  /** Core's Loss.outputActivation: the gradient is the delta at this activation's input. */
  outputActivation: Activation | undefined;
}

/** The constants a loss value kernel compiles in: the term and its guard. */
export function lossTermConstants(kind: LossKind): { term: number; epsilon: number } {
  return { term: LOSS_FORMS[kind].term, epsilon: CROSS_ENTROPY_EPSILON };
}

/**
 * Kernel-side helpers, registered on every gpu.js instance: (y − t)² or
 * t · log(y + epsilon). Their parameter names differ from every kernel
 * constant's (see activate).
 */
export function lossTerm(out: number, target: number, which: number, guard: number): number {
  if (which === 1) return target * guardedLog(out, guard);
  const d = out - target;
  return d * d;
}

/**
 * log(v + guard) to a few ulps of its own size. A GPU's log is accurate only
 * to an absolute 2^-21 in [0.5, 2] (GLSL ES's bound), where it is near 0 and
 * a trained classifier's terms are; there it is taken from its series in
 * s = m / (2 + m), m = (v − 1) + guard, as 2s(1 + s²/3 + s⁴/5 + …): v − 1
 * is exact for v in [0.5, 2] and |s| ≤ 0.2 makes six terms enough.
 */
export function guardedLog(v: number, guard: number): number {
  if (v < 0.7) return Math.log(v + guard);
  if (v > 1.5) return Math.log(v + guard);
  const m = v - 1 + guard;
  const s = m / (2 + m);
  const s2 = s * s;
  const series =
    1 +
    s2 *
      (0.3333333333 + s2 * (0.2 + s2 * (0.1428571429 + s2 * (0.1111111111 + s2 * 0.0909090909))));
  return 2 * s * series;
}

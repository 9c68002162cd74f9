import type { LossKind } from '@nn/core';

/**
 * Each loss as a scale on the squared error, per sample of `cols` outputs:
 * value = scale.value · Σ(y − t)², gradient = scale.gradient · (y − t).
 */
export const LOSS_SCALES = {
  // The book's ½Σ(y − t)², whose gradient is its delta y − t.
  sumOfSquares: { value: () => 0.5, gradient: () => 1 },
  meanSquaredError: { value: (cols) => 1 / cols, gradient: (cols) => 2 / cols },
} as const satisfies Record<LossKind, LossScale>;

interface LossScale {
  value(cols: number): number;
  gradient(cols: number): number;
}

import type { Backend } from '../backend/backend.js';
import type { LossKind } from '../kernels.js';
import type { Tensor } from '../tensor.js';

/**
 * A loss runs on the backend's lossValue and lossGradient kernels. `value`
 * adds the batch's total of per-sample losses to a 1×1 tensor, so the epoch's
 * error (total / samples) stays on the device until someone reads it.
 */
export interface Loss {
  readonly kind: LossKind;
  value<S>(
    backend: Backend<S>,
    y: Tensor<S>,
    t: Tensor<S>,
    out: Tensor<S>,
    accumulate: boolean,
  ): void;
  gradient<S>(backend: Backend<S>, y: Tensor<S>, t: Tensor<S>, out: Tensor<S>): void;
}

function kernelLoss(kind: LossKind): Loss {
  return {
    kind,
    value: (backend, y, t, out, accumulate) => backend.lossValue(kind, y, t, out, accumulate),
    gradient: (backend, y, t, out) => backend.lossGradient(kind, y, t, out),
  };
}

/** The book's loss: ½Σ(y − t)² per sample, summed over the batch; its gradient is y − t. */
export const sumOfSquares: Loss = kernelLoss('sumOfSquares');

/**
 * Mean squared error: Σ(y − t)² / outputs per sample. Like the book's loss, a
 * batch's objective is the total over its samples (scale eta for big batches).
 */
export const meanSquaredError: Loss = kernelLoss('meanSquaredError');

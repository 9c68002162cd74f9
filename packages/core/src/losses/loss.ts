import type { Backend } from '../backend/backend.js';
import type { Activation, LossKind } from '../kernels.js';
import type { Tensor } from '../tensor.js';

/**
 * A loss runs on the backend's lossValue and lossGradient kernels. `value`
 * adds the batch's total of per-sample losses to a 1×1 tensor, so the epoch's
 * error (total / samples) stays on the device until someone reads it.
 */
export interface Loss {
  readonly kind: LossKind;
  /**
   * Set when the gradient is taken at the input of this output activation
   * rather than at its output (cross-entropy on softmax: the book's y − t):
   * the network's last layer must use it, and skips its activation backward.
   */
  readonly outputActivation?: Activation;
  value<S>(
    backend: Backend<S>,
    y: Tensor<S>,
    t: Tensor<S>,
    out: Tensor<S>,
    accumulate: boolean,
  ): void;
  gradient<S>(backend: Backend<S>, y: Tensor<S>, t: Tensor<S>, out: Tensor<S>): void;
}

function kernelLoss(kind: LossKind, outputActivation?: Activation): Loss {
  return {
    kind,
    ...(outputActivation === undefined ? {} : { outputActivation }),
    value: (backend, y, t, out, accumulate) => backend.lossValue(kind, y, t, out, accumulate),
    gradient: (backend, y, t, out) => backend.lossGradient(kind, y, t, out),
  };
}

/** The book's regression loss: ½Σ(y − t)² per sample, summed over the batch; its gradient is y − t. */
export const sumOfSquares: Loss = kernelLoss('sumOfSquares');

/**
 * Mean squared error: Σ(y − t)² / outputs per sample. Like the book's loss, a
 * batch's objective is the total over its samples (scale eta for big batches).
 */
export const meanSquaredError: Loss = kernelLoss('meanSquaredError');

/**
 * The book's classification loss: −Σ t · log(y + 1e-7) per sample over a
 * softmax output, summed over the batch; its delta at the softmax's input is y − t.
 */
export const crossEntropy: Loss = kernelLoss('crossEntropy', 'softmax');

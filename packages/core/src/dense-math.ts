import { type Activation, N, type RequiredKernels, T } from './kernels.js';
import type { Tensor } from './tensor.js';

type Kernels<S> = Pick<
  RequiredKernels<S>,
  'matMul' | 'biasAdd' | 'columnSum' | 'activationForward' | 'activationBackward'
>;

/**
 * A dense layer's math on the required kernels, written once: core's
 * fallback when a backend has no fused kernel, the reference backend and any
 * backend that fuses nothing call these.
 */

/** The book's forward: u = x · W + b, y = f(u), in place on out. */
export function denseForwardFromKernels<S>(
  k: Kernels<S>,
  x: Tensor<S>,
  w: Tensor<S>,
  b: Tensor<S>,
  activation: Activation,
  out: Tensor<S>,
): void {
  k.matMul(x, w, out, N, N);
  k.biasAdd(out, b, out);
  if (activation !== 'identity') k.activationForward(activation, out, out);
}

/**
 * The book's backward: delta = dy · f'(u) (for the identity output, y − t
 * itself), grad_w = xᵀ · delta, grad_b = Σ delta, grad_x = delta · Wᵀ.
 */
export function denseBackwardFromKernels<S>(
  k: Kernels<S>,
  x: Tensor<S>,
  w: Tensor<S>,
  y: Tensor<S>,
  dy: Tensor<S>,
  activation: Activation,
  delta: Tensor<S>,
  gradW: Tensor<S>,
  gradB: Tensor<S>,
  dx: Tensor<S> | undefined,
): void {
  let d = dy;
  if (activation !== 'identity') {
    k.activationBackward(activation, y, dy, delta);
    d = delta;
  }
  k.matMul(x, d, gradW, T, N);
  k.columnSum(d, gradB);
  if (dx !== undefined) k.matMul(d, w, dx, N, T);
}

import type { KernelThis } from '../device.js';
import { activate } from '../kernels/activate.js';
import { lossTerm } from '../kernels/loss-forms.js';

// Kernels of a plan's step, before the backward pass. A step reads its batch
// through the epoch's order (row i of the batch is data row order[offset + i]),
// so no gather pass copies it; offset is an argument, so every batch of an
// epoch shares one kernel.

export interface ForwardConstants {
  inputs: number;
  units: number;
  /** The activation's ACTIVATION_CODES entry. */
  kind: number;
  /** 1 for the first layer, whose input is the data set read through the order; else 0. */
  gather: number;
  /** 1 where a dropout follows: the output is multiplied by the mask's row offset + i; else 0. */
  masked: number;
}

/** out[i, j] = activation(Σp x[i, p] · w[p, j] + b[j]) (· mask), in np.dot(x, w) + b's order. */
export function forwardKernel(
  this: KernelThis<ForwardConstants>,
  x: number[],
  order: number[],
  offset: number,
  w: number[],
  b: number[],
  mask: number[],
): number {
  const i = Math.floor((this.thread.x + 0.5) / this.constants.units);
  const j = this.thread.x - i * this.constants.units;
  let row = i;
  if (this.constants.gather > 0.5) row = order[offset + i] as number;
  let sum = 0;
  for (let p = 0; p < this.constants.inputs; p++) {
    sum +=
      (x[row * this.constants.inputs + p] as number) * (w[p * this.constants.units + j] as number);
  }
  const h = activate(sum + (b[j] as number), this.constants.kind);
  if (this.constants.masked > 0.5)
    return h * (mask[(offset + i) * this.constants.units + j] as number);
  return h;
}

/**
 * A softmax output: out[i, j] = exp(u[i, j]) / Σc exp(u[i, c]), each thread
 * summing its row's units (u as forwardKernel sums it; the book's form).
 */
export function forwardSoftmaxKernel(
  this: KernelThis<ForwardConstants>,
  x: number[],
  order: number[],
  offset: number,
  w: number[],
  b: number[],
): number {
  const i = Math.floor((this.thread.x + 0.5) / this.constants.units);
  const j = this.thread.x - i * this.constants.units;
  let row = i;
  if (this.constants.gather > 0.5) row = order[offset + i] as number;
  let total = 0;
  for (let c = 0; c < this.constants.units; c++) {
    let u = 0;
    for (let p = 0; p < this.constants.inputs; p++) {
      u +=
        (x[row * this.constants.inputs + p] as number) *
        (w[p * this.constants.units + c] as number);
    }
    total += Math.exp(u + (b[c] as number));
  }
  let own = 0;
  for (let p = 0; p < this.constants.inputs; p++) {
    own +=
      (x[row * this.constants.inputs + p] as number) * (w[p * this.constants.units + j] as number);
  }
  return Math.exp(own + (b[j] as number)) / total;
}

export interface LossConstants {
  rows: number;
  cols: number;
  /** LOSS_FORMS' value scale, term and guard. */
  scale: number;
  term: number;
  epsilon: number;
}

/** out (1×1) = previous + the batch's total loss against t's rows by the order, in one thread. */
export function lossKernel(
  this: KernelThis<LossConstants>,
  y: number[],
  t: number[],
  order: number[],
  offset: number,
  previous: number[],
): number {
  let total = previous[0] as number;
  for (let i = 0; i < this.constants.rows; i++) {
    const row = order[offset + i] as number;
    let terms = 0;
    for (let c = 0; c < this.constants.cols; c++) {
      terms += lossTerm(
        y[i * this.constants.cols + c] as number,
        t[row * this.constants.cols + c] as number,
        this.constants.term,
        this.constants.epsilon,
      );
    }
    total += this.constants.scale * terms;
  }
  return total;
}

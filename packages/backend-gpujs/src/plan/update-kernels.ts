import type { KernelThis } from '../device.js';
import { backprop } from '../kernels/activate.js';

// A layer's SGD update fused with its gradient, one kernel per parameter:
// w'[p, j] = w[p, j] − eta · Σi x[i, p] · delta[i, j] (the book's
// w -= eta * grad_w with grad_w = xᵀ · delta), and the bias as a weight whose
// input is always 1 (b -= eta * Σ delta). The kernel renders into a fresh
// output that then replaces w's (GL cannot read and write one texture), so
// every thread reads the old w. With descend 0 (optimizers with state) the
// kernel returns the gradient Σi x[i, p] · delta[i, j] itself, for the
// update kernels to take from the parameter's grad. The three kernels
// differ only in where delta comes from.

export interface UpdateConstants {
  rows: number;
  inputs: number;
  units: number;
  /** 1 for the first layer, whose input is the data set read through the order; else 0. */
  gather: number;
  /** 1 for the bias (output 1 × units), 0 for the weights (inputs × units). */
  bias: number;
  /** 1: return w − eta · gradient (SGD); 0: return the gradient. */
  descend: number;
}

export interface OutputDeltaConstants {
  /** This layer's ACTIVATION_CODES entry. */
  kind: number;
  /** LOSS_FORMS' gradient scale: the loss's gradient is lossScale · (y − t). */
  lossScale: number;
}

export interface InlineDeltaConstants extends OutputDeltaConstants {
  /** The output layer's units and delta's activation code (kind is this layer's). */
  upUnits: number;
  upKind: number;
}

/**
 * The output layer: delta = f'(y) · lossScale · (y − t), from y and t's row
 * by the order (kind identity where the loss gives the delta at the input).
 */
export function updateFromOutput(
  this: KernelThis<UpdateConstants & OutputDeltaConstants>,
  w: number[],
  x: number[],
  order: number[],
  offset: number,
  eta: number,
  y: number[],
  t: number[],
): number {
  const p = Math.floor((this.thread.x + 0.5) / this.constants.units);
  const j = this.thread.x - p * this.constants.units;
  let sum = 0;
  for (let i = 0; i < this.constants.rows; i++) {
    const row = order[offset + i] as number;
    const at = i * this.constants.units + j;
    const out = y[at] as number;
    const target = t[row * this.constants.units + j] as number;
    const delta = backprop(this.constants.lossScale * (out - target), out, this.constants.kind);
    let input = 1;
    if (this.constants.bias < 0.5) {
      let inputRow = i;
      if (this.constants.gather > 0.5) inputRow = row;
      input = x[inputRow * this.constants.inputs + p] as number;
    }
    sum += input * delta;
  }
  if (this.constants.descend < 0.5) return sum;
  return (w[this.thread.x] as number) - eta * sum;
}

/**
 * The layer below the output layer, with the output's delta recomputed here
 * instead of stored: delta = f'(h) · Σk delta_out[i, k] · wUp[j, k], wUp the
 * output layer's weights before their update.
 */
export function updateFromInlineDelta(
  this: KernelThis<UpdateConstants & InlineDeltaConstants>,
  w: number[],
  x: number[],
  order: number[],
  offset: number,
  eta: number,
  h: number[],
  wUp: number[],
  y: number[],
  t: number[],
): number {
  const p = Math.floor((this.thread.x + 0.5) / this.constants.units);
  const j = this.thread.x - p * this.constants.units;
  let sum = 0;
  for (let i = 0; i < this.constants.rows; i++) {
    const row = order[offset + i] as number;
    let dh = 0;
    for (let k = 0; k < this.constants.upUnits; k++) {
      const at = i * this.constants.upUnits + k;
      const out = y[at] as number;
      const target = t[row * this.constants.upUnits + k] as number;
      dh +=
        backprop(this.constants.lossScale * (out - target), out, this.constants.upKind) *
        (wUp[j * this.constants.upUnits + k] as number);
    }
    const delta = backprop(dh, h[i * this.constants.units + j] as number, this.constants.kind);
    let input = 1;
    if (this.constants.bias < 0.5) {
      let inputRow = i;
      if (this.constants.gather > 0.5) inputRow = row;
      input = x[inputRow * this.constants.inputs + p] as number;
    }
    sum += input * delta;
  }
  if (this.constants.descend < 0.5) return sum;
  return (w[this.thread.x] as number) - eta * sum;
}

/** Any layer, with its delta stored by a delta kernel earlier in the step. */
export function updateFromStoredDelta(
  this: KernelThis<UpdateConstants>,
  w: number[],
  x: number[],
  order: number[],
  offset: number,
  eta: number,
  delta: number[],
): number {
  const p = Math.floor((this.thread.x + 0.5) / this.constants.units);
  const j = this.thread.x - p * this.constants.units;
  let sum = 0;
  for (let i = 0; i < this.constants.rows; i++) {
    let input = 1;
    if (this.constants.bias < 0.5) {
      let inputRow = i;
      if (this.constants.gather > 0.5) inputRow = order[offset + i] as number;
      input = x[inputRow * this.constants.inputs + p] as number;
    }
    sum += input * (delta[i * this.constants.units + j] as number);
  }
  if (this.constants.descend < 0.5) return sum;
  return (w[this.thread.x] as number) - eta * sum;
}

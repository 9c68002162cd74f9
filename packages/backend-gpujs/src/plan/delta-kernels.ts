import type { KernelThis } from '../device.js';
import { backprop } from '../kernels/activate.js';
import type { InlineDeltaConstants } from './update-kernels.js';

// A hidden layer's delta, stored for its own update kernels and for the
// delta of the layer below: delta[i, j] = f'(h[i, j]) · Σk deltaUp[i, k] · wUp[j, k]
// (the book's grad_x = delta · Wᵀ of the layer above, then its backward),
// computed from the layer above's weights before their update. Where a
// dropout follows the layer, the sum is multiplied by its mask first
// (the dropout's backward, dx = dy · mask).

export interface DeltaConstants {
  units: number;
  /** This layer's ACTIVATION_CODES entry. */
  kind: number;
  upUnits: number;
  /** 1 where a dropout follows this layer; else 0. */
  masked: number;
}

/** The layer below the output layer: deltaUp recomputed from y and t's row by the order. */
export function deltaFromOutput(
  this: KernelThis<DeltaConstants & InlineDeltaConstants>,
  h: number[],
  wUp: number[],
  y: number[],
  t: number[],
  order: number[],
  offset: number,
  mask: number[],
): number {
  const i = Math.floor((this.thread.x + 0.5) / this.constants.units);
  const j = this.thread.x - i * this.constants.units;
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
  if (this.constants.masked > 0.5)
    dh = dh * (mask[(offset + i) * this.constants.units + j] as number);
  return backprop(dh, h[this.thread.x] as number, this.constants.kind);
}

/** Any lower layer: deltaUp stored by the kernel before. */
export function deltaFromStored(
  this: KernelThis<DeltaConstants>,
  h: number[],
  wUp: number[],
  deltaUp: number[],
  offset: number,
  mask: number[],
): number {
  const i = Math.floor((this.thread.x + 0.5) / this.constants.units);
  const j = this.thread.x - i * this.constants.units;
  let dh = 0;
  for (let k = 0; k < this.constants.upUnits; k++) {
    dh +=
      (deltaUp[i * this.constants.upUnits + k] as number) *
      (wUp[j * this.constants.upUnits + k] as number);
  }
  if (this.constants.masked > 0.5)
    dh = dh * (mask[(offset + i) * this.constants.units + j] as number);
  return backprop(dh, h[this.thread.x] as number, this.constants.kind);
}

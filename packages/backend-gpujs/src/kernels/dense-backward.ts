import type { KernelTable } from '@nn/core';
import type { GpujsDevice, KernelThis } from '../device.js';
import type { GpujsStorage } from '../storage.js';
import { activationCode, backprop } from './activate.js';
import { softmaxBackwardKernel } from './softmax.js';

interface DenseBackwardConstants {
  rows: number;
  inputs: number;
  units: number;
  kind: number;
}

// delta[i, j] = backprop(dy[i, j], y[i, j]) is recomputed where it is used
// instead of stored: the three products below need no pass of their own for it.

/** grad_w[p, j] = Σi x[i, p] · delta[i, j] (xᵀ · delta). */
function gradWeightsKernel(
  this: KernelThis<DenseBackwardConstants>,
  x: number[],
  y: number[],
  dy: number[],
): number {
  const p = Math.floor((this.thread.x + 0.5) / this.constants.units);
  const j = this.thread.x - p * this.constants.units;
  let sum = 0;
  for (let i = 0; i < this.constants.rows; i++) {
    const at = i * this.constants.units + j;
    sum +=
      (x[i * this.constants.inputs + p] as number) *
      backprop(dy[at] as number, y[at] as number, this.constants.kind);
  }
  return sum;
}

/** grad_b[j] = Σi delta[i, j]. */
function gradBiasKernel(
  this: KernelThis<DenseBackwardConstants>,
  y: number[],
  dy: number[],
): number {
  let sum = 0;
  for (let i = 0; i < this.constants.rows; i++) {
    const at = i * this.constants.units + this.thread.x;
    sum += backprop(dy[at] as number, y[at] as number, this.constants.kind);
  }
  return sum;
}

/** grad_x[i, p] = Σj delta[i, j] · w[p, j] (delta · wᵀ). */
function gradInputKernel(
  this: KernelThis<DenseBackwardConstants>,
  w: number[],
  y: number[],
  dy: number[],
): number {
  const i = Math.floor((this.thread.x + 0.5) / this.constants.inputs);
  const p = this.thread.x - i * this.constants.inputs;
  let sum = 0;
  for (let j = 0; j < this.constants.units; j++) {
    const at = i * this.constants.units + j;
    sum +=
      backprop(dy[at] as number, y[at] as number, this.constants.kind) *
      (w[p * this.constants.units + j] as number);
  }
  return sum;
}

/**
 * Fused backward of a dense layer: three passes (two without dx) instead of
 * four, the activation's derivative folded into each, `delta` unused.
 * softmax's derivative needs its whole row: it is written to `delta` first
 * (one pass more), and the three passes read it as an identity's dy.
 */
export function denseBackward(device: GpujsDevice): KernelTable<GpujsStorage>['denseBackward'] {
  return (x, w, y, dy, activation, delta, gradW, gradB, dx) => {
    let upstream = dy.storage;
    if (activation === 'softmax') {
      const kernel = device.kernel(
        `activationBackward:softmax:${y.rows}x${y.cols}`,
        softmaxBackwardKernel,
        delta.size,
        { cols: y.cols },
      );
      device.run(delta.storage, kernel, y.storage, dy.storage);
      upstream = delta.storage;
    }
    const kind = activation === 'softmax' ? 'identity' : activation;
    const constants = {
      rows: x.rows,
      inputs: w.rows,
      units: w.cols,
      kind: activationCode(kind),
    };
    const key = `${x.rows}x${w.rows}x${w.cols}:${kind}`;
    const args = [y.storage, upstream] as const;
    device.run(
      gradW.storage,
      device.kernel(`denseBackward.w:${key}`, gradWeightsKernel, gradW.size, constants),
      x.storage,
      ...args,
    );
    device.run(
      gradB.storage,
      device.kernel(`denseBackward.b:${key}`, gradBiasKernel, gradB.size, constants),
      ...args,
    );
    if (dx === undefined) return;
    device.run(
      dx.storage,
      device.kernel(`denseBackward.x:${key}`, gradInputKernel, dx.size, constants),
      w.storage,
      ...args,
    );
  };
}

import type { KernelTable } from '@nn/core';
import type { GpujsDevice, KernelThis } from '../device.js';
import type { GpujsStorage } from '../storage.js';
import { activate, activationCode } from './activate.js';

interface DenseConstants {
  n: number;
  k: number;
  kind: number;
}

/** Fused out = activation(x · w + b): one pass instead of three, in np.dot(x, w) + b's order. */
function denseKernel(
  this: KernelThis<DenseConstants>,
  x: number[],
  w: number[],
  b: number[],
): number {
  const i = Math.floor((this.thread.x + 0.5) / this.constants.n);
  const j = this.thread.x - i * this.constants.n;
  let sum = 0;
  for (let p = 0; p < this.constants.k; p++) {
    sum += (x[i * this.constants.k + p] as number) * (w[p * this.constants.n + j] as number);
  }
  return activate(sum + (b[j] as number), this.constants.kind);
}

/**
 * Fused out = softmax(x · w + b): each thread computes its row's n sums
 * (the kernel path's output layers are narrow) and exp(u_j) / Σc exp(u_c),
 * u summed as denseKernel sums it.
 */
function denseSoftmaxKernel(
  this: KernelThis<DenseConstants>,
  x: number[],
  w: number[],
  b: number[],
): number {
  const i = Math.floor((this.thread.x + 0.5) / this.constants.n);
  const j = this.thread.x - i * this.constants.n;
  let total = 0;
  for (let c = 0; c < this.constants.n; c++) {
    let u = 0;
    for (let p = 0; p < this.constants.k; p++) {
      u += (x[i * this.constants.k + p] as number) * (w[p * this.constants.n + c] as number);
    }
    total += Math.exp(u + (b[c] as number));
  }
  let own = 0;
  for (let p = 0; p < this.constants.k; p++) {
    own += (x[i * this.constants.k + p] as number) * (w[p * this.constants.n + j] as number);
  }
  return Math.exp(own + (b[j] as number)) / total;
}

export function denseForward(device: GpujsDevice): KernelTable<GpujsStorage>['denseForward'] {
  return (x, w, b, activation, out) => {
    const key = `denseForward:${x.rows}x${x.cols}:${w.cols}:${activation}`;
    const constants = { n: w.cols, k: x.cols, kind: activationCode(activation) };
    const source = activation === 'softmax' ? denseSoftmaxKernel : denseKernel;
    const kernel = device.kernel(key, source, out.size, constants);
    device.run(out.storage, kernel, x.storage, w.storage, b.storage);
  };
}

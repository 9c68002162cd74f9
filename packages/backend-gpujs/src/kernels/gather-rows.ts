import type { KernelTable } from '@nn/core';
import type { GpujsDevice, KernelThis } from '../device.js';
import type { GpujsStorage } from '../storage.js';

function gatherKernel(
  this: KernelThis<{ n: number }>,
  src: number[],
  indices: number[],
  offset: number,
): number {
  const i = Math.floor((this.thread.x + 0.5) / this.constants.n);
  const j = this.thread.x - i * this.constants.n;
  return src[(indices[offset + i] as number) * this.constants.n + j] as number;
}

/** out row i = src row indices[offset + i]; offset is an argument, so every batch of an epoch shares one kernel. */
export function gatherRows(device: GpujsDevice): KernelTable<GpujsStorage>['gatherRows'] {
  return (src, indices, offset, out) => {
    const key = `gatherRows:${src.rows}x${src.cols}:${indices.size}:${out.rows}`;
    const kernel = device.kernel(key, gatherKernel, out.size, { n: src.cols });
    device.run(out.storage, kernel, src.storage, indices.storage, offset);
  };
}

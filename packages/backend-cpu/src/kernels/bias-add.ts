import type { CpuTensor } from './storage.js';

/** out = x + bias, the 1×n bias added to every row. */
export function biasAdd(x: CpuTensor, bias: CpuTensor, out: CpuTensor): void {
  const X = x.storage;
  const b = bias.storage;
  const Y = out.storage;
  const n = x.cols;
  for (let row = 0; row < X.length; row += n) {
    for (let j = 0; j < n; j++) Y[row + j] = (X[row + j] as number) + (b[j] as number);
  }
}

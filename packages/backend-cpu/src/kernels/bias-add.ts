import type { CpuTensor } from './storage.js';

/** out = x + bias, the 1×n bias added to every row. */
export function biasAdd(x: CpuTensor, bias: CpuTensor, out: CpuTensor): void {
  const X = x.storage;
  const b = bias.storage;
  const Y = out.storage;
  const n = x.cols;
  for (let i = 0; i < X.length; i++) Y[i] = (X[i] as number) + (b[i % n] as number);
}

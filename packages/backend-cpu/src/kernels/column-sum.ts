import type { CpuTensor } from './storage.js';

/** out (1×n) = Σ over rows of x, row by row like np.sum(x, axis=0). */
export function columnSum(x: CpuTensor, out: CpuTensor): void {
  const X = x.storage;
  const Y = out.storage;
  const n = x.cols;
  Y.fill(0);
  for (let i = 0; i < X.length; i++) Y[i % n] = (Y[i % n] as number) + (X[i] as number);
}

import type { CpuTensor } from './storage.js';

/** out (1×n) = Σ over rows of x, row by row like np.sum(x, axis=0). */
export function columnSum(x: CpuTensor, out: CpuTensor): void {
  const X = x.storage;
  const Y = out.storage;
  const n = x.cols;
  for (let j = 0; j < n; j++) Y[j] = X[j] as number;
  for (let row = n; row < X.length; row += n) {
    for (let j = 0; j < n; j++) Y[j] = (Y[j] as number) + (X[row + j] as number);
  }
}

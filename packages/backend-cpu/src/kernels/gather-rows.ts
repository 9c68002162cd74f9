import type { CpuTensor } from './storage.js';

/** out row i = src row indices[offset + i]. */
export function gatherRows(
  src: CpuTensor,
  indices: CpuTensor,
  offset: number,
  out: CpuTensor,
): void {
  const S = src.storage;
  const I = indices.storage;
  const O = out.storage;
  const n = src.cols;
  for (let i = 0; i < out.rows; i++) {
    const from = (I[offset + i] as number) * n;
    for (let j = 0; j < n; j++) O[i * n + j] = S[from + j] as number;
  }
}

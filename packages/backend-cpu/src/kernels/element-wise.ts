import type { CpuTensor } from './storage.js';

/** The shared helper of the element-wise kernels: out[i] = f(x[i]). */
export function mapUnary(x: CpuTensor, out: CpuTensor, f: (v: number) => number): void {
  const X = x.storage;
  const Y = out.storage;
  for (let i = 0; i < X.length; i++) Y[i] = f(X[i] as number);
}

/** out[i] = f(a[i], b[i]). */
export function mapBinary(
  a: CpuTensor,
  b: CpuTensor,
  out: CpuTensor,
  f: (u: number, v: number) => number,
): void {
  const A = a.storage;
  const B = b.storage;
  const Y = out.storage;
  for (let i = 0; i < A.length; i++) Y[i] = f(A[i] as number, B[i] as number);
}

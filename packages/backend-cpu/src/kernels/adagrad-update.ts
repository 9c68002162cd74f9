import type { CpuTensor } from './storage.js';

/** The book's AdaGrad: h += g · g; w −= eta / √h · g, both in place. */
export function adagradUpdate(param: CpuTensor, grad: CpuTensor, h: CpuTensor, eta: number): void {
  const P = param.storage;
  const G = grad.storage;
  const H = h.storage;
  for (let i = 0; i < P.length; i++) {
    const g = G[i] as number;
    H[i] = (H[i] as number) + g * g;
    P[i] = (P[i] as number) - (eta / Math.sqrt(H[i] as number)) * g;
  }
}

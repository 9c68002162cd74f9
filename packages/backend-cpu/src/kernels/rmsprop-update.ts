import type { CpuTensor } from './storage.js';

/** RMSProp: h = rho · h + (1 − rho) · g · g; w −= eta · g / (√h + 1e-8), both in place. */
export function rmspropUpdate(
  param: CpuTensor,
  grad: CpuTensor,
  h: CpuTensor,
  eta: number,
  rho: number,
): void {
  const P = param.storage;
  const G = grad.storage;
  const H = h.storage;
  for (let i = 0; i < P.length; i++) {
    const g = G[i] as number;
    H[i] = rho * (H[i] as number) + (1 - rho) * g * g;
    P[i] = (P[i] as number) - (eta * g) / (Math.sqrt(H[i] as number) + 1e-8);
  }
}

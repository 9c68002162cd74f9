import type { CpuTensor } from './storage.js';

/**
 * Adam with the caller's bias corrections c1 = 1 − b1^k, c2 = 1 − b2^k:
 * m = b1·m + (1 − b1)·g; v = b2·v + (1 − b2)·g·g; w −= eta · m̂ / (√v̂ + 1e-8)
 * with m̂ = m / c1 and v̂ = v / c2, all in place.
 */
export function adamUpdate(
  param: CpuTensor,
  grad: CpuTensor,
  m: CpuTensor,
  v: CpuTensor,
  eta: number,
  beta1: number,
  beta2: number,
  correction1: number,
  correction2: number,
): void {
  const P = param.storage;
  const G = grad.storage;
  const M = m.storage;
  const V = v.storage;
  for (let i = 0; i < P.length; i++) {
    const g = G[i] as number;
    M[i] = beta1 * (M[i] as number) + (1 - beta1) * g;
    V[i] = beta2 * (V[i] as number) + (1 - beta2) * g * g;
    const mHat = (M[i] as number) / correction1;
    const vHat = (V[i] as number) / correction2;
    P[i] = (P[i] as number) - (eta * mHat) / (Math.sqrt(vHat) + 1e-8);
  }
}

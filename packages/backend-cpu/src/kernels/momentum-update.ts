import type { CpuTensor } from './storage.js';

/** Momentum: v = alpha · v − eta · g; w += v, both in place. */
export function momentumUpdate(
  param: CpuTensor,
  grad: CpuTensor,
  velocity: CpuTensor,
  eta: number,
  alpha: number,
): void {
  const P = param.storage;
  const G = grad.storage;
  const V = velocity.storage;
  for (let i = 0; i < P.length; i++) {
    V[i] = alpha * (V[i] as number) - eta * (G[i] as number);
    P[i] = (P[i] as number) + (V[i] as number);
  }
}

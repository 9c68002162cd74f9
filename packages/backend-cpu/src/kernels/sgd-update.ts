import type { CpuTensor } from './storage.js';

/** param −= eta · grad, as the book's w -= eta * grad_w. */
export function sgdUpdate(param: CpuTensor, grad: CpuTensor, eta: number): void {
  const P = param.storage;
  const G = grad.storage;
  for (let i = 0; i < P.length; i++) P[i] = (P[i] as number) - eta * (G[i] as number);
}

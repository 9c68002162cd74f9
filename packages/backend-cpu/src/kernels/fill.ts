import type { CpuTensor } from './storage.js';

export function fill(out: CpuTensor, value: number): void {
  out.storage.fill(value);
}

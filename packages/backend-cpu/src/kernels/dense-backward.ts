import type { Activation } from '@nn/core';
import { activationBackward } from './activation-backward.js';
import { columnSum } from './column-sum.js';
import { matMul } from './mat-mul.js';
import type { CpuTensor } from './storage.js';

/**
 * Fused backward of a dense layer: one call from core instead of four, in the
 * same order of operations as the separate kernels (and as NumPy).
 */
export function denseBackward(
  x: CpuTensor,
  w: CpuTensor,
  y: CpuTensor,
  dy: CpuTensor,
  activation: Activation,
  delta: CpuTensor,
  gradW: CpuTensor,
  gradB: CpuTensor,
  dx: CpuTensor | undefined,
): void {
  let d = dy;
  if (activation !== 'identity') {
    activationBackward(activation, y, dy, delta);
    d = delta;
  }
  matMul(x, d, gradW, true, false);
  columnSum(d, gradB);
  if (dx !== undefined) matMul(d, w, dx, false, true);
}

import { type Activation, denseBackwardFromKernels } from '@nn/core';
import { activationBackward } from './activation-backward.js';
import { activationForward } from './activation-forward.js';
import { biasAdd } from './bias-add.js';
import { columnSum } from './column-sum.js';
import { matMul } from './mat-mul.js';
import type { CpuTensor } from './storage.js';

const cpuKernels = { matMul, biasAdd, columnSum, activationForward, activationBackward };

/**
 * Fused backward of a dense layer: core's dense math on this backend's
 * kernels, called directly, so one checked call from core replaces four.
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
  denseBackwardFromKernels(cpuKernels, x, w, y, dy, activation, delta, gradW, gradB, dx);
}

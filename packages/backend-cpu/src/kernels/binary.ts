import type { BinaryOp } from '@nn/core';
import { mapBinary } from './element-wise.js';
import type { CpuTensor } from './storage.js';

const BINARY: Record<BinaryOp, (u: number, v: number) => number> = {
  add: (u, v) => u + v,
  subtract: (u, v) => u - v,
  multiply: (u, v) => u * v,
  divide: (u, v) => u / v,
};

export function binary(op: BinaryOp, a: CpuTensor, b: CpuTensor, out: CpuTensor): void {
  mapBinary(a, b, out, BINARY[op]);
}

import type { UnaryOp } from '@nn/core';
import { mapUnary } from './element-wise.js';
import type { CpuTensor } from './storage.js';

const UNARY: Record<UnaryOp, (v: number) => number> = {
  negate: (v) => -v,
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  square: (v) => v * v,
  abs: Math.abs,
};

export function unary(op: UnaryOp, x: CpuTensor, out: CpuTensor): void {
  mapUnary(x, out, UNARY[op]);
}

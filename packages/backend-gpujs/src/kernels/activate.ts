import type { Activation } from '@nn/core';

/**
 * Each activation's code in the kernels, by name, not by its place in core's
 * ACTIVATIONS list: a new activation fails to typecheck until it has a code
 * here. Kernel source cannot read this record, so activate and backprop
 * below repeat its numbers in their branches. softmax works on whole rows:
 * the element-wise helpers below never see its code; callers pick a row
 * kernel for it (src/kernels/softmax.ts, the dense and plan forwards), and
 * its delta under cross-entropy is the identity's.
 */
export const ACTIVATION_CODES = {
  sigmoid: 0,
  identity: 1,
  tanh: 2,
  relu: 3,
  softmax: 4,
} as const satisfies Record<Activation, number>;

/**
 * Kernel-side helpers, registered on every gpu.js instance. GLSL ES 1.0 has no
 * tanh and gpu.js's stand-in (e^2x − 1)/(e^2x + 1) turns into NaN past |x| ≈ 44,
 * so tanh is computed from e^−2|x|, with a series near 0 where 1 − e^−2|x| cancels.
 */
export function stableTanh(v: number): number {
  const a = Math.abs(v);
  if (a < 0.0625) {
    const v2 = v * v;
    return v * (1 - v2 * (0.3333333333 - v2 * 0.1333333333));
  }
  const e = Math.exp(-2 * a);
  const r = (1 - e) / (1 + e);
  if (v < 0) return -r;
  return r;
}

/**
 * `code` is the activation's ACTIVATION_CODES entry, a compile-time constant
 * in each kernel. These helpers' parameter names must differ from every
 * kernel constant's: gpu.js's cpu mode reads a helper's identifier that
 * matches a constant's name as that constant.
 */
export function activate(v: number, code: number): number {
  if (code === 0) return 1 / (1 + Math.exp(-v));
  if (code === 2) return stableTanh(v);
  // v < 0 ? 0 : v keeps NaN as NaN, so a diverging run is caught.
  if (code === 3) {
    if (v < 0) return 0;
    return v;
  }
  return v;
}

/**
 * dy · f'(u) from the forward output y, as activationBackward computes it
 * (the book's dy·(1 − y)·y for sigmoid). tanh's 1 − y² is taken as
 * (1 − y)(1 + y): in float32, 1 − y·y loses y·y's rounding to the
 * cancellation as y nears ±1, the factors do not.
 */
export function backprop(dy: number, y: number, code: number): number {
  if (code === 0) return dy * (1 - y) * y;
  if (code === 2) return dy * ((1 - y) * (1 + y));
  if (code === 3) {
    if (y > 0) return dy;
    return 0;
  }
  return dy;
}

export function activationCode(kind: Activation): number {
  return ACTIVATION_CODES[kind];
}

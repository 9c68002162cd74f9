import { ACTIVATIONS, type Activation } from '@nn/core';

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

/** `kind` is the activation's index in ACTIVATIONS, a compile-time constant in each kernel. */
export function activate(v: number, kind: number): number {
  if (kind === 0) return 1 / (1 + Math.exp(-v));
  if (kind === 2) return stableTanh(v);
  // v < 0 ? 0 : v keeps NaN as NaN, so a diverging run is caught.
  if (kind === 3) {
    if (v < 0) return 0;
    return v;
  }
  return v;
}

/** dy · f'(u) from the forward output y, as activationBackward computes it (the book's dy·(1 − y)·y for sigmoid). */
export function backprop(dy: number, y: number, kind: number): number {
  if (kind === 0) return dy * (1 - y) * y;
  if (kind === 2) return dy * (1 - y * y);
  if (kind === 3) {
    if (y > 0) return dy;
    return 0;
  }
  return dy;
}

export function activationCode(kind: Activation): number {
  return ACTIVATIONS.indexOf(kind);
}

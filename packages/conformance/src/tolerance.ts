import type { Precision } from '@nn/core';

/** Unit roundoff of each precision: 2^-52 and 2^-23. */
export const EPSILON: Record<Precision, number> = { float64: 2 ** -52, float32: 2 ** -23 };

/**
 * Bound on |actual − expected| for a kernel output that sums `terms` products
 * whose absolute values add up to `magnitude`: each rounding step costs at most
 * eps · magnitude, plus a few ulps for transcendental functions (exp, tanh) that
 * GPUs compute less exactly than libm.
 */
export function kernelTolerance(precision: Precision, terms: number, magnitude: number): number {
  return 4 * (terms + 2) * EPSILON[precision] * Math.max(magnitude, Number.MIN_VALUE);
}

/**
 * Central differences with step h = eps^(1/3) balance rounding (eps·|L|/h) and
 * truncation (h²·|L'''|): both are about eps^(2/3), so the bound scales with it.
 */
export function finiteDifferenceStep(precision: Precision): number {
  return Math.cbrt(EPSILON[precision]);
}

export function finiteDifferenceTolerance(precision: Precision, lossMagnitude: number): number {
  return 20 * EPSILON[precision] ** (2 / 3) * (1 + lossMagnitude);
}

/**
 * Relative tolerance of the textbook run's error against the float64 NumPy
 * reference. Each SGD step rounds the weights by about eps; the run is
 * contractive, so those roundings add up like a random walk, eps · √steps,
 * and the factor 100 covers the error's sensitivity to the weights. Measured
 * on the CPU backend over five seeded runs of 126,063 steps (2001 epochs × 63):
 * float64 worst 2.5e-13 against 7.9e-12 allowed; float32 worst 3.0e-4 against
 * 4.2e-3 allowed.
 */
export function textbookTolerance(precision: Precision, steps: number): number {
  return 100 * EPSILON[precision] * Math.sqrt(steps);
}

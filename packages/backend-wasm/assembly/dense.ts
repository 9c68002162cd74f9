// The fused dense layer, the same steps as core's dense-math.ts in one call.
import { IDENTITY } from './codes';
import { activationBackward, activationForward, biasAdd, columnSum } from './element';
import { matMul } from './threads';

/** u = x · W + b, y = f(u), in place on out. */
export function denseForward<T>(
  x: usize,
  w: usize,
  b: usize,
  activation: i32,
  out: usize,
  rows: i32,
  inputs: i32,
  units: i32,
): void {
  matMul<T>(x, w, out, rows, units, inputs, false, false);
  biasAdd<T>(out, b, out, rows, units);
  if (activation !== IDENTITY) activationForward<T>(activation, out, out, rows, units);
}

/** delta = dy · f'(u), grad_w = xᵀ · delta, grad_b = Σ delta, and grad_x = delta · Wᵀ when asked. */
export function denseBackward<T>(
  x: usize,
  w: usize,
  y: usize,
  dy: usize,
  activation: i32,
  delta: usize,
  gradW: usize,
  gradB: usize,
  dx: usize,
  withDx: bool,
  rows: i32,
  inputs: i32,
  units: i32,
): void {
  let d = dy;
  if (activation !== IDENTITY) {
    activationBackward<T>(activation, y, dy, delta, rows, units);
    d = delta;
  }
  matMul<T>(x, d, gradW, inputs, units, rows, true, false);
  columnSum<T>(d, gradB, rows, units);
  if (withDx) matMul<T>(d, w, dx, rows, inputs, units, false, true);
}

// The module's exports: every kernel for float64 (_f64) and float32 (_f32) on byte offsets into this
// memory, the plan runner, and the thread pool's entry points. The memory is imported; the JavaScript
// side allocates every array, so the module keeps no heap of its own.
import { denseBackward, denseForward } from './dense';
import * as e from './element';
import { scratchBytes } from './mat-mul';
import { runBatches } from './plan';
import { matMul, setPool, workerLoop } from './threads';

export { scratchBytes, setPool, workerLoop };

/** Where the JavaScript allocator may start: past the module's static data. */
export function heapBase(): usize {
  return __heap_base;
}

export function matMul_f64(
  a: usize,
  b: usize,
  c: usize,
  m: i32,
  n: i32,
  k: i32,
  ta: bool,
  tb: bool,
): void {
  matMul<f64>(a, b, c, m, n, k, ta, tb);
}
export function matMul_f32(
  a: usize,
  b: usize,
  c: usize,
  m: i32,
  n: i32,
  k: i32,
  ta: bool,
  tb: bool,
): void {
  matMul<f32>(a, b, c, m, n, k, ta, tb);
}
export function biasAdd_f64(x: usize, bias: usize, out: usize, rows: i32, cols: i32): void {
  e.biasAdd<f64>(x, bias, out, rows, cols);
}
export function biasAdd_f32(x: usize, bias: usize, out: usize, rows: i32, cols: i32): void {
  e.biasAdd<f32>(x, bias, out, rows, cols);
}
export function columnSum_f64(x: usize, out: usize, rows: i32, cols: i32): void {
  e.columnSum<f64>(x, out, rows, cols);
}
export function columnSum_f32(x: usize, out: usize, rows: i32, cols: i32): void {
  e.columnSum<f32>(x, out, rows, cols);
}
export function activationForward_f64(kind: i32, x: usize, out: usize, rows: i32, cols: i32): void {
  e.activationForward<f64>(kind, x, out, rows, cols);
}
export function activationForward_f32(kind: i32, x: usize, out: usize, rows: i32, cols: i32): void {
  e.activationForward<f32>(kind, x, out, rows, cols);
}
export function activationBackward_f64(
  kind: i32,
  y: usize,
  dy: usize,
  out: usize,
  rows: i32,
  cols: i32,
): void {
  e.activationBackward<f64>(kind, y, dy, out, rows, cols);
}
export function activationBackward_f32(
  kind: i32,
  y: usize,
  dy: usize,
  out: usize,
  rows: i32,
  cols: i32,
): void {
  e.activationBackward<f32>(kind, y, dy, out, rows, cols);
}
export function lossValue_f64(
  kind: i32,
  y: usize,
  t: usize,
  out: usize,
  rows: i32,
  cols: i32,
  accumulate: bool,
): void {
  e.lossValue<f64>(kind, y, t, out, rows, cols, accumulate);
}
export function lossValue_f32(
  kind: i32,
  y: usize,
  t: usize,
  out: usize,
  rows: i32,
  cols: i32,
  accumulate: bool,
): void {
  e.lossValue<f32>(kind, y, t, out, rows, cols, accumulate);
}
export function lossGradient_f64(
  kind: i32,
  y: usize,
  t: usize,
  out: usize,
  rows: i32,
  cols: i32,
): void {
  e.lossGradient<f64>(kind, y, t, out, rows, cols);
}
export function lossGradient_f32(
  kind: i32,
  y: usize,
  t: usize,
  out: usize,
  rows: i32,
  cols: i32,
): void {
  e.lossGradient<f32>(kind, y, t, out, rows, cols);
}
export function unary_f64(op: i32, x: usize, out: usize, size: i32): void {
  e.unary<f64>(op, x, out, size);
}
export function unary_f32(op: i32, x: usize, out: usize, size: i32): void {
  e.unary<f32>(op, x, out, size);
}
export function binary_f64(op: i32, a: usize, b: usize, out: usize, size: i32): void {
  e.binary<f64>(op, a, b, out, size);
}
export function binary_f32(op: i32, a: usize, b: usize, out: usize, size: i32): void {
  e.binary<f32>(op, a, b, out, size);
}
export function sgdUpdate_f64(param: usize, grad: usize, eta: f64, size: i32): void {
  e.sgdUpdate<f64>(param, grad, eta, size);
}
export function sgdUpdate_f32(param: usize, grad: usize, eta: f64, size: i32): void {
  e.sgdUpdate<f32>(param, grad, eta, size);
}
export function momentumUpdate_f64(
  param: usize,
  grad: usize,
  v: usize,
  eta: f64,
  alpha: f64,
  size: i32,
): void {
  e.momentumUpdate<f64>(param, grad, v, eta, alpha, size);
}
export function momentumUpdate_f32(
  param: usize,
  grad: usize,
  v: usize,
  eta: f64,
  alpha: f64,
  size: i32,
): void {
  e.momentumUpdate<f32>(param, grad, v, eta, alpha, size);
}
export function adagradUpdate_f64(param: usize, grad: usize, h: usize, eta: f64, size: i32): void {
  e.adagradUpdate<f64>(param, grad, h, eta, size);
}
export function adagradUpdate_f32(param: usize, grad: usize, h: usize, eta: f64, size: i32): void {
  e.adagradUpdate<f32>(param, grad, h, eta, size);
}
export function rmspropUpdate_f64(
  param: usize,
  grad: usize,
  h: usize,
  eta: f64,
  rho: f64,
  size: i32,
): void {
  e.rmspropUpdate<f64>(param, grad, h, eta, rho, size);
}
export function rmspropUpdate_f32(
  param: usize,
  grad: usize,
  h: usize,
  eta: f64,
  rho: f64,
  size: i32,
): void {
  e.rmspropUpdate<f32>(param, grad, h, eta, rho, size);
}
export function adamUpdate_f64(
  param: usize,
  grad: usize,
  m: usize,
  v: usize,
  eta: f64,
  beta1: f64,
  beta2: f64,
  correction1: f64,
  correction2: f64,
  size: i32,
): void {
  e.adamUpdate<f64>(param, grad, m, v, eta, beta1, beta2, correction1, correction2, size);
}
export function adamUpdate_f32(
  param: usize,
  grad: usize,
  m: usize,
  v: usize,
  eta: f64,
  beta1: f64,
  beta2: f64,
  correction1: f64,
  correction2: f64,
  size: i32,
): void {
  e.adamUpdate<f32>(param, grad, m, v, eta, beta1, beta2, correction1, correction2, size);
}
export function gatherRows_f64(
  src: usize,
  indices: usize,
  offset: i32,
  out: usize,
  rows: i32,
  cols: i32,
): void {
  e.gatherRows<f64>(src, indices, offset, out, rows, cols);
}
export function gatherRows_f32(
  src: usize,
  indices: usize,
  offset: i32,
  out: usize,
  rows: i32,
  cols: i32,
): void {
  e.gatherRows<f32>(src, indices, offset, out, rows, cols);
}
export function fill_f64(out: usize, value: f64, size: i32): void {
  e.fill<f64>(out, value, size);
}
export function fill_f32(out: usize, value: f64, size: i32): void {
  e.fill<f32>(out, value, size);
}
export function runBatches_f64(plan: usize, first: i32, count: i32): void {
  runBatches<f64>(plan, first, count);
}
export function runBatches_f32(plan: usize, first: i32, count: i32): void {
  runBatches<f32>(plan, first, count);
}
export function denseForward_f64(
  x: usize,
  w: usize,
  b: usize,
  act: i32,
  out: usize,
  rows: i32,
  inputs: i32,
  units: i32,
): void {
  denseForward<f64>(x, w, b, act, out, rows, inputs, units);
}
export function denseForward_f32(
  x: usize,
  w: usize,
  b: usize,
  act: i32,
  out: usize,
  rows: i32,
  inputs: i32,
  units: i32,
): void {
  denseForward<f32>(x, w, b, act, out, rows, inputs, units);
}
export function denseBackward_f64(
  x: usize,
  w: usize,
  y: usize,
  dy: usize,
  act: i32,
  delta: usize,
  gradW: usize,
  gradB: usize,
  dx: usize,
  withDx: bool,
  rows: i32,
  inputs: i32,
  units: i32,
): void {
  denseBackward<f64>(x, w, y, dy, act, delta, gradW, gradB, dx, withDx, rows, inputs, units);
}
export function denseBackward_f32(
  x: usize,
  w: usize,
  y: usize,
  dy: usize,
  act: i32,
  delta: usize,
  gradW: usize,
  gradB: usize,
  dx: usize,
  withDx: bool,
  rows: i32,
  inputs: i32,
  units: i32,
): void {
  denseBackward<f32>(x, w, y, dy, act, delta, gradW, gradB, dx, withDx, rows, inputs, units);
}

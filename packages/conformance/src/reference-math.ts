import type { Activation, BinaryOp, LossKind, UnaryOp } from '@nn/core';

/**
 * The float64 math every kernel is checked against: plain loops on row-major
 * arrays, written for clarity, not speed. The reference backend runs on it too.
 */

/** op(a) · op(b) for a (aRows × aCols) and b (bRows × bCols). */
export function matMul(
  a: ArrayLike<number>,
  aShape: readonly [number, number],
  b: ArrayLike<number>,
  bShape: readonly [number, number],
  transposeA: boolean,
  transposeB: boolean,
): Float64Array {
  const [m, k] = transposeA ? [aShape[1], aShape[0]] : aShape;
  const n = transposeB ? bShape[0] : bShape[1];
  const at = (i: number, p: number) =>
    (transposeA ? a[p * aShape[1] + i] : a[i * aShape[1] + p]) as number;
  const bt = (p: number, j: number) =>
    (transposeB ? b[j * bShape[1] + p] : b[p * bShape[1] + j]) as number;
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += at(i, p) * bt(p, j);
      out[i * n + j] = sum;
    }
  }
  return out;
}

export function biasAdd(x: ArrayLike<number>, cols: number, bias: ArrayLike<number>): Float64Array {
  return Float64Array.from(x, (v, i) => v + (bias[i % cols] as number));
}

export function columnSum(x: ArrayLike<number>, cols: number): Float64Array {
  const out = new Float64Array(cols);
  for (let i = 0; i < x.length; i++) out[i % cols] = (out[i % cols] as number) + (x[i] as number);
  return out;
}

export function unary(op: UnaryOp, v: number): number {
  switch (op) {
    case 'negate':
      return -v;
    case 'exp':
      return Math.exp(v);
    case 'log':
      return Math.log(v);
    case 'sqrt':
      return Math.sqrt(v);
    case 'square':
      return v * v;
    case 'abs':
      return Math.abs(v);
  }
}

export function binary(op: BinaryOp, u: number, v: number): number {
  switch (op) {
    case 'add':
      return u + v;
    case 'subtract':
      return u - v;
    case 'multiply':
      return u * v;
    case 'divide':
      return u / v;
  }
}

export function activation(kind: Activation, u: number): number {
  switch (kind) {
    case 'sigmoid':
      return 1 / (1 + Math.exp(-u));
    case 'identity':
      return u;
    case 'tanh':
      return Math.tanh(u);
    case 'relu':
      return Math.max(0, u);
  }
}

/** dy · f'(u) written with y = f(u). */
export function activationGradient(kind: Activation, y: number, dy: number): number {
  switch (kind) {
    case 'sigmoid':
      return dy * (1 - y) * y;
    case 'identity':
      return dy;
    case 'tanh':
      return dy * (1 - y * y);
    case 'relu':
      return y > 0 ? dy : 0;
  }
}

/** The batch's total of per-sample losses. */
export function lossValue(
  kind: LossKind,
  y: ArrayLike<number>,
  t: ArrayLike<number>,
  cols: number,
): number {
  let total = 0;
  for (let row = 0; row < y.length; row += cols) {
    let squares = 0;
    for (let j = row; j < row + cols; j++) squares += ((y[j] as number) - (t[j] as number)) ** 2;
    total += kind === 'sumOfSquares' ? 0.5 * squares : squares / cols;
  }
  return total;
}

export function lossGradient(
  kind: LossKind,
  y: ArrayLike<number>,
  t: ArrayLike<number>,
  cols: number,
): Float64Array {
  const scale = kind === 'sumOfSquares' ? 1 : 2 / cols;
  return Float64Array.from(y, (v, i) => scale * (v - (t[i] as number)));
}

export function gatherRows(
  src: ArrayLike<number>,
  cols: number,
  indices: ArrayLike<number>,
  offset: number,
  rows: number,
): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const from = (indices[offset + i] as number) * cols;
    for (let j = 0; j < cols; j++) out[i * cols + j] = src[from + j] as number;
  }
  return out;
}

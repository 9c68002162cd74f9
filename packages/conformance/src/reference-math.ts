import {
  type Activation,
  type BinaryOp,
  CROSS_ENTROPY_EPSILON,
  type LossKind,
  type UnaryOp,
} from '@nn/core';

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

/** f(u) of an element-wise activation (every one but softmax). */
export function activation(kind: Exclude<Activation, 'softmax'>, u: number): number {
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

/** dy · f'(u) written with y = f(u), for an element-wise activation. */
export function activationGradient(
  kind: Exclude<Activation, 'softmax'>,
  y: number,
  dy: number,
): number {
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

/** The activation of a rows × cols matrix: softmax per row, the others element by element. */
export function activationRows(kind: Activation, x: ArrayLike<number>, cols: number): Float64Array {
  if (kind !== 'softmax') return Float64Array.from(x, (u) => activation(kind, u));
  const out = new Float64Array(x.length);
  for (let row = 0; row < x.length; row += cols) {
    let sum = 0;
    for (let j = row; j < row + cols; j++) {
      out[j] = Math.exp(x[j] as number);
      sum += out[j] as number;
    }
    for (let j = row; j < row + cols; j++) out[j] = (out[j] as number) / sum;
  }
  return out;
}

/** dy · f'(u) of a rows × cols matrix; softmax's, per row, is y · (dy − Σ dy·y). */
export function activationGradientRows(
  kind: Activation,
  y: ArrayLike<number>,
  dy: ArrayLike<number>,
  cols: number,
): Float64Array {
  if (kind !== 'softmax') {
    return Float64Array.from(y, (v, i) => activationGradient(kind, v, dy[i] as number));
  }
  const out = new Float64Array(y.length);
  for (let row = 0; row < y.length; row += cols) {
    let dot = 0;
    for (let j = row; j < row + cols; j++) dot += (dy[j] as number) * (y[j] as number);
    for (let j = row; j < row + cols; j++) {
      out[j] = (y[j] as number) * ((dy[j] as number) - dot);
    }
  }
  return out;
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
    if (kind === 'crossEntropy') {
      let sum = 0;
      for (let j = row; j < row + cols; j++) {
        sum += (t[j] as number) * Math.log((y[j] as number) + CROSS_ENTROPY_EPSILON);
      }
      total += -sum;
      continue;
    }
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
  // crossEntropy's is taken at the softmax's input: y − t, like sumOfSquares'.
  const scale = kind === 'meanSquaredError' ? 2 / cols : 1;
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

/** One optimizer update of w (in place), with its state slots updated in place too. */
export function momentumUpdate(
  w: Float64Array,
  g: ArrayLike<number>,
  v: Float64Array,
  eta: number,
  alpha: number,
): void {
  for (let i = 0; i < w.length; i++) {
    v[i] = alpha * (v[i] as number) - eta * (g[i] as number);
    w[i] = (w[i] as number) + (v[i] as number);
  }
}

export function adagradUpdate(
  w: Float64Array,
  g: ArrayLike<number>,
  h: Float64Array,
  eta: number,
): void {
  for (let i = 0; i < w.length; i++) {
    const gi = g[i] as number;
    h[i] = (h[i] as number) + gi * gi;
    w[i] = (w[i] as number) - (eta / Math.sqrt(h[i] as number)) * gi;
  }
}

export function rmspropUpdate(
  w: Float64Array,
  g: ArrayLike<number>,
  h: Float64Array,
  eta: number,
  rho: number,
): void {
  for (let i = 0; i < w.length; i++) {
    const gi = g[i] as number;
    h[i] = rho * (h[i] as number) + (1 - rho) * gi * gi;
    w[i] = (w[i] as number) - (eta * gi) / (Math.sqrt(h[i] as number) + 1e-8);
  }
}

export function adamUpdate(
  w: Float64Array,
  g: ArrayLike<number>,
  m: Float64Array,
  v: Float64Array,
  eta: number,
  beta1: number,
  beta2: number,
  correction1: number,
  correction2: number,
): void {
  for (let i = 0; i < w.length; i++) {
    const gi = g[i] as number;
    m[i] = beta1 * (m[i] as number) + (1 - beta1) * gi;
    v[i] = beta2 * (v[i] as number) + (1 - beta2) * gi * gi;
    const mHat = (m[i] as number) / correction1;
    const vHat = (v[i] as number) / correction2;
    w[i] = (w[i] as number) - (eta * mHat) / (Math.sqrt(vHat) + 1e-8);
  }
}

// The element-wise and row-wise kernels, in core's order of operations (packages/core/src/kernels.ts).
import {
  ABS,
  ADD,
  CROSS_ENTROPY,
  DIVIDE,
  EXP,
  LOG,
  MEAN_SQUARED_ERROR,
  MULTIPLY,
  NEGATE,
  RELU,
  SIGMOID,
  SOFTMAX,
  SQRT,
  SQUARE,
  SUBTRACT,
  SUM_OF_SQUARES,
  TANH,
} from './codes';
import { at, get64, put, set64 } from './memory';

/** The book's cross-entropy guard: −Σ t · log(y + 1e-7). */
const CROSS_ENTROPY_EPSILON: f64 = 1e-7;
/** RMSProp's and Adam's guard in the denominator. */
const ROOT_EPSILON: f64 = 1e-8;

export function biasAdd<T>(x: usize, bias: usize, out: usize, rows: i32, cols: i32): void {
  for (let r = 0; r < rows; r++) {
    const row = r * cols;
    for (let j = 0; j < cols; j++) set64<T>(out, row + j, get64<T>(x, row + j) + get64<T>(bias, j));
  }
}

/** Σ over rows, row by row like np.sum(x, axis=0). */
export function columnSum<T>(x: usize, out: usize, rows: i32, cols: i32): void {
  for (let j = 0; j < cols; j++) set64<T>(out, j, get64<T>(x, j));
  for (let r = 1; r < rows; r++) {
    const row = r * cols;
    for (let j = 0; j < cols; j++) set64<T>(out, j, get64<T>(out, j) + get64<T>(x, row + j));
  }
}

/** f(u) of an element-wise activation (every kind but softmax). */
export function activate(kind: i32, u: f64): f64 {
  // 1 / (1 + exp(-u)), as the book writes it.
  if (kind === SIGMOID) return 1.0 / (1.0 + Math.exp(-u));
  if (kind === TANH) return Math.tanh(u);
  // f64.max keeps NaN as NaN, so a diverging run is caught.
  if (kind === RELU) return Math.max(0, u);
  return u;
}

/** dy · f'(u) of an element-wise activation, from its output y. */
export function derivative(kind: i32, y: f64, dy: f64): f64 {
  // The book's delta = grad_y * (1 - y) * y.
  if (kind === SIGMOID) return dy * (1.0 - y) * y;
  if (kind === TANH) return dy * (1.0 - y * y);
  if (kind === RELU) return y > 0 ? dy : 0;
  return dy;
}

export function activationForward<T>(kind: i32, x: usize, out: usize, rows: i32, cols: i32): void {
  if (kind === SOFTMAX) {
    // exp(u) / Σ exp(u) per row, no max subtracted; the stored exps summed from the first column.
    for (let r = 0; r < rows; r++) {
      const row = r * cols;
      let sum: f64 = 0;
      for (let j = row; j < row + cols; j++) {
        set64<T>(out, j, Math.exp(get64<T>(x, j)));
        sum += get64<T>(out, j);
      }
      for (let j = row; j < row + cols; j++) set64<T>(out, j, get64<T>(out, j) / sum);
    }
    return;
  }
  const size = rows * cols;
  for (let i = 0; i < size; i++) set64<T>(out, i, activate(kind, get64<T>(x, i)));
}

/** out = dy · f'(u) from the forward output y; works in place on dy. */
export function activationBackward<T>(
  kind: i32,
  y: usize,
  dy: usize,
  out: usize,
  rows: i32,
  cols: i32,
): void {
  if (kind === SOFTMAX) {
    // Per row y · (dy − Σ dy·y); the sum comes first, so in place works.
    for (let r = 0; r < rows; r++) {
      const row = r * cols;
      let dot: f64 = 0;
      for (let j = row; j < row + cols; j++) dot += get64<T>(dy, j) * get64<T>(y, j);
      for (let j = row; j < row + cols; j++) {
        set64<T>(out, j, get64<T>(y, j) * (get64<T>(dy, j) - dot));
      }
    }
    return;
  }
  const size = rows * cols;
  for (let i = 0; i < size; i++)
    set64<T>(out, i, derivative(kind, get64<T>(y, i), get64<T>(dy, i)));
}

/** out (+)= the batch's total loss, each sample's sum from its first column, added row by row. */
export function lossValue<T>(
  kind: i32,
  y: usize,
  t: usize,
  out: usize,
  rows: i32,
  cols: i32,
  accumulate: bool,
): void {
  let total: f64 = accumulate ? get64<T>(out, 0) : 0;
  for (let r = 0; r < rows; r++) {
    const row = r * cols;
    if (kind === CROSS_ENTROPY) {
      let sum: f64 = 0;
      for (let j = row; j < row + cols; j++) {
        sum += get64<T>(t, j) * Math.log(get64<T>(y, j) + CROSS_ENTROPY_EPSILON);
      }
      total += -sum;
    } else {
      let squares: f64 = 0;
      for (let j = row; j < row + cols; j++) {
        const d = get64<T>(y, j) - get64<T>(t, j);
        squares += d * d;
      }
      total += kind === SUM_OF_SQUARES ? 0.5 * squares : squares / <f64>cols;
    }
  }
  set64<T>(out, 0, total);
}

/** y − t (sumOfSquares, crossEntropy) or 2(y − t)/cols (meanSquaredError). */
export function lossGradient<T>(
  kind: i32,
  y: usize,
  t: usize,
  out: usize,
  rows: i32,
  cols: i32,
): void {
  const scale: f64 = kind === MEAN_SQUARED_ERROR ? 2.0 / <f64>cols : 1;
  const size = rows * cols;
  for (let i = 0; i < size; i++) set64<T>(out, i, scale * (get64<T>(y, i) - get64<T>(t, i)));
}

export function unary<T>(op: i32, x: usize, out: usize, size: i32): void {
  for (let i = 0; i < size; i++) {
    const v = get64<T>(x, i);
    let r: f64 = 0;
    if (op === NEGATE) r = -v;
    else if (op === EXP) r = Math.exp(v);
    else if (op === LOG) r = Math.log(v);
    else if (op === SQRT) r = Math.sqrt(v);
    else if (op === SQUARE) r = v * v;
    else if (op === ABS) r = Math.abs(v);
    set64<T>(out, i, r);
  }
}

export function binary<T>(op: i32, a: usize, b: usize, out: usize, size: i32): void {
  for (let i = 0; i < size; i++) {
    const u = get64<T>(a, i);
    const v = get64<T>(b, i);
    let r: f64 = 0;
    if (op === ADD) r = u + v;
    else if (op === SUBTRACT) r = u - v;
    else if (op === MULTIPLY) r = u * v;
    else if (op === DIVIDE) r = u / v;
    set64<T>(out, i, r);
  }
}

/** out = a · mask element by element, the mask read from element `start` (dropout). */
export function multiplyFrom<T>(a: usize, mask: usize, start: i32, out: usize, size: i32): void {
  for (let i = 0; i < size; i++) set64<T>(out, i, get64<T>(a, i) * get64<T>(mask, start + i));
}

export function sgdUpdate<T>(param: usize, grad: usize, eta: f64, size: i32): void {
  for (let i = 0; i < size; i++) set64<T>(param, i, get64<T>(param, i) - eta * get64<T>(grad, i));
}

/** v = alpha · v − eta · g; w += v. */
export function momentumUpdate<T>(
  param: usize,
  grad: usize,
  velocity: usize,
  eta: f64,
  alpha: f64,
  size: i32,
): void {
  for (let i = 0; i < size; i++) {
    set64<T>(velocity, i, alpha * get64<T>(velocity, i) - eta * get64<T>(grad, i));
    set64<T>(param, i, get64<T>(param, i) + get64<T>(velocity, i));
  }
}

/** The book's AdaGrad: h += g · g; w −= eta / √h · g. */
export function adagradUpdate<T>(param: usize, grad: usize, h: usize, eta: f64, size: i32): void {
  for (let i = 0; i < size; i++) {
    const g = get64<T>(grad, i);
    set64<T>(h, i, get64<T>(h, i) + g * g);
    set64<T>(param, i, get64<T>(param, i) - (eta / Math.sqrt(get64<T>(h, i))) * g);
  }
}

/** h = rho · h + (1 − rho) · g · g; w −= eta · g / (√h + 1e-8). */
export function rmspropUpdate<T>(
  param: usize,
  grad: usize,
  h: usize,
  eta: f64,
  rho: f64,
  size: i32,
): void {
  for (let i = 0; i < size; i++) {
    const g = get64<T>(grad, i);
    set64<T>(h, i, rho * get64<T>(h, i) + (1 - rho) * g * g);
    set64<T>(param, i, get64<T>(param, i) - (eta * g) / (Math.sqrt(get64<T>(h, i)) + ROOT_EPSILON));
  }
}

/** m = b1·m + (1 − b1)·g; v = b2·v + (1 − b2)·g·g; w −= eta · (m / c1) / (√(v / c2) + 1e-8). */
export function adamUpdate<T>(
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
  for (let i = 0; i < size; i++) {
    const g = get64<T>(grad, i);
    set64<T>(m, i, beta1 * get64<T>(m, i) + (1 - beta1) * g);
    set64<T>(v, i, beta2 * get64<T>(v, i) + (1 - beta2) * g * g);
    const mHat = get64<T>(m, i) / correction1;
    const vHat = get64<T>(v, i) / correction2;
    set64<T>(param, i, get64<T>(param, i) - (eta * mHat) / (Math.sqrt(vHat) + ROOT_EPSILON));
  }
}

/** out row i = src row indices[offset + i]; the indices are stored as T. */
export function gatherRows<T>(
  src: usize,
  indices: usize,
  offset: i32,
  out: usize,
  rows: i32,
  cols: i32,
): void {
  for (let i = 0; i < rows; i++) {
    const from = <i32>get64<T>(indices, offset + i) * cols;
    // An element loop: the book's rows are a value or two, where memory.copy's call costs more.
    for (let j = 0; j < cols; j++) put<T>(out, i * cols + j, at<T>(src, from + j));
  }
}

export function fill<T>(out: usize, value: f64, size: i32): void {
  const v = <T>value;
  for (let i = 0; i < size; i++) store<T>(out + ((<usize>i) << alignof<T>()), v);
}

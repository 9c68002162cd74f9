import type { Tensor } from './tensor.js';

/** softmax works on each row as a whole; the others element by element. */
export const ACTIVATIONS = ['sigmoid', 'identity', 'tanh', 'relu', 'softmax'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export const LOSSES = ['sumOfSquares', 'meanSquaredError', 'crossEntropy'] as const;
export type LossKind = (typeof LOSSES)[number];

/** The book's guard inside cross-entropy's log: −Σ t · log(y + 1e-7). */
export const CROSS_ENTROPY_EPSILON = 1e-7;

export const UNARY_OPS = ['negate', 'exp', 'log', 'sqrt', 'square', 'abs'] as const;
export type UnaryOp = (typeof UNARY_OPS)[number];

export const BINARY_OPS = ['add', 'subtract', 'multiply', 'divide'] as const;
export type BinaryOp = (typeof BINARY_OPS)[number];

/** Named matMul flags, so that a call reads as its formula: matMul(x, delta, gradW, T, N) is xᵀ · delta. */
export const T = true;
export const N = false;

/**
 * The kernels core calls when it trains and predicts kernel by kernel. Every
 * kernel writes into `out`, which the caller allocated with the right shape
 * (core checks shapes and liveness before the call), so a training step can
 * run without allocating.
 */
export interface RequiredKernels<S = unknown> {
  /** out = op(a) · op(b), op transposing when its flag is set. */
  matMul(
    a: Tensor<S>,
    b: Tensor<S>,
    out: Tensor<S>,
    transposeA: boolean,
    transposeB: boolean,
  ): void;
  /** out = x + bias, bias (1×n) added to every row. */
  biasAdd(x: Tensor<S>, bias: Tensor<S>, out: Tensor<S>): void;
  /** out (1×n) = the sum of x's rows. */
  columnSum(x: Tensor<S>, out: Tensor<S>): void;
  /**
   * sigmoid: 1 / (1 + exp(-x)); identity; tanh; relu: x where x > 0, else 0
   * (the book's where(u <= 0, 0, u)); softmax, per row: exp(x) / Σ exp(x),
   * the book's form (no max subtracted), the row summed from its first column.
   */
  activationForward(kind: Activation, x: Tensor<S>, out: Tensor<S>): void;
  /**
   * out = dy · f'(x), written in terms of the forward output y:
   * sigmoid dy·(1−y)·y, identity dy, tanh dy·(1−y²), relu dy·[y > 0];
   * softmax, per row: y · (dy − Σ dy·y).
   */
  activationBackward(kind: Activation, y: Tensor<S>, dy: Tensor<S>, out: Tensor<S>): void;
  /**
   * out (1×1) = the batch's total of per-sample losses, added to out's value
   * when `accumulate` is set: sumOfSquares ½Σ(y−t)², meanSquaredError
   * Σ(y−t)²/cols, crossEntropy −Σ t·log(y + 1e-7) (each row's sum negated).
   */
  lossValue(kind: LossKind, y: Tensor<S>, t: Tensor<S>, out: Tensor<S>, accumulate: boolean): void;
  /**
   * out = the gradient of the batch's total loss: sumOfSquares y − t (the
   * book's output delta), meanSquaredError 2(y − t)/cols; crossEntropy y − t,
   * which is the gradient at the input of a softmax output layer (the book's
   * output delta), so that layer's activation backward is skipped.
   */
  lossGradient(kind: LossKind, y: Tensor<S>, t: Tensor<S>, out: Tensor<S>): void;
  /** param −= eta · grad, in place. */
  sgdUpdate(param: Tensor<S>, grad: Tensor<S>, eta: number): void;
  /** out row i = src row indices[offset + i]; indices is 1×n of whole numbers. */
  gatherRows(src: Tensor<S>, indices: Tensor<S>, offset: number, out: Tensor<S>): void;
  fill(out: Tensor<S>, value: number): void;
}

/**
 * Kernels a backend may add. Core uses the fused dense kernels where present
 * and composes them otherwise; it calls binary for dropout and each
 * optimizer's update for that optimizer only, so a backend without one
 * fails those (NN_KERNEL_MISSING) and the suite skips their tests.
 */
export interface OptionalKernels<S = unknown> {
  /** An element-wise helper for users' own math; training never calls it. */
  unary(op: UnaryOp, x: Tensor<S>, out: Tensor<S>): void;
  /** out = a op b element by element; dropout multiplies by its mask with it. */
  binary(op: BinaryOp, a: Tensor<S>, b: Tensor<S>, out: Tensor<S>): void;
  /** Momentum: v = alpha · v − eta · g; w += v. */
  momentumUpdate(
    param: Tensor<S>,
    grad: Tensor<S>,
    velocity: Tensor<S>,
    eta: number,
    alpha: number,
  ): void;
  /** The book's AdaGrad: h += g · g; w −= eta / √h · g. */
  adagradUpdate(param: Tensor<S>, grad: Tensor<S>, h: Tensor<S>, eta: number): void;
  /** RMSProp: h = rho · h + (1 − rho) · g · g; w −= eta · g / (√h + 1e-8). */
  rmspropUpdate(param: Tensor<S>, grad: Tensor<S>, h: Tensor<S>, eta: number, rho: number): void;
  /**
   * Adam at step k: m = b1·m + (1 − b1)·g; v = b2·v + (1 − b2)·g·g;
   * w −= eta · (m / c1) / (√(v / c2) + 1e-8), with the bias corrections
   * c1 = 1 − b1^k and c2 = 1 − b2^k computed by the caller.
   */
  adamUpdate(
    param: Tensor<S>,
    grad: Tensor<S>,
    m: Tensor<S>,
    v: Tensor<S>,
    eta: number,
    beta1: number,
    beta2: number,
    correction1: number,
    correction2: number,
  ): void;
  /** Fused out = activation(x · w + b). */
  denseForward(
    x: Tensor<S>,
    w: Tensor<S>,
    b: Tensor<S>,
    activation: Activation,
    out: Tensor<S>,
  ): void;
  /**
   * Fused backward of y = activation(x · w + b), given dy = dL/dy:
   * delta = activationBackward(y, dy) (delta is scratch: its content after the
   * call is unspecified), gradW = xᵀ · delta, gradB = Σ delta over rows, and
   * dx = delta · wᵀ unless dx is undefined.
   */
  denseBackward(
    x: Tensor<S>,
    w: Tensor<S>,
    y: Tensor<S>,
    dy: Tensor<S>,
    activation: Activation,
    delta: Tensor<S>,
    gradW: Tensor<S>,
    gradB: Tensor<S>,
    dx: Tensor<S> | undefined,
  ): void;
}

/** What a backend implements: every required kernel, any optional one. */
export type KernelTable<S = unknown> = RequiredKernels<S> & Partial<OptionalKernels<S>>;

/** Every kernel, required and optional: what a backend's full table looks like. */
export type AllKernels<S = unknown> = RequiredKernels<S> & OptionalKernels<S>;

export type KernelName = keyof AllKernels;

/** The required kernels by name, for tools that list what a backend lacks. */
export const REQUIRED_KERNELS = [
  'matMul',
  'biasAdd',
  'columnSum',
  'activationForward',
  'activationBackward',
  'lossValue',
  'lossGradient',
  'sgdUpdate',
  'gatherRows',
  'fill',
] as const satisfies readonly (keyof RequiredKernels)[];

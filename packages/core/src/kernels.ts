import type { Tensor } from './tensor.js';

export const ACTIVATIONS = ['sigmoid', 'identity', 'tanh', 'relu'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export const LOSSES = ['sumOfSquares', 'meanSquaredError'] as const;
export type LossKind = (typeof LOSSES)[number];

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
  /** sigmoid: 1 / (1 + exp(-x)); identity; tanh; relu: max(0, x). */
  activationForward(kind: Activation, x: Tensor<S>, out: Tensor<S>): void;
  /**
   * out = dy · f'(x), written in terms of the forward output y:
   * sigmoid dy·(1−y)·y, identity dy, tanh dy·(1−y²), relu dy·[y > 0].
   */
  activationBackward(kind: Activation, y: Tensor<S>, dy: Tensor<S>, out: Tensor<S>): void;
  /**
   * out (1×1) = the batch's total of per-sample losses, added to out's value
   * when `accumulate` is set: sumOfSquares ½Σ(y−t)², meanSquaredError Σ(y−t)²/cols.
   */
  lossValue(kind: LossKind, y: Tensor<S>, t: Tensor<S>, out: Tensor<S>, accumulate: boolean): void;
  /**
   * out = d(lossValue)/dy, the gradient of the batch's total loss:
   * sumOfSquares y − t (the book's output delta), meanSquaredError 2(y − t)/cols.
   */
  lossGradient(kind: LossKind, y: Tensor<S>, t: Tensor<S>, out: Tensor<S>): void;
  /** param −= eta · grad, in place. */
  sgdUpdate(param: Tensor<S>, grad: Tensor<S>, eta: number): void;
  /** out row i = src row indices[offset + i]; indices is 1×n of whole numbers. */
  gatherRows(src: Tensor<S>, indices: Tensor<S>, offset: number, out: Tensor<S>): void;
  fill(out: Tensor<S>, value: number): void;
}

/** Kernels a backend may add: core uses the fused ones where present and composes them otherwise. */
export interface OptionalKernels<S = unknown> {
  /** Element-wise helpers for users' own math; training never calls them. */
  unary(op: UnaryOp, x: Tensor<S>, out: Tensor<S>): void;
  binary(op: BinaryOp, a: Tensor<S>, b: Tensor<S>, out: Tensor<S>): void;
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

import type { Activation, BinaryOp, LossKind, OptimizerKind, UnaryOp } from '@nn/core';

// The numbers the module uses for core's kinds: the same table as assembly/codes.ts (test/module-tables.test.ts
// checks that both agree).
export const ACTIVATION_CODES: Record<Activation, number> = {
  sigmoid: 0,
  identity: 1,
  tanh: 2,
  relu: 3,
  softmax: 4,
};

export const LOSS_CODES: Record<LossKind, number> = {
  sumOfSquares: 0,
  meanSquaredError: 1,
  crossEntropy: 2,
};

export const UNARY_CODES: Record<UnaryOp, number> = {
  negate: 0,
  exp: 1,
  log: 2,
  sqrt: 3,
  square: 4,
  abs: 5,
};

export const BINARY_CODES: Record<BinaryOp, number> = {
  add: 0,
  subtract: 1,
  multiply: 2,
  divide: 3,
};

export const OPTIMIZER_CODES: Record<OptimizerKind, number> = {
  sgd: 0,
  momentum: 1,
  adagrad: 2,
  rmsprop: 3,
  adam: 4,
};

export const LAYER_CODES = { dense: 0, dropout: 1 } as const;

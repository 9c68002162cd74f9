// Numeric codes of core's kinds; src/codes.ts holds the same table for the JavaScript side.
export const SIGMOID = 0;
export const IDENTITY = 1;
export const TANH = 2;
export const RELU = 3;
export const SOFTMAX = 4;

export const SUM_OF_SQUARES = 0;
export const MEAN_SQUARED_ERROR = 1;
export const CROSS_ENTROPY = 2;

export const NEGATE = 0;
export const EXP = 1;
export const LOG = 2;
export const SQRT = 3;
export const SQUARE = 4;
export const ABS = 5;

export const ADD = 0;
export const SUBTRACT = 1;
export const MULTIPLY = 2;
export const DIVIDE = 3;

export const SGD = 0;
export const MOMENTUM = 1;
export const ADAGRAD = 2;
export const RMSPROP = 3;
export const ADAM = 4;

export const DENSE = 0;
export const DROPOUT = 1;

/** Stable error codes: tests and callers match on these, never on message text. */
export const ERROR_CODES = [
  'NN_SHAPE_MISMATCH',
  'NN_TENSOR_DISPOSED',
  'NN_FOREIGN_TENSOR',
  'NN_KERNEL_MISSING',
  'NN_BACKEND_UNAVAILABLE',
  /** A tensor past what the device can hold (e.g. a GPU's texture size). */
  'NN_DEVICE_LIMIT',
  'NN_INVALID_ARGUMENT',
  'NN_MODEL_INVALID',
  'NN_MODEL_VERSION',
  'NN_DIVERGED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The one error class of @nn: a stable `code` and a message that says what to do. */
export class NNError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NNError';
    this.code = code;
  }
}

export function isNNError(value: unknown, code?: ErrorCode): value is NNError {
  return value instanceof NNError && (code === undefined || value.code === code);
}

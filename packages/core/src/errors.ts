/** Stable error codes: tests and callers match on these, never on message text. */
export const ErrorCode = {
  ShapeMismatch: 'NN_SHAPE_MISMATCH',
  TensorDisposed: 'NN_TENSOR_DISPOSED',
  ForeignTensor: 'NN_FOREIGN_TENSOR',
  KernelMissing: 'NN_KERNEL_MISSING',
  BackendUnavailable: 'NN_BACKEND_UNAVAILABLE',
  /** A tensor past what the device can hold (e.g. a GPU's texture size). */
  DeviceLimit: 'NN_DEVICE_LIMIT',
  InvalidArgument: 'NN_INVALID_ARGUMENT',
  ModelInvalid: 'NN_MODEL_INVALID',
  ModelVersion: 'NN_MODEL_VERSION',
  Diverged: 'NN_DIVERGED',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

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

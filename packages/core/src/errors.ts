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

/**
 * Marks NNError instances. A registered symbol is the same in every copy of
 * @nn/core a program loads (two versions installed side by side, or a
 * bundled and an unbundled one), where `instanceof` sees only its own class.
 */
const NN_ERROR_BRAND: unique symbol = Symbol.for('@nn/core.NNError');

/** The one error class of @nn: a stable `code` and a message that says what to do. */
export class NNError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NNError';
    this.code = code;
  }

  /** On the prototype, so it stays out of inspected and serialised errors. */
  get [NN_ERROR_BRAND](): true {
    return true;
  }
}

/**
 * Whether `value` is an NNError (with `code`, when given), from this copy of
 * @nn/core or any other: it checks the brand, not the class.
 */
export function isNNError(value: unknown, code?: ErrorCode): value is NNError {
  if (typeof value !== 'object' || value === null) return false;
  const branded = value as { [NN_ERROR_BRAND]?: unknown; code?: unknown };
  return (
    branded[NN_ERROR_BRAND] === true &&
    typeof branded.code === 'string' &&
    (code === undefined || branded.code === code)
  );
}

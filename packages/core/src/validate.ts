import { NNError } from './errors.js';

/** A whole number ≥ min, or an NN_INVALID_ARGUMENT error naming it and what to pass. */
export function requireInteger(name: string, value: unknown, min = 1): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new NNError(
      'NN_INVALID_ARGUMENT',
      `${name} is ${String(value)}; it must be a whole number ≥ ${min}`,
    );
  }
  return value;
}

/** A finite number > 0 (or ≥ 0 with allowZero), else NN_INVALID_ARGUMENT. */
export function requirePositive(name: string, value: unknown, allowZero = false): number {
  const ok =
    typeof value === 'number' && Number.isFinite(value) && (allowZero ? value >= 0 : value > 0);
  if (!ok) {
    throw new NNError(
      'NN_INVALID_ARGUMENT',
      `${name} is ${String(value)}; it must be a finite number ${allowZero ? '≥' : '>'} 0`,
    );
  }
  return value;
}

export function requireOneOf<T extends string>(
  name: string,
  value: unknown,
  allowed: readonly T[],
): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new NNError(
      'NN_INVALID_ARGUMENT',
      `${name} is ${JSON.stringify(value)}; it must be one of ${allowed.join(', ')}`,
    );
  }
  return value as T;
}

/** A number in [0, 1) (a decay rate, a dropout ratio), else NN_INVALID_ARGUMENT. */
export function requireFraction(name: string, value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0 && value < 1)) {
    throw new NNError(
      'NN_INVALID_ARGUMENT',
      `${name} is ${String(value)}; it must be a number from 0 up to, not including, 1`,
    );
  }
  return value;
}

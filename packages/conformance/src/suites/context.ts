import type { Backend, ErrorCode, HostArray, Shape, Tensor } from '@nn/core';
import { DefaultRng, isNNError } from '@nn/core';
import { expect } from 'vitest';

export type BackendFactory = () => Backend | Promise<Backend>;

export interface ConformanceOptions {
  /**
   * Epochs of the textbook run to compare with the NumPy reference (default
   * the book's 2001); slow backends may stop earlier: the first epochs of a
   * run are the same whatever its length.
   */
  textbookEpochs?: number;
  /** More tests of the backend's own, run with the same setup and leak check. */
  additionalTests?: (context: SuiteContext) => void;
}

/** What each group of tests gets: the running test's backend and the factory. */
export interface SuiteContext {
  backend(): Backend;
  factory: BackendFactory;
  options: ConformanceOptions;
}

export function seededRng(seed: number): DefaultRng {
  return new DefaultRng(seed);
}

/** n uniform draws from [low, high). */
export function uniform(rng: DefaultRng, n: number, low: number, high: number): Float64Array {
  return Float64Array.from({ length: n }, () => low + (high - low) * rng.random());
}

/** A tensor and the values it really holds (rounded to the backend's precision). */
export async function upload(
  backend: Backend,
  shape: Shape,
  values: ArrayLike<number>,
): Promise<{ tensor: Tensor; values: HostArray }> {
  const tensor = backend.tensor(shape, values);
  return { tensor, values: await backend.read(tensor) };
}

/** Checks each element against its own tolerance (or one for all). */
export function expectClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tolerance: number | ArrayLike<number>,
  label: string,
): void {
  expect(actual.length, `${label}: length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const bound = typeof tolerance === 'number' ? tolerance : (tolerance[i] as number);
    const a = actual[i] as number;
    const e = expected[i] as number;
    if (!(Math.abs(a - e) <= bound)) {
      expect.fail(`${label}[${i}]: got ${a}, expected ${e} ± ${bound}`);
    }
  }
}

/** Runs fn (sync or async) and expects an NNError with `code`. */
export async function expectCode(fn: () => unknown, code: ErrorCode): Promise<void> {
  let caught: unknown;
  try {
    await fn();
  } catch (error) {
    caught = error;
  }
  if (!isNNError(caught, code)) {
    expect.fail(
      `expected an NNError with code ${code}, got ${caught === undefined ? 'no error' : String(caught)}`,
    );
  }
}

/** The absolute values of a sequence, for tolerance magnitudes. */
export function abs(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values, Math.abs);
}

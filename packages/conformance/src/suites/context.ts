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
  /**
   * Epochs of the book's §5.10 and Iris replays (default: the fixtures'
   * 21 and 50); a backend whose kernel calls are slow (WebGPU on a software
   * adapter) may stop earlier, as with textbookEpochs.
   */
  bookEpochs?: number;
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

/**
 * A tensor and the values it really holds (rounded to the backend's
 * precision). The round trip is checked first, so that a broken `upload` or
 * `download` fails as such, not as the first kernel that reads the values.
 */
export async function upload(
  backend: Backend,
  shape: Shape,
  values: ArrayLike<number>,
): Promise<{ tensor: Tensor; values: HostArray }> {
  const tensor = backend.tensor(shape, values);
  return { tensor, values: await expectRoundTrip(backend, tensor, values) };
}

/**
 * Reads t twice: each read must hold `values` rounded to the declared
 * precision, and be a copy of its own: NaN written into the first read must
 * not show in the second (nor in the tensor).
 */
export async function expectRoundTrip(
  backend: Backend,
  t: Tensor,
  values: ArrayLike<number>,
): Promise<HostArray> {
  const round = backend.precision === 'float32' ? Math.fround : (v: number) => v;
  const label = `upload/download round trip of a ${t.rows}×${t.cols} tensor`;
  const check = (held: HostArray, when: string) => {
    if (held.length !== values.length) {
      expect.fail(
        `${label}${when}: read ${held.length} values, uploaded ${values.length}; download must return exactly size values`,
      );
    }
    for (let i = 0; i < values.length; i++) {
      const expected = round(values[i] as number);
      if (held[i] !== expected) {
        expect.fail(
          `${label}${when}: read ${held[i]} at [${i}], uploaded ${values[i]} (${expected} at ${backend.precision}); check the driver's upload and download`,
        );
      }
    }
  };
  const first = await backend.read(t);
  check(first, '');
  first.fill(Number.NaN);
  const second = await backend.read(t);
  check(
    second,
    ' after writing NaN into an earlier read (download must return a fresh array, not the storage or a view of it)',
  );
  return second;
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

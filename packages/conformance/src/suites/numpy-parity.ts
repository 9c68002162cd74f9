import {
  type Backend,
  createRegressionNetwork,
  fit,
  NumpyRng,
  Sgd,
  TEXTBOOK,
  TRAINING_PATHS,
  type TrainingPath,
  textbookData,
  toModelJSON,
} from '@nn/core';
import { describe, expect, it, vi } from 'vitest';
import {
  type BookFixture,
  fixtureExample,
  replayBookFixture,
  reportedErrors,
} from '../book-fixtures.js';

/** Whole runs of the book: 1000 Iris epochs take seconds, more on a busy machine. */
const RUN_TIMEOUT = 120_000;
const RELATIVE = 1e-9;

interface RegressionFixture {
  args: {
    seed: number;
    n_mid: number;
    eta: number;
    epoch: number;
    interval: number;
    wb_width: number;
  };
  errors: { epoch: number; error: number }[];
  final: Record<string, number[] | number[][]>;
}

/** Each value within 1e-9 relative of the NumPy script's. */
function expectRelative(actual: readonly number[], expected: readonly number[]): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) => {
    const a = actual[i] as number;
    if (!(Math.abs(a - e) <= RELATIVE * Math.abs(e))) {
      expect.fail(`error ${i}: got ${a}, NumPy printed ${e} (relative ${Math.abs(a - e) / e})`);
    }
  });
}

/** The path the backend's session took: 'plan' when compilePlan gave a runner. */
function watchPath(backend: Backend): () => TrainingPath {
  const compile = vi.spyOn(backend, 'compilePlan');
  return () => (compile.mock.results.some((r) => r.value !== undefined) ? 'plan' : 'kernels');
}

/**
 * The NumPy parity tests of a float64 backend: every fixture made by
 * `tools/fixtures/make-fixtures.sh` from the book's NumPy scripts (file name →
 * parsed JSON; regression fixtures start with `numpy-`, the chapters' with
 * `classification-` and `iris-`), replayed through both training paths, every
 * printed error within 1e-9 relative.
 */
export function describeNumpyParity(
  name: string,
  create: () => Backend | Promise<Backend>,
  fixtures: ReadonlyMap<string, unknown>,
): void {
  const files = [...fixtures.keys()];
  const regression = files.filter((f) => f.startsWith('numpy-'));
  const book = files.filter((f) => f.startsWith('classification-') || f.startsWith('iris-'));
  const read = (file: string): unknown => fixtures.get(file);
  describe(`${name} reproduces the NumPy reference scripts`, () => {
    it.each(regression.flatMap((file) => TRAINING_PATHS.map((path) => [file, path] as const)))(
      '%s, %s path: every printed error within 1e-9 relative, the output weights to 9 places',
      async (file, path) => {
        const fixture = read(file) as RegressionFixture;
        const { args } = fixture;
        const backend = await create();
        const taken = watchPath(backend);
        const rng = new NumpyRng(args.seed);
        const network = createRegressionNetwork(backend, {
          hidden: [args.n_mid],
          activation: TEXTBOOK.activation,
          rng,
          wbWidth: args.wb_width,
        });
        const { reports } = await fit(network, textbookData(), {
          epochs: args.epoch,
          interval: args.interval,
          optimizer: new Sgd({ eta: args.eta }),
          rng,
          path,
        });
        expect(taken()).toBe(path);
        expect(reports.map((r) => r.epoch)).toEqual(fixture.errors.map((e) => e.epoch));
        expectRelative(
          reports.map((r) => r.error),
          fixture.errors.map((e) => e.error),
        );
        const output = (await toModelJSON(network)).layers[1];
        const finalWeights = output?.type === 'dense' ? output.weights.flat() : [];
        const expectedWeights = (fixture.final.output_w as number[][]).flat();
        expect(finalWeights.length).toBe(expectedWeights.length);
        expectedWeights.forEach((w, i) => {
          expect(finalWeights[i]).toBeCloseTo(w, 9);
        });
        network.dispose();
        expect(backend.memory().tensors).toBe(0);
      },
      RUN_TIMEOUT,
    );

    it.each(book.flatMap((file) => TRAINING_PATHS.map((path) => [file, path] as const)))(
      '%s, %s path: every printed error within 1e-9 relative, accuracies equal',
      async (file, path) => {
        const fixture = read(file) as BookFixture & { predictions?: unknown };
        const backend = await create();
        const taken = watchPath(backend);
        const { reports, accuracy, expected } = await replayBookFixture(backend, fixture, { path });
        expect(taken()).toBe(path);
        // Classification prints every interval (11 lines); Iris's fixtures hold every epoch's train and test.
        const lines = fixtureExample(fixture) === 'iris' ? 2 * fixture.args.epoch : 11;
        expect(expected.length).toBe(lines);
        expectRelative(reportedErrors(reports), expected);
        if (fixture.accuracy !== undefined) expect(accuracy).toEqual(fixture.accuracy);
        expect(backend.memory().tensors).toBe(0);
      },
      RUN_TIMEOUT,
    );
  });
}

import {
  type Backend,
  createRegressionNetwork,
  type EpochReport,
  fit,
  fromModelJSON,
  type KernelName,
  NumpyRng,
  optimizerStep,
  type Sequential,
  Sgd,
  TEXTBOOK,
  TRAINING_PATHS,
  type TrainingPath,
  TrainingSession,
  textbookData,
  toModelJSON,
} from '@nn/core';
import { describe, expect, it } from 'vitest';
import classificationReference from '../../fixtures/classification-seed1-mid6-eta0.1.json' with {
  type: 'json',
};
import irisReference from '../../fixtures/iris-seed1-adagrad-dropout0.2.json' with { type: 'json' };
import textbookReference from '../../fixtures/textbook-seed1-mid3-eta0.1.json' with {
  type: 'json',
};
import {
  type BookFixture,
  fixtureExample,
  replayBookFixture,
  reportedErrors,
} from '../book-fixtures.js';
import { createReferenceBackend } from '../reference-backend.js';
import { kernelTolerance, textbookTolerance } from '../tolerance.js';
import { composedTrainingTests } from './composed-training-tests.js';
import { expectClose, type SuiteContext, seededRng, uniform } from './context.js';

/** Whole training runs: generous, since a slow backend on a busy machine must not fail by the clock. */
const TRAINING_TIMEOUT = 300_000;

/** The book's next chapters, short runs: §5.10 for 21 epochs, Iris with dropout for 50. */
const BOOK_FIXTURES: Record<string, BookFixture & { predictions?: unknown }> = {
  'classification-seed1-mid6-eta0.1': classificationReference,
  'iris-seed1-adagrad-dropout0.2': irisReference as BookFixture,
};

/** Optional kernels a fixture's kernel path calls: dropout's multiply, the optimizer's update. */
function kernelsNeeded(fixture: BookFixture): KernelName[] {
  const kernels: KernelName[] = [];
  if ((fixture.args.dropout ?? 0) > 0) kernels.push('binary');
  const optimizer = fixture.args.optimizer ?? 'sgd';
  if (optimizer !== 'sgd') kernels.push(`${optimizer}Update` as KernelName);
  return kernels;
}

/** 30 epochs of a 1-4-3-1 tanh network in batches of 8 (the last one 7): errors and final weights. */
async function miniBatchRun(
  backend: Backend,
  path: TrainingPath,
): Promise<{ errors: number[]; weights: number[] }> {
  const rng = new NumpyRng(3);
  const network = createRegressionNetwork(backend, {
    hidden: [4, 3],
    activation: 'tanh',
    rng,
    wbWidth: 0.5,
  });
  const { reports } = await fit(network, textbookData(), {
    epochs: 30,
    batchSize: 8,
    interval: 10,
    optimizer: new Sgd({ eta: 0.02 }),
    rng,
    path,
  });
  const weights = await parameterValues(network);
  network.dispose();
  return { errors: reports.map((r) => r.error), weights };
}

/** 9 epochs of a 1-3-1 sigmoid network, batch 5, trained by `train` on a fresh session. */
async function piecesRun(
  backend: Backend,
  path: TrainingPath,
  train: (session: TrainingSession) => Promise<EpochReport[]>,
): Promise<{ reports: EpochReport[]; weights: number[] }> {
  const rng = new NumpyRng(11);
  const network = createRegressionNetwork(backend, {
    hidden: [3],
    activation: 'sigmoid',
    rng,
    wbWidth: 0.3,
  });
  const session = new TrainingSession(network, textbookData(), {
    epochs: 9,
    interval: 2,
    batchSize: 5,
    optimizer: new Sgd({ eta: 0.1 }),
    rng,
    path,
  });
  const reports = await train(session);
  session.dispose();
  const weights = await parameterValues(network);
  network.dispose();
  return { reports, weights };
}

async function parameterValues(network: Sequential): Promise<number[]> {
  const values: number[] = [];
  for (const p of network.parameters()) values.push(...(await network.backend.read(p.value)));
  return values;
}

export function trainingTests(context: SuiteContext): void {
  describe('training', () => {
    composedTrainingTests(context);

    it('optimizerStep with SGD moves every parameter by −eta · grad', async () => {
      const backend = context.backend();
      const rng = seededRng(29);
      const network = createRegressionNetwork(backend, {
        hidden: [2],
        activation: 'tanh',
        rng,
        wbWidth: 1,
      });
      const parameters = network.parameters();
      const before: Float64Array[] = [];
      const grads: Float64Array[] = [];
      for (const p of parameters) {
        backend.write(p.grad, uniform(rng, p.grad.size, -1, 1));
        before.push(Float64Array.from(await backend.read(p.value)));
        grads.push(Float64Array.from(await backend.read(p.grad)));
      }
      optimizerStep(backend, new Sgd({ eta: 0.25 }).plan(), parameters);
      for (const [i, p] of parameters.entries()) {
        const w = before[i] as Float64Array;
        const g = grads[i] as Float64Array;
        const expected = w.map((v, j) => v - 0.25 * (g[j] as number));
        const tolerance = w.map((v, j) =>
          kernelTolerance(backend.precision, 2, Math.abs(v) + Math.abs(g[j] as number)),
        );
        expectClose(await backend.read(p.value), expected, tolerance, p.name);
      }
      network.dispose();
    });

    for (const path of TRAINING_PATHS) {
      it(
        `the textbook run tracks the NumPy reference (seed 1, 1-3-1, eta 0.1) at every interval, ${path} path`,
        async (test) => {
          const backend = context.backend();
          if (path === 'plan' && !backend.runsPlans) test.skip();
          const { args, errors } = textbookReference;
          const epochs = Math.min(context.options.textbookEpochs ?? args.epoch, args.epoch);
          const data = textbookData();
          const rng = new NumpyRng(args.seed);
          const network = createRegressionNetwork(backend, {
            hidden: [args.n_mid],
            activation: TEXTBOOK.activation,
            rng,
            wbWidth: args.wb_width,
          });
          const session = new TrainingSession(network, data, {
            epochs,
            interval: args.interval,
            optimizer: new Sgd({ eta: args.eta }),
            rng,
            path,
          });
          expect(session.path, 'the path the session took').toBe(path);
          const liveAtReports: number[] = [];
          const reports = await session.run(undefined, {
            onInterval: () => {
              liveAtReports.push(backend.memory().tensors);
            },
          });
          session.dispose();
          const onInterval = reports.filter((r) => r.epoch % args.interval === 0);
          const expected = errors.filter((e) => e.epoch < epochs);
          expect(onInterval.map((r) => r.epoch)).toEqual(expected.map((e) => e.epoch));
          const relative = textbookTolerance(backend.precision, epochs * data.samples);
          expectClose(
            onInterval.map((r) => r.error),
            expected.map((e) => e.error),
            expected.map((e) => relative * e.error),
            `textbook error (relative tolerance ${relative.toExponential(1)})`,
          );
          expect(
            new Set(liveAtReports).size,
            'live tensors stay constant after the first epoch',
          ).toBe(1);
          network.dispose();
        },
        TRAINING_TIMEOUT,
      );

      it(
        `mini-batches (size 8, last batch smaller) train like the reference backend, ${path} path`,
        async (test) => {
          const backend = context.backend();
          if (path === 'plan' && !backend.runsPlans) test.skip();
          const expected = await miniBatchRun(createReferenceBackend(), 'kernels');
          const relative = textbookTolerance(backend.precision, 30 * 8);
          const actual = await miniBatchRun(backend, path);
          expectClose(
            actual.errors,
            expected.errors,
            expected.errors.map((e) => relative * e),
            'error per interval',
          );
          expectClose(
            actual.weights,
            expected.weights,
            expected.weights.map((w) => relative * (Math.abs(w) + 1)),
            'weights after training',
          );
          expect(expected.errors.at(-1)).toBeLessThan(expected.errors[0] as number);
        },
        TRAINING_TIMEOUT,
      );

      it(`a session run in pieces (run, step, paused run, resume) equals one run, ${path} path`, async (test) => {
        const backend = context.backend();
        if (path === 'plan' && !backend.runsPlans) test.skip();
        const whole = await piecesRun(backend, path, async (session) => session.run());
        const pieces = await piecesRun(backend, path, async (session) => {
          const reports = await session.run(3);
          expect(session.epoch).toBe(3);
          for await (const report of session.reports(1)) reports.push(report);
          expect(session.epoch).toBe(4);
          // Paused from a hook, the run stops after the epoch it is in.
          reports.push(
            ...(await session.run(undefined, {
              onEpoch: (epoch) => {
                if (epoch === 5) session.pause();
              },
              onBatch: () => undefined,
            })),
          );
          expect(session.epoch).toBe(6);
          expect(session.done).toBe(false);
          reports.push(...(await session.run()));
          expect(session.done).toBe(true);
          expect(await session.run(), 'a finished session trains no further').toEqual([]);
          return reports;
        });
        expect(pieces.reports).toEqual(whole.reports);
        expect(pieces.weights).toEqual(whole.weights);
      });
    }

    for (const [file, fixture] of Object.entries(BOOK_FIXTURES)) {
      for (const path of TRAINING_PATHS) {
        it(
          `the book's ${fixtureExample(fixture)} run (${file}) tracks NumPy, ${path} path`,
          async (test) => {
            const backend = context.backend();
            if (path === 'plan' && !backend.runsPlans) test.skip();
            const missing = kernelsNeeded(fixture).filter((k) => !backend.hasKernel(k));
            if (missing.length > 0) test.skip();
            const epochs = Math.min(
              context.options.bookEpochs ?? fixture.args.epoch,
              fixture.args.epoch,
            );
            const { reports, accuracy, expected } = await replayBookFixture(backend, fixture, {
              path,
              epochs,
            });
            const actual = reportedErrors(reports);
            expect(actual.length).toBe(expected.length);
            const steps = epochs * (fixtureExample(fixture) === 'iris' ? 9 : 441);
            const relative = textbookTolerance(backend.precision, steps);
            expectClose(
              actual,
              expected,
              expected.map((e) => relative * e),
              `errors (relative tolerance ${relative.toExponential(1)})`,
            );
            // Accuracy is measured after the whole run; a shortened replay has none to compare.
            if (
              fixture.accuracy !== undefined &&
              backend.precision === 'float64' &&
              epochs === fixture.args.epoch
            ) {
              expect(accuracy).toEqual(fixture.accuracy);
            }
          },
          TRAINING_TIMEOUT,
        );
      }
    }

    it('the plan path and the kernel path agree within the precision (2 hidden layers, batches of 8)', async (test) => {
      const backend = context.backend();
      if (!backend.runsPlans) test.skip();
      const plan = await miniBatchRun(backend, 'plan');
      const kernels = await miniBatchRun(backend, 'kernels');
      const relative = textbookTolerance(backend.precision, 30 * 8);
      expectClose(
        plan.errors,
        kernels.errors,
        kernels.errors.map((e) => relative * e),
        'error per interval',
      );
      expectClose(
        plan.weights,
        kernels.weights,
        kernels.weights.map((w) => relative * (Math.abs(w) + 1)),
        'weights after training',
      );
    });

    it('fit reports every interval and the last epoch, and calls onBatch and onEpoch after each', async () => {
      const backend = context.backend();
      const rng = seededRng(37);
      const network = createRegressionNetwork(backend, {
        hidden: [2],
        activation: 'sigmoid',
        rng,
        wbWidth: 0.1,
      });
      const epochs: number[] = [];
      const events: string[] = [];
      const { reports } = await fit(network, textbookData(), {
        epochs: 7,
        interval: 3,
        batchSize: 20,
        optimizer: new Sgd({ eta: 0.1 }),
        rng,
        onEpoch: (epoch) => {
          epochs.push(epoch);
          events.push('epoch');
        },
        // An async hook is awaited before the next batch: its 'resumed' comes first.
        onBatch: () =>
          new Promise<void>((resolve) =>
            setTimeout(() => {
              events.push('resumed');
              resolve();
            }, 0),
          ),
      });
      expect(epochs).toEqual([0, 1, 2, 3, 4, 5, 6]);
      // 63 samples in batches of 20: four batches an epoch.
      const perEpoch = ['resumed', 'resumed', 'resumed', 'resumed', 'epoch'];
      expect(events).toEqual(Array.from({ length: 7 }, () => perEpoch).flat());
      expect(reports.map((r) => [r.epoch, r.last])).toEqual([
        [0, false],
        [3, false],
        [6, true],
      ]);
      network.dispose();
    });

    it('a model saved as JSON loads back with the same predictions', async () => {
      const backend = context.backend();
      const rng = seededRng(31);
      const network = createRegressionNetwork(backend, {
        hidden: [5],
        activation: 'relu',
        rng,
        wbWidth: 0.5,
      });
      const x = uniform(rng, 9, -1, 1);
      const json = JSON.parse(JSON.stringify(await toModelJSON(network)));
      const loaded = fromModelJSON(backend, json);
      expect(Array.from(await loaded.predict(x))).toEqual(Array.from(await network.predict(x)));
      network.dispose();
      loaded.dispose();
    });
  });
}

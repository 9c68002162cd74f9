import {
  type Backend,
  EXAMPLES,
  type ExampleAccuracy,
  type ExampleName,
  type ExampleReport,
  ExampleRun,
  NumpyRng,
  type OptimizerKind,
  type TrainingPath,
} from '@nn/core';

/** What the reference scripts' --json prints, as far as the replay needs it. */
export interface BookFixture {
  args: {
    seed: number;
    n_mid: number;
    eta: number;
    epoch: number;
    interval: number;
    wb_width: number;
    batch_size?: number;
    optimizer?: OptimizerKind;
    dropout?: number;
  };
  /** Regression and classification: every interval; Iris: every epoch (train and test). */
  errors: { epoch: number; error?: number; train?: number; test?: number }[];
  accuracy?: { train: number; test: number };
}

/** Which script made the fixture: Iris has an optimizer, classification a 2-class output. */
export function fixtureExample(fixture: BookFixture & { predictions?: unknown }): ExampleName {
  if (fixture.args.optimizer !== undefined) return 'iris';
  return fixture.predictions === undefined ? 'regression' : 'classification';
}

/**
 * Replays a reference script's run with `--rng numpy --seed S` and its
 * knobs: the errors it would print (Iris: every epoch) and its accuracy.
 */
export async function replayBookFixture(
  backend: Backend,
  fixture: BookFixture & { predictions?: unknown },
  options: { epochs?: number; path?: TrainingPath } = {},
): Promise<{ reports: ExampleReport[]; accuracy: ExampleAccuracy; expected: number[] }> {
  const name = fixtureExample(fixture);
  const { args } = fixture;
  const epochs = Math.min(options.epochs ?? args.epoch, args.epoch);
  const iris = name === 'iris';
  const run = new ExampleRun(backend, EXAMPLES[name], {
    rng: new NumpyRng(args.seed),
    hidden: iris ? [args.n_mid, args.n_mid] : [args.n_mid],
    eta: args.eta,
    epochs,
    // Iris's fixtures hold every epoch's errors: report them all.
    interval: iris ? 1 : args.interval,
    wbWidth: args.wb_width,
    ...(args.batch_size === undefined ? {} : { batchSize: args.batch_size }),
    ...(args.optimizer === undefined ? {} : { optimizer: args.optimizer }),
    ...(args.dropout === undefined ? {} : { dropout: args.dropout }),
    ...(options.path === undefined ? {} : { path: options.path }),
  });
  try {
    const reports = (await run.run()).filter((r) => r.epoch % (iris ? 1 : args.interval) === 0);
    const expected = fixture.errors
      .filter((e) => e.epoch < epochs)
      .flatMap((e) => (iris ? [e.train as number, e.test as number] : [e.error as number]));
    return { reports, accuracy: await run.accuracy(), expected };
  } finally {
    run.dispose();
  }
}

/** The replay's errors in the fixture's order: Iris's as train, test pairs. */
export function reportedErrors(reports: readonly ExampleReport[]): number[] {
  return reports.flatMap((r) => (r.test === undefined ? [r.error] : [r.error, r.test]));
}

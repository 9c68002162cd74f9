import {
  type Backend,
  createNetwork,
  Evaluation,
  EXAMPLES,
  type Rng,
  type Sequential,
  TrainingSession,
  type Workload,
} from '@nn/core';
import type { CarriedOptimizer } from './carried-optimizer.js';
import type { LoadedBackend } from './load-backend.js';
import { type ExampleData, type ViewMaker, viewMaker } from './network-views.js';
import type { Settings } from './settings.js';

/** What the trainer holds for one run: its settings, data, backend, network, session and numbers. */
export interface Run {
  settings: Settings;
  data: ExampleData;
  loaded: LoadedBackend;
  network: Sequential;
  rng: Rng;
  optimizer: CarriedOptimizer;
  /** Owns the uploaded data and the buffers; counts the epochs done. */
  session: TrainingSession;
  /** Examples measured on their sets (Iris): the train and test sets, uploaded once. */
  evaluations: { train: Evaluation; test?: Evaluation } | undefined;
  views: ViewMaker;
  /** The errors of the last reported epoch, carried across a backend switch. */
  error: number | null;
  test: number | null;
  /** Time spent training so far: the training time the page reports. */
  trainingMs: number;
}

/**
 * The example's network as core's ExampleRun makes it: from EXAMPLES'
 * inputs, outputs and output activation with the run's knobs, its weights
 * drawn from rng first, as the book draws them before training.
 */
/** The network's size as `auto` weighs it: every layer's width and the batch. */
export function workloadOf(settings: Settings): Workload {
  const book = EXAMPLES[settings.example].settings;
  return { widths: [book.inputs, ...settings.hidden, book.outputs], batchSize: settings.batchSize };
}

export function freshNetwork(backend: Backend, settings: Settings, rng: Rng): Sequential {
  const book = EXAMPLES[settings.example].settings;
  return createNetwork(backend, {
    inputs: book.inputs,
    outputs: book.outputs,
    hidden: settings.hidden,
    activation: settings.activation,
    outputActivation: book.outputActivation,
    dropout: settings.dropout,
    rng,
    wbWidth: settings.wbWidth,
  });
}

export type RunFields = Omit<
  Run,
  'network' | 'session' | 'evaluations' | 'views' | 'error' | 'test' | 'trainingMs'
> &
  Partial<Pick<Run, 'error' | 'test' | 'trainingMs'>>;

/**
 * A run of the network `build` makes on `fields.loaded`, with a new session
 * from `startEpoch`, set up as core's ExampleRun sets up the example. A
 * failure frees what was made, the backend too when it is `fresh` (loaded
 * for this run alone).
 */
export function startRun(
  fields: RunFields,
  build: (backend: Backend) => Sequential,
  startEpoch: number,
  fresh: boolean,
): Run {
  const { settings, data } = fields;
  const book = EXAMPLES[settings.example].settings;
  const parts: Partial<Pick<Run, 'network' | 'session' | 'evaluations'>> = {};
  try {
    const network = build(fields.loaded.backend);
    parts.network = network;
    parts.session = new TrainingSession(network, data.train, {
      epochs: settings.epochs,
      interval: settings.interval,
      batchSize: settings.batchSize,
      dropRemainder: book.dropRemainder,
      loss: book.loss,
      optimizer: fields.optimizer,
      rng: fields.rng,
      startEpoch,
    });
    if (book.report === 'evaluation') {
      parts.evaluations = { train: new Evaluation(network, data.train, book.loss) };
      if (data.test !== undefined) {
        parts.evaluations.test = new Evaluation(network, data.test, book.loss);
      }
    }
    return {
      error: null,
      test: null,
      trainingMs: 0,
      ...fields,
      network,
      session: parts.session,
      evaluations: parts.evaluations,
      views: viewMaker(settings.example, data),
    };
  } catch (error) {
    disposeRun(parts);
    if (fresh) fields.loaded.backend.destroy();
    throw error;
  }
}

/** Frees what a run holds on its backend, the network last (the others refer to it). */
export function disposeRun(run: Partial<Pick<Run, 'network' | 'session' | 'evaluations'>>): void {
  run.evaluations?.train.dispose();
  run.evaluations?.test?.dispose();
  run.session?.dispose();
  run.network?.dispose();
}

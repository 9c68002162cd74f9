import type { Backend } from '../backend/backend.js';
import { createNetwork } from '../layers/create-network.js';
import type { Sequential } from '../layers/sequential.js';
import { createOptimizer } from '../optimizers/create-optimizer.js';
import type { Rng } from '../rng/rng.js';
import { Evaluation } from '../training/evaluation.js';
import { type Dataset, type TrainingPath, TrainingSession } from '../training/training-session.js';
import type { Example, ExampleSettings } from './examples.js';

/** The knobs a user may turn; the rest of the settings are the example's. */
export type ExampleKnobs = Partial<
  Pick<
    ExampleSettings,
    | 'hidden'
    | 'activation'
    | 'optimizer'
    | 'eta'
    | 'epochs'
    | 'interval'
    | 'batchSize'
    | 'wbWidth'
    | 'dropout'
  >
>;

export interface ExampleRunOptions extends ExampleKnobs {
  rng: Rng;
  /** Other data than the book's (a CSV): the same inputs and outputs. */
  data?: { train: Dataset; test?: Dataset };
  path?: TrainingPath;
}

/** One printed line of the book: the training error, or the train and test sets' errors. */
export interface ExampleReport {
  epoch: number;
  /** The error the book prints: the training pass's, or (evaluation examples) the train set's. */
  error: number;
  /** Evaluation examples: the test set's error at the same moment. */
  test?: number;
  /** The session's last epoch (training examples report it even off the interval). */
  last: boolean;
}

/** Accuracy in percent, as the book prints it (count / n · 100). */
export interface ExampleAccuracy {
  train: number;
  test?: number;
}

/**
 * One of the book's examples, set up as its listing does: the network drawn
 * from rng, the data uploaded once, a TrainingSession, and for evaluation
 * examples the train and test sets measured at the start of each reported
 * epoch. The CLI, the web app and the parity tests all run examples here.
 */
export class ExampleRun<S = unknown> {
  readonly settings: ExampleSettings;
  readonly network: Sequential<S>;
  readonly session: TrainingSession<S>;
  readonly data: { train: Dataset; test?: Dataset };
  readonly #evaluations: { train: Evaluation<S>; test?: Evaluation<S> } | undefined;

  constructor(backend: Backend<S>, example: Example, options: ExampleRunOptions) {
    const { rng, data, path, ...knobs } = options;
    const settings = { ...example.settings, ...definedOnly(knobs) };
    this.settings = settings;
    this.data = data ?? example.data();
    this.network = createNetwork(backend, {
      inputs: settings.inputs,
      outputs: settings.outputs,
      hidden: settings.hidden,
      activation: settings.activation,
      outputActivation: settings.outputActivation,
      dropout: settings.dropout,
      rng,
      wbWidth: settings.wbWidth,
    });
    try {
      this.session = new TrainingSession(this.network, this.data.train, {
        epochs: settings.epochs,
        interval: settings.interval,
        batchSize: settings.batchSize,
        dropRemainder: settings.dropRemainder,
        loss: settings.loss,
        optimizer: createOptimizer(settings.optimizer, settings.eta),
        rng,
        ...(path === undefined ? {} : { path }),
      });
    } catch (error) {
      this.network.dispose();
      throw error;
    }
    this.#evaluations =
      settings.report === 'evaluation'
        ? {
            train: new Evaluation(this.network, this.data.train, settings.loss),
            ...(this.data.test === undefined
              ? {}
              : { test: new Evaluation(this.network, this.data.test, settings.loss) }),
          }
        : undefined;
  }

  /**
   * Trains up to `epochs` more epochs (default: to the end), calling
   * onReport with each line the book prints; resolves with them.
   */
  async run(
    epochs?: number,
    hooks: {
      onReport?: (report: ExampleReport) => void | Promise<void>;
      onEpoch?: (epoch: number) => void;
      onBatch?: () => void | Promise<void>;
    } = {},
  ): Promise<ExampleReport[]> {
    const reports: ExampleReport[] = [];
    const emit = async (report: ExampleReport) => {
      reports.push(report);
      await hooks.onReport?.(report);
    };
    const evaluations = this.#evaluations;
    const { interval } = this.settings;
    await this.session.run(epochs, {
      ...(hooks.onEpoch === undefined ? {} : { onEpoch: hooks.onEpoch }),
      ...(hooks.onBatch === undefined ? {} : { onBatch: hooks.onBatch }),
      ...(evaluations === undefined
        ? { onInterval: (r) => emit({ epoch: r.epoch, error: r.error, last: r.last }) }
        : {
            onEpochStart: async (epoch) => {
              if (epoch % interval !== 0) return;
              const train = await evaluations.train.run();
              const test = await evaluations.test?.run();
              await emit({
                epoch,
                error: train.error,
                ...(test === undefined ? {} : { test: test.error }),
                last: epoch === this.settings.epochs - 1,
              });
            },
          }),
    });
    return reports;
  }

  /** The book's closing line: argmax accuracy in percent on the train and test sets. */
  async accuracy(): Promise<ExampleAccuracy> {
    const percent = async (data: Dataset) => {
      const evaluation = new Evaluation(this.network, data, this.settings.loss);
      try {
        const { correct, rows } = await evaluation.run();
        return (correct / rows) * 100;
      } finally {
        evaluation.dispose();
      }
    };
    const train = await percent(this.data.train);
    return this.data.test === undefined
      ? { train }
      : { train, test: await percent(this.data.test) };
  }

  dispose(): void {
    this.#evaluations?.train.dispose();
    this.#evaluations?.test?.dispose();
    this.session.dispose();
    this.network.dispose();
  }
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}

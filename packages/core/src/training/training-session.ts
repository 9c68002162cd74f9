import { checkTensor } from '../backend/tensor-checks.js';
import { NNError } from '../errors.js';
import { Dense } from '../layers/dense.js';
import { Dropout } from '../layers/dropout.js';
import type { Sequential } from '../layers/sequential.js';
import { type Loss, sumOfSquares } from '../losses/loss.js';
import { type Optimizer, type OptimizerPlan, optimizerState } from '../optimizers/optimizer.js';
import type { Rng } from '../rng/rng.js';
import type { Tensor } from '../tensor.js';
import { requireInteger, requireOneOf } from '../validate.js';
import { buildTrainingPlan } from './build-plan.js';
import { kernelRunner } from './kernel-runner.js';
import { batchRows, type EpochSetup, type PlanRunner } from './training-plan.js';

/** Training data, row-major: x is samples × inputs, t is samples × outputs. */
export interface Dataset {
  x: ArrayLike<number>;
  t: ArrayLike<number>;
}

export interface EpochReport {
  epoch: number;
  /** The book's error: the epoch's per-sample losses, each taken right after its forward pass, averaged. */
  error: number;
  /** True for the session's final epoch, which is reported even when it is off the interval. */
  last: boolean;
}

/** How the steps run: a backend's plan runner, or composed from checked kernel calls. */
export const TRAINING_PATHS = ['plan', 'kernels'] as const;
export type TrainingPath = (typeof TRAINING_PATHS)[number];

export interface SessionOptions {
  /** The session's length: epochs 0 … epochs − 1. */
  epochs: number;
  optimizer: Optimizer;
  /** Draws each epoch's sample order. */
  rng: Rng;
  /** 1 (the book's) is plain SGD. */
  batchSize?: number;
  /** Leave out the last batch of an epoch when it would be smaller (default: keep it, smaller). */
  dropRemainder?: boolean;
  loss?: Loss;
  /** Report every `interval` epochs (0, interval, 2·interval, …) and the last. */
  interval?: number;
  /** Epochs already done, e.g. by a session on another backend whose weights this network carries on. */
  startEpoch?: number;
  /**
   * 'plan' (the default) runs whole steps on the backend's plan runner where
   * it has one for this network, else composes them; 'kernels' always
   * composes them from checked kernel calls (the reference path).
   */
  path?: TrainingPath;
}

export interface TrainingHooks {
  onInterval?: (report: EpochReport) => void | Promise<void>;
  /**
   * Called before every epoch with its index, awaited: the place to measure
   * the network as the epoch finds it (the book's Iris errors, taken at the
   * start of each epoch).
   */
  onEpochStart?: (epoch: number) => void | Promise<void>;
  /** Called after every epoch with its index; reads nothing back, so it costs nothing on a GPU. */
  onEpoch?: (epoch: number) => void;
  /**
   * Called after every batch; when it returns a promise, training waits for
   * it (a page training on its main thread yields to input here). Given, it
   * makes the plan runner run one batch per call instead of a whole epoch.
   */
  onBatch?: () => void | Promise<void>;
}

/**
 * A training run that owns its data and buffers: upload once, then train as
 * many epochs per call as asked, pause, step, resume, and read the error and
 * the network's parameters in between. Every epoch draws a fresh shuffle of
 * the samples (np.random.shuffle(arange(n)) in the book); the loss is summed
 * on the device and read at reported epochs, and, on backends that read
 * synchronously, checked every epoch so that a divergence is named at the
 * epoch it happens.
 */
export class TrainingSession<S = unknown> {
  readonly network: Sequential<S>;
  readonly epochs: number;
  readonly interval: number;
  /** The path the steps take (a 'plan' request falls back to 'kernels' where the backend has no runner). */
  readonly path: TrainingPath;
  readonly #rng: Rng;
  readonly #setup: EpochSetup<S>;
  readonly #optimizer: OptimizerPlan<S>;
  readonly #runner: PlanRunner;
  readonly #order: Int32Array;
  readonly #dropouts: readonly { ratio: number; units: number; mask: Float64Array }[];
  #epoch: number;
  #lastReport: EpochReport | undefined;
  #running = false;
  #pauseRequested = false;
  #disposed = false;

  constructor(network: Sequential<S>, data: Dataset, options: SessionOptions) {
    this.epochs = requireInteger('epochs', options.epochs);
    this.interval = requireInteger('interval', options.interval ?? 1);
    this.#epoch = requireInteger('startEpoch', options.startEpoch ?? 0, 0);
    const batchSize = requireInteger('batch size', options.batchSize ?? 1);
    const askedPath = requireOneOf('path', options.path ?? 'plan', TRAINING_PATHS);
    const samples = checkDataset(data, network.inputs, network.outputs);
    const dropRemainder = options.dropRemainder ?? false;
    if (dropRemainder && batchSize > samples) {
      throw new NNError(
        'NN_INVALID_ARGUMENT',
        `batch size ${batchSize} is larger than the ${samples} samples, and dropRemainder leaves no batch; lower the batch size`,
      );
    }
    const loss = options.loss ?? sumOfSquares;
    checkOutputActivation(network, loss);
    this.network = network;
    this.#rng = options.rng;
    this.#order = new Int32Array(samples);
    const dropouts = network.layers.filter((layer) => layer instanceof Dropout);
    this.#dropouts = dropouts.map(({ ratio, units }) => ({
      ratio,
      units,
      mask: new Float64Array(samples * units),
    }));
    const backend = network.backend;
    const owned: Tensor<S>[] = [];
    const track = (t: Tensor<S>): Tensor<S> => {
      owned.push(t);
      return t;
    };
    try {
      this.#optimizer = options.optimizer.plan(backend, network.parameters());
      owned.push(...optimizerState(this.#optimizer));
      this.#setup = {
        batchSize,
        samples,
        batches: dropRemainder ? Math.floor(samples / batchSize) : Math.ceil(samples / batchSize),
        dropRemainder,
        data: {
          x: track(backend.tensor([samples, network.inputs], data.x)),
          t: track(backend.tensor([samples, network.outputs], data.t)),
        },
        order: track(backend.tensor([1, samples])),
        lossTotal: track(backend.tensor([1, 1])),
        masks: dropouts.map((d) => track(backend.tensor([samples, d.units]))),
      };
      const plan =
        askedPath === 'plan'
          ? buildTrainingPlan(network, loss, this.#optimizer, this.#setup)
          : undefined;
      const planRunner = plan === undefined ? undefined : backend.compilePlan(plan);
      this.path = planRunner === undefined ? 'kernels' : 'plan';
      this.#runner = planRunner ?? kernelRunner(network, loss, this.#optimizer, this.#setup);
    } catch (error) {
      for (const t of owned) backend.dispose(t);
      throw error;
    }
  }

  /** Epochs done so far. */
  get epoch(): number {
    return this.#epoch;
  }

  get done(): boolean {
    return this.#epoch >= this.epochs;
  }

  /** The last reported epoch, if any: its error is the latest the session has read. */
  get lastReport(): EpochReport | undefined {
    return this.#lastReport;
  }

  /**
   * Trains up to `epochs` more epochs (by default, to the end), calling the
   * hooks; resolves with the reports, early after pause(). A failure leaves
   * the session at the epoch that failed.
   */
  async run(epochs?: number, hooks: TrainingHooks = {}): Promise<EpochReport[]> {
    const reports: EpochReport[] = [];
    for await (const report of this.reports(epochs, hooks)) {
      reports.push(report);
      await hooks.onInterval?.(report);
    }
    return reports;
  }

  /** The same as run, as an async iterator of the reports. */
  async *reports(
    epochs = this.epochs - this.#epoch,
    hooks: Omit<TrainingHooks, 'onInterval'> = {},
  ): AsyncGenerator<EpochReport, void, undefined> {
    requireInteger('epochs to run', epochs, 0);
    this.#checkUsable();
    this.#running = true;
    this.#pauseRequested = false;
    try {
      const end = Math.min(this.#epoch + epochs, this.epochs);
      const backend = this.network.backend;
      // Nothing is awaited unless a hook or the backend needs it: an epoch
      // of a small network takes microseconds, and a microtask each would show.
      while (this.#epoch < end && !this.#pauseRequested) {
        const epoch = this.#epoch;
        if (hooks.onEpochStart !== undefined) await hooks.onEpochStart(epoch);
        this.#startEpoch();
        if (hooks.onBatch === undefined) this.#runner.runBatches(0, this.#setup.batches);
        else await this.#runBatchByBatch(hooks.onBatch);
        this.#epoch = epoch + 1;
        const report = backend.capabilities.syncRead
          ? this.#endEpoch(epoch, () => backend.readSync(this.#setup.lossTotal)[0] as number)
          : await this.#endEpochAsync(epoch);
        if (report !== undefined) yield report;
        hooks.onEpoch?.(epoch);
      }
    } finally {
      this.#running = false;
    }
  }

  /** Makes a running run() or reports() stop after the current epoch. */
  pause(): void {
    if (this.#running) this.#pauseRequested = true;
  }

  /** Frees the data and buffers the session holds; the network stays. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    const backend = this.network.backend;
    this.#runner.dispose();
    const { data, order, lossTotal, masks } = this.#setup;
    for (const t of [data.x, data.t, order, lossTotal, ...masks]) backend.dispose(t);
    for (const t of optimizerState(this.#optimizer)) backend.dispose(t);
  }

  /** A fresh shuffle of the samples (and of the dropout masks), and the loss total zeroed. */
  #startEpoch(): void {
    const backend = this.network.backend;
    const { order, lossTotal, samples } = this.#setup;
    const indices = this.#order;
    for (let i = 0; i < samples; i++) indices[i] = i;
    this.#rng.shuffle(indices);
    backend.write(order, indices);
    this.#drawMasks();
    backend.fill(lossTotal, 0);
  }

  async #runBatchByBatch(onBatch: () => void | Promise<void>): Promise<void> {
    for (let batch = 0; batch < this.#setup.batches; batch++) {
      this.#runner.runBatches(batch, 1);
      const pending = onBatch();
      if (pending !== undefined) await pending;
    }
  }

  /**
   * Checks the epoch's summed loss (read by `total`) and makes its report
   * when the epoch is reported: every interval and the last.
   */
  #endEpoch(epoch: number, total: () => number): EpochReport | undefined {
    const { batches, samples, batchSize, dropRemainder } = this.#setup;
    const syncRead = this.network.backend.capabilities.syncRead;
    // The error averages over the samples trained on: all of them unless the remainder is dropped.
    const trained = dropRemainder ? batches * batchSize : samples;
    const error = total() / trained;
    checkFinite(error, epoch, syncRead);
    const last = epoch === this.epochs - 1;
    if (epoch % this.interval !== 0 && !last) return undefined;
    this.#lastReport = { epoch, error, last };
    return this.#lastReport;
  }

  /**
   * Backends without synchronous reads read the loss only at reported
   * epochs; otherwise they flush, so a queue never outgrows an epoch.
   */
  async #endEpochAsync(epoch: number): Promise<EpochReport | undefined> {
    const backend = this.network.backend;
    if (epoch % this.interval === 0 || epoch === this.epochs - 1) {
      const total = (await backend.read(this.#setup.lossTotal))[0] as number;
      return this.#endEpoch(epoch, () => total);
    }
    await backend.flush();
    return undefined;
  }

  /**
   * This epoch's dropout masks, in the book's order of np.random.rand calls:
   * batch by batch, and within a batch one rows × units draw per dropout
   * layer, input side first; keep a unit where the draw is > ratio.
   */
  #drawMasks(): void {
    if (this.#dropouts.length === 0) return;
    const { batches, batchSize, masks } = this.#setup;
    for (let batch = 0; batch < batches; batch++) {
      const rows = batchRows(this.#setup, batch);
      for (const { ratio, units, mask } of this.#dropouts) {
        const start = batch * batchSize * units;
        for (let i = start; i < start + rows * units; i++) {
          mask[i] = this.#rng.random() > ratio ? 1 : 0;
        }
      }
    }
    for (const [i, { mask }] of this.#dropouts.entries()) {
      this.network.backend.write(masks[i] as Tensor<S>, mask);
    }
  }

  #checkUsable(): void {
    if (this.#disposed) {
      throw new NNError(
        'NN_INVALID_ARGUMENT',
        'training session: it was disposed; start a new one',
      );
    }
    if (this.#running) {
      throw new NNError(
        'NN_INVALID_ARGUMENT',
        'training session: it is already running; await the running call (or pause()) first',
      );
    }
    // A network disposed under the session would fail deep inside a runner; say so here.
    const backend = this.network.backend;
    for (const p of this.network.parameters())
      checkTensor(backend, 'training session', p.name, p.value);
  }
}

/** A loss taken at an output activation's input (cross-entropy) needs that activation last. */
function checkOutputActivation(network: Sequential<unknown>, loss: Loss): void {
  if (loss.outputActivation === undefined) return;
  const last = network.layers[network.layers.length - 1];
  if (!(last instanceof Dense) || last.activation !== loss.outputActivation) {
    throw new NNError(
      'NN_INVALID_ARGUMENT',
      `the ${loss.kind} loss needs a last dense layer with the ${loss.outputActivation} activation; change the output layer or the loss`,
    );
  }
}

/** everyEpochChecked: the loss was checked at every earlier epoch, so this one is the first bad one. */
function checkFinite(total: number, epoch: number, everyEpochChecked: boolean): void {
  if (Number.isFinite(total)) return;
  const where = everyEpochChecked ? 'at epoch' : 'at or before epoch';
  throw new NNError(
    'NN_DIVERGED',
    `training diverged: the loss became ${total} ${where} ${epoch}; lower the learning rate (eta), e.g. to a tenth, or scale the data`,
  );
}

export function checkDataset(data: Dataset, inputs: number, outputs: number): number {
  const samples = data.x.length / inputs;
  if (data.x.length === 0 || !Number.isInteger(samples)) {
    throw new NNError(
      'NN_SHAPE_MISMATCH',
      `fit: x has ${data.x.length} values, which is not a whole number ≥ 1 of rows of ${inputs} inputs`,
    );
  }
  if (data.t.length !== samples * outputs) {
    throw new NNError(
      'NN_SHAPE_MISMATCH',
      `fit: x has ${samples} samples, so t needs ${samples * outputs} values (${outputs} per sample) but has ${data.t.length}`,
    );
  }
  for (const [name, values] of [
    ['x', data.x],
    ['t', data.t],
  ] as const) {
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i])) {
        throw new NNError(
          'NN_INVALID_ARGUMENT',
          `fit: ${name}[${i}] is ${values[i]}; training data must be finite numbers`,
        );
      }
    }
  }
  return samples;
}

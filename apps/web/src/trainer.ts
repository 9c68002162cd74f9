import {
  createRegressionNetwork,
  DefaultRng,
  fit,
  fromModelJSON,
  isNNError,
  NumpyRng,
  parseModel,
  type Rng,
  type Sequential,
  Sgd,
  TEXTBOOK,
  toModelJSON,
} from '@nn/core';
import { type LoadedBackend, loadBackend } from './load-backend.js';
import type { TrainerEvent, TrainerRequest, TrainerStatus } from './protocol.js';
import type { BackendId, Settings } from './settings.js';

export interface TrainerOptions {
  /** How long one slice of epochs may run before the trainer yields; short on the main thread. */
  sliceMs?: number;
  /**
   * On the main thread: gpu.js queues its kernel calls and runs them in
   * slices this long, so that compiling a kernel is a task of its own.
   */
  kernelSliceMs?: number;
  /** Least time between two prediction updates for the live chart. */
  predictionEveryMs?: number;
}

interface Run {
  settings: Settings;
  data: { x: Float64Array; t: Float64Array };
  loaded: LoadedBackend;
  network: Sequential;
  rng: Rng;
  optimizer: Sgd;
  /** Epochs done. */
  epoch: number;
  error: number | null;
  /** Time spent in fit so far: the training time the page reports. */
  trainingMs: number;
}

/**
 * Trains the regression network in slices of epochs: each slice is one call
 * of core's fit, ending at the next reported epoch at the latest, so the
 * reports, the rng stream and the weights are exactly those of one long fit.
 * Between slices it yields, so pause, step and backend switches land within
 * one slice. It runs the same in a worker or on the main thread.
 */
export class Trainer {
  readonly #post: (event: TrainerEvent) => void;
  readonly #sliceMs: number;
  readonly #kernelSliceMs: number | undefined;
  readonly #predictionEveryMs: number;
  #run: Run | undefined;
  // 'starting' until the first configure, so its 'ready' reaches the page.
  #status: TrainerStatus | 'starting' = 'starting';
  #loop: Promise<void> | undefined;
  #queue: Promise<void> = Promise.resolve();
  #lastPrediction = 0;
  #stopRequested = false;

  constructor(post: (event: TrainerEvent) => void, options: TrainerOptions = {}) {
    this.#post = post;
    this.#sliceMs = options.sliceMs ?? 50;
    this.#kernelSliceMs = options.kernelSliceMs;
    this.#predictionEveryMs = options.predictionEveryMs ?? 30;
  }

  /** Handles requests one at a time, in order; a failure is posted, never thrown. */
  handle(request: TrainerRequest): Promise<void> {
    // Pause lands after the current slice, not behind queued work.
    if (request.type === 'pause') this.#stopRequested = true;
    this.#queue = this.#queue
      .then(() => this.#process(request))
      .catch((error) => this.#fail(error));
    return this.#queue;
  }

  async #process(request: TrainerRequest): Promise<void> {
    switch (request.type) {
      case 'configure':
        await this.#stop();
        await this.#configure(request.settings, request.data);
        return;
      case 'play':
        if (this.#run === undefined || this.#status === 'running' || this.#status === 'done')
          return;
        this.#start();
        return;
      case 'pause':
        await this.#stop();
        return;
      case 'step': {
        await this.#stop();
        const run = this.#run;
        if (run === undefined || this.#status === 'done') return;
        await this.#slice(run, 1);
        this.#setStatus(run.epoch >= run.settings.epochs ? 'done' : 'paused');
        return;
      }
      case 'switch-backend':
        await this.#switchBackend(request.backend);
        return;
      case 'export-model': {
        const wasRunning = await this.#stop();
        if (this.#run === undefined) throw new Error('nothing to export yet');
        this.#post({ type: 'model', model: await toModelJSON(this.#run.network) });
        if (wasRunning) this.#start();
        return;
      }
      case 'import-model':
        await this.#stop();
        await this.#importModel(request.text);
        return;
    }
  }

  async #configure(settings: Settings, data: Run['data']): Promise<void> {
    const loaded = await loadBackend(settings.backend, this.#kernelSliceMs);
    const rng =
      settings.rng === 'numpy' ? new NumpyRng(settings.seed) : new DefaultRng(settings.seed);
    let network: Sequential;
    try {
      network = createRegressionNetwork(loaded.backend, {
        hidden: settings.hidden,
        activation: settings.activation,
        rng,
        wbWidth: TEXTBOOK.wbWidth,
      });
    } catch (error) {
      loaded.backend.destroy();
      throw error;
    }
    this.#replace({
      settings,
      data,
      loaded,
      network,
      rng,
      optimizer: new Sgd({ eta: settings.eta }),
      epoch: 0,
      error: null,
      trainingMs: 0,
    });
    this.#setStatus('ready');
    await this.#postProgress(this.#run as Run, true);
  }

  /** Moves the trained weights to the new backend; the rng and epoch carry on, so the run goes on. */
  async #switchBackend(id: BackendId): Promise<void> {
    const wasRunning = await this.#stop();
    const run = this.#run;
    if (run === undefined) return;
    const model = await toModelJSON(run.network);
    const loaded = await loadBackend(id, this.#kernelSliceMs);
    let network: Sequential;
    try {
      network = fromModelJSON(loaded.backend, model);
    } catch (error) {
      loaded.backend.destroy();
      throw error;
    }
    this.#replace({ ...run, settings: { ...run.settings, backend: id }, loaded, network });
    if (wasRunning) this.#start();
  }

  async #importModel(text: string): Promise<void> {
    const model = parseModel(text);
    const run = this.#run;
    if (run === undefined) throw new Error('the page has not configured the trainer yet');
    if (model.layers[0]?.inputs !== 1 || model.layers.at(-1)?.units !== 1) {
      throw new Error(
        'model: the page trains 1-input, 1-output networks; this model has other sizes',
      );
    }
    const network = fromModelJSON(run.loaded.backend, model);
    const hidden = model.layers.slice(0, -1).map((layer) => layer.units);
    const activation = model.layers[0]?.activation ?? 'sigmoid';
    run.network.dispose();
    this.#run = {
      ...run,
      settings: { ...run.settings, hidden, activation: activation as Settings['activation'] },
      network,
      epoch: 0,
      error: null,
      trainingMs: 0,
    };
    this.#post({ type: 'imported', hidden, activation });
    this.#setStatus('ready');
    await this.#postProgress(this.#run, true);
  }

  async #runLoop(): Promise<void> {
    const run = this.#run as Run;
    let size = 1;
    while (this.#status === 'running' && !this.#stopRequested && this.#run === run) {
      const started = performance.now();
      await this.#slice(run, size);
      const took = performance.now() - started;
      // Aim each slice at sliceMs, growing at most fourfold so one slow epoch cannot overshoot far.
      size = Math.max(
        1,
        Math.min(size * 4, Math.floor((size * this.#sliceMs) / Math.max(took, 0.1))),
      );
      if (run.epoch >= run.settings.epochs) this.#setStatus('done');
      await yieldToEvents();
    }
  }

  /** Runs up to `most` epochs as one fit, stopping at the next reported epoch. */
  async #slice(run: Run, most: number): Promise<void> {
    const { epochs, interval } = run.settings;
    const start = run.epoch;
    if (start >= epochs) return;
    const nextReport = Math.min(Math.floor(start / interval + 1) * interval, epochs - 1);
    const end = Math.min(start + most - 1, Math.max(nextReport, start));
    const length = end - start + 1;
    const started = performance.now();
    let busySince = started;
    let yieldedMs = 0;
    try {
      await fit(run.network, run.data, {
        // An epoch can outlast a slice (gpu.js WebGL on the main thread): yield
        // between batches too, so that input never waits much past sliceMs.
        onBatch: () => {
          const now = performance.now();
          if (now - busySince < this.#sliceMs) return undefined;
          return yieldToEvents().then(() => {
            busySince = performance.now();
            yieldedMs += busySince - now;
          });
        },
        epochs: length,
        // fit reports the slice's first and last epochs; they are the only ones that can be reported epochs.
        interval: length,
        batchSize: run.settings.batchSize,
        optimizer: run.optimizer,
        rng: run.rng,
        onInterval: async (report) => {
          const epoch = start + report.epoch;
          run.error = report.error;
          if (epoch % interval === 0 || epoch === epochs - 1) {
            const predictions = await run.network.predict(run.data.x);
            this.#post({ type: 'report', report: { epoch, error: report.error, predictions } });
          }
        },
      });
    } catch (error) {
      if (this.#status === 'running') this.#setStatus('paused');
      throw error;
    }
    run.trainingMs += performance.now() - started - yieldedMs;
    run.epoch = end + 1;
    await this.#postProgress(run, run.epoch >= epochs);
  }

  async #postProgress(run: Run, withPredictions: boolean): Promise<void> {
    const now = performance.now();
    let predictions: Float64Array | null = null;
    if (withPredictions || now - this.#lastPrediction >= this.#predictionEveryMs) {
      predictions = await run.network.predict(run.data.x);
      this.#lastPrediction = now;
    }
    this.#post({
      type: 'progress',
      epoch: run.epoch,
      error: run.error,
      predictions,
      trainingMs: run.trainingMs,
    });
  }

  /** Stops the loop after its current slice; says whether it was running, for a resume. */
  async #stop(): Promise<boolean> {
    const wasRunning = this.#status === 'running';
    this.#stopRequested = true;
    await this.#loop;
    this.#loop = undefined;
    this.#stopRequested = false;
    // Said only now, so 'paused' follows the last progress the page gets.
    if (this.#status === 'running') this.#setStatus('paused');
    return wasRunning;
  }

  #start(): void {
    this.#stopRequested = false;
    this.#setStatus('running');
    this.#loop = this.#runLoop().catch((error) => this.#fail(error));
  }

  #replace(run: Run): void {
    const old = this.#run;
    this.#run = run;
    if (old !== undefined) {
      old.network.dispose();
      if (old.loaded.backend !== run.loaded.backend) old.loaded.backend.destroy();
    }
    this.#post({ type: 'backend', info: run.loaded.info });
  }

  #setStatus(status: TrainerStatus): void {
    if (this.#status === status) return;
    this.#status = status;
    this.#post({ type: 'status', status });
  }

  #fail(error: unknown): void {
    const code = isNNError(error) ? error.code : null;
    this.#post({ type: 'failure', code, message: (error as Error).message ?? String(error) });
  }
}

/** A macrotask boundary: lets queued messages and input events run between slices. */
function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

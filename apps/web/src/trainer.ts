import {
  type Backend,
  createRegressionNetwork,
  DefaultRng,
  fromModelJSON,
  isNNError,
  NumpyRng,
  type Rng,
  type Sequential,
  Sgd,
  TEXTBOOK,
  TrainingSession,
  toModelJSON,
} from '@nn/core';
import { type LoadedBackend, loadBackend } from './load-backend.js';
import type { TrainerEvent, TrainerRequest, TrainerStatus } from './protocol.js';
import { readModel } from './read-model.js';
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
  /** Owns the uploaded data and the buffers; counts the epochs done. */
  session: TrainingSession;
  /** The error of the last reported epoch, carried across a backend switch. */
  error: number | null;
  /** Time spent training so far: the training time the page reports. */
  trainingMs: number;
}

/**
 * Trains the regression network through one core TrainingSession per run,
 * in slices of epochs (`session.run(n)`): the data is uploaded once, and
 * the reports, the rng stream and the weights are exactly those of one long
 * run. Between slices it yields, and pause stops the session after its
 * current epoch, so pause, step and backend switches land within one slice.
 * It runs the same in a worker or on the main thread.
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
    // Pause lands after the current epoch, not behind queued work.
    if (request.type === 'pause') this.#requestStop();
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
        this.#setStatus(run.session.done ? 'done' : 'paused');
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
    const optimizer = new Sgd({ eta: settings.eta });
    const fields = { settings, data, loaded, rng, optimizer, error: null, trainingMs: 0 };
    const build = (backend: Backend) =>
      createRegressionNetwork(backend, {
        hidden: settings.hidden,
        activation: settings.activation,
        rng,
        wbWidth: TEXTBOOK.wbWidth,
      });
    this.#replace(startRun(fields, build, 0, true));
    this.#setStatus('ready');
    await this.#postProgress(this.#run as Run, true);
  }

  /**
   * Moves the trained weights to the new backend and goes on there with a
   * session that starts at the epoch done and draws from the same rng, so
   * the run goes on exactly as it would have.
   */
  async #switchBackend(id: BackendId): Promise<void> {
    const wasRunning = await this.#stop();
    const run = this.#run;
    if (run === undefined) return;
    const model = await toModelJSON(run.network);
    const loaded = await loadBackend(id, this.#kernelSliceMs);
    const fields = { ...run, settings: { ...run.settings, backend: id }, loaded };
    const build = (backend: Backend) => fromModelJSON(backend, model);
    this.#replace(startRun(fields, build, run.session.epoch, true));
    if (wasRunning) this.#start();
  }

  async #importModel(text: string): Promise<void> {
    const run = this.#run;
    if (run === undefined) throw new Error('the page has not configured the trainer yet');
    const { model, hidden, activation } = readModel(text);
    const settings = { ...run.settings, hidden, activation };
    const build = (backend: Backend) => fromModelJSON(backend, model);
    // The run's backend, rng and optimizer go on; the session starts over at epoch 0.
    this.#replace(startRun({ ...run, settings, error: null, trainingMs: 0 }, build, 0, false));
    this.#post({ type: 'imported', hidden, activation });
    this.#setStatus('ready');
    await this.#postProgress(this.#run as Run, true);
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
      if (run.session.done) this.#setStatus('done');
      await yieldToEvents();
    }
  }

  /** Runs up to `most` epochs of the session; fewer when paused or at its end. */
  async #slice(run: Run, most: number): Promise<void> {
    const { session } = run;
    if (session.done) return;
    const started = performance.now();
    let busySince = started;
    let yieldedMs = 0;
    try {
      await session.run(most, {
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
        onInterval: async (report) => {
          const predictions = await run.network.predict(run.data.x);
          this.#post({
            type: 'report',
            report: { epoch: report.epoch, error: report.error, predictions },
          });
        },
      });
    } catch (error) {
      if (this.#status === 'running') this.#setStatus('paused');
      throw error;
    } finally {
      run.error = session.lastReport?.error ?? run.error;
      run.trainingMs += performance.now() - started - yieldedMs;
    }
    await this.#postProgress(run, session.done);
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
      epoch: run.session.epoch,
      error: run.error,
      predictions,
      trainingMs: run.trainingMs,
    });
  }

  /** Makes the loop stop after the session's current epoch (or before its next slice). */
  #requestStop(): void {
    this.#stopRequested = true;
    this.#run?.session.pause();
  }

  /** Stops the loop after its current epoch; says whether it was running, for a resume. */
  async #stop(): Promise<boolean> {
    const wasRunning = this.#status === 'running';
    this.#requestStop();
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

  /** Makes `run` the current one, freeing the old run's session, network and (when another) backend. */
  #replace(run: Run): void {
    const old = this.#run;
    this.#run = run;
    if (old === undefined || old.loaded !== run.loaded) {
      this.#post({ type: 'backend', info: run.loaded.info });
    }
    if (old === undefined) return;
    old.session.dispose();
    old.network.dispose();
    if (old.loaded.backend !== run.loaded.backend) old.loaded.backend.destroy();
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

type RunFields = Omit<Run, 'network' | 'session'>;

/**
 * A run of the network `build` makes on `fields.loaded`, with a new session
 * from `startEpoch`. A failure frees what was made, the backend too when it
 * is `fresh` (loaded for this run alone).
 */
function startRun(
  fields: RunFields,
  build: (backend: Backend) => Sequential,
  startEpoch: number,
  fresh: boolean,
): Run {
  const { settings } = fields;
  let network: Sequential | undefined;
  try {
    network = build(fields.loaded.backend);
    const session = new TrainingSession(network, fields.data, {
      epochs: settings.epochs,
      interval: settings.interval,
      batchSize: settings.batchSize,
      optimizer: fields.optimizer,
      rng: fields.rng,
      startEpoch,
    });
    return { ...fields, network, session };
  } catch (error) {
    network?.dispose();
    if (fresh) fields.loaded.backend.destroy();
    throw error;
  }
}

/** A macrotask boundary: lets queued messages and input events run between slices. */
function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

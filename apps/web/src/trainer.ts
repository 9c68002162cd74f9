import {
  type Backend,
  DefaultRng,
  fromModelJSON,
  isNNError,
  NumpyRng,
  toModelJSON,
} from '@nn/core';
import { CarriedOptimizer } from './carried-optimizer.js';
import { loadBackend } from './load-backend.js';
import { type ExampleData, exampleData } from './network-views.js';
import type { TrainerEvent, TrainerRequest, TrainerStatus } from './protocol.js';
import { readModel } from './read-model.js';
import { disposeRun, freshNetwork, type Run, startRun, workloadOf } from './run.js';
import { type BackendId, defaultSettings, type Settings } from './settings.js';

export interface TrainerOptions {
  /** How long one slice of epochs may run before the trainer yields; short on the main thread. */
  sliceMs?: number;
  /**
   * On the main thread: gpu.js queues its kernel calls and runs them in
   * slices this long, so that compiling a kernel is a task of its own.
   */
  kernelSliceMs?: number;
  /** Least time between two view updates for the live charts. */
  viewEveryMs?: number;
}

/**
 * Trains one of the book's examples as core's ExampleRun sets it up (the
 * network from EXAMPLES' settings and the knobs, a TrainingSession, for
 * Iris the train and test sets measured at the start of each reported
 * epoch), through one session per run, in slices of epochs
 * (`session.run(n)`): the data is uploaded once, and the reports, the rng
 * stream and the weights are exactly those of one long run. Between slices
 * it yields, and pause stops the session after its current epoch, so pause,
 * step and backend switches land within one slice. A backend switch carries
 * the weights, the optimizer's state and the rng over, so the run goes on
 * exactly. It runs the same in a worker or on the main thread.
 */
export class Trainer {
  readonly #post: (event: TrainerEvent) => void;
  readonly #sliceMs: number;
  readonly #kernelSliceMs: number | undefined;
  readonly #viewEveryMs: number;
  #run: Run | undefined;
  // 'starting' until the first configure, so its 'ready' reaches the page.
  #status: TrainerStatus | 'starting' = 'starting';
  #loop: Promise<void> | undefined;
  #queue: Promise<void> = Promise.resolve();
  #lastView = 0;
  #stopRequested = false;

  constructor(post: (event: TrainerEvent) => void, options: TrainerOptions = {}) {
    this.#post = post;
    this.#sliceMs = options.sliceMs ?? 50;
    this.#kernelSliceMs = options.kernelSliceMs;
    this.#viewEveryMs = options.viewEveryMs ?? 30;
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

  async #configure(settings: Settings, data: ExampleData['train'] | undefined): Promise<void> {
    if (data !== undefined && settings.example !== 'regression') {
      throw new RangeError(`the ${settings.example} example trains on its own data, not a CSV`);
    }
    const loaded = await loadBackend(settings.backend, workloadOf(settings), this.#kernelSliceMs);
    const rng =
      settings.rng === 'numpy' ? new NumpyRng(settings.seed) : new DefaultRng(settings.seed);
    const fields = {
      settings,
      data: data === undefined ? exampleData(settings.example) : { train: data },
      loaded,
      rng,
      optimizer: new CarriedOptimizer(settings.optimizer, settings.eta),
    };
    this.#replace(startRun(fields, (backend) => freshNetwork(backend, settings, rng), 0, true));
    this.#setStatus('ready');
    await this.#postProgress(this.#run as Run, true);
  }

  /**
   * Moves the trained weights and the optimizer's state to the new backend
   * and goes on there with a session that starts at the epoch done and
   * draws from the same rng, so the run goes on exactly as it would have.
   */
  async #switchBackend(id: BackendId): Promise<void> {
    const wasRunning = await this.#stop();
    const run = this.#run;
    if (run === undefined) return;
    const model = await toModelJSON(run.network);
    const state = await run.optimizer.snapshot();
    const loaded = await loadBackend(id, workloadOf(run.settings), this.#kernelSliceMs);
    const { settings } = run;
    const fields = {
      ...run,
      settings: { ...settings, backend: id },
      loaded,
      optimizer: new CarriedOptimizer(settings.optimizer, settings.eta, state),
    };
    const build = (backend: Backend) => fromModelJSON(backend, model);
    this.#replace(startRun(fields, build, run.session.epoch, true));
    if (wasRunning) this.#start();
  }

  /**
   * Trains an imported model from epoch 0 on its example: the run's when it
   * fits the run's example (its knobs, data, backend and rng go on), else
   * the example it fits, with that example's book settings.
   */
  async #importModel(text: string): Promise<void> {
    const run = this.#run;
    if (run === undefined) throw new Error('the page has not configured the trainer yet');
    const { model, example, hidden, activation, dropout } = readModel(text);
    const same = example === run.settings.example;
    const settings: Settings = {
      ...(same ? run.settings : defaultSettings(example, run.settings)),
      hidden,
      activation,
      dropout,
    };
    const fields = {
      ...run,
      settings,
      data: same ? run.data : exampleData(example),
      optimizer: new CarriedOptimizer(settings.optimizer, settings.eta),
      error: null,
      test: null,
      trainingMs: 0,
    };
    const build = (backend: Backend) => fromModelJSON(backend, model);
    this.#replace(startRun(fields, build, 0, false));
    this.#post({ type: 'imported', settings });
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
    const { session, evaluations } = run;
    if (session.done) return;
    const started = performance.now();
    let busySince = started;
    let yieldedMs = 0;
    const report = async (epoch: number, error: number, test?: number) => {
      run.error = error;
      run.test = test ?? null;
      // Examples measured on their sets draw curves, not the network: no view per report.
      const view = evaluations === undefined ? await this.#view(run) : undefined;
      this.#post({
        type: 'report',
        report: {
          epoch,
          error,
          ...(test === undefined ? {} : { test }),
          ...(view === undefined ? {} : { view }),
        },
      });
    };
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
        ...(evaluations === undefined
          ? { onInterval: (r) => report(r.epoch, r.error) }
          : {
              // The book's Iris: both sets measured as each reported epoch finds the network.
              onEpochStart: async (epoch) => {
                if (epoch % session.interval !== 0) return;
                const train = await evaluations.train.run();
                const test = await evaluations.test?.run();
                await report(epoch, train.error, test?.error);
              },
            }),
      });
    } catch (error) {
      if (this.#status === 'running') this.#setStatus('paused');
      throw error;
    } finally {
      run.trainingMs += performance.now() - started - yieldedMs;
    }
    await this.#postProgress(run, session.done);
  }

  async #postProgress(run: Run, withView: boolean): Promise<void> {
    const now = performance.now();
    let view = null;
    if (withView || now - this.#lastView >= this.#viewEveryMs) {
      view = await this.#view(run);
      this.#lastView = now;
    }
    this.#post({
      type: 'progress',
      epoch: run.session.epoch,
      error: run.error,
      test: run.test,
      view,
      trainingMs: run.trainingMs,
    });
  }

  /** What the page draws of the network now: one forward pass in evaluation mode. */
  async #view(run: Run) {
    return run.views.view(await run.network.predict(run.views.inputs));
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
    disposeRun(old);
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

/** A macrotask boundary: lets queued messages and input events run between slices. */
function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

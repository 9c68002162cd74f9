import { textbookData } from '@nn/core';
import type { RegressionFrame } from '@nn/viz';
import { renderGif, renderPng } from './chart-images.js';
import { connectTrainer, type TrainerConnection, type TrainerThread } from './connect-trainer.js';
import { download } from './download.js';
import { ErrorChart } from './error-chart.js';
import { FitChart } from './fit-chart.js';
import { MAX_CSV_BYTES, parseCsv, type TrainingData } from './parse-csv.js';
import type { BackendInfo, IntervalReport, TrainerEvent, TrainerStatus } from './protocol.js';
import { MAX_MODEL_BYTES } from './read-model.js';
import { readTextFile } from './read-text-file.js';
import {
  formatSetting,
  parseSettings,
  type Settings,
  type SettingsText,
  settingsFromQuery,
  settingsToQuery,
} from './settings.js';
import { setupCharts } from './setup-charts.js';
import { shorten } from './shorten.js';
import { offerWebGpuOption } from './webgpu-option.js';

const FIELDS = [
  'hidden',
  'activation',
  'eta',
  'epochs',
  'interval',
  'batchSize',
  'seed',
  'rng',
  'backend',
] as const satisfies readonly (keyof Settings)[];

/** The CLI's limit (--gif): past this a GIF takes long to draw and is too big to share. */
const MAX_GIF_FRAMES = 500;
/** A message longer than this (a value echoed from a file) is cut in the middle. */
const MAX_MESSAGE_LENGTH = 300;

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`page: #${id} is missing from index.html`);
  return found as T;
}

/** Shows an error as a plain number (a test and a person can both read it), six digits. */
function formatError(error: number): string {
  return String(Number(error.toPrecision(6)));
}

/** The page: settings in the form and the URL, a trainer (worker) doing the work, charts and files. */
export class App {
  #settings: Settings;
  #data: TrainingData;
  /** Every reported epoch's error, for the error chart. */
  #errors: { epoch: number; error: number }[] = [];
  /** The reports with predictions, for the GIF: at most MAX_GIF_FRAMES, so a long run cannot fill memory. */
  #frames: IntervalReport[] = [];
  #drawPending = false;
  #newData = false;
  #predictions: Float64Array | null = null;
  #epoch = 0;
  #error: number | null = null;
  #status: TrainerStatus = 'ready';
  #connection: TrainerConnection | undefined;
  readonly #fitChart: FitChart;
  readonly #errorChart: ErrorChart;

  constructor() {
    const book = textbookData();
    this.#data = { x: Float64Array.from(book.x), t: Float64Array.from(book.t) };
    const { settings, problems } = settingsFromQuery(new URLSearchParams(location.search));
    this.#settings = settings;
    for (const key of FIELDS) {
      element<HTMLInputElement | HTMLSelectElement>(key).value = formatSetting(settings, key);
    }
    this.#showProblems(problems.map((p) => p.message));
    setupCharts();
    this.#fitChart = new FitChart(element('fit-chart'), this.#frame());
    this.#errorChart = new ErrorChart(element('error-chart'));
  }

  async start(): Promise<void> {
    // Asks for a WebGPU adapter while the trainer starts; the option appears when it answers.
    void offerWebGpuOption(element('backend'));
    const thread = new URLSearchParams(location.search).get('thread');
    this.#connection = await connectTrainer(
      (event) => this.#onEvent(event),
      thread === 'main' || thread === 'worker' ? (thread as TrainerThread) : undefined,
    );
    document.body.dataset.thread = this.#connection.thread;
    this.#wire();
    this.#configure();
  }

  #wire(): void {
    const form = element<HTMLFormElement>('settings');
    form.addEventListener('submit', (event) => event.preventDefault());
    form.addEventListener('change', (event) => this.#onSettingChange(event.target));
    element('train').addEventListener('click', () => {
      if (this.#status === 'done') this.#configure();
      this.#send({ type: 'play' });
    });
    element('pause').addEventListener('click', () => this.#send({ type: 'pause' }));
    element('step').addEventListener('click', () => this.#send({ type: 'step' }));
    element('reset').addEventListener('click', () => this.#configure());
    element('textbook').addEventListener('click', () => {
      const book = textbookData();
      this.#useData(
        { x: Float64Array.from(book.x), t: Float64Array.from(book.t) },
        'textbook sin(x)',
      );
    });
    element<HTMLInputElement>('csv').addEventListener('change', (event) =>
      this.#loadCsv(event.target as HTMLInputElement),
    );
    element<HTMLInputElement>('import-model').addEventListener('change', (event) =>
      this.#importModel(event.target as HTMLInputElement),
    );
    element('export-gif').addEventListener('click', () =>
      this.#export(async () => download(await renderGif(this.#reportFrames()), 'nn-training.gif')),
    );
    element('export-png').addEventListener('click', () =>
      this.#export(async () => download(await renderPng(this.#frame()), 'nn-fit.png')),
    );
    element('export-model').addEventListener('click', () => this.#send({ type: 'export-model' }));
  }

  #onSettingChange(target: EventTarget | null): void {
    const text: SettingsText = {};
    for (const key of FIELDS) text[key] = element<HTMLInputElement>(key).value;
    const { settings, problems } = parseSettings(text);
    this.#showProblems(problems.map((p) => p.message));
    if (problems.length > 0) return;
    const onlyBackend = (target as HTMLElement | null)?.id === 'backend';
    this.#settings = settings;
    history.replaceState(null, '', `?${settingsToQuery(settings)}`);
    // A new backend takes over the network as trained so far; any other change starts over.
    if (onlyBackend && this.#epoch > 0) {
      this.#send({ type: 'switch-backend', backend: settings.backend });
    } else {
      this.#configure();
    }
  }

  #configure(): void {
    this.#errors = [];
    this.#frames = [];
    this.#predictions = null;
    this.#epoch = 0;
    this.#error = null;
    this.#scheduleDraw();
    this.#send({
      type: 'configure',
      settings: this.#settings,
      data: { x: this.#data.x.slice(), t: this.#data.t.slice() },
    });
  }

  #onEvent(event: TrainerEvent): void {
    switch (event.type) {
      case 'backend':
        element('backend-info').textContent = describeBackend(event.info);
        return;
      case 'status':
        this.#status = event.status;
        element('status').textContent = event.status;
        element<HTMLButtonElement>('pause').disabled = event.status !== 'running';
        element<HTMLButtonElement>('train').disabled = event.status === 'running';
        return;
      case 'progress':
        this.#epoch = event.epoch;
        this.#error = event.error;
        element('epoch').textContent = String(event.epoch);
        element('error').textContent = event.error === null ? '–' : formatError(event.error);
        element('train-time').textContent = event.trainingMs.toFixed(0);
        if (event.predictions !== null) {
          this.#predictions = event.predictions;
          this.#scheduleDraw();
        }
        return;
      case 'report':
        this.#errors.push({ epoch: event.report.epoch, error: event.report.error });
        if (this.#errors.length <= MAX_GIF_FRAMES) this.#frames.push(event.report);
        this.#scheduleDraw();
        return;
      case 'model':
        download(
          new Blob([`${JSON.stringify(event.model, null, 2)}\n`], { type: 'application/json' }),
          'nn-model.json',
        );
        return;
      case 'imported':
        this.#settings = {
          ...this.#settings,
          hidden: event.hidden,
          activation: event.activation as Settings['activation'],
        };
        element<HTMLInputElement>('hidden').value = formatSetting(this.#settings, 'hidden');
        element<HTMLSelectElement>('activation').value = this.#settings.activation;
        history.replaceState(null, '', `?${settingsToQuery(this.#settings)}`);
        this.#errors = [];
        this.#frames = [];
        this.#scheduleDraw();
        this.#showMessage('model imported: the chart shows its predictions; Train goes on from it');
        return;
      case 'failure':
        this.#showMessage(event.code === null ? event.message : `${event.message} (${event.code})`);
        return;
    }
  }

  async #loadCsv(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (file === undefined) return;
    const problem = element('csv-error');
    try {
      const data = parseCsv(await readTextFile(file, MAX_CSV_BYTES, 'CSV files'));
      problem.textContent = '';
      this.#useData(data, file.name);
    } catch (error) {
      // Too large, malformed, or unreadable (moved since it was picked): said in the page.
      problem.textContent = shorten(
        `${file.name}: ${(error as Error).message}`,
        MAX_MESSAGE_LENGTH,
      );
    } finally {
      input.value = '';
    }
  }

  #useData(data: TrainingData, label: string): void {
    this.#data = data;
    element('data-info').textContent = `${label}, ${data.x.length} points`;
    this.#predictions = null;
    this.#newData = true;
    this.#configure();
  }

  async #importModel(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (file === undefined) return;
    try {
      this.#send({
        type: 'import-model',
        text: await readTextFile(file, MAX_MODEL_BYTES, 'model files'),
      });
    } catch (error) {
      this.#showMessage(`${file.name}: ${(error as Error).message}`);
    } finally {
      input.value = '';
    }
  }

  async #export(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.#showMessage(`export: ${(error as Error).message}`);
    }
  }

  /** Charts redraw at most once per animation frame, however fast reports come. */
  #scheduleDraw(): void {
    if (this.#drawPending) return;
    this.#drawPending = true;
    requestAnimationFrame(() => {
      this.#drawPending = false;
      this.#fitChart.draw(this.#frame(), this.#newData);
      this.#newData = false;
      this.#errorChart.draw(this.#errors, this.#settings.epochs);
    });
  }

  /** The chart's frame now: the last epoch done, 0-based as in the book's "Epoch 2000/2001". */
  #frame(): RegressionFrame {
    return {
      x: this.#data.x,
      target: this.#data.t,
      predictions: this.#predictions ?? new Float64Array(this.#data.x.length).fill(Number.NaN),
      epoch: Math.max(this.#epoch - 1, 0),
      epochs: this.#settings.epochs,
      error: this.#error ?? Number.NaN,
    };
  }

  #reportFrames(): RegressionFrame[] {
    if (this.#errors.length > MAX_GIF_FRAMES) {
      throw new RangeError(
        `this run reported ${this.#errors.length} epochs; a GIF holds at most ${MAX_GIF_FRAMES} frames (as in the CLI): raise the report interval`,
      );
    }
    return this.#frames.map((report) => ({
      x: this.#data.x,
      target: this.#data.t,
      predictions: report.predictions,
      epoch: report.epoch,
      epochs: this.#settings.epochs,
      error: report.error,
    }));
  }

  #send(request: Parameters<TrainerConnection['send']>[0]): void {
    this.#showMessage('');
    this.#connection?.send(request);
  }

  #showMessage(text: string): void {
    element('message').textContent = shorten(text, MAX_MESSAGE_LENGTH);
  }

  #showProblems(messages: string[]): void {
    element('settings-problems').textContent = messages.join('; ');
  }
}

function describeBackend(info: BackendInfo): string {
  const text = `${info.name} ${info.mode} (${info.precision})`;
  return info.fallbackReason === undefined ? text : `${text}: ${info.fallbackReason}`;
}

import {
  EXAMPLE_NAMES,
  EXAMPLES,
  HIDDEN_ACTIVATIONS,
  IRIS_SPECIES,
  OPTIMIZERS,
  RNG_KINDS,
  type RngKind,
  textbookData,
} from '@nn/core';
import { CLASSIFICATION_CHART_SIZE } from '@nn/viz';
import { AUTO, PAGE_BACKENDS } from './backend-catalog.js';
import { renderGif, renderPng } from './chart-images.js';
import { renderConfusion } from './confusion-view.js';
import { connectTrainer, type TrainerConnection, type TrainerThread } from './connect-trainer.js';
import { download } from './download.js';
import { ErrorChart } from './error-chart.js';
import {
  accuracy,
  currentChart,
  exportSize,
  gifFrames,
  MAX_GIF_FRAMES,
  type RunState,
} from './example-charts.js';
import { dataLine, EXAMPLE_TEXT, networkLine } from './example-text.js';
import { LiveChart } from './live-chart.js';
import { type ExampleData, exampleData } from './network-views.js';
import { MAX_CSV_BYTES, parseCsv, type TrainingData } from './parse-csv.js';
import type {
  BackendInfo,
  IntervalReport,
  NetworkView,
  TrainerEvent,
  TrainerStatus,
} from './protocol.js';
import { MAX_MODEL_BYTES } from './read-model.js';
import { readTextFile } from './read-text-file.js';
import {
  defaultSettings,
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
  'example',
  'hidden',
  'activation',
  'optimizer',
  'eta',
  'dropout',
  'epochs',
  'interval',
  'batchSize',
  'wbWidth',
  'seed',
  'rng',
  'backend',
] as const satisfies readonly (keyof Settings)[];

/** A message longer than this (a value echoed from a file) is cut in the middle. */
const MAX_MESSAGE_LENGTH = 300;

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`page: #${id} is missing from index.html`);
  return found as T;
}

/** Shows an error as a plain number (a test and a person can both read it), six digits. */
function formatNumber(value: number | null): string {
  return value === null ? '–' : String(Number(value.toPrecision(6)));
}

/** Percent to one decimal at most, as the book prints accuracy. */
function formatPercent(value: number | undefined): string {
  return value === undefined || Number.isNaN(value) ? '–' : `${Number(value.toFixed(1))}%`;
}

/** The page: settings in the form and the URL, a trainer (worker) doing the work, charts and files. */
export class App {
  #settings: Settings;
  #data: ExampleData;
  #dataLabel = 'textbook sin(x)';
  /** Every reported epoch; the first MAX_GIF_FRAMES keep their views, for the GIF. */
  #reports: IntervalReport[] = [];
  #view: NetworkView | null = null;
  #drawPending = false;
  #epoch = 0;
  #error: number | null = null;
  #test: number | null = null;
  #status: TrainerStatus = 'ready';
  #connection: TrainerConnection | undefined;
  readonly #mainChart: LiveChart;
  readonly #errorChart: ErrorChart;

  constructor() {
    const { settings, problems } = settingsFromQuery(new URLSearchParams(location.search));
    this.#settings = settings;
    this.#data = exampleData(settings.example);
    fillSelect(
      element('example'),
      EXAMPLE_NAMES.map((name) => [name, EXAMPLES[name].title]),
    );
    fillSelect(
      element('activation'),
      HIDDEN_ACTIVATIONS.map((name) => [name, name]),
    );
    fillSelect(
      element('optimizer'),
      OPTIMIZERS.map((name) => [name, name]),
    );
    fillSelect(
      element('rng'),
      RNG_KINDS.map((kind) => [kind, RNG_LABELS[kind]]),
    );
    fillSelect(element('backend'), [
      [AUTO, 'auto: by the probes and the network size'],
      ...PAGE_BACKENDS.map((backend): [string, string] => [backend.id, backend.label]),
    ]);
    this.#showSettings();
    this.#showProblems(problems.map((p) => p.message));
    setupCharts();
    this.#mainChart = new LiveChart(element('main-chart'));
    this.#errorChart = new ErrorChart(element('error-chart'));
    this.#showExample();
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
      this.#export(async () =>
        download(await renderGif(gifFrames(this.#state())), 'nn-training.gif'),
      ),
    );
    element('export-png').addEventListener('click', () =>
      this.#export(async () => {
        const png = await renderPng(currentChart(this.#state()), exportSize(this.#settings));
        download(png, EXAMPLE_TEXT[this.#settings.example].png);
      }),
    );
    element('export-model').addEventListener('click', () => this.#send({ type: 'export-model' }));
  }

  #onSettingChange(target: EventTarget | null): void {
    const changed = (target as HTMLElement | null)?.id;
    if (changed === 'example') {
      // Another example starts from its book settings; the seed, rng and backend stay.
      const example = parseSettings({ example: element<HTMLSelectElement>('example').value });
      this.#useExample(defaultSettings(example.settings.example, this.#settings));
      this.#configure();
      return;
    }
    const text: SettingsText = {};
    for (const key of FIELDS) text[key] = element<HTMLInputElement>(key).value;
    const { settings, problems } = parseSettings(text);
    this.#showProblems(problems.map((p) => p.message));
    if (problems.length > 0) return;
    this.#settings = settings;
    this.#showNetwork();
    history.replaceState(null, '', `?${settingsToQuery(settings)}`);
    // A new backend takes over the network as trained so far; any other change starts over.
    if (changed === 'backend' && this.#epoch > 0) {
      this.#send({ type: 'switch-backend', backend: settings.backend });
    } else {
      this.#configure();
    }
  }

  /** Makes `settings` (of another example, or an imported model's) the page's, with the example's data. */
  #useExample(settings: Settings): void {
    const changed = settings.example !== this.#settings.example;
    this.#settings = settings;
    if (changed) {
      this.#data = exampleData(settings.example);
      this.#dataLabel = 'textbook sin(x)';
      this.#view = null;
    }
    this.#showSettings();
    this.#showProblems([]);
    history.replaceState(null, '', `?${settingsToQuery(settings)}`);
    this.#showExample();
  }

  #configure(): void {
    this.#reports = [];
    this.#epoch = 0;
    this.#error = null;
    this.#test = null;
    this.#scheduleDraw();
    const { train } = this.#data;
    this.#send({
      type: 'configure',
      settings: this.#settings,
      ...(this.#settings.example === 'regression'
        ? { data: { x: train.x.slice(), t: train.t.slice() } }
        : {}),
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
        // Iris's chart gains the accuracy line when the run is done.
        this.#scheduleDraw();
        return;
      case 'progress':
        this.#epoch = event.epoch;
        this.#error = event.error;
        this.#test = event.test;
        element('epoch').textContent = String(event.epoch);
        element('error').textContent = formatNumber(event.error);
        element('test-error').textContent = formatNumber(event.test);
        element('train-time').textContent = event.trainingMs.toFixed(0);
        if (event.view !== null && event.view.example === this.#settings.example) {
          this.#view = event.view;
          this.#scheduleDraw();
        }
        return;
      case 'report': {
        // Past the GIF's limit a report keeps its errors only, so a long run cannot fill memory.
        const { view: _, ...errors } = event.report;
        this.#reports.push(this.#reports.length < MAX_GIF_FRAMES ? event.report : errors);
        this.#scheduleDraw();
        return;
      }
      case 'model':
        download(
          new Blob([`${JSON.stringify(event.model, null, 2)}\n`], { type: 'application/json' }),
          'nn-model.json',
        );
        return;
      case 'imported':
        this.#useExample(event.settings);
        this.#reports = [];
        this.#scheduleDraw();
        this.#showMessage(
          `model imported (${EXAMPLES[event.settings.example].title}): the charts show it; Train goes on from it`,
        );
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

  /** Regression data (the book's or a CSV's): the run starts over on it. */
  #useData(data: TrainingData, label: string): void {
    this.#data = { train: data };
    this.#dataLabel = label;
    this.#view = null;
    this.#showData();
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

  #state(): RunState {
    return {
      settings: this.#settings,
      data: this.#data,
      epoch: this.#epoch,
      error: this.#error,
      view: this.#view,
      reports: this.#reports,
      done: this.#status === 'done',
    };
  }

  /** Charts redraw at most once per animation frame, however fast reports come. */
  #scheduleDraw(): void {
    if (this.#drawPending) return;
    this.#drawPending = true;
    requestAnimationFrame(() => {
      this.#drawPending = false;
      this.#draw();
    });
  }

  #draw(): void {
    const { example, epochs } = this.#settings;
    const state = this.#state();
    const square = CLASSIFICATION_CHART_SIZE.width / CLASSIFICATION_CHART_SIZE.height;
    this.#mainChart.draw(currentChart(state), example === 'classification' ? square : 1.5);
    const known = accuracy(this.#view);
    element('train-accuracy').textContent = formatPercent(known?.train);
    element('test-accuracy').textContent = formatPercent(known?.test);
    if (example === 'iris') {
      const view = this.#view?.example === 'iris' ? this.#view : undefined;
      renderConfusion(
        element('confusion-test'),
        'Test set',
        IRIS_SPECIES,
        view?.confusion.test ?? null,
      );
      renderConfusion(
        element('confusion-train'),
        'Train set',
        IRIS_SPECIES,
        view?.confusion.train ?? null,
      );
    } else {
      this.#errorChart.draw(this.#reports, epochs);
    }
  }

  #showSettings(): void {
    for (const key of FIELDS) {
      element<HTMLInputElement | HTMLSelectElement>(key).value = formatSetting(this.#settings, key);
    }
    this.#showNetwork();
  }

  /** Shows what belongs to the example: its title, text, numbers, charts and data controls. */
  #showExample(): void {
    const { example } = this.#settings;
    const { title } = EXAMPLES[example];
    element('example-title').textContent = title;
    document.title = `@nn — watch a network learn: ${title}`;
    element('example-lede').textContent = EXAMPLE_TEXT[example].lede;
    const evaluated = example === 'iris';
    element('error-label').textContent = evaluated ? 'Train error' : 'Error';
    element('train-accuracy-label').textContent = evaluated ? 'Train accuracy' : 'Accuracy';
    element('test-error-box').hidden = !evaluated;
    element('train-accuracy-box').hidden = example === 'regression';
    element('test-accuracy-box').hidden = !evaluated;
    element('error-chart-box').hidden = evaluated;
    element('confusion-box').hidden = !evaluated;
    element('csv-box').hidden = example !== 'regression';
    element('main-chart').setAttribute('aria-label', EXAMPLE_TEXT[example].chart);
    document.body.dataset.example = example;
    this.#showData();
    this.#showNetwork();
    this.#scheduleDraw();
  }

  #showData(): void {
    element('data-info').textContent = dataLine(
      this.#settings.example,
      this.#data,
      this.#dataLabel,
    );
  }

  #showNetwork(): void {
    element('network-info').textContent = networkLine(this.#settings);
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

const RNG_LABELS: Record<RngKind, string> = {
  default: 'default',
  numpy: 'NumPy-compatible (np.random.seed)',
};

function fillSelect(select: HTMLSelectElement, choices: readonly [string, string][]): void {
  select.replaceChildren(
    ...choices.map(([value, label]) => {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = label;
      return option;
    }),
  );
}

function describeBackend(info: BackendInfo): string {
  const text = `${info.name} ${info.mode} (${info.precision})`;
  const chosen =
    info.autoReason === undefined ? text : `${text}, chosen by auto: ${info.autoReason}`;
  return info.fallbackReason === undefined ? chosen : `${chosen}: ${info.fallbackReason}`;
}

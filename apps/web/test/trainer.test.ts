import { createCpuBackend } from '@nn/backend-cpu';
import {
  Backend,
  createRegressionNetwork,
  type EpochReport,
  fit,
  NumpyRng,
  parseModel,
  Sgd,
  TEXTBOOK,
  textbookData,
} from '@nn/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NetworkView, TrainerEvent } from '../src/protocol.js';
import { DEFAULT_SETTINGS, type Settings } from '../src/settings.js';
import { Trainer } from '../src/trainer.js';

// The expected reports come from core's fit on cpu float64, bit for bit, so the page runs there too
// (its default, auto, picks wasm, whose float64 agrees to rounding only).
const CPU_SETTINGS: Settings = { ...DEFAULT_SETTINGS, backend: 'cpu-float64' };

const book = textbookData();
const data = { x: Float64Array.from(book.x), t: Float64Array.from(book.t) };

/** A trainer whose events are recorded, with a promise for the next event of a type. */
function recordingTrainer(sliceMs = 5, onEvent?: (event: TrainerEvent) => void) {
  const events: TrainerEvent[] = [];
  const waiters: { type: string; resolve: (event: TrainerEvent) => void }[] = [];
  const trainer = new Trainer(
    (event) => {
      events.push(event);
      onEvent?.(event);
      for (const waiter of waiters.splice(0)) {
        if (
          waiter.type === event.type ||
          (event.type === 'status' && waiter.type === event.status)
        ) {
          waiter.resolve(event);
        } else waiters.push(waiter);
      }
    },
    { sliceMs },
  );
  const next = (type: string) =>
    new Promise<TrainerEvent>((resolve) => waiters.push({ type, resolve }));
  return { trainer, events, next };
}

function of<T extends TrainerEvent['type']>(events: TrainerEvent[], type: T) {
  return events.filter((e): e is Extract<TrainerEvent, { type: T }> => e.type === type);
}

async function bookReports(settings: Settings): Promise<EpochReport[]> {
  const rng = new NumpyRng(settings.seed);
  const network = createRegressionNetwork(createCpuBackend(), {
    hidden: settings.hidden,
    activation: settings.activation,
    rng,
    wbWidth: TEXTBOOK.wbWidth,
  });
  const { reports } = await fit(network, book, {
    epochs: settings.epochs,
    interval: settings.interval,
    optimizer: new Sgd({ eta: settings.eta }),
    rng,
  });
  return reports;
}

describe('Trainer', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('trains the textbook run in slices with exactly the reports of one fit', async () => {
    const { trainer, events, next } = recordingTrainer();
    await trainer.handle({ type: 'configure', settings: { ...CPU_SETTINGS }, data });
    const done = next('done');
    await trainer.handle({ type: 'play' });
    await done;
    const reports = of(events, 'report').map((e) => e.report);
    const expected = await bookReports({ ...CPU_SETTINGS });
    expect(reports.map((r) => [r.epoch, r.error])).toEqual(expected.map((r) => [r.epoch, r.error]));
    expect(reports.at(-1)?.error).toBeLessThan(0.01);
    expect(reports.at(-1)?.view).toMatchObject({ example: 'regression' });
    const view = reports.at(-1)?.view as Extract<NetworkView, { example: 'regression' }>;
    expect(view.predictions).toHaveLength(book.samples);
    // Sliced: more progress events than reports.
    const progress = of(events, 'progress');
    expect(progress.length).toBeGreaterThan(reports.length);
    expect(progress.at(-1)?.epoch).toBe(2001);
    expect(of(events, 'backend')[0]?.info).toMatchObject({ name: 'cpu', mode: 'float64' });
    expect(of(events, 'status').map((e) => e.status)).toEqual(['ready', 'running', 'done']);
  });

  it('steps one epoch at a time and pauses where asked', async () => {
    const { trainer, events, next } = recordingTrainer();
    await trainer.handle({ type: 'configure', settings: { ...CPU_SETTINGS }, data });
    await trainer.handle({ type: 'step' });
    await trainer.handle({ type: 'step' });
    expect(of(events, 'progress').at(-1)?.epoch).toBe(2);
    void trainer.handle({ type: 'play' });
    while ((of(events, 'progress').at(-1)?.epoch ?? 0) <= 2) await next('progress');
    await trainer.handle({ type: 'pause' });
    const paused = of(events, 'progress').at(-1)?.epoch as number;
    expect(paused).toBeGreaterThan(2);
    expect(paused).toBeLessThan(2001);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(of(events, 'progress').at(-1)?.epoch).toBe(paused);
    expect(of(events, 'status').at(-1)?.status).toBe('paused');
    // The page reads the counter once it hears 'paused': no progress may follow it.
    expect(events.at(-1)).toEqual({ type: 'status', status: 'paused' });
  });

  it('switches backend mid-run and ends where one backend would (float32 tolerance)', async () => {
    const { trainer, events, next } = recordingTrainer();
    await trainer.handle({ type: 'configure', settings: { ...CPU_SETTINGS }, data });
    for (let i = 0; i < 300; i++) await trainer.handle({ type: 'step' });
    await trainer.handle({ type: 'switch-backend', backend: 'cpu-float32' });
    expect(of(events, 'backend').at(-1)?.info).toMatchObject({ mode: 'float32' });
    const done = next('done');
    await trainer.handle({ type: 'play' });
    await done;
    const last = of(events, 'report').at(-1)?.report;
    const expected = (await bookReports({ ...CPU_SETTINGS })).at(-1) as EpochReport;
    expect(last?.epoch).toBe(2000);
    expect(last?.error).toBeCloseTo(expected.error, 4);
  });

  it('switches to a new backend of the same kind and goes on exactly: the reports of one fit', async () => {
    const { trainer, events, next } = recordingTrainer();
    await trainer.handle({ type: 'configure', settings: { ...CPU_SETTINGS }, data });
    for (let i = 0; i < 250; i++) await trainer.handle({ type: 'step' });
    await trainer.handle({ type: 'switch-backend', backend: 'cpu-float64' });
    expect(of(events, 'backend')).toHaveLength(2);
    expect(of(events, 'progress').at(-1)?.epoch).toBe(250);
    const done = next('done');
    await trainer.handle({ type: 'play' });
    await done;
    // Model JSON carries float64 exactly, and the new session draws on from the same rng.
    const reports = of(events, 'report').map((e) => [e.report.epoch, e.report.error]);
    const expected = await bookReports({ ...CPU_SETTINGS });
    expect(reports).toEqual(expected.map((r) => [r.epoch, r.error]));
  });

  it('exports a model the CLI reads, and imports one back with its architecture', async () => {
    const { trainer, events } = recordingTrainer();
    await trainer.handle({
      type: 'configure',
      settings: { ...CPU_SETTINGS, hidden: [4, 2], activation: 'tanh' },
      data,
    });
    await trainer.handle({ type: 'export-model' });
    const model = of(events, 'model')[0]?.model;
    const text = JSON.stringify(model);
    expect(parseModel(text).layers.map((l) => [l.type === 'dense' && l.inputs, l.units])).toEqual([
      [1, 4],
      [4, 2],
      [2, 1],
    ]);
    await trainer.handle({ type: 'configure', settings: { ...CPU_SETTINGS }, data });
    for (let i = 0; i < 3; i++) await trainer.handle({ type: 'step' });
    await trainer.handle({ type: 'import-model', text: `\uFEFF${text}` });
    expect(of(events, 'imported')[0]).toEqual({
      type: 'imported',
      settings: { ...CPU_SETTINGS, hidden: [4, 2], activation: 'tanh' },
    });
    // A new session from epoch 0, on the imported weights.
    expect(of(events, 'progress').at(-1)).toMatchObject({ epoch: 0, error: null });
    await trainer.handle({ type: 'step' });
    expect(of(events, 'progress').at(-1)?.epoch).toBe(1);
    expect(of(events, 'status').at(-1)?.status).toBe('paused');
  });

  it('posts failures with their code instead of throwing', async () => {
    const { trainer, events } = recordingTrainer();
    await trainer.handle({ type: 'configure', settings: { ...CPU_SETTINGS }, data });
    await trainer.handle({ type: 'import-model', text: '{"format":"nn-model","version":9}' });
    expect(of(events, 'failure')[0]?.code).toBe('NN_MODEL_VERSION');
    await trainer.handle({ type: 'configure', settings: { ...CPU_SETTINGS, eta: 1e6 }, data });
    await trainer.handle({ type: 'step' });
    expect(of(events, 'failure')[1]?.code).toBe('NN_DIVERGED');
  });

  it('uploads the data once per run: after its first slice, a slice only trains', async () => {
    const tensor = vi.spyOn(Backend.prototype, 'tensor');
    const marks: { calls: number; live: number; predictions: number }[] = [];
    let predictions = 0;
    // 1 ms slices: a few epochs each, so the run is many slices.
    const { trainer, next } = recordingTrainer(1, (event) => {
      if (event.type === 'report' || (event.type === 'progress' && event.view !== null))
        predictions++;
      if (event.type !== 'progress') return;
      const backend = tensor.mock.contexts[0] as Backend;
      marks.push({ calls: tensor.mock.calls.length, live: backend.memory().tensors, predictions });
    });
    const settings = { ...CPU_SETTINGS, epochs: 400, interval: 50 };
    await trainer.handle({ type: 'configure', settings, data });
    const done = next('done');
    await trainer.handle({ type: 'play' });
    await done;
    // Slices grow at most fourfold (1, 4, 16, 64, 256 epochs...), so 400 epochs take 6 or more.
    expect(marks.length).toBeGreaterThanOrEqual(6);
    expect(marks.at(-1)?.live).toBeGreaterThan(0);
    // x and t went to the backend once, when the session was made at configure.
    const uploadsOfT = tensor.mock.calls.filter(([, values]) => values === data.t);
    expect(uploadsOfT).toHaveLength(1);
    expect(tensor.mock.calls.findIndex(([, values]) => values === data.t)).toBeLessThan(
      marks[0]?.calls as number,
    );
    // From the first slice on (the layers' batch-1 buffers made), every tensor is a
    // prediction's copy of x, freed again: the live count is the same at every slice.
    const firstSlice = marks[1] as (typeof marks)[number];
    const later = tensor.mock.calls.slice(firstSlice.calls);
    expect(later.every(([shape, values]) => values === data.x && shape[0] === 63)).toBe(true);
    expect(later).toHaveLength(predictions - firstSlice.predictions);
    expect(new Set(marks.slice(1).map((mark) => mark.live))).toEqual(new Set([firstSlice.live]));
  });
});

import { createCpuBackend } from '@nn/backend-cpu';
import {
  createNetwork,
  EXAMPLES,
  type ExampleAccuracy,
  type ExampleReport,
  ExampleRun,
  NumpyRng,
  toModelJSON,
} from '@nn/core';
import { surfaceInputs } from '@nn/viz';
import { describe, expect, it } from 'vitest';
import { accuracy } from '../src/example-charts.js';
import { SURFACE_CELLS } from '../src/network-views.js';
import type { IntervalReport, NetworkView, TrainerEvent } from '../src/protocol.js';
import { defaultSettings, type Settings } from '../src/settings.js';

/** The book's settings on cpu float64: ExampleRun's reports, compared bit for bit, are made there (auto would pick wasm). */
const onCpu = (example: Settings['example']): Settings =>
  defaultSettings(example, { seed: 0, rng: 'numpy', backend: 'cpu-float64' });

import { Trainer } from '../src/trainer.js';

/** A trainer whose events are recorded, and a promise for its next status of a kind. */
function recordingTrainer() {
  const events: TrainerEvent[] = [];
  let waiter: { status: string; resolve: () => void } | undefined;
  const trainer = new Trainer(
    (event) => {
      events.push(event);
      if (event.type === 'status' && event.status === waiter?.status) waiter.resolve();
    },
    { sliceMs: 5 },
  );
  const status = (wanted: string) =>
    new Promise<void>((resolve) => {
      waiter = { status: wanted, resolve };
    });
  const of = <T extends TrainerEvent['type']>(type: T) =>
    events.filter((e): e is Extract<TrainerEvent, { type: T }> => e.type === type);
  return { trainer, events, status, of };
}

/** Core's ExampleRun on cpu float64 with the same knobs: the run the page must reproduce. */
async function reference(
  settings: Settings,
): Promise<{ reports: ExampleReport[]; accuracy: ExampleAccuracy }> {
  const { example, seed, rng: _, backend: __, ...knobs } = settings;
  const run = new ExampleRun(createCpuBackend(), EXAMPLES[example], {
    ...knobs,
    rng: new NumpyRng(seed),
  });
  try {
    const reports = await run.run();
    return { reports, accuracy: await run.accuracy() };
  } finally {
    run.dispose();
  }
}

function lines(reports: readonly (IntervalReport | ExampleReport)[]) {
  return reports.map((r) => [r.epoch, r.error, r.test]);
}

async function trainToEnd(settings: Settings) {
  const recorder = recordingTrainer();
  await recorder.trainer.handle({ type: 'configure', settings });
  const done = recorder.status('done');
  await recorder.trainer.handle({ type: 'play' });
  await done;
  const view = recorder.of('progress').at(-1)?.view as NetworkView;
  return { ...recorder, reports: recorder.of('report').map((e) => e.report), view };
}

describe('Trainer on the book’s classification examples', () => {
  it('trains §5.10 in slices with exactly ExampleRun’s reports, viewing points, surface and accuracy', async () => {
    const settings = onCpu('classification');
    const { reports, view } = await trainToEnd(settings);
    const expected = await reference(settings);
    expect(lines(reports)).toEqual(lines(expected.reports));
    expect(reports.map((r) => r.epoch)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    if (view.example !== 'classification') throw new Error('expected a classification view');
    expect(view.outputs).toHaveLength(441 * 2);
    expect(view.confusion.train.reduce((a, b) => a + b, 0)).toBe(441);
    expect(accuracy(view)).toEqual(expected.accuracy);
    expect(expected.accuracy.train).toBeGreaterThan(95);
    // The surface is P(class 1) per cell in surfaceInputs' order: sure of class 1 well
    // above the curve (x = -0.5, y = 0.5), of class 2 well below it (x = 0.5, y = -0.5).
    const inputs = surfaceInputs(SURFACE_CELLS, SURFACE_CELLS);
    const cellAt = (x: number, y: number) => {
      const col = Math.floor(((x + 1) / 2) * SURFACE_CELLS);
      const row = Math.floor(((y + 1) / 2) * SURFACE_CELLS);
      const i = row * SURFACE_CELLS + col;
      expect(Math.abs((inputs[2 * i] as number) - x)).toBeLessThan(2 / SURFACE_CELLS);
      expect(Math.abs((inputs[2 * i + 1] as number) - y)).toBeLessThan(2 / SURFACE_CELLS);
      return view.surface[i] as number;
    };
    expect(cellAt(-0.5, 0.5)).toBeGreaterThan(0.9);
    expect(cellAt(0.5, -0.5)).toBeLessThan(0.1);
  });

  it('trains Iris measuring both sets at the start of each reported epoch, as ExampleRun does', async () => {
    const settings = { ...onCpu('iris'), epochs: 300, interval: 20 };
    const { reports, view } = await trainToEnd(settings);
    const expected = await reference(settings);
    expect(lines(reports)).toEqual(lines(expected.reports));
    expect(reports).toHaveLength(15);
    expect(reports.every((r) => r.view === undefined && r.test !== undefined)).toBe(true);
    if (view.example !== 'iris') throw new Error('expected an iris view');
    expect(view.confusion.test.reduce((a, b) => a + b, 0)).toBe(75);
    expect(view.confusion.train.reduce((a, b) => a + b, 0)).toBe(75);
    expect(accuracy(view)).toEqual(expected.accuracy);
    expect(expected.accuracy.test).toBeGreaterThan(85);
  });

  it.each([
    ['adagrad', 0],
    ['adam', 0.2],
    ['momentum', 0],
  ] as const)(
    'switches backend mid-run and goes on exactly: Iris with %s, dropout %s',
    async (optimizer, dropout) => {
      const settings = {
        ...onCpu('iris'),
        optimizer,
        dropout,
        epochs: 120,
        interval: 10,
      };
      const { trainer, status, of } = recordingTrainer();
      await trainer.handle({ type: 'configure', settings });
      for (let i = 0; i < 37; i++) await trainer.handle({ type: 'step' });
      await trainer.handle({ type: 'switch-backend', backend: 'cpu-float64' });
      expect(of('backend')).toHaveLength(2);
      expect(of('progress').at(-1)?.epoch).toBe(37);
      const done = status('done');
      await trainer.handle({ type: 'play' });
      await done;
      // Weights (model JSON), the optimizer's state and the rng (shuffles, dropout masks) all carried over.
      const expected = await reference(settings);
      expect(lines(of('report').map((e) => e.report))).toEqual(lines(expected.reports));
    },
  );

  it('imports a classifier into the example it fits, and refuses one that fits none', async () => {
    const { trainer, of } = recordingTrainer();
    await trainer.handle({ type: 'configure', settings: onCpu('regression') });
    const classifier = (inputs: number, outputs: number) =>
      toModelJSON(
        createNetwork(createCpuBackend(), {
          inputs,
          outputs,
          hidden: [5, 4],
          activation: 'tanh',
          outputActivation: 'softmax',
          dropout: 0.25,
          rng: new NumpyRng(1),
          wbWidth: 0.1,
        }),
      );
    await trainer.handle({
      type: 'import-model',
      text: JSON.stringify(await classifier(4, 3)),
    });
    const iris = onCpu('iris');
    expect(of('imported')[0]?.settings).toEqual({
      ...iris,
      hidden: [5, 4],
      activation: 'tanh',
      dropout: 0.25,
    });
    expect(of('progress').at(-1)).toMatchObject({
      epoch: 0,
      error: null,
      view: { example: 'iris' },
    });
    await trainer.handle({ type: 'step' });
    expect(of('progress').at(-1)?.epoch).toBe(1);
    await trainer.handle({
      type: 'import-model',
      text: JSON.stringify(await classifier(3, 2)),
    });
    const failure = of('failure').at(-1);
    expect(failure?.code).toBe('NN_MODEL_INVALID');
    expect(failure?.message).toMatch(
      /a classifier of 3 → 2 softmax fits none of the page's examples \(regression 1 → 1 identity, classification 2 → 2 softmax, iris 4 → 3 softmax\)/,
    );
    expect(of('failure')).toHaveLength(1);
  });

  it('refuses CSV data for an example that has its own', async () => {
    const { trainer, of } = recordingTrainer();
    const data = { x: new Float64Array(2), t: new Float64Array(2) };
    await trainer.handle({ type: 'configure', settings: onCpu('iris'), data });
    expect(of('failure')[0]?.message).toBe('the iris example trains on its own data, not a CSV');
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createCpuBackend } from '@nn/backend-cpu';
import {
  classificationData,
  EXAMPLES,
  type ExampleAccuracy,
  type ExampleReport,
  ExampleRun,
  fromModelJSON,
  NumpyRng,
  parseModel,
} from '@nn/core';
import { CLASS_STYLES, surfaceInputs } from '@nn/viz';
import { renderClassificationPng, renderErrorCurvesPng } from '@nn/viz/node';
import { GifReader } from 'omggif';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SURFACE_CELLS } from '../../src/network-views.js';
import { type Settings, settingsFromQuery } from '../../src/settings.js';
import {
  commonestColours,
  distance,
  downloadFrom,
  pngDifference,
  pngSize,
  type Rgb,
} from './images.js';
import { launchBrowser, numberIn, type OpenBrowser, waitForStatus } from './open-page.js';

const artifacts = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

// Spots surely inside the §5.10 chart's axes, at the CLI's 480×520 and on the page:
// upper left is x < 0, y > 0 (above sin(πx) ≤ 0: class 1); lower right is x > 0, y < 0 (class 2).
const UPPER_LEFT = [0.28, 0.28] as const;
const LOWER_RIGHT = [0.78, 0.72] as const;

/** The run core's ExampleRun makes (cpu float64) of the settings a page query gives. */
async function reference(
  query: string,
): Promise<{ settings: Settings; reports: ExampleReport[]; accuracy: ExampleAccuracy }> {
  const { settings } = settingsFromQuery(new URLSearchParams(query));
  const { example, seed, rng: _, backend: __, ...knobs } = settings;
  const run = new ExampleRun(createCpuBackend(), EXAMPLES[example], {
    ...knobs,
    rng: new NumpyRng(seed),
  });
  try {
    const reports = await run.run();
    return { settings, reports, accuracy: await run.accuracy() };
  } finally {
    run.dispose();
  }
}

/** A number the page shows with six significant digits. */
function shown(value: number): number {
  return Number(value.toPrecision(6));
}

/** Each body cell of a confusion table, by row. */
async function confusionCells(page: Page, testId: string): Promise<number[][]> {
  return page
    .getByTestId(testId)
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('td')].map((td) => Number(td.textContent))),
    );
}

async function trainToDone(page: Page): Promise<void> {
  await page.getByTestId('train-button').click();
  await waitForStatus(page, 'done');
}

/** Sets a settings field as a person does: type, then leave it. */
async function setField(page: Page, testId: string, value: string): Promise<void> {
  await page.getByTestId(testId).fill(value);
  await page.getByTestId(testId).press('Tab');
}

describe('the book’s examples in headless Chromium', () => {
  let chromium: OpenBrowser;
  beforeAll(async () => {
    chromium = await launchBrowser();
    mkdirSync(artifacts, { recursive: true });
  });
  afterAll(async () => {
    await chromium?.close();
  });

  it('trains §5.10: the decision surface takes the class colours on each side of the curve, as the CLI draws it', async () => {
    const { page, errors } = await chromium.open('?example=classification');
    expect(await page.getByTestId('example-select').inputValue()).toBe('classification');
    expect(await page.getByTestId('hidden-input').inputValue()).toBe('6');
    expect(await page.getByTestId('epochs-input').inputValue()).toBe('101');
    expect(await page.getByTestId('network-info').textContent()).toBe(
      '2 → 6 sigmoid → 2 softmax · cross-entropy · sgd, eta 0.1 · batches of 1',
    );
    await trainToDone(page);
    const expected = await reference('example=classification');
    expect(await numberIn(page, 'epoch-value')).toBe(101);
    expect(await numberIn(page, 'error-value')).toBe(
      shown((expected.reports.at(-1) as ExampleReport).error),
    );
    expect(await page.getByTestId('train-accuracy-value').textContent()).toBe(
      `${Number(expected.accuracy.train.toFixed(1))}%`,
    );
    await page.screenshot({ path: `${artifacts}classification.png`, fullPage: true });

    // On the page's canvas: blue (class 1) above the curve, orange (class 2) below it.
    const [above, below] = await commonestColours(page, { canvas: 'main-chart' }, [
      UPPER_LEFT,
      LOWER_RIGHT,
    ]);
    const [one, two] = [CLASS_STYLES[0].tint, CLASS_STYLES[1].tint];
    expect(distance(above as Rgb, one)).toBeLessThan(24);
    expect(distance(below as Rgb, two)).toBeLessThan(24);

    const png = await downloadFrom(page, 'export-png');
    expect(png.name).toBe('nn-decision-surface.png');
    expect(pngSize(png.bytes)).toEqual([480, 520]);
    writeFileSync(`${artifacts}classification-exported.png`, png.bytes);
    const [pngAbove, pngBelow] = await commonestColours(page, { png: png.bytes }, [
      UPPER_LEFT,
      LOWER_RIGHT,
    ]);
    expect(distance(pngAbove as Rgb, one)).toBeLessThan(24);
    expect(distance(pngBelow as Rgb, two)).toBeLessThan(24);

    // The CLI's drawing of the exported model's own outputs and surface.
    const model = await downloadFrom(page, 'export-model');
    const network = fromModelJSON(createCpuBackend(), parseModel(model.bytes.toString('utf8')));
    const { x: points } = classificationData();
    const surface = await network.predict(surfaceInputs(SURFACE_CELLS, SURFACE_CELLS));
    const cliPng = renderClassificationPng({
      points,
      predictions: await network.predict(points),
      surface: {
        cols: SURFACE_CELLS,
        rows: SURFACE_CELLS,
        probabilities: surface.filter((_, i) => i % 2 === 0),
      },
      epoch: 100,
      epochs: 101,
      error: await numberIn(page, 'error-value'),
    });
    expect(await pngDifference(page, png.bytes, cliPng)).toBeLessThan(1);

    const gif = await downloadFrom(page, 'export-gif');
    const reader = new GifReader(new Uint8Array(gif.bytes));
    expect([reader.width, reader.height, reader.numFrames()]).toEqual([480, 520, 11]);
    writeFileSync(`${artifacts}classification.gif`, gif.bytes);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('trains Iris: train and test curves, the accuracy, and confusion matrices of the 75 test and 75 train flowers', async () => {
    const query = 'example=iris&epochs=200&interval=20';
    const { page, errors } = await chromium.open(`?${query}`);
    expect(await page.getByTestId('network-info').textContent()).toBe(
      '4 → 25 relu → 25 relu → 3 softmax · cross-entropy · adagrad, eta 0.01 · batches of 8, remainder dropped',
    );
    expect(await page.getByTestId('data-info').textContent()).toBe(
      '75 flowers to train on, 75 to test',
    );
    await trainToDone(page);
    const expected = await reference(query);
    const last = expected.reports.at(-1) as ExampleReport;
    expect(last.epoch).toBe(180);
    expect(await numberIn(page, 'error-value')).toBe(shown(last.error));
    expect(await numberIn(page, 'test-error-value')).toBe(shown(last.test as number));
    const percent = (value: number) => `${Number(value.toFixed(1))}%`;
    expect(await page.getByTestId('train-accuracy-value').textContent()).toBe(
      percent(expected.accuracy.train),
    );
    expect(await page.getByTestId('test-accuracy-value').textContent()).toBe(
      percent(expected.accuracy.test as number),
    );
    const test = await confusionCells(page, 'confusion-test');
    const train = await confusionCells(page, 'confusion-train');
    const sum = (cells: number[][]) => cells.flat().reduce((a, b) => a + b, 0);
    const diagonal = (cells: number[][]) => cells.reduce((a, row, i) => a + (row[i] as number), 0);
    expect([sum(test), sum(train)]).toEqual([75, 75]);
    // Each true species is 25 of each set (the book's even/odd split of 50 per species).
    expect(test.map((row) => row.reduce((a, b) => a + b, 0))).toEqual([25, 25, 25]);
    expect((diagonal(test) / 75) * 100).toBe(expected.accuracy.test);
    expect((diagonal(train) / 75) * 100).toBe(expected.accuracy.train);
    expect(await page.getByTestId('confusion-test').locator('caption').textContent()).toBe(
      `Test set: ${diagonal(test)} of 75 right (${percent(expected.accuracy.test as number)})`,
    );
    await page.screenshot({ path: `${artifacts}iris.png`, fullPage: true });

    // The curves as the CLI draws them, with the accuracy once the run is done.
    const png = await downloadFrom(page, 'export-png');
    expect(png.name).toBe('nn-error-curves.png');
    writeFileSync(`${artifacts}iris-exported.png`, png.bytes);
    const cliPng = renderErrorCurvesPng({
      epochs: expected.reports.map((r) => r.epoch),
      train: expected.reports.map((r) => r.error),
      test: expected.reports.map((r) => r.test as number),
      epochsTotal: 200,
      accuracy: expected.accuracy,
    });
    expect(await pngDifference(page, png.bytes, cliPng)).toBeLessThan(1);
    const gif = await downloadFrom(page, 'export-gif');
    const reader = new GifReader(new Uint8Array(gif.bytes));
    expect([reader.width, reader.height, reader.numFrames()]).toEqual([480, 320, 10]);

    // Its model, imported on a page showing another example, brings the page to Iris.
    const model = await downloadFrom(page, 'export-model');
    const other = await chromium.open('?example=classification');
    await other.page.getByTestId('import-model').setInputFiles({
      name: 'iris.json',
      mimeType: 'application/json',
      buffer: model.bytes,
    });
    await expect
      .poll(() => other.page.getByTestId('message').textContent())
      .toMatch(/^model imported \(Iris species \(chapter 6\)\)/);
    expect(await other.page.getByTestId('example-select').inputValue()).toBe('iris');
    expect(new URL(other.page.url()).searchParams.get('example')).toBe('iris');
    await expect
      .poll(() => other.page.getByTestId('test-accuracy-value').textContent())
      .toBe(percent(expected.accuracy.test as number));
    expect(other.errors).toEqual([]);
    await other.page.close();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs the optimizer and dropout the controls choose, and keeps the default for a bad value', async () => {
    const base = 'example=iris&epochs=30&interval=10';
    const { page, errors } = await chromium.open(`?${base}`);
    const finalErrors = async () => {
      await trainToDone(page);
      return [await numberIn(page, 'error-value'), await numberIn(page, 'test-error-value')];
    };
    const expectedErrors = async (query: string) => {
      const last = (await reference(query)).reports.at(-1) as ExampleReport;
      return [shown(last.error), shown(last.test as number)];
    };
    const adagrad = await finalErrors();
    expect(adagrad).toEqual(await expectedErrors(base));

    await page.getByTestId('optimizer-select').selectOption('adam');
    await page.waitForURL(/optimizer=adam/);
    expect(await page.getByTestId('network-info').textContent()).toMatch(/· adam, eta 0\.01 ·/);
    const adam = await finalErrors();
    expect(adam).toEqual(await expectedErrors(`${base}&optimizer=adam`));
    expect(adam).not.toEqual(adagrad);

    await setField(page, 'dropout-input', '0.3');
    await page.waitForURL(/dropout=0\.3/);
    expect(await page.getByTestId('network-info').textContent()).toMatch(
      /^4 → 25 relu \(dropout 0\.3\) → 25 relu \(dropout 0\.3\) → 3 softmax/,
    );
    const dropout = await finalErrors();
    expect(dropout).toEqual(await expectedErrors(`${base}&optimizer=adam&dropout=0.3`));
    expect(dropout).not.toEqual(adam);

    // A bad value is named and not applied; the run keeps its settings.
    await setField(page, 'dropout-input', '1');
    expect(await page.getByTestId('settings-problems').textContent()).toBe(
      'dropout: "1" is not a number from 0 up to, not including, 1',
    );
    expect(new URL(page.url()).searchParams.get('dropout')).toBe('0.3');
    expect(errors).toEqual([]);
    await page.close();

    const bad = await chromium.open('?example=iris&optimizer=newton&dropout=-1');
    expect(await bad.page.getByTestId('settings-problems').textContent()).toBe(
      'optimizer: "newton" is not one of sgd, momentum, adagrad, rmsprop, adam; dropout: "-1" is not a number from 0 up to, not including, 1',
    );
    expect(await bad.page.getByTestId('optimizer-select').inputValue()).toBe('adagrad');
    expect(await bad.page.getByTestId('dropout-input').inputValue()).toBe('0');
    await bad.page.close();
  });

  it('restores the example and its knobs from the URL on reload', async () => {
    const { page, errors } = await chromium.open();
    expect(await page.getByTestId('example-select').inputValue()).toBe('regression');
    await page.getByTestId('example-select').selectOption('classification');
    await page.waitForURL(/example=classification/);
    // The example's book settings replace the knobs; the seed stays.
    expect(await page.getByTestId('hidden-input').inputValue()).toBe('6');
    expect(await page.getByTestId('csv-input').isVisible()).toBe(false);
    await page.getByTestId('optimizer-select').selectOption('momentum');
    await setField(page, 'epochs-input', '12');
    await page.waitForURL(/epochs=12/);
    await page.reload();
    await page.getByTestId('backend-info').filter({ hasNotText: '…' }).waitFor();
    expect(await page.getByTestId('example-select').inputValue()).toBe('classification');
    expect(await page.getByTestId('optimizer-select').inputValue()).toBe('momentum');
    expect(await page.getByTestId('epochs-input').inputValue()).toBe('12');
    expect(await page.getByTestId('example-title').textContent()).toBe(
      EXAMPLES.classification.title,
    );
    expect(await page.getByTestId('data-info').textContent()).toBe("the book's grid, 441 points");
    await trainToDone(page);
    expect(await numberIn(page, 'epoch-value')).toBe(12);
    const expected = await reference('example=classification&optimizer=momentum&epochs=12');
    expect(await numberIn(page, 'error-value')).toBe(
      shown((expected.reports.at(-1) as ExampleReport).error),
    );
    // Back to the regression: its own data and settings again.
    await page.getByTestId('example-select').selectOption('regression');
    await page.waitForURL(/example=regression/);
    expect(await page.getByTestId('hidden-input').inputValue()).toBe('3');
    expect(await page.getByTestId('data-info').textContent()).toBe('textbook sin(x), 63 points');
    expect(await page.getByTestId('error-chart').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

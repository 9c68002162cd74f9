import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createCpuBackend } from '@nn/backend-cpu';
import { fromModelJSON, parseModel, textbookData } from '@nn/core';
import { renderRegressionPng } from '@nn/viz/node';
import { GifReader } from 'omggif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadFrom, pngDifference } from './images.js';
import { launchBrowser, numberIn, type OpenBrowser, waitForStatus } from './open-page.js';

const artifacts = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

describe('backends and files in headless Chromium', () => {
  let chromium: OpenBrowser;
  beforeAll(async () => {
    chromium = await launchBrowser();
  });
  afterAll(async () => {
    await chromium?.close();
  });

  it('switches from cpu to gpu.js and back mid-run, training on from the same weights', async () => {
    const { page, errors } = await chromium.open('?epochs=1000000&interval=1000');
    const epochAbove = (least: number) =>
      page.waitForFunction(
        (n) => Number(document.querySelector('[data-testid="epoch-value"]')?.textContent) > n,
        least,
      );
    await page.getByTestId('train-button').click();
    await epochAbove(2000);
    await page.getByTestId('backend-select').selectOption('gpujs-webgl2');
    await expect
      .poll(() => page.getByTestId('backend-info').textContent())
      .toBe('gpujs webgl2 (float32)');
    // Training goes on from where cpu left it, on the GPU, with the error where cpu had it.
    const switchedAt = await numberIn(page, 'epoch-value');
    await epochAbove(switchedAt + 10);
    expect(await numberIn(page, 'error-value')).toBeLessThan(0.01);
    await page.getByTestId('backend-select').selectOption('cpu-float64');
    await expect
      .poll(() => page.getByTestId('backend-info').textContent())
      .toBe('cpu float64 (float64)');
    await epochAbove((await numberIn(page, 'epoch-value')) + 1000);
    expect(await numberIn(page, 'error-value')).toBeLessThan(0.01);
    expect(await page.getByTestId('status-value').textContent()).toBe('running');
    expect(new URL(page.url()).searchParams.get('backend')).toBe('cpu-float64');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('exports a valid GIF, PNG and model, and imports the model back', async () => {
    const { page, errors } = await chromium.open();
    await page.getByTestId('train-button').click();
    await waitForStatus(page, 'done');

    const gif = await downloadFrom(page, 'export-gif');
    expect(gif.name).toBe('nn-training.gif');
    const reader = new GifReader(new Uint8Array(gif.bytes));
    expect([reader.width, reader.height, reader.numFrames(), reader.loopCount()]).toEqual([
      480, 320, 11, 0,
    ]);
    expect(reader.frameInfo(10).delay).toBe(200);

    const png = await downloadFrom(page, 'export-png');
    expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
    mkdirSync(artifacts, { recursive: true });
    writeFileSync(`${artifacts}exported.gif`, gif.bytes);
    writeFileSync(`${artifacts}exported.png`, png.bytes);
    expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([480, 320]);

    const model = await downloadFrom(page, 'export-model');
    expect(model.name).toBe('nn-model.json');
    const text = model.bytes.toString('utf8');
    const layers = parseModel(text).layers;
    expect(layers.map((l) => (l.type === 'dense' ? [l.inputs, l.units, l.activation] : l))).toEqual(
      [
        [1, 3, 'sigmoid'],
        [3, 1, 'identity'],
      ],
    );

    // Same look as the CLI: @nn/viz/node draws the final frame from the exported model's own predictions.
    const book = textbookData();
    const network = fromModelJSON(createCpuBackend(), parseModel(text));
    const cliPng = renderRegressionPng({
      x: book.x,
      target: book.t,
      predictions: await network.predict(book.x),
      epoch: 2000,
      epochs: 2001,
      error: await numberIn(page, 'error-value'),
    });
    expect(await pngDifference(page, png.bytes, cliPng)).toBeLessThan(1);

    await page.getByTestId('reset-button').click();
    await expect.poll(() => numberIn(page, 'epoch-value')).toBe(0);
    await page.getByTestId('import-model').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"nn-model","version":1,"layers":[]}'),
    });
    await expect.poll(() => page.getByTestId('message').textContent()).toMatch(/NN_MODEL_INVALID/);
    await page.getByTestId('import-model').setInputFiles({
      name: 'nn-model.json',
      mimeType: 'application/json',
      buffer: model.bytes,
    });
    await expect.poll(() => page.getByTestId('message').textContent()).toMatch(/model imported/);
    // One step from the trained weights keeps the error near where training left it.
    await page.getByTestId('step-button').click();
    await expect.poll(() => numberIn(page, 'epoch-value')).toBe(1);
    expect(await numberIn(page, 'error-value')).toBeLessThan(0.01);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses a GIF of more frames than the CLI allows, and says what to change', async () => {
    const { page, errors } = await chromium.open('?epochs=600&interval=1');
    await page.getByTestId('train-button').click();
    await waitForStatus(page, 'done');
    await page.getByTestId('export-gif').click();
    await expect
      .poll(() => page.getByTestId('message').textContent())
      .toBe(
        'export: this run reported 600 epochs; a GIF holds at most 500 frames (as in the CLI): raise the report interval',
      );
    expect(errors).toEqual([]);
    await page.close();
  });
});

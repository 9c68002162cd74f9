import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCpuBackend } from '@nn/backend-cpu';
import { createRegressionNetwork, NumpyRng, TEXTBOOK, toModelJSON } from '@nn/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CSV_BYTES } from '../../src/parse-csv.js';
import { MAX_MODEL_BYTES } from '../../src/read-model.js';
import { launchBrowser, numberIn, type OpenBrowser } from './open-page.js';

/** Chooses a file for the input `testId`: text (as bytes), or a path on disk. */
async function choose(page: Page, testId: string, name: string, content: string): Promise<void> {
  await page.getByTestId(testId).setInputFiles({
    name,
    mimeType: name.endsWith('.json') ? 'application/json' : 'text/csv',
    buffer: Buffer.from(content, 'utf8'),
  });
}

/** A file of `bytes` zero bytes (sparse: nothing is written), as a path. */
function bigFile(folder: string, name: string, bytes: number): string {
  const path = join(folder, name);
  writeFileSync(path, '');
  truncateSync(path, bytes);
  return path;
}

/** The page still answers: one step trains one epoch on what it has. */
async function stillTrains(page: Page): Promise<void> {
  await page.getByTestId('step-button').click();
  await expect.poll(() => numberIn(page, 'epoch-value')).toBe(1);
}

describe('files the page refuses, in headless Chromium', () => {
  let chromium: OpenBrowser;
  let folder: string;
  beforeAll(async () => {
    chromium = await launchBrowser();
    folder = mkdtempSync(join(tmpdir(), 'nn-web-files-'));
  });
  afterAll(async () => {
    await chromium?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('says why a CSV is too large, malformed or not finite, keeps its data, and takes a BOM', async () => {
    const { page, errors } = await chromium.open();
    const problem = () => page.getByTestId('csv-error').textContent();

    await page
      .getByTestId('csv-input')
      .setInputFiles(bigFile(folder, 'big.csv', MAX_CSV_BYTES + 1));
    await expect
      .poll(problem)
      .toBe(
        'big.csv: the file is 1.0 MiB (1048577 bytes); the page reads CSV files of at most 1.0 MiB (1048576 bytes)',
      );

    await choose(page, 'csv-input', 'three.csv', 'x,y\n0,0\n1,2,3\n');
    await expect
      .poll(problem)
      .toBe('three.csv: line 3, column 1: found 3 columns, expected 2 (comma-separated)');
    // A megabyte-long cell is not echoed whole.
    await choose(page, 'csv-input', 'long.csv', `0,0\n1,${'7'.repeat(9)}x${'7'.repeat(500_000)}\n`);
    await expect
      .poll(problem)
      .toBe(
        `long.csv: line 2, column 3: "${'7'.repeat(9)}x${'7'.repeat(30)}"… (500010 characters) is not a finite number`,
      );

    await choose(page, 'csv-input', 'huge.csv', '0,0\n1,1e999\n');
    await expect
      .poll(problem)
      .toBe('huge.csv: line 2, column 3: "1e999" is out of range (beyond ±1.8e308)');
    // A first row of NaN is data (and refused), not a header skipped in silence.
    await choose(page, 'csv-input', 'nan.csv', 'NaN,NaN\n0,0\n');
    await expect.poll(problem).toBe('nan.csv: line 1, column 1: "NaN" is not a finite number');
    expect(await page.getByTestId('data-info').textContent()).toBe('textbook sin(x), 63 points');

    await choose(page, 'csv-input', 'bom.csv', '\uFEFFx,y\r\n-1,-1\r\n0,0\r\n1,1\r\n');
    await expect.poll(() => page.getByTestId('data-info').textContent()).toBe('bom.csv, 3 points');
    expect(await problem()).toBe('');
    await stillTrains(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says why a model is too large, malformed or not finite, keeps the run, and takes a BOM', async () => {
    const { page, errors } = await chromium.open();
    const message = () => page.getByTestId('message').textContent();

    await page
      .getByTestId('import-model')
      .setInputFiles(bigFile(folder, 'big.json', MAX_MODEL_BYTES + 1));
    await expect
      .poll(message)
      .toBe(
        'big.json: the file is 32.0 MiB (33554433 bytes); the page reads model files of at most 32.0 MiB (33554432 bytes)',
      );

    const network = createRegressionNetwork(createCpuBackend(), {
      hidden: [2],
      activation: 'tanh',
      rng: new NumpyRng(3),
      wbWidth: TEXTBOOK.wbWidth,
    });
    const model = JSON.stringify(await toModelJSON(network), null, 2);

    await choose(page, 'import-model', 'cut.json', model.slice(0, model.length / 2));
    await expect.poll(message).toMatch(/^model: it is not JSON \(.+\); .+ \(NN_MODEL_INVALID\)$/);
    const overflow = model.replace(/"bias": \[\n\s+[-\d.e]+/, '"bias": [\n 1e400');
    await choose(page, 'import-model', 'overflow.json', overflow);
    await expect
      .poll(message)
      .toMatch(
        /^model: layers\[0\]\.bias\[0\] is out of range: beyond ±1\.8e308 it reads as Infinity; .+ \(NN_MODEL_INVALID\)$/,
      );
    // A megabyte-long value is cut short (by core): what failed and what to do both show.
    const longValue = model.replace('"dense"', `"${'d'.repeat(1_000_000)}"`);
    await choose(page, 'import-model', 'long.json', longValue);
    await expect
      .poll(message)
      .toMatch(
        /^model: layers\[0\]\.type is "d{59}… \(1000002 characters\), not "dense"; .+ \(NN_MODEL_INVALID\)$/,
      );
    const empty = JSON.stringify({ ...JSON.parse(model), layers: [] });
    await choose(page, 'import-model', 'empty.json', empty);
    await expect.poll(message).toMatch(/"layers" must be a non-empty array/);
    expect(await page.getByTestId('hidden-input').inputValue()).toBe('3');

    await choose(page, 'import-model', 'bom.json', `\uFEFF${model}`);
    await expect.poll(message).toMatch(/^model imported/);
    expect(await page.getByTestId('hidden-input').inputValue()).toBe('2');
    expect(await page.getByTestId('activation-select').inputValue()).toBe('tanh');
    await stillTrains(page);
    expect(errors).toEqual([]);
    await page.close();
  });
});

import { createCpuBackend } from '@nn/backend-cpu';
import { EXAMPLES, type ExampleReport, ExampleRun, NumpyRng } from '@nn/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsFromQuery } from '../../src/settings.js';
import { launchBrowser, numberIn, type OpenBrowser, waitForStatus } from './open-page.js';

/** The last report of core's ExampleRun (cpu float64) for the settings a page query gives. */
async function referenceLast(query: string): Promise<ExampleReport> {
  const { settings } = settingsFromQuery(new URLSearchParams(query));
  const { example, seed, rng: _, backend: __, ...knobs } = settings;
  const run = new ExampleRun(createCpuBackend(), EXAMPLES[example], {
    ...knobs,
    rng: new NumpyRng(seed),
  });
  try {
    return (await run.run()).at(-1) as ExampleReport;
  } finally {
    run.dispose();
  }
}

/**
 * float32 against the float64 reference after `steps` optimizer steps: each
 * step rounds the weights by about eps = 2^-23, adding up like a random walk,
 * times 100 for the error's sensitivity (conformance's textbookTolerance).
 */
function float32Tolerance(steps: number): number {
  return 100 * 2 ** -23 * Math.sqrt(steps);
}

function relative(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

async function errors(page: Page): Promise<[number, number]> {
  return [await numberIn(page, 'error-value'), await numberIn(page, 'test-error-value')];
}

// gpu.js on SwiftShader's software WebGL2: short runs, in a file of their own.
describe('the book’s classification examples on gpu.js WebGL2 in headless Chromium', () => {
  let chromium: OpenBrowser;
  beforeAll(async () => {
    chromium = await launchBrowser();
  });
  afterAll(async () => {
    await chromium?.close();
  });

  it('moves Iris from cpu to gpu.js mid-run, AdaGrad state and all, and ends where float64 does', async () => {
    const query = 'example=iris&epochs=40&interval=10';
    const { page, errors: pageErrors } = await chromium.open(`?${query}`);
    for (let i = 0; i < 15; i++) {
      await page.getByTestId('step-button').click();
      await expect.poll(() => numberIn(page, 'epoch-value')).toBe(i + 1);
    }
    await page.getByTestId('backend-select').selectOption('gpujs-webgl2');
    await expect
      .poll(() => page.getByTestId('backend-info').textContent())
      .toBe('gpujs webgl2 (float32)');
    expect(await numberIn(page, 'epoch-value')).toBe(15);
    await page.getByTestId('train-button').click();
    await waitForStatus(page, 'done', 240_000);
    const expected = await referenceLast(query);
    const [train, test] = await errors(page);
    // 40 epochs of 9 batches; 6 shown digits round by 5e-7 more.
    const tolerance = float32Tolerance(40 * 9) + 5e-7;
    expect(relative(train, expected.error)).toBeLessThan(tolerance);
    expect(relative(test, expected.test as number)).toBeLessThan(tolerance);
    expect(await page.getByTestId('test-accuracy-value').textContent()).toMatch(/^\d+(\.\d)?%$/);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 300_000);

  it('trains §5.10 on gpu.js to the error float64 reaches, surface and all', async () => {
    const query = 'example=classification&epochs=4&interval=1';
    const { page, errors: pageErrors } = await chromium.open(`?${query}&backend=gpujs-webgl2`);
    expect(await page.getByTestId('backend-info').textContent()).toBe('gpujs webgl2 (float32)');
    await page.getByTestId('train-button').click();
    await waitForStatus(page, 'done', 240_000);
    const expected = await referenceLast(query);
    const error = await numberIn(page, 'error-value');
    expect(relative(error, expected.error)).toBeLessThan(float32Tolerance(4 * 441) + 5e-7);
    expect(await page.getByTestId('train-accuracy-value').textContent()).toMatch(/^\d+(\.\d)?%$/);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 300_000);
});

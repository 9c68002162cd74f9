import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, numberIn, type OpenBrowser, waitForStatus } from './open-page.js';

/** auto on the textbook network: wasm float64 (measured faster than cpu at every size), with the workload and the reason. */
const AUTO_ON_WASM =
  /^wasm simd \(float64\), chosen by auto: 6 multiply-adds per step \(batch 1, layers 1-3-1\), at or past the 6 from which wasm float64 1 on simd measured faster than cpu float64/;

const artifacts = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

describe('training in headless Chromium', () => {
  let chromium: OpenBrowser;
  beforeAll(async () => {
    chromium = await launchBrowser();
    mkdirSync(artifacts, { recursive: true });
  });
  afterAll(async () => {
    await chromium?.close();
  });

  it('loads with no console errors and trains the textbook run on wasm below 0.01', async () => {
    const { page, errors } = await chromium.open();
    // No backend in the link: auto chooses, and says what and why.
    expect(await page.getByTestId('backend-info').textContent()).toMatch(AUTO_ON_WASM);
    expect(await page.getByTestId('hidden-input').inputValue()).toBe('3');
    expect(await page.getByTestId('epochs-input').inputValue()).toBe('2001');
    await waitForStatus(page, 'ready');
    expect(await page.getByTestId('pause-button').isDisabled()).toBe(true);
    await page.getByTestId('train-button').click();
    await waitForStatus(page, 'done');
    expect(await numberIn(page, 'epoch-value')).toBe(2001);
    expect(await numberIn(page, 'error-value')).toBeLessThan(0.01);
    expect(await page.evaluate(() => document.body.dataset.thread)).toBe('worker');
    await page.screenshot({ path: `${artifacts}trained-cpu.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('pause stops the epoch counter and train resumes it', async () => {
    const { page, errors } = await chromium.open('?epochs=200000&interval=1000');
    await page.getByTestId('train-button').click();
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="epoch-value"]')?.textContent) > 0,
    );
    await page.getByTestId('pause-button').click();
    await waitForStatus(page, 'paused');
    const paused = await numberIn(page, 'epoch-value');
    await page.waitForTimeout(500);
    expect(await numberIn(page, 'epoch-value')).toBe(paused);
    await page.getByTestId('train-button').click();
    await page.waitForFunction(
      (before) =>
        Number(document.querySelector('[data-testid="epoch-value"]')?.textContent) > before,
      paused,
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the settings in the URL and starts from them', async () => {
    const { page } = await chromium.open('?hidden=5,2&eta=0.2&seed=7&backend=cpu-float32');
    expect(await page.getByTestId('hidden-input').inputValue()).toBe('5,2');
    expect(await page.getByTestId('backend-info').textContent()).toBe('cpu float32 (float32)');
    await page.getByTestId('seed-input').fill('8');
    await page.getByTestId('seed-input').press('Tab');
    await page.waitForURL(/seed=8/);
    expect(new URL(page.url()).searchParams.get('hidden')).toBe('5,2');
    await page.close();
    // A bad value in a shared link keeps the default and says why; the page still works.
    const bad = await chromium.open('?eta=-1&hidden=3');
    expect(await bad.page.getByTestId('settings-problems').textContent()).toBe(
      'eta: "-1" is not a number above 0',
    );
    expect(await bad.page.getByTestId('eta-input').inputValue()).toBe('0.1');
    expect(await bad.page.getByTestId('backend-info').textContent()).toMatch(AUTO_ON_WASM);
    await bad.page.close();
  });

  it('shows the line of a bad CSV and trains on a good one', async () => {
    const { page } = await chromium.open();
    const input = page.getByTestId('csv-input');
    await input.setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('x,y\n0,0\n0.5,oops\n'),
    });
    await expect
      .poll(() => page.getByTestId('csv-error').textContent())
      .toBe('bad.csv: line 3, column 5: "oops" is not a finite number');
    await input.setInputFiles({
      name: 'line.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('x,y\n-1,-1\n0,0\n1,1\n'),
    });
    await expect.poll(() => page.getByTestId('data-info').textContent()).toBe('line.csv, 3 points');
    expect(await page.getByTestId('csv-error').textContent()).toBe('');
    await page.getByTestId('step-button').click();
    await expect.poll(() => numberIn(page, 'epoch-value')).toBe(1);
    await page.close();
  });

  it('works at phone width, with labelled controls, from the keyboard', async () => {
    const { page, errors } = await chromium.open();
    await page.setViewportSize({ width: 375, height: 740 });
    // The charts follow the new width on their next resize observation.
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(375);
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, button')]
        .filter((control) => {
          const labels = (control as HTMLInputElement).labels;
          return (labels === null || labels.length === 0) && control.textContent?.trim() === '';
        })
        .map((control) => control.outerHTML),
    );
    expect(unlabelled).toEqual([]);
    await page.getByTestId('hidden-input').focus();
    for (let i = 0; i < 30; i++) {
      const focused = await page.evaluate(() =>
        document.activeElement?.getAttribute('data-testid'),
      );
      if (focused === 'train-button') break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await waitForStatus(page, 'done');
    expect(await numberIn(page, 'epoch-value')).toBe(2001);
    await page.screenshot({ path: `${artifacts}trained-phone.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('trains on the main thread in short slices where a worker cannot be used', async () => {
    const { page, errors } = await chromium.open('?thread=main');
    expect(await page.evaluate(() => document.body.dataset.thread)).toBe('main');
    await page.getByTestId('train-button').click();
    await waitForStatus(page, 'done');
    expect(await numberIn(page, 'error-value')).toBeLessThan(0.01);
    expect(errors).toEqual([]);
    await page.close();
  });
});

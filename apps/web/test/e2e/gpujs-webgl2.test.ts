import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, numberIn, type OpenBrowser, waitForStatus } from './open-page.js';

// Its own file so it runs beside the others: 2001 epochs of 63 single-sample
// steps on SwiftShader's software WebGL2 take minutes.
describe('gpu.js WebGL2 in headless Chromium', () => {
  let chromium: OpenBrowser;
  beforeAll(async () => {
    chromium = await launchBrowser();
  });
  afterAll(async () => {
    await chromium?.close();
  });

  it('trains the textbook run on gpu.js WebGL2 below 0.01', async () => {
    const { page, errors } = await chromium.open('?backend=gpujs-webgl2');
    expect(await page.getByTestId('backend-info').textContent()).toBe('gpujs webgl2 (float32)');
    await page.getByTestId('train-button').click();
    await waitForStatus(page, 'done', 480_000);
    expect(await numberIn(page, 'epoch-value')).toBe(2001);
    expect(await numberIn(page, 'error-value')).toBeLessThan(0.01);
    expect(errors).toEqual([]);
    await page.close();
  }, 540_000);
});

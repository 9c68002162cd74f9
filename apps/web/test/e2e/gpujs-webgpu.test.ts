import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, numberIn, type OpenBrowser, waitForStatus } from './open-page.js';

// Every WebGPU kernel call costs ~0.1 ms on SwiftShader's adapter, so the
// textbook's 2001 epochs would take minutes: these runs stop at 101 (~25 s).
const SHORT_RUN = 'epochs=101&interval=10';

/** Waits for the page's WebGPU probe; says whether the backend select offers WebGPU. */
async function webgpuOffered(page: Page): Promise<boolean> {
  await page.waitForFunction(() => document.body.dataset.webgpu !== undefined);
  const option = page.locator('[data-testid="backend-select"] option[value="gpujs-webgpu"]');
  const [disabled, hidden] = await option.evaluate((o: HTMLOptionElement) => [
    o.disabled,
    o.hidden,
  ]);
  expect(disabled).toBe(hidden);
  return !disabled;
}

/** Trains a page opened on a short run to the end; its final error. */
async function trainToDone(page: Page): Promise<number> {
  await page.getByTestId('train-button').click();
  await waitForStatus(page, 'done', 240_000);
  expect(await numberIn(page, 'epoch-value')).toBe(101);
  return numberIn(page, 'error-value');
}

describe('gpu.js WebGPU in headless Chromium with WebGPU', () => {
  let chromium: OpenBrowser;
  beforeAll(async () => {
    chromium = await launchBrowser({ webgpu: true });
  });
  afterAll(async () => {
    await chromium?.close();
  });

  it('offers WebGPU and trains on it to the error cpu float32 reaches', async () => {
    const gpu = await chromium.open(`?backend=gpujs-webgpu&${SHORT_RUN}`);
    expect(await webgpuOffered(gpu.page)).toBe(true);
    expect(await gpu.page.getByTestId('backend-select').inputValue()).toBe('gpujs-webgpu');
    expect(await gpu.page.getByTestId('backend-info').textContent()).toBe('gpujs webgpu (float32)');
    expect(await gpu.page.evaluate(() => document.body.dataset.thread)).toBe('worker');
    const gpuError = await trainToDone(gpu.page);
    expect(gpu.errors).toEqual([]);
    await gpu.page.close();

    const cpu = await chromium.open(`?backend=cpu-float32&${SHORT_RUN}`);
    const cpuError = await trainToDone(cpu.page);
    // Same weights and shuffles (drawn in core), both in float32: only the
    // kernels differ (WGSL on the GPU, Float32Array loops on the cpu), in the
    // order of their sums and in exp's last bits. Those roundings (~1e-7 each)
    // stay far below 1e-3 in 101 epochs of a run that converges; on
    // SwiftShader the two agree to all six digits the page shows.
    expect(Math.abs(gpuError - cpuError) / cpuError).toBeLessThan(1e-3);
    expect(cpuError).toBeLessThan(0.05);

    // The select offers it too: choosing it moves the trained network onto WebGPU.
    await cpu.page.getByTestId('backend-select').selectOption('gpujs-webgpu');
    await expect
      .poll(() => cpu.page.getByTestId('backend-info').textContent())
      .toBe('gpujs webgpu (float32)');
    expect(new URL(cpu.page.url()).searchParams.get('backend')).toBe('gpujs-webgpu');
    expect(cpu.errors).toEqual([]);
    await cpu.page.close();
  }, 300_000);

  it('trains on WebGPU on the main thread where a worker cannot be used', async () => {
    const { page, errors } = await chromium.open(`?backend=gpujs-webgpu&thread=main&${SHORT_RUN}`);
    expect(await page.evaluate(() => document.body.dataset.thread)).toBe('main');
    expect(await page.getByTestId('backend-info').textContent()).toBe('gpujs webgpu (float32)');
    await page.getByTestId('step-button').click();
    await expect.poll(() => numberIn(page, 'epoch-value')).toBe(1);
    expect(await numberIn(page, 'error-value')).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('gpu.js WebGPU in headless Chromium without WebGPU', () => {
  let chromium: OpenBrowser;
  beforeAll(async () => {
    chromium = await launchBrowser();
  });
  afterAll(async () => {
    await chromium?.close();
  });

  it('hides the WebGPU choice, and a link asking for it falls back and says why', async () => {
    const { page, errors } = await chromium.open(`?backend=gpujs-webgpu&${SHORT_RUN}`);
    expect(await webgpuOffered(page)).toBe(false);
    const info = await page.getByTestId('backend-info').textContent();
    expect(info).toMatch(/^gpujs (?!webgpu)\w+ \(float32\): gpujs mode 'webgpu' cannot start: \S/);
    // The page still trains, on the mode that runs.
    await page.getByTestId('step-button').click();
    await expect.poll(() => numberIn(page, 'epoch-value')).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});

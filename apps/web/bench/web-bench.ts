import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH, WEBGPU_ARGS } from '../../../tools/chromium.js';
import { wasmBrowserBench } from './wasm-browser-bench.js';

// Measures, never asserts: the textbook run's training time on cpu in the
// browser, the page's frame rate and longest main-thread task while it
// trains, the production bundle's gzipped size with and without gpu.js, and
// the wasm bench's workloads (backend-wasm against TF.js wasm) in a page of their own.

const root = fileURLToPath(new URL('..', import.meta.url));

// Page scripts are passed as text: tsx would wrap functions in helpers that
// exist only in Node.
const WATCH_MAIN_THREAD = `(() => {
  window.nnFrames = 0;
  window.nnLongest = 0;
  window.nnLongTasks = 0;
  const tick = () => { window.nnFrames++; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.nnLongTasks++;
      window.nnLongest = Math.max(window.nnLongest, entry.duration);
    }
  }).observe({ type: 'longtask' });
})()`;

/** Frames drawn, and main-thread tasks over 50 ms (how many, the longest) since WATCH_MAIN_THREAD. */
async function mainThread(page: Page): Promise<{ frames: number; longest: number; count: number }> {
  return page.evaluate(
    '({ frames: window.nnFrames, longest: window.nnLongest, count: window.nnLongTasks })',
  );
}

/** The longest main-thread task while the page loaded and started its backend (gpu.js's setup, say). */
async function longestAtLoad(page: Page): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    let longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
      resolve(longest);
    }).observe({ type: 'longtask', buffered: true });
    setTimeout(() => resolve(longest), 100);
  })`);
}

async function open(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.getByTestId('backend-info').filter({ hasNotText: '…' }).waitFor();
  const atLoad = await longestAtLoad(page);
  await page.evaluate(WATCH_MAIN_THREAD);
  return atLoad;
}

async function report(page: Page, label: string, seconds: number, atLoad: number): Promise<void> {
  const { frames, longest, count } = await mainThread(page);
  const trainingMs = Number(await page.getByTestId('train-time').textContent());
  const epochs = await page.getByTestId('epoch-value').textContent();
  const error = await page.getByTestId('error-value').textContent();
  console.log(
    `${label}: ${epochs} epochs, training ${trainingMs} ms (fit time in the trainer), wall ${(seconds * 1000).toFixed(0)} ms, ` +
      `${(frames / seconds).toFixed(1)} fps, main-thread tasks over 50 ms while training: ${count} (longest ${longest.toFixed(0)} ms), ` +
      `longest at page load ${atLoad.toFixed(0)} ms, error ${error}`,
  );
}

/** Trains to the end. */
async function trainRun(page: Page, url: string, label: string): Promise<void> {
  const atLoad = await open(page, url);
  const started = performance.now();
  await page.getByTestId('train-button').click();
  await page
    .getByTestId('status-value')
    .filter({ hasText: /^done$/ })
    .waitFor({ timeout: 600_000 });
  await report(page, label, (performance.now() - started) / 1000, atLoad);
}

/** Trains for `seconds`, then pauses: long enough for a steady frame rate. */
async function trainFor(page: Page, url: string, label: string, seconds: number): Promise<void> {
  const atLoad = await open(page, url);
  const started = performance.now();
  await page.getByTestId('train-button').click();
  await page.waitForTimeout(seconds * 1000);
  await page.getByTestId('pause-button').click();
  await report(page, label, (performance.now() - started) / 1000, atLoad);
}

function bundleSizes(): void {
  const assets = join(root, 'dist', 'assets');
  let withoutGpu = gzipSync(readFileSync(join(root, 'dist', 'index.html'))).length;
  let gpu = 0;
  for (const name of readdirSync(assets)) {
    if (!/\.(js|css)$/.test(name)) continue;
    const text = readFileSync(join(assets, name));
    const size = gzipSync(text).length;
    // gpu.js's own bundle; loaded only when a gpujs backend is chosen.
    if (text.includes('WebGL2FunctionNode')) gpu += size;
    else withoutGpu += size;
  }
  console.log(
    `bundle: ${(withoutGpu / 1024).toFixed(1)} kB gzipped without gpu.js (html, css, page, worker, cpu backend), ` +
      `gpu.js chunks ${(gpu / 1024).toFixed(1)} kB gzipped (page and worker copies), font asset not counted`,
  );
}

await build({ root, logLevel: 'warn' });
bundleSizes();
const server = await preview({ root, logLevel: 'warn', preview: { port: 0 } });
const base = server.resolvedUrls?.local[0] as string;
const profile = mkdtempSync(join(tmpdir(), 'nn-web-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM_PATH,
  headless: true,
  // With WebGPU on (SwiftShader's adapter here), so that it is measured too.
  args: [...CHROMIUM_ARGS, ...WEBGPU_ARGS],
});
try {
  const page = await context.newPage();
  await trainRun(page, base, 'textbook run, cpu float64, worker (first run: cold)');
  await trainRun(page, base, 'textbook run, cpu float64, worker');
  await trainRun(page, `${base}?backend=cpu-float32`, 'textbook run, cpu float32, worker');
  await trainRun(page, `${base}?thread=main`, 'textbook run, cpu float64, main thread');
  const long = `${base}?epochs=1000000&interval=1000`;
  await trainFor(page, long, 'cpu float64, worker, 5 s', 5);
  await trainFor(page, `${long}&thread=main`, 'cpu float64, main thread, 5 s', 5);
  await trainFor(page, `${base}?backend=gpujs-webgl2`, 'gpujs webgl2, worker, 10 s', 10);
  await trainFor(
    page,
    `${base}?backend=gpujs-webgl2&thread=main`,
    'gpujs webgl2, main thread, 10 s',
    10,
  );
  await trainFor(page, `${base}?backend=gpujs-webgpu`, 'gpujs webgpu, worker, 10 s', 10);
  await trainFor(
    page,
    `${base}?backend=gpujs-webgpu&thread=main`,
    'gpujs webgpu, main thread, 10 s',
    10,
  );
  await trainRun(page, `${base}?backend=gpujs-webasm`, 'textbook run, gpujs webasm, worker');
  await page.close();
  await wasmBrowserBench(context);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  await server.close();
}

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';

// Measures, never asserts: the textbook run's training time on cpu in the
// browser, the page's frame rate and longest main-thread task while it
// trains, and the production bundle's gzipped size with and without gpu.js.

const root = fileURLToPath(new URL('..', import.meta.url));

// Page scripts are passed as text: tsx would wrap functions in helpers that
// exist only in Node.
const WATCH_MAIN_THREAD = `(() => {
  window.nnFrames = 0;
  window.nnLongest = 0;
  const tick = () => { window.nnFrames++; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.nnLongest = Math.max(window.nnLongest, entry.duration);
  }).observe({ type: 'longtask' });
})()`;

/** Animation frames drawn and the longest main-thread task (over 50 ms) since WATCH_MAIN_THREAD. */
async function mainThread(page: Page): Promise<{ frames: number; longest: number }> {
  return page.evaluate('({ frames: window.nnFrames, longest: window.nnLongest })');
}

async function trainRun(page: Page, url: string, label: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('backend-info').filter({ hasNotText: '…' }).waitFor();
  await page.evaluate(WATCH_MAIN_THREAD);
  const started = performance.now();
  await page.getByTestId('train-button').click();
  await page
    .getByTestId('status-value')
    .filter({ hasText: /^done$/ })
    .waitFor({ timeout: 600_000 });
  const seconds = (performance.now() - started) / 1000;
  const { frames, longest } = await mainThread(page);
  const trainingMs = Number(await page.getByTestId('train-time').textContent());
  const error = await page.getByTestId('error-value').textContent();
  console.log(
    `${label}: training ${trainingMs} ms (fit time in the trainer), click to done ${(seconds * 1000).toFixed(0)} ms, ` +
      `${(frames / seconds).toFixed(1)} fps, longest main-thread task ${longest.toFixed(0)} ms (0: none over 50 ms), final error ${error}`,
  );
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
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless=new',
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  const page = await context.newPage();
  await trainRun(page, base, 'textbook run, cpu float64, worker');
  await trainRun(page, `${base}?backend=cpu-float32`, 'textbook run, cpu float32, worker');
  await trainRun(
    page,
    `${base}?thread=main`,
    'textbook run, cpu float64, main thread (fallback path)',
  );
  await trainRun(page, `${base}?backend=gpujs-webasm`, 'textbook run, gpujs webasm, worker');
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  await server.close();
}

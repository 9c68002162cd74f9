import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { build, preview } from 'vite';
import { count } from '../../../tools/bench/src/stats.js';
import type { WasmBrowserBenchResult } from '../../../tools/bench/src/wasm-browser-page.js';

const web = fileURLToPath(new URL('..', import.meta.url));
const pageRoot = join(web, 'bench', 'wasm');
// TF.js is a devDependency of tools/bench: its .wasm files are found from there.
const tfjsDist = join(
  dirname(
    createRequire(new URL('../../../tools/bench/package.json', import.meta.url)).resolve(
      '@tensorflow/tfjs-backend-wasm/package.json',
    ),
  ),
  'dist',
);
const TFJS_BINARIES = [
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm',
];

/**
 * The Node wasm bench's workloads (tools/bench/src/wasm-bench.ts) in
 * Chromium: builds the bench page with the app's Vite config (so it is
 * served with the app's COOP/COEP headers), serves TF.js's .wasm files
 * beside it, runs it in `context` and prints the same tables, headed by how
 * TF.js ran there.
 */
export async function wasmBrowserBench(context: BrowserContext): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'nn-wasm-bench-'));
  const config = {
    configFile: join(web, 'vite.config.ts'),
    root: pageRoot,
    logLevel: 'warn' as const,
  };
  try {
    await build({ ...config, build: { outDir, emptyOutDir: true } });
    mkdirSync(join(outDir, 'tfjs-wasm'));
    for (const name of TFJS_BINARIES) {
      copyFileSync(join(tfjsDist, name), join(outDir, 'tfjs-wasm', name));
    }
    const server = await preview({ ...config, build: { outDir }, preview: { port: 0 } });
    const page = await context.newPage();
    try {
      await page.goto(server.resolvedUrls?.local[0] as string);
      const answer = (await page.evaluate('window.nnWasmBench')) as
        | WasmBrowserBenchResult
        | { error: string };
      if ('error' in answer) throw new Error(`the wasm bench page failed:\n${answer.error}`);
      const { simd, multithread, threads } = answer.tfjs;
      console.log(
        `\nwasm workloads in Chromium (page cross-origin isolated; TF.js wasm ${simd ? 'with' : 'without'} SIMD, ` +
          `${multithread ? 'threaded binary' : 'single-threaded binary'}, ${count(threads, 'XNNPACK thread')})`,
      );
      console.log(answer.table);
    } finally {
      await page.close();
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

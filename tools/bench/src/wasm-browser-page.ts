import * as tf from '@tensorflow/tfjs-core';
import { formatWasmBench, runWasmBench, type WasmBenchResult } from './wasm-bench.js';

/** What the web bench's page hands back: the Node bench's rows and table, and how TF.js ran. */
export interface WasmBrowserBenchResult {
  result: WasmBenchResult;
  table: string;
  /**
   * The wasm binary TF.js chose here, and its XNNPACK thread count. In Chromium it loads the
   * threaded SIMD binary (its pool of 8 pthread workers starts) yet reports one XNNPACK thread,
   * with setThreadsCount(2) too, and times the same as with setThreadsCount(1) (tensorflow/tfjs#8513,
   * open against 4.22).
   */
  tfjs: { simd: boolean; multithread: boolean; threads: number };
}

/**
 * The Node bench's workloads (runWasmBench) in a page: TF.js fetches its
 * .wasm files from `wasmPrefix`. Refuses to run unless the page is
 * cross-origin isolated, since without shared memory neither side gets threads
 * and the numbers would compare something else.
 */
export async function runWasmBrowserBench(wasmPrefix: string): Promise<WasmBrowserBenchResult> {
  if ((globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated !== true) {
    throw new Error('the wasm bench page is not cross-origin isolated: serve it with COOP/COEP');
  }
  // Imported here, as runWasmBench does, so that the bundle keeps TF.js in one lazy chunk.
  const { getThreadsCount, setWasmPaths } = await import('@tensorflow/tfjs-backend-wasm');
  setWasmPaths(wasmPrefix);
  const result = await runWasmBench();
  const simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) === true;
  const multithread = (await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')) === true;
  return {
    result,
    table: formatWasmBench(result),
    tfjs: { simd, multithread, threads: getThreadsCount() },
  };
}

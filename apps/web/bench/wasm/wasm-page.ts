import {
  runWasmBrowserBench,
  type WasmBrowserBenchResult,
} from '../../../../tools/bench/src/wasm-browser-page.js';

// The bench runs once on load; the driver awaits this promise (errors come back as text, with their stack).
declare global {
  interface Window {
    nnWasmBench: Promise<WasmBrowserBenchResult | { error: string }>;
  }
}

window.nnWasmBench = runWasmBrowserBench(new URL('tfjs-wasm/', location.href).href).catch(
  (error: unknown) => ({
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  }),
);

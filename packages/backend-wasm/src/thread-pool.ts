import { isNode } from './platform.js';
import { globals, type WasmMemory, type WasmModule } from './web-api.js';

/**
 * Workers that share the module's memory: each instantiates the module on
 * it, reads the pool's generation counter, says it is ready and then stays
 * in the module's workerLoop (assembly/threads.ts) for good. Node runs them
 * as worker_threads, browsers as Web Workers (only where the page is
 * cross-origin isolated, since shared memory needs it).
 */
export interface WorkerStart {
  module: WasmModule;
  memory: WasmMemory;
  control: number;
  id: number;
}

/** The worker's whole program, given its start message; the same text runs in Node and in browsers. */
const WORKER_BODY = `
  const instance = new WebAssembly.Instance(start.module, { env: { memory: start.memory } });
  const seen = Atomics.load(new Int32Array(start.memory.buffer, start.control, 1), 0);
  ready();
  instance.exports.workerLoop(start.control, start.id, seen);
`;

const NODE_WORKER = `
  const { parentPort, workerData: start } = require('node:worker_threads');
  const ready = () => parentPort.postMessage('ready');
  ${WORKER_BODY}
`;

const BROWSER_WORKER = `
  self.onmessage = ({ data: start }) => {
    const ready = () => self.postMessage('ready');
    ${WORKER_BODY}
  };
`;

/** Starts workers 1 … count − 1 and resolves once each is in its loop (the caller is thread 0). */
export async function startWorkers(
  module: WasmModule,
  memory: WasmMemory,
  control: number,
  count: number,
): Promise<void> {
  const starts: WorkerStart[] = [];
  for (let id = 1; id < count; id++) starts.push({ module, memory, control, id });
  await Promise.all(starts.map((start) => (isNode() ? nodeWorker(start) : browserWorker(start))));
}

async function nodeWorker(start: WorkerStart): Promise<void> {
  const threads = 'node:worker_threads';
  const { Worker: NodeWorker } = (await import(
    /* @vite-ignore */ threads
  )) as typeof import('node:worker_threads');
  const worker = new NodeWorker(NODE_WORKER, { eval: true, workerData: start });
  // The pool lives as long as the program: it must not keep the program alive.
  worker.unref();
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
}

let browserWorkerUrl: string | undefined;

async function browserWorker(start: WorkerStart): Promise<void> {
  browserWorkerUrl ??= URL.createObjectURL(new Blob([BROWSER_WORKER], { type: 'text/javascript' }));
  const BrowserWorker = globals.Worker;
  if (BrowserWorker === undefined) throw new Error('wasm backend: this page has no Web Workers');
  const worker = new BrowserWorker(browserWorkerUrl);
  await new Promise<void>((resolve, reject) => {
    worker.onmessage = () => resolve();
    worker.onerror = (event) => reject(new Error(`wasm worker failed: ${event.message}`));
    worker.postMessage(start);
  });
}

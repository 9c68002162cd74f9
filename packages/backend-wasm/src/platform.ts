// What this engine offers, checked without loading the module: the descriptor's probe imports only this.
import { globals } from './web-api.js';

/** A minimal module using one SIMD instruction (i32x4.splat): whether this engine has SIMD128. */
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 8, 1, 6, 0, 65, 0, 253, 17,
  11,
]);

export function simdAvailable(): boolean {
  return globals.WebAssembly?.validate(SIMD_PROBE) === true;
}

/** Whether this platform can run the pool: shared memory, and workers that may use it. */
export function threadsAvailable(): boolean {
  if (typeof SharedArrayBuffer !== 'function' || typeof Atomics !== 'object') return false;
  if (isNode()) return true;
  return typeof globals.Worker === 'function' && globals.crossOriginIsolated === true;
}

export function isNode(): boolean {
  return typeof process === 'object' && typeof process.versions?.node === 'string';
}

/** Logical cores here (Node's availableParallelism, a browser's hardwareConcurrency). */
export async function hardwareThreads(): Promise<number> {
  if (isNode()) {
    const os = 'node:os';
    const { availableParallelism } = (await import(
      /* @vite-ignore */ os
    )) as typeof import('node:os');
    return availableParallelism();
  }
  return globals.navigator?.hardwareConcurrency ?? 1;
}

/** The default pool size: beyond four threads, the products of small networks gain little more. */
export const DEFAULT_MAX_THREADS = 4;

/** The default thread count: the cores here, at most DEFAULT_MAX_THREADS. */
export async function defaultThreads(): Promise<number> {
  return Math.min(await hardwareThreads(), DEFAULT_MAX_THREADS);
}

import { Backend, type BackendDriver, NNError, type Precision } from '@nn/core';
import { wasmKernels } from './kernels.js';
import { compileWasmPlan } from './plan/compile-plan.js';
import { defaultThreads, simdAvailable, threadsAvailable } from './platform.js';
import { runtimeFor, type WasmRuntime } from './runtime.js';
import type { WasmStorage } from './storage.js';

export interface WasmBackendOptions {
  /** float64 (the default, like NumPy) or float32. */
  precision?: Precision;
  /**
   * Threads for large matrix products (default: the cores here, at most 4).
   * Where shared memory is unavailable (a browser page that is not
   * cross-origin isolated) the backend runs on one thread and says why in
   * capabilities.fallbackReason.
   */
  threads?: number;
}

/** Bytes after every tensor holding a known pattern: storageSize sees a kernel that wrote past the end. */
const GUARD_BYTES = 16;
const GUARD_WORD = 0xa5c3_5a3c;

/**
 * Tensors in WebAssembly linear memory and kernels compiled from
 * AssemblyScript with SIMD128; large products split over a worker pool
 * where the platform shares memory between threads. Training plans run a
 * whole batch (or epoch) per call into the module.
 */
export async function createWasmBackend(
  options: WasmBackendOptions = {},
): Promise<Backend<WasmStorage>> {
  const precision = options.precision ?? 'float64';
  if (precision !== 'float64' && precision !== 'float32') {
    throw new NNError(
      'NN_INVALID_ARGUMENT',
      `wasm backend: precision ${JSON.stringify(precision)} is not available; use float64 or float32`,
    );
  }
  const asked = options.threads;
  if (asked !== undefined && !(Number.isInteger(asked) && asked >= 1)) {
    throw new NNError(
      'NN_INVALID_ARGUMENT',
      `wasm backend: threads must be a whole number ≥ 1, got ${JSON.stringify(asked)}`,
    );
  }
  if (!simdAvailable()) {
    throw new NNError(
      'NN_BACKEND_UNAVAILABLE',
      'wasm backend: this engine has no WebAssembly SIMD (Node 16.4+, Chrome 91+, Firefox 89+, Safari 16.4+ have it); use the cpu backend',
    );
  }
  const wanted = asked ?? (await defaultThreads());
  if (wanted > 1 && !threadsAvailable()) {
    const reason =
      'no shared memory here (a page must be cross-origin isolated: COOP/COEP headers), so one thread';
    return new Backend(wasmDriver(await runtimeFor(1), precision, reason));
  }
  try {
    return new Backend(wasmDriver(await runtimeFor(wanted), precision, undefined));
  } catch (error) {
    if (wanted === 1) throw error;
    // Workers can be refused (a page's Content-Security-Policy without worker-src blob:).
    const reason = `the worker pool did not start (${(error as Error).message}), so one thread`;
    return new Backend(wasmDriver(await runtimeFor(1), precision, reason));
  }
}

function wasmDriver(
  runtime: WasmRuntime,
  precision: Precision,
  fallbackReason: string | undefined,
): BackendDriver<WasmStorage> {
  const bytesPer = precision === 'float64' ? 8 : 4;
  const view = (): Float64Array | Float32Array =>
    precision === 'float64' ? runtime.f64 : runtime.f32;
  const { allocator } = runtime;
  let live = 0;
  const allocate = (size: number): WasmStorage => {
    const bytes = size * bytesPer;
    const ptr = allocator.allocate(bytes + GUARD_BYTES);
    view().fill(0, ptr / bytesPer, ptr / bytesPer + size);
    runtime.u32.fill(GUARD_WORD, (ptr + bytes) / 4, (ptr + bytes + GUARD_BYTES) / 4);
    return { ptr, size };
  };
  const guardIntact = ({ ptr, size }: WasmStorage): boolean => {
    const start = (ptr + size * bytesPer) / 4;
    return runtime.u32.subarray(start, start + GUARD_BYTES / 4).every((w) => w === GUARD_WORD);
  };
  const copy = ({ ptr, size }: WasmStorage) => view().slice(ptr / bytesPer, ptr / bytesPer + size);
  const mode = runtime.threads > 1 ? `simd-threads-${runtime.threads}` : 'simd';
  return {
    name: 'wasm',
    capabilities: {
      precision,
      syncRead: true,
      mode,
      ...(fallbackReason === undefined ? {} : { fallbackReason }),
    },
    allocate: (size) => {
      const storage = allocate(size);
      live++;
      return storage;
    },
    upload: (storage, data) => view().set(data, storage.ptr / bytesPer),
    download: (storage) => Promise.resolve(copy(storage)),
    downloadSync: copy,
    release: (storage) => {
      allocator.free(storage.ptr);
      live--;
    },
    // A kernel that wrote past its output overwrote the guard: count that as a bigger storage.
    storageSize: (storage) => (guardIntact(storage) ? storage.size : storage.size + 1),
    liveAllocations: () => live,
    kernels: wasmKernels(runtime.exports, precision),
    compilePlan: (plan) => compileWasmPlan(plan, runtime, precision),
  };
}

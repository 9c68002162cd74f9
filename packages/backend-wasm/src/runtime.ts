import { NNError } from '@nn/core';
import { ADDRESS_LIMIT, Allocator } from './allocator.js';
import { startWorkers } from './thread-pool.js';
import { loadModule } from './wasm-module.js';
import { type WasmMemory, webAssembly } from './web-api.js';

const PAGE = 65_536;
/** wasm32's ceiling in pages; shared memory must declare its maximum up front. */
const MAX_PAGES = ADDRESS_LIMIT / PAGE;
/** Bytes of the pool's control block (assembly/threads.ts: CONTROL_WORDS i32 words). */
const CONTROL_BYTES = 64;

type Kernel = (...args: number[]) => void;

/** The module's exports (assembly/index.ts): kernels take byte offsets, sizes and codes. */
export interface ModuleExports {
  heapBase(): number;
  scratchBytes(): number;
  setPool(control: number, threads: number, scratch: number): void;
  [kernel: string]: Kernel | (() => number);
}

/**
 * One instance of the module with its memory, allocator and (with threads)
 * worker pool, shared by every backend of the same thread count in this
 * realm: a pool is started once, and tensors of different backends simply
 * live side by side in one memory.
 */
export class WasmRuntime {
  f64: Float64Array;
  f32: Float32Array;
  u32: Uint32Array;
  readonly allocator: Allocator;

  private constructor(
    readonly memory: WasmMemory,
    readonly exports: ModuleExports,
    readonly threads: number,
  ) {
    this.f64 = new Float64Array(memory.buffer);
    this.f32 = new Float32Array(memory.buffer);
    this.u32 = new Uint32Array(memory.buffer);
    this.allocator = new Allocator(exports.heapBase(), (end) => this.#reserve(end));
  }

  static async create(threads: number): Promise<WasmRuntime> {
    const shared = threads > 1;
    const module = await loadModule(shared ? 'simd-threads' : 'simd');
    const wasm = webAssembly();
    const memory = new wasm.Memory({ initial: 16, maximum: MAX_PAGES, shared });
    const instance = await wasm.instantiate(module, { env: { memory } });
    const runtime = new WasmRuntime(memory, instance.exports as unknown as ModuleExports, threads);
    const control = runtime.allocator.allocate(CONTROL_BYTES);
    const scratch = runtime.allocator.allocate(threads * runtime.exports.scratchBytes());
    runtime.exports.setPool(control, threads, scratch);
    if (shared) await startWorkers(module, memory, control, threads);
    return runtime;
  }

  /** Grows the memory so that bytes below `end` exist; views are made again on the grown buffer. */
  #reserve(end: number): void {
    const have = this.memory.buffer.byteLength;
    if (end <= have) return;
    const pages = have / PAGE;
    // A quarter more than needed at least, so a growing workload grows the memory a few times only.
    const wanted = Math.min(MAX_PAGES, Math.max(Math.ceil(end / PAGE), Math.ceil(pages * 1.25)));
    try {
      this.memory.grow(wanted - pages);
    } catch (cause) {
      try {
        this.memory.grow(Math.ceil(end / PAGE) - pages);
      } catch {
        throw new NNError(
          'NN_DEVICE_LIMIT',
          `wasm backend: the engine refused to grow WebAssembly memory to ${end} bytes; free tensors, use smaller batches, or the cpu backend`,
          { cause },
        );
      }
    }
    this.f64 = new Float64Array(this.memory.buffer);
    this.f32 = new Float32Array(this.memory.buffer);
    this.u32 = new Uint32Array(this.memory.buffer);
  }
}

const runtimes = new Map<number, Promise<WasmRuntime>>();

/** The realm's runtime for `threads` threads, started on first use. */
export function runtimeFor(threads: number): Promise<WasmRuntime> {
  let runtime = runtimes.get(threads);
  if (runtime === undefined) {
    runtime = WasmRuntime.create(threads);
    runtimes.set(threads, runtime);
    runtime.catch(() => runtimes.delete(threads));
  }
  return runtime;
}

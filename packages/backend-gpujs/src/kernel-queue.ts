import { NNError } from '@nn/core';
import type { IKernelRunShortcut } from 'gpu.js';
import { argumentValues, type KernelArgument } from './kernel-arguments.js';
import type { GpujsStorage, StorageValue } from './storage.js';

type Work =
  | { out: GpujsStorage; kernel: IKernelRunShortcut; args: KernelArgument[] }
  | { release: GpujsStorage };

/** Past this many finished entries the queue drops them, so a long drain stays linear. */
const COMPACT_AFTER = 4096;

/**
 * Kernel calls in call order, run later by a drain, one after another, each
 * reading its arguments' storage when it runs. Used in webgpu mode, where
 * gpu.js's kernels return a promise of their output (a kernel's first call
 * compiles it asynchronously) while the contract's kernels return nothing,
 * and on a page's main thread, where the drain yields to the event loop every
 * `sliceMs` so that no kernel compile or run of calls holds input for long.
 */
export class KernelQueue {
  readonly #replace: (storage: GpujsStorage, value: StorageValue) => void;
  readonly #free: (storage: GpujsStorage) => void;
  readonly #sliceMs: number;
  /** The gpu.js mode, for error messages. */
  readonly #mode: string;
  #work: Work[] = [];
  /** Kernels that have run once, so are compiled. */
  readonly #ran = new WeakSet<IKernelRunShortcut>();
  #draining: Promise<void> | undefined;
  #failure: Error | undefined;

  /**
   * replace: makes a call's output a storage's value; free: frees a
   * storage; sliceMs: how long a drain runs before it yields (Infinity: never).
   */
  constructor(
    mode: string,
    replace: (storage: GpujsStorage, value: StorageValue) => void,
    free: (storage: GpujsStorage) => void,
    sliceMs: number,
  ) {
    this.#mode = mode;
    this.#replace = replace;
    this.#free = free;
    this.#sliceMs = sliceMs;
  }

  /** Calls waiting to run. */
  get length(): number {
    return this.#work.length;
  }

  call(out: GpujsStorage, kernel: IKernelRunShortcut, args: KernelArgument[]): void {
    if (this.#failure !== undefined) throw this.#failure;
    this.#work.push({ out, kernel, args });
  }

  /** Frees `storage` once the calls queued before have run. */
  release(storage: GpujsStorage): void {
    if (this.#work.length === 0 || this.#failure !== undefined) this.#free(storage);
    else this.#work.push({ release: storage });
  }

  /**
   * Resolves once every call queued so far has run. After a failure the
   * queue is dropped and every later call and flush fails with that error.
   */
  async flush(): Promise<void> {
    // A drain that ran without awaiting has finished before its promise
    // settles: calls queued in that gap are not its, so look again after it.
    for (;;) {
      if (this.#failure !== undefined) throw this.#failure;
      if (this.#draining === undefined) {
        if (this.#work.length === 0) return;
        this.#draining = this.#drain().finally(() => {
          this.#draining = undefined;
        });
      }
      await this.#draining;
    }
  }

  /** Drops the queued work (the backend is being destroyed). */
  clear(): void {
    this.#work = [];
  }

  async #drain(): Promise<void> {
    const slicing = this.#sliceMs !== Number.POSITIVE_INFINITY;
    let next = 0;
    let sliceStart = performance.now();
    let sliceRan = false;
    try {
      while (next < this.#work.length) {
        const work = this.#work[next++] as Work;
        if ('release' in work) {
          this.#free(work.release);
        } else {
          // A kernel's first call compiles it, the longest call there is:
          // it starts a slice of its own.
          const compiles = !this.#ran.has(work.kernel);
          if (slicing && compiles && sliceRan) {
            await yieldToEventLoop();
            sliceStart = performance.now();
          }
          let output = work.kernel(...argumentValues(work.args));
          if (output instanceof Promise) output = await output;
          this.#replace(work.out, output as StorageValue);
          if (compiles) this.#ran.add(work.kernel);
          sliceRan = true;
        }
        if (performance.now() - sliceStart >= this.#sliceMs) {
          await yieldToEventLoop();
          sliceStart = performance.now();
          sliceRan = false;
        }
        if (next >= COMPACT_AFTER) {
          this.#work.splice(0, next);
          next = 0;
        }
      }
      this.#work = [];
    } catch (error) {
      this.#work = [];
      this.#failure = describeFailure(this.#mode, error);
      throw this.#failure;
    }
  }
}

/** The parts of a browser's MessageChannel used below (Node's types describe another one). */
interface BrowserMessageChannel {
  port1: { onmessage: (() => void) | null; close(): void };
  port2: { postMessage(message: null): void };
}

/** Lets input, timers and rendering run: a new task, not a microtask. */
function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield !== undefined) return scheduler.yield();
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  // A message, unlike setTimeout, is not clamped to 4 ms when nested.
  return new Promise((resolve) => {
    const channel = new MessageChannel() as unknown as BrowserMessageChannel;
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * A failure found while the queue ran, with the code the rest of @nn uses
 * where one fits: gpu.js's WebGPU buffer limit, a missing adapter, a lost
 * device or context. Anything else is passed on as it came.
 */
function describeFailure(mode: string, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (/per storage buffer/.test(message)) {
    return new NNError(
      'NN_DEVICE_LIMIT',
      `gpujs ${mode}: ${message}; this backend stops here: create a new one and use smaller batches or layers, or mode 'webasm'`,
      { cause: error },
    );
  }
  if (/no adapter|device was lost|context lost/i.test(message)) {
    return new NNError(
      'NN_BACKEND_UNAVAILABLE',
      `gpujs ${mode} cannot run: ${message}; create a new backend, or use another mode`,
      { cause: error },
    );
  }
  return error instanceof Error ? error : new Error(message);
}

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
 * The kernel calls of webgpu mode, in call order. gpu.js's WebGPU kernels
 * return a promise of their output (the first call of each compiles it
 * asynchronously), while the backend contract's kernels return nothing, so
 * calls are queued and a drain runs them one after another, each reading its
 * arguments' storage when it runs. Work on the GPU queue is asynchronous
 * anyway; only reads wait for it.
 */
export class KernelQueue {
  readonly #replace: (storage: GpujsStorage, value: StorageValue) => void;
  #work: Work[] = [];
  #draining: Promise<void> | undefined;
  #failure: Error | undefined;

  constructor(replace: (storage: GpujsStorage, value: StorageValue) => void) {
    this.#replace = replace;
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
  flush(): Promise<void> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    this.#draining ??= this.#drain().finally(() => {
      this.#draining = undefined;
    });
    return this.#draining;
  }

  /** Drops the queued work (the backend is being destroyed). */
  clear(): void {
    this.#work = [];
  }

  async #drain(): Promise<void> {
    let next = 0;
    try {
      while (next < this.#work.length) {
        const work = this.#work[next++] as Work;
        if ('release' in work) {
          this.#free(work.release);
        } else {
          const output = await work.kernel(...argumentValues(work.args));
          this.#replace(work.out, output as StorageValue);
        }
        if (next >= COMPACT_AFTER) {
          this.#work.splice(0, next);
          next = 0;
        }
      }
      this.#work = [];
    } catch (error) {
      this.#work = [];
      this.#failure = describeFailure(error);
      throw this.#failure;
    }
  }

  #free(storage: GpujsStorage): void {
    this.#replace(storage, new Float32Array(0));
  }
}

/** gpu.js's WebGPU errors, as the codes the rest of @nn uses where one fits. */
function describeFailure(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (/per storage buffer/.test(message)) {
    return new NNError('NN_DEVICE_LIMIT', `gpujs webgpu: ${message}`, { cause: error });
  }
  if (/no adapter|not supported|device was lost/i.test(message)) {
    return new NNError(
      'NN_BACKEND_UNAVAILABLE',
      `gpujs webgpu cannot run: ${message}; create a new backend, or use mode 'webgl2' or 'webasm'`,
      { cause: error },
    );
  }
  return error instanceof Error ? error : new Error(message);
}

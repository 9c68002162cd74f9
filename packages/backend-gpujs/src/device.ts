import { NNError } from '@nn/core';
import { GPU, type IKernelRunShortcut, type Texture } from 'gpu.js';
import { argumentValues, type KernelArgument } from './kernel-arguments.js';
import { KernelQueue } from './kernel-queue.js';
import { activate, backprop, stableTanh } from './kernels/activate.js';
import { guardedLog, lossTerm } from './kernels/loss-forms.js';
import type { GpujsMode } from './modes.js';
import type { GpujsStorage, StorageValue } from './storage.js';

/** Flat indices are computed in float32 on the GL modes: exact up to 2^24. */
const FLOAT_EXACT_INDEX = 2 ** 24;

/** What a kernel function sees as `this`: its thread (flat output index) and compile-time constants. */
export interface KernelThis<C = Record<string, number>> {
  readonly thread: { readonly x: number };
  readonly constants: C;
}

// biome-ignore lint/suspicious/noExplicitAny: gpu.js kernel functions take loosely typed arguments.
export type KernelSource = (this: any, ...args: any[]) => number;

/** Counters the tests and benchmarks read; none of them costs a readback. */
export interface GpujsStats {
  /** Kernels compiled (one per kernel, shape and setting). */
  compilations: number;
  /** Downloads from the device to the host. */
  readbacks: number;
  /** GL textures alive in the context, gpu.js's own included (0 in webasm and cpu). */
  liveTextures: number;
  /** Kernel calls queued and not yet run (webgpu, or with sliceMs; else always 0). */
  queued: number;
  /**
   * Kernel launches asked of the device: every call of a kernel through
   * `run` (uploads and fills included), counted when asked, queued or not.
   */
  launches: number;
  /**
   * Storages allocated (tensors, a plan runner's buffers) and not yet freed;
   * a release queued behind calls counts until it runs.
   */
  storages: number;
}

interface GlContext {
  createTexture(): unknown;
  deleteTexture(texture: unknown): void;
}

function copyKernel(this: KernelThis, values: number[]): number {
  return values[this.thread.x] as number;
}

/**
 * One gpu.js instance and its kernel cache: every kernel is compiled once per
 * key (its name, shapes and settings) and reused for the backend's lifetime.
 */
export class GpujsDevice {
  readonly gpu: GPU;
  readonly mode: GpujsMode;
  /** GL modes keep tensors in textures; webasm and cpu in Float32Arrays. */
  readonly textures: boolean;
  /** Tensors live in device memory (textures, WebGPU buffers), not in Float32Arrays. */
  readonly onDevice: boolean;
  /**
   * Where kernel calls wait to run (webgpu mode, and any mode given sliceMs);
   * undefined where each call runs at once.
   */
  readonly queue: KernelQueue | undefined;
  readonly stats: Omit<GpujsStats, 'queued'> = {
    compilations: 0,
    readbacks: 0,
    liveTextures: 0,
    launches: 0,
    storages: 0,
  };
  readonly #kernels = new Map<string, IKernelRunShortcut>();
  readonly #readKernels = new Map<number, IKernelRunShortcut>();
  #maxElements = Number.POSITIVE_INFINITY;
  #maxTextureSize = 0;
  #instrumented = false;

  /** sliceMs: queue the kernel calls and run them in slices this long (webgpu always queues). */
  constructor(mode: GpujsMode, sliceMs?: number) {
    this.mode = mode;
    this.textures = mode === 'headlessgl' || mode === 'webgl2' || mode === 'webgl';
    this.onDevice = this.textures || mode === 'webgpu';
    const queued = mode === 'webgpu' || sliceMs !== undefined;
    this.queue = queued
      ? new KernelQueue(
          mode,
          (out, value) => this.replace(out, value),
          (storage) => this.#free(storage),
          sliceMs ?? Number.POSITIVE_INFINITY,
        )
      : undefined;
    this.gpu = new GPU({ mode });
    this.gpu.addFunction(stableTanh);
    this.gpu.addFunction(activate);
    this.gpu.addFunction(backprop);
    this.gpu.addFunction(guardedLog);
    this.gpu.addFunction(lossTerm);
  }

  /** The cached kernel for `key`, compiled on first use with `size` outputs. */
  kernel(
    key: string,
    source: KernelSource,
    size: number,
    constants: Record<string, number> = {},
  ): IKernelRunShortcut {
    let kernel = this.#kernels.get(key);
    if (kernel === undefined) {
      kernel = this.gpu.createKernel(source, {
        output: [size],
        constants,
        pipeline: true,
        immutable: true,
        precision: 'single',
        tactic: 'precision',
      } as Parameters<GPU['createKernel']>[1]);
      this.#kernels.set(key, kernel);
      this.stats.compilations++;
      this.#instrument();
    }
    return kernel;
  }

  /** Runs `kernel` (or queues it) and makes its fresh output `out`'s value. */
  run(out: GpujsStorage, kernel: IKernelRunShortcut, ...args: KernelArgument[]): void {
    this.stats.launches++;
    if (this.queue !== undefined) {
      this.queue.call(out, kernel, args);
      return;
    }
    this.replace(out, kernel(...argumentValues(args)) as StorageValue);
  }

  /** Frees a storage's device memory, after the queued calls that use it. */
  release(storage: GpujsStorage): void {
    if (this.queue !== undefined) {
      this.queue.release(storage);
      return;
    }
    this.#free(storage);
  }

  #free(storage: GpujsStorage): void {
    this.replace(storage, new Float32Array(0));
    this.stats.storages--;
  }

  replace(storage: GpujsStorage, value: StorageValue): void {
    const old = storage.value;
    storage.value = value;
    if (old !== value && !(old instanceof Float32Array)) old.delete();
  }

  /**
   * webgl2: reads a texture through gpu.js's fenced readback (a kernel with
   * asyncMode copies it into a pixel-pack buffer), which waits for the GPU
   * without blocking the thread. The copy kernel is one per size.
   */
  readTextureAsync(texture: Texture, size: number): Promise<Float32Array> {
    let kernel = this.#readKernels.get(size);
    if (kernel === undefined) {
      kernel = this.gpu.createKernel(copyKernel, {
        output: [size],
        pipeline: false,
        asyncMode: true,
        precision: 'single',
        tactic: 'precision',
      } as Parameters<GPU['createKernel']>[1]);
      this.#readKernels.set(size, kernel);
      this.stats.compilations++;
    }
    return (kernel(texture) as unknown as Promise<Float32Array>).then((values) =>
      Float32Array.from(values),
    );
  }

  /** Refuses sizes past what one texture holds, before anything is allocated. */
  checkSize(size: number): void {
    if (!this.textures) return;
    if (this.#maxTextureSize === 0) {
      const features = (this.gpu.Kernel as unknown as { features: { maxTextureSize: number } })
        .features;
      this.#maxTextureSize = features.maxTextureSize;
      this.#maxElements = Math.min(this.#maxTextureSize ** 2, FLOAT_EXACT_INDEX);
    }
    if (size > this.#maxElements) {
      throw new NNError(
        'NN_DEVICE_LIMIT',
        `gpujs ${this.mode}: a tensor of ${size} values does not fit; this device stores a tensor in one float texture of at most ${this.#maxTextureSize}×${this.#maxTextureSize} texels (MAX_TEXTURE_SIZE) and indexes it in float32, exact to ${FLOAT_EXACT_INDEX} values, so the limit is ${this.#maxElements}; use smaller batches or layers, or mode 'webasm'`,
      );
    }
  }

  destroy(): void {
    this.queue?.clear();
    this.#kernels.clear();
    this.#readKernels.clear();
    // gpu.js releases the context on the next tick; nothing waits on it.
    this.gpu.destroy().catch(() => {});
  }

  /**
   * Counts GL textures at the context itself (created with the first
   * kernel, before it builds), so gpu.js's internal textures count too.
   */
  #instrument(): void {
    if (this.#instrumented || !this.textures) return;
    const gl = this.gpu.context as GlContext | null;
    if (gl === null) return;
    this.#instrumented = true;
    const stats = this.stats;
    const create = gl.createTexture.bind(gl);
    const remove = gl.deleteTexture.bind(gl);
    gl.createTexture = () => {
      stats.liveTextures++;
      return create();
    };
    gl.deleteTexture = (texture) => {
      if (texture) stats.liveTextures--;
      remove(texture);
    };
  }
}

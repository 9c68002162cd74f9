import {
  Backend,
  type BackendDriver,
  type KernelTable,
  NNError,
  requireOneOf,
  requirePositive,
} from '@nn/core';
import { Texture } from 'gpu.js';
import { GpujsDevice as Device, type GpujsStats, type KernelThis } from './device.js';
import { activationBackward } from './kernels/activation-backward.js';
import { activationForward } from './kernels/activation-forward.js';
import { adagradUpdate } from './kernels/adagrad-update.js';
import { adamUpdate } from './kernels/adam-update.js';
import { biasAdd } from './kernels/bias-add.js';
import { binary } from './kernels/binary.js';
import { columnSum } from './kernels/column-sum.js';
import { denseBackward } from './kernels/dense-backward.js';
import { denseForward } from './kernels/dense-forward.js';
import { fill, fillStorage } from './kernels/fill.js';
import { gatherRows } from './kernels/gather-rows.js';
import { lossGradient } from './kernels/loss-gradient.js';
import { lossValue } from './kernels/loss-value.js';
import { matMul } from './kernels/mat-mul.js';
import { momentumUpdate } from './kernels/momentum-update.js';
import { rmspropUpdate } from './kernels/rmsprop-update.js';
import { sgdUpdate } from './kernels/sgd-update.js';
import { unary } from './kernels/unary.js';
import { gpujsModeAvailability, softwareRenderer } from './mode-availability.js';
import { AUTO_ORDER, GPUJS_MODE_CHOICES, type GpujsMode, type GpujsModeChoice } from './modes.js';
import { compileGpujsPlan } from './plan/plan-runner.js';
import type { GpujsStorage } from './storage.js';

export interface GpujsBackendOptions {
  /** 'auto' (the default) takes the best mode that starts here and reports why it skipped better ones. */
  mode?: GpujsModeChoice;
  /**
   * For a page's main thread: queue the kernel calls and run them in slices
   * of about this many milliseconds, yielding to the event loop between
   * slices, so a kernel's compile or a run of calls blocks input for about
   * one call at most. Reads, `flush()` and fit's end of epoch wait for the
   * queue. Without it, calls run at once (webgpu always queues them).
   */
  sliceMs?: number;
}

function uploadKernel(this: KernelThis, data: number[]): number {
  return data[this.thread.x] as number;
}

/** A core Backend on gpu.js, with the device's counters for tests and benchmarks. */
export class GpujsBackend extends Backend<GpujsStorage> {
  readonly #device: Device;

  constructor(device: Device, fallbackReason?: string) {
    super(createDriver(device, fallbackReason));
    this.#device = device;
  }

  /** Compilations, readbacks, live GL textures, queued calls and launches; reading them costs nothing. */
  stats(): Readonly<GpujsStats> {
    return { ...this.#device.stats, queued: this.#device.queue?.length ?? 0 };
  }
}

/**
 * The gpu.js backend: float32 kernels on headless-gl (Node), WebGL2/WebGL
 * (browsers), WebAssembly or plain JavaScript. A mode asked for by name that
 * cannot start fails with NN_BACKEND_UNAVAILABLE; it never drops to another.
 */
export function createGpujsBackend(options: GpujsBackendOptions = {}): GpujsBackend {
  const asked = requireOneOf('gpujs mode', options.mode ?? 'auto', GPUJS_MODE_CHOICES);
  const sliceMs =
    options.sliceMs === undefined
      ? undefined
      : requirePositive('gpujs sliceMs', options.sliceMs, true);
  if (asked !== 'auto') {
    const availability = gpujsModeAvailability(asked);
    if (!availability.available) {
      throw new NNError(
        'NN_BACKEND_UNAVAILABLE',
        `gpujs mode '${asked}' cannot start: ${availability.reason}`,
      );
    }
    return new GpujsBackend(startDevice(asked, sliceMs));
  }
  const skipped: string[] = [];
  for (const mode of AUTO_ORDER) {
    const availability = gpujsModeAvailability(mode);
    if (!availability.available) {
      skipped.push(`${mode} is unavailable (${availability.reason})`);
      continue;
    }
    const software = softwareRenderer(mode);
    if (software !== undefined) {
      skipped.push(`${mode} renders in software (${software})`);
      continue;
    }
    const reason = skipped.length > 0 ? `runs ${mode} because ${skipped.join('; ')}` : undefined;
    return new GpujsBackend(startDevice(mode, sliceMs), reason);
  }
  throw new NNError('NN_BACKEND_UNAVAILABLE', `gpujs: no mode can start: ${skipped.join('; ')}`);
}

function startDevice(mode: GpujsMode, sliceMs: number | undefined): Device {
  try {
    return new Device(mode, sliceMs);
  } catch (error) {
    throw new NNError(
      'NN_BACKEND_UNAVAILABLE',
      `gpujs mode '${mode}' cannot start: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

function createDriver(device: Device, fallbackReason?: string): BackendDriver<GpujsStorage> {
  const queue = device.queue;
  const kernels: KernelTable<GpujsStorage> = {
    matMul: matMul(device),
    biasAdd: biasAdd(device),
    columnSum: columnSum(device),
    unary: unary(device),
    binary: binary(device),
    activationForward: activationForward(device),
    activationBackward: activationBackward(device),
    lossValue: lossValue(device),
    lossGradient: lossGradient(device),
    sgdUpdate: sgdUpdate(device),
    momentumUpdate: momentumUpdate(device),
    adagradUpdate: adagradUpdate(device),
    rmspropUpdate: rmspropUpdate(device),
    adamUpdate: adamUpdate(device),
    gatherRows: gatherRows(device),
    fill: fill(device),
    denseForward: denseForward(device),
    denseBackward: denseBackward(device),
  };
  return {
    name: 'gpujs',
    capabilities: {
      precision: 'float32',
      // A GL readback stalls the pipeline and WebGPU has none that is
      // synchronous; only host-memory modes read cheaply, unless calls queue.
      syncRead: !device.onDevice && queue === undefined,
      mode: device.mode,
      ...(fallbackReason === undefined ? {} : { fallbackReason }),
    },
    allocate: (size) => allocate(device, size),
    upload(storage, data) {
      const host = Float32Array.from(data);
      // With a queue, the copy must also wait its turn behind earlier calls.
      if (!device.onDevice && queue === undefined) {
        device.replace(storage, host);
        return;
      }
      device.run(
        storage,
        device.kernel(`upload:${storage.size}`, uploadKernel, storage.size),
        host,
      );
    },
    download: (storage) => download(device, storage),
    ...(queue === undefined
      ? { downloadSync: (storage: GpujsStorage) => readSync(device, storage) }
      : {}),
    release: (storage) => device.release(storage),
    liveAllocations: () => device.stats.storages,
    ...(queue === undefined ? {} : { flush: () => queue.flush() }),
    destroy: () => device.destroy(),
    kernels,
    compilePlan: (plan) => compileGpujsPlan(device, plan, (size) => allocate(device, size)),
  };
}

function allocate(device: Device, size: number): GpujsStorage {
  device.checkSize(size);
  device.stats.storages++;
  if (!device.onDevice) return { value: new Float32Array(size), size };
  // Device memory comes from the fill kernel; no host copy is made.
  const storage: GpujsStorage = { value: new Float32Array(0), size };
  fillStorage(device, storage, 0);
  return storage;
}

function readSync(device: Device, storage: GpujsStorage): Float32Array {
  device.stats.readbacks++;
  const value = storage.value;
  if (value instanceof Texture) return Float32Array.from(value.toArray() as Float32Array);
  if (value instanceof Float32Array) return value.slice();
  throw new Error('a WebGPU buffer cannot be read synchronously');
}

/**
 * Waits for queued calls, then reads without blocking where the mode can:
 * WebGPU maps its buffer; WebGL2 with sliceMs (a page's main thread) reads
 * through a fence, as a synchronous GL read waits for all the GPU's queued
 * work on the thread that asked. In a worker that wait is harmless, and the
 * synchronous read measured faster there.
 */
async function download(device: Device, storage: GpujsStorage): Promise<Float32Array> {
  await device.queue?.flush();
  const value = storage.value;
  if (value instanceof Float32Array) return readSync(device, storage);
  if (value instanceof Texture) {
    if (device.mode !== 'webgl2' || device.queue === undefined) return readSync(device, storage);
    device.stats.readbacks++;
    return device.readTextureAsync(value, storage.size);
  }
  device.stats.readbacks++;
  return Float32Array.from(await value.toArray());
}

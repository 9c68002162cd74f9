import type { Tensor } from '@nn/core';
import type { Texture } from 'gpu.js';

/** gpu.js's handle on a WebGPU storage buffer (a kernel's `pipeline` output). */
export interface WebGpuBufferHandle {
  readonly type: 'WebGPUBuffer';
  toArray(): Promise<Float32Array>;
  delete(): void;
}

/**
 * A tensor's storage: a mutable box, because a GL kernel cannot read and
 * write one texture, so every kernel renders a fresh output and swaps it in.
 * `value` is a texture in the GL modes, a WebGPU buffer handle in webgpu mode
 * and a Float32Array in webasm and cpu.
 */
export interface GpujsStorage {
  value: Texture | WebGpuBufferHandle | Float32Array;
  readonly size: number;
}

export type GpujsTensor = Tensor<GpujsStorage>;

/** What a tensor's storage box holds: a texture, a WebGPU buffer handle or host memory. */
export type StorageValue = GpujsStorage['value'];

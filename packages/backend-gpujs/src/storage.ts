import type { Tensor } from '@nn/core';
import type { Texture } from 'gpu.js';

/**
 * A tensor's storage: a mutable box, because a GL kernel cannot read and
 * write one texture, so every kernel renders a fresh output and swaps it in.
 * `value` is a texture in the GL modes and a Float32Array in webasm and cpu.
 */
export interface GpujsStorage {
  value: Texture | Float32Array;
  readonly size: number;
}

export type GpujsTensor = Tensor<GpujsStorage>;

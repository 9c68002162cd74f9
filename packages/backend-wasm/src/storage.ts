import type { Tensor } from '@nn/core';

/** A tensor's place in the module's memory: a byte offset and how many numbers start there. */
export interface WasmStorage {
  readonly ptr: number;
  readonly size: number;
}

export type WasmTensor = Tensor<WasmStorage>;

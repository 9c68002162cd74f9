import type { Tensor } from '@nn/core';

/** A CPU tensor's storage: one typed array, row-major. */
export type CpuStorage = Float64Array | Float32Array;
export type CpuTensor = Tensor<CpuStorage>;

import type { KernelVariable } from 'gpu.js';
import type { GpujsStorage } from './storage.js';

/**
 * A kernel argument: a tensor's storage (its value is taken when the kernel
 * runs, which in webgpu mode is later than the call), host data or a number.
 */
export type KernelArgument = GpujsStorage | Float32Array | number;

/** The values a kernel sees: each storage's current value, everything else as given. */
export function argumentValues(args: readonly KernelArgument[]): KernelVariable[] {
  return args.map((arg) =>
    typeof arg === 'number' || arg instanceof Float32Array ? arg : (arg.value as KernelVariable),
  );
}

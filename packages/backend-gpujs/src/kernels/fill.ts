import type { KernelTable } from '@nn/core';
import type { GpujsDevice } from '../device.js';
import type { GpujsStorage } from '../storage.js';

function fillKernel(value: number): number {
  return value;
}

/** The value is an argument: one kernel per size, whatever the value. */
export function fill(device: GpujsDevice): KernelTable<GpujsStorage>['fill'] {
  return (out, value) => fillStorage(device, out.storage, value);
}

export function fillStorage(device: GpujsDevice, storage: GpujsStorage, value: number): void {
  device.run(storage, device.kernel(`fill:${storage.size}`, fillKernel, storage.size), value);
}

import type { Backend, Tensor } from '@nn/core';
import { expect } from 'vitest';

/** Element-wise equality where NaN equals NaN. */
function same(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

/**
 * Runs one kernel call and checks what every kernel owes beside its result:
 * it writes within its tensors (seen through the driver's optional
 * `storageSize` hook, since a plain array grows silently where a typed array
 * drops the write) and leaves `inputs` as they were. A tensor the test passes
 * as its own output on purpose (in place) belongs in `outputs` only.
 */
export async function runKernel(
  backend: Backend,
  kernel: string,
  inputs: Record<string, Tensor>,
  outputs: Record<string, Tensor>,
  call: () => void,
): Promise<void> {
  const read = Object.entries(inputs);
  const before = await Promise.all(read.map(([, t]) => backend.read(t)));
  call();
  for (const [name, t] of [...read, ...Object.entries(outputs)]) {
    const size = backend.storageSize(t);
    if (size !== undefined && size !== t.size) {
      expect.fail(
        `${kernel}: ${name}'s storage holds ${size} values after the call, but the ${t.rows}×${t.cols} tensor has ${t.size}: the kernel ${size > t.size ? `writes past the end of ${name}` : `shrank ${name}`}`,
      );
    }
  }
  for (const [i, [name, t]] of read.entries()) {
    const was = before[i] as ArrayLike<number>;
    const now = await backend.read(t);
    for (let j = 0; j < was.length; j++) {
      if (!same(now[j] as number, was[j] as number)) {
        expect.fail(
          `${kernel} changed its input ${name}: [${j}] was ${was[j]}, now ${now[j]}; a kernel writes only its outputs`,
        );
      }
    }
  }
}

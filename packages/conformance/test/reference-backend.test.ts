import { describe, expect, it } from 'vitest';
import { describeBackend } from '../src/index.js';
import { createReferenceBackend } from '../src/reference-backend.js';

describeBackend('reference', () => createReferenceBackend());
describeBackend('reference with the required kernels only', () =>
  createReferenceBackend({ optionalKernels: false }),
);

describe('describeBackend', () => {
  it('refuses a backend instance where a factory belongs', () => {
    const instance = createReferenceBackend() as unknown as () => ReturnType<
      typeof createReferenceBackend
    >;
    expect(() => describeBackend('instance', instance)).toThrow(TypeError);
  });
});

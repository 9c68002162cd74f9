import { describe, expect, it } from 'vitest';
import { Backend, type BackendDriver, isNNError } from '../src/index.js';

/** A backend that stores data but implements few kernels: what a half-written backend looks like. */
function fillOnlyBackend(
  kernels: BackendDriver<Float64Array>['kernels'] = {},
): Backend<Float64Array> {
  return new Backend(fillOnlyDriver(kernels));
}

function fillOnlyDriver(
  kernels: BackendDriver<Float64Array>['kernels'] = {},
): BackendDriver<Float64Array> {
  return {
    name: 'fill-only',
    capabilities: { precision: 'float64', syncRead: false, mode: 'test' },
    allocate: (size) => new Float64Array(size),
    upload: (storage, data) => storage.set(data),
    download: (storage) => Promise.resolve(storage.slice()),
    release: () => {},
    kernels: { fill: (out, value) => out.storage.fill(value), ...kernels },
  };
}

function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('Backend', () => {
  it('names the kernel and the backend when a kernel is missing', () => {
    const backend = fillOnlyBackend();
    const a = backend.tensor([2, 2]);
    const error = errorOf(() => backend.matMul(a, a, backend.tensor([2, 2])));
    expect(isNNError(error, 'NN_KERNEL_MISSING')).toBe(true);
    expect((error as Error).message).toMatch(/'fill-only'.*'matMul'/);
  });

  it('composes denseForward from matMul, biasAdd and activationForward when it has no fused kernel', () => {
    const backend = fillOnlyBackend();
    expect(backend.hasKernel('denseForward')).toBe(false);
    const x = backend.tensor([1, 1]);
    const error = errorOf(() => backend.denseForward(x, x, x, 'sigmoid', backend.tensor([1, 1])));
    expect(isNNError(error, 'NN_KERNEL_MISSING')).toBe(true);
    expect((error as Error).message).toContain("'matMul'");
  });

  it("flush waits for the driver's flush where it has one, and resolves at once where not", async () => {
    expect(await fillOnlyBackend().flush()).toBeUndefined();
    const steps: string[] = [];
    const driver: BackendDriver<Float64Array> = {
      ...fillOnlyDriver(),
      flush: async () => {
        await Promise.resolve();
        steps.push('driver flushed');
      },
    };
    await new Backend(driver).flush();
    steps.push('flush resolved');
    expect(steps).toEqual(['driver flushed', 'flush resolved']);
  });

  it('refuses readSync on a backend that does not declare it', () => {
    const backend = fillOnlyBackend();
    const error = errorOf(() => backend.readSync(backend.tensor([1, 1])));
    expect(isNNError(error, 'NN_KERNEL_MISSING')).toBe(true);
    expect((error as Error).message).toContain('await backend.read');
  });

  it("answers storageSize and liveAllocations from the driver's optional hooks, undefined without them", () => {
    const plain = fillOnlyBackend();
    const t = plain.tensor([2, 3]);
    expect(plain.storageSize(t)).toBeUndefined();
    expect(plain.liveAllocations()).toBeUndefined();
    const live = new Set<Float64Array>();
    const backend = new Backend<Float64Array>({
      ...fillOnlyDriver(),
      allocate: (size) => {
        const storage = new Float64Array(size);
        live.add(storage);
        return storage;
      },
      release: (storage) => live.delete(storage),
      storageSize: (storage) => storage.length,
      liveAllocations: () => live.size,
    });
    const a = backend.tensor([2, 3]);
    expect(backend.storageSize(a)).toBe(6);
    expect(backend.liveAllocations()).toBe(1);
    backend.dispose(a);
    expect(backend.liveAllocations()).toBe(0);
    const error = errorOf(() => backend.storageSize(a));
    expect(isNNError(error, 'NN_TENSOR_DISPOSED')).toBe(true);
  });

  it('refuses matMul writing into one of its inputs', () => {
    const backend = fillOnlyBackend({ matMul: () => {} });
    const a = backend.tensor([2, 2]);
    expect(
      isNNError(
        errorOf(() => backend.matMul(a, a, a)),
        'NN_INVALID_ARGUMENT',
      ),
    ).toBe(true);
  });
});

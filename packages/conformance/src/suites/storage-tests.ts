import { describe, expect, it } from 'vitest';
import { recordCapabilities } from './capability-record.js';
import { expectRoundTrip, type SuiteContext, seededRng, uniform } from './context.js';

export function storageTests(context: SuiteContext): void {
  describe('storage', () => {
    it('round-trips values through tensor and read, rounded to the declared precision, each read a fresh array', async () => {
      const backend = context.backend();
      const values = uniform(seededRng(1), 12, -3, 3);
      const t = backend.tensor([3, 4], values);
      await expectRoundTrip(backend, t, values);
      expect(t.shape).toEqual([3, 4]);
      backend.dispose(t);
    });

    it('writes new values into a tensor', async () => {
      const backend = context.backend();
      const t = backend.tensor([2, 2]);
      expect(Array.from(await backend.read(t))).toEqual([0, 0, 0, 0]);
      backend.write(t, [1, 2, 3, 4]);
      expect(Array.from(await backend.read(t))).toEqual([1, 2, 3, 4]);
      backend.dispose(t);
    });

    it('reads synchronously when it declares syncRead', (test) => {
      const backend = context.backend();
      if (!backend.capabilities.syncRead) test.skip();
      const t = backend.tensor([1, 3], [1, 2, 3]);
      expect(Array.from(backend.readSync(t))).toEqual([1, 2, 3]);
      backend.dispose(t);
    });

    it('counts live tensors and bytes, and dispose frees them', () => {
      const backend = context.backend();
      const before = backend.memory();
      const t = backend.tensor([4, 8]);
      const bytes = backend.precision === 'float32' ? 4 : 8;
      expect(backend.memory()).toEqual({
        tensors: before.tensors + 1,
        bytes: before.bytes + 32 * bytes,
      });
      backend.dispose(t);
      backend.dispose(t);
      expect(backend.memory()).toEqual(before);
    });

    it("frees the driver's allocation when a tensor is disposed (driver hook liveAllocations)", async (test) => {
      const backend = context.backend();
      const before = backend.liveAllocations();
      if (before === undefined) test.skip();
      const t = backend.tensor([4, 8]);
      await backend.flush();
      expect(
        backend.liveAllocations(),
        'liveAllocations after creating a tensor (it must count what allocate made)',
      ).toBeGreaterThan(before as number);
      backend.dispose(t);
      await backend.flush();
      expect(
        backend.liveAllocations(),
        "liveAllocations after disposing the tensor (the driver's release must free it)",
      ).toBe(before);
    });

    it('declares its precision and the mode that runs', ({ task }) => {
      const backend = context.backend();
      const { capabilities } = backend;
      // Recorded before the checks, so that the capability matrix shows what a failing backend declared.
      recordCapabilities(backend, task.meta);
      expect(['float32', 'float64']).toContain(capabilities.precision);
      expect(capabilities.mode.length).toBeGreaterThan(0);
    });
  });
}

import type { Backend } from '@nn/core';
import { afterEach, beforeEach, describe, expect } from 'vitest';
import type { BackendFactory, ConformanceOptions, SuiteContext } from './suites/context.js';
import { errorTests } from './suites/error-tests.js';
import { gradientTests } from './suites/gradient-tests.js';
import { kernelTests } from './suites/kernel-tests.js';
import { precisionTests } from './suites/precision-tests.js';
import { storageTests } from './suites/storage-tests.js';
import { trainingTests } from './suites/training-tests.js';

/**
 * Registers the whole conformance suite for one backend. `factory` is called
 * before every test and the backend destroyed after it; a test that passes but
 * leaves a tensor alive (or, where the driver counts them, an allocation)
 * fails. Tolerances come from the backend's declared precision.
 */
export function describeBackend(
  name: string,
  factory: BackendFactory,
  options: ConformanceOptions = {},
): void {
  if (typeof factory !== 'function') {
    throw new TypeError(
      `describeBackend('${name}'): pass a factory, () => backend, not a backend instance`,
    );
  }
  describe(`@nn/conformance: ${name}`, () => {
    let current: Backend | undefined;
    let tensorsAtStart = 0;
    let allocationsAtStart: number | undefined;
    const context: SuiteContext = {
      backend: () => {
        if (current === undefined) throw new Error('the backend exists only while a test runs');
        return current;
      },
      factory,
      options,
    };

    beforeEach(async () => {
      current = await factory();
      tensorsAtStart = current.memory().tensors;
      allocationsAtStart = current.liveAllocations();
    });

    afterEach(async ({ task }) => {
      const backend = current;
      current = undefined;
      if (backend === undefined) return;
      try {
        // A failed test says what went wrong; the tensors it left behind are no news.
        if (task.result?.state === 'fail') return;
        await backend.flush();
        const tensors = backend.memory().tensors;
        if (tensors !== tensorsAtStart) {
          expect.fail(
            `leak: ${tensors} live tensors after the test, ${tensorsAtStart} before it; every tensor a test makes must be disposed`,
          );
        }
        const allocations = backend.liveAllocations();
        if (allocations !== allocationsAtStart) {
          expect.fail(
            `driver leak: liveAllocations() is ${allocations} after the test, ${allocationsAtStart} before it, although every tensor was disposed; the driver's release must free what allocate made`,
          );
        }
      } finally {
        backend.destroy();
      }
    });

    storageTests(context);
    precisionTests(context);
    kernelTests(context);
    gradientTests(context);
    errorTests(context);
    trainingTests(context);
    options.additionalTests?.(context);
  });
}

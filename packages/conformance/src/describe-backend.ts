import type { Backend } from '@nn/core';
import { afterEach, beforeEach, describe, expect } from 'vitest';
import type { BackendFactory, ConformanceOptions, SuiteContext } from './suites/context.js';
import { errorTests } from './suites/error-tests.js';
import { gradientTests } from './suites/gradient-tests.js';
import { kernelTests } from './suites/kernel-tests.js';
import { trainingTests } from './suites/training-tests.js';

/**
 * Registers the whole conformance suite for one backend. `factory` is called
 * before every test and the backend destroyed after it; a test that leaves a
 * tensor alive fails. Tolerances come from the backend's declared precision.
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
    let liveAtStart = 0;
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
      liveAtStart = current.memory().tensors;
    });

    afterEach(() => {
      const backend = current;
      current = undefined;
      if (backend === undefined) return;
      const live = backend.memory().tensors;
      backend.destroy();
      expect(live, 'live tensors after the test (a leak if more than before)').toBe(liveAtStart);
    });

    kernelTests(context);
    gradientTests(context);
    errorTests(context);
    trainingTests(context);
    options.additionalTests?.(context);
  });
}

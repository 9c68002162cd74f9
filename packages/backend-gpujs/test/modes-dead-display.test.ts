import { isNNError } from '@nn/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createGpujsBackend } from '../src/index.js';

// A display that no X server answers, set before headless-gl's first try in this worker.
const display = process.env.DISPLAY;
process.env.DISPLAY = ':999';
afterAll(() => {
  process.env.DISPLAY = display;
});

describe.runIf(process.platform === 'linux')('gpujs with a dead X display', () => {
  it('says the display does not answer, not that the native module is missing', () => {
    let error: unknown;
    try {
      createGpujsBackend({ mode: 'headlessgl' });
    } catch (caught) {
      error = caught;
    }
    expect(isNNError(error, 'NN_BACKEND_UNAVAILABLE')).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain('cannot open the X display DISPLAY=:999');
    expect(message).not.toContain('missing or failed to build');
  });
});

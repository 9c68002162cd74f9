import { textbookData } from '@nn/core';
import { describe, expect, it } from 'vitest';
import { brainTextbookRun, loadBrain } from '../src/index.js';

describe('the brain.js contender', () => {
  it('runs every one of the 2001 iterations and learns the mapped sin curve', async () => {
    const { error, iterations } = brainTextbookRun(await loadBrain(), 3, 0.1, 2001);
    expect(iterations).toBe(2001);
    // What predicting the mean of the mapped targets (t + 1) / 2 would score: their variance.
    const { t, samples } = textbookData();
    const mapped = Array.from(t, (v) => (v + 1) / 2);
    const mean = mapped.reduce((s, v) => s + v, 0) / samples;
    const variance = mapped.reduce((s, v) => s + (v - mean) ** 2, 0) / samples;
    expect(error).toBeLessThan(variance / 2);
  });
});

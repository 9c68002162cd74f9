import { describe, expect, it } from 'vitest';
import { TEXTBOOK, textbookData } from '../src/index.js';

describe('textbook data', () => {
  it('is arange(0, 2π, 0.1) rescaled to [-1, 1), with sin targets', () => {
    const { x, t, samples } = textbookData();
    expect(samples).toBe(63);
    expect(x).toHaveLength(63);
    expect(x[0]).toBe(-1);
    expect(Math.max(...Array.from(x))).toBeLessThan(1);
    for (let i = 0; i < samples; i++) {
      expect(t[i]).toBe(Math.sin(i * 0.1));
      expect(x[i]).toBe((i * 0.1 - Math.PI) / Math.PI);
    }
  });

  it('keeps the book settings', () => {
    expect(TEXTBOOK).toMatchObject({
      hidden: [3],
      eta: 0.1,
      epochs: 2001,
      interval: 200,
      batchSize: 1,
      wbWidth: 0.01,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { MAX_PARAMETERS, parameterCount, widestThatFits } from '../src/network-size.js';

describe('network size', () => {
  it('counts weights and biases: the book’s 1-3-1 network has 10', () => {
    expect(parameterCount([1, 3, 1])).toBe(3 + 3 + 3 + 1);
    expect(parameterCount([1, 8, 8, 1])).toBe(16 + 72 + 9);
  });

  it('finds the widest equal layers that fit, and one unit more does not', () => {
    for (const layers of [2, 3, 40]) {
      const width = widestThatFits(layers, 4096);
      const count = (w: number) => parameterCount([1, ...Array(layers).fill(w), 1]);
      expect(count(width)).toBeLessThanOrEqual(MAX_PARAMETERS);
      expect(count(width + 1)).toBeGreaterThan(MAX_PARAMETERS);
    }
    expect(widestThatFits(1, 4096)).toBe(4096);
  });
});

import { describe, expect, it } from 'vitest';
import { DefaultRng } from '../src/index.js';

describe('DefaultRng', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = new DefaultRng(7);
    const b = new DefaultRng(7);
    const c = new DefaultRng(8);
    const seqA = Array.from({ length: 8 }, () => a.random());
    expect(Array.from({ length: 8 }, () => b.random())).toEqual(seqA);
    expect(Array.from({ length: 8 }, () => c.random())).not.toEqual(seqA);
  });

  it('draws uniforms in [0, 1) and normals with mean 0 and variance 1', () => {
    const rng = new DefaultRng(123);
    const n = 200_000;
    let sum = 0;
    let sumSquares = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.random();
      expect(u >= 0 && u < 1).toBe(true);
      const z = rng.normal();
      sum += z;
      sumSquares += z * z;
    }
    // Five standard errors: the mean's is 1/√n, the variance's √(2/n).
    expect(Math.abs(sum / n)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(sumSquares / n - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
  });

  it('shuffles into a permutation, each position uniformly', () => {
    const rng = new DefaultRng(99);
    const n = 5;
    const trials = 50_000;
    const counts = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (let t = 0; t < trials; t++) {
      const order = Int32Array.from({ length: n }, (_, i) => i);
      rng.shuffle(order);
      expect([...order].sort()).toEqual([0, 1, 2, 3, 4]);
      order.forEach((value, position) => {
        const row = counts[position] as number[];
        row[value] = (row[value] as number) + 1;
      });
    }
    // Each count is Binomial(trials, 1/n): mean 10,000, standard deviation ~89.
    const sd = Math.sqrt((trials * (n - 1)) / (n * n));
    for (const row of counts)
      for (const count of row) expect(Math.abs(count - trials / n)).toBeLessThan(5 * sd);
  });
});

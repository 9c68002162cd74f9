import { MAX_CHART_POINTS } from '@nn/core';
import { describe, expect, it } from 'vitest';
import { chartSample } from '../src/chart-sample.js';

describe('chartSample', () => {
  it('keeps every row of a small data set', () => {
    const x = [0.3, -1, 2];
    const t = [1, 2, 3];
    expect(chartSample(x, t)).toEqual({ x: Float64Array.from(x), t: Float64Array.from(t) });
  });

  it('draws at most MAX_CHART_POINTS rows of a large one, spread over it, extremes included', () => {
    const rows = 1_000_003;
    const x = Float64Array.from({ length: rows }, (_, i) => Math.sin(i));
    const t = Float64Array.from({ length: rows }, (_, i) => (i === 777_777 ? 50 : Math.cos(i)));
    const sample = chartSample(x, t);
    expect(sample.x.length).toBeLessThanOrEqual(MAX_CHART_POINTS);
    expect(sample.x.length).toBeGreaterThan(MAX_CHART_POINTS - 5);
    const extreme = (values: Float64Array, pick: (a: number, b: number) => number) =>
      values.reduce((a, b) => pick(a, b));
    expect(extreme(sample.x, Math.min)).toBe(extreme(x, Math.min));
    expect(extreme(sample.x, Math.max)).toBe(extreme(x, Math.max));
    expect(extreme(sample.t, Math.max)).toBe(50);
    // Pairs stay pairs: each sampled (x, t) is a row of the data (sin(i) differs for every row).
    for (const k of [0, 250, 500, sample.x.length - 1]) {
      expect(sample.t[k]).toBe(t[x.indexOf(sample.x[k] as number)]);
    }
  });
});

import type { Chart } from 'chart.js';
import { describe, expect, it } from 'vitest';
import {
  CLASS_STYLES,
  type ClassificationFrame,
  classificationChartConfig,
  decisionSurfacePlugin,
  predictedClasses,
  surfaceColor,
  surfaceInputs,
} from '../src/index.js';

// The book's 21 × 21 grid, x the outer loop.
const grid = Array.from({ length: 21 }, (_, i) => -1 + i * 0.1);
const points = grid.flatMap((x) => grid.flatMap((y) => [x, y]));
const above = (x: number, y: number) => y >= Math.sin(Math.PI * x);
// Outputs as the book's network would give them when right everywhere: y[0] > y[1] above the curve.
const outputs = grid.flatMap((x) => grid.flatMap((y) => (above(x, y) ? [0.9, 0.1] : [0.2, 0.8])));
const frame: ClassificationFrame = {
  points,
  predictions: outputs,
  epoch: 100,
  epochs: 101,
  error: 0.0625271234,
};

function tint(c: 0 | 1): string {
  return `rgb(${CLASS_STYLES[c].tint.join(', ')})`;
}

describe('classificationChartConfig', () => {
  it('draws class 1 (y[0] > y[1]) as "+" and class 2 as "x", each point once', () => {
    const [, class1, class2] = classificationChartConfig(frame).data.datasets;
    expect(class1?.pointStyle).toBe('cross');
    expect(class2?.pointStyle).toBe('crossRot');
    expect(class1?.showLine).toBe(false);
    expect((class1?.data.length ?? 0) + (class2?.data.length ?? 0)).toBe(441);
    expect(class1?.data.every((p) => above(p.x, p.y))).toBe(true);
    expect(class2?.data.every((p) => !above(p.x, p.y))).toBe(true);
    expect(class1?.data).toContainEqual({ x: -1, y: 1 });
    expect(class2?.data).toContainEqual({ x: 1, y: -1 });
    expect(class1?.borderColor).not.toBe(class2?.borderColor);
  });

  it('takes a class index per point as well as the two outputs, and a tie is class 2 as in the book', () => {
    expect(Array.from(predictedClasses({ points: [0, 0, 1, 1], predictions: [1, 0] }))).toEqual([
      1, 0,
    ]);
    expect(
      Array.from(predictedClasses({ points: [0, 0, 1, 1], predictions: [0.5, 0.5, 0.7, 0.3] })),
    ).toEqual([1, 0]);
    const byIndex = classificationChartConfig({
      ...frame,
      predictions: Array.from(predictedClasses(frame)),
    });
    expect(byIndex.data).toEqual(classificationChartConfig(frame).data);
  });

  it('draws y = sin(πx) as a dashed curve across [-1, 1]', () => {
    const [curve] = classificationChartConfig(frame).data.datasets;
    expect(curve?.showLine).toBe(true);
    expect(curve?.borderDash).toEqual([6, 4]);
    expect(curve?.pointRadius).toBe(0);
    expect(curve?.data[0]).toEqual({ x: -1, y: Math.sin(-Math.PI) });
    expect(curve?.data.at(-1)?.x).toBe(1);
    for (const p of curve?.data ?? []) expect(p.y).toBeCloseTo(Math.sin(Math.PI * p.x), 12);
  });

  it('fixes both axes to [-1, 1] whatever the predictions, and titles "Epoch i/N  Error e"', () => {
    const { options } = classificationChartConfig(frame);
    expect(options?.scales?.x).toMatchObject({ type: 'linear', min: -1, max: 1 });
    expect(options?.scales?.y).toMatchObject({ type: 'linear', min: -1, max: 1 });
    expect(options?.plugins?.title?.text).toBe('Epoch 100/101  Error 0.0625271');
    expect(options?.animation).toBe(false);
    expect(options?.responsive).toBe(false);
  });

  it('carries the surface plugin and hands it the surface through its options', () => {
    const surface = { cols: 2, rows: 2, probabilities: [1, 0, 0.5, 0.25] };
    const config = classificationChartConfig({ ...frame, surface });
    expect(config.plugins).toContain(decisionSurfacePlugin);
    expect(config.options?.plugins?.nnDecisionSurface?.surface).toBe(surface);
    expect(classificationChartConfig(frame).options?.plugins?.nnDecisionSurface?.surface).toBe(
      undefined,
    );
  });

  it('rejects predictions, points and surfaces whose sizes do not agree', () => {
    expect(() => classificationChartConfig({ ...frame, predictions: [1, 0, 1] })).toThrow(
      /3 predictions for 441 points/,
    );
    expect(() => classificationChartConfig({ ...frame, points: [0, 0, 1] })).toThrow(
      /3 point coordinates/,
    );
    expect(() => predictedClasses({ points: [0, 0], predictions: [2] })).toThrow(/class index 2/);
    expect(() =>
      classificationChartConfig({
        ...frame,
        surface: { cols: 50, rows: 50, probabilities: new Float64Array(2499) },
      }),
    ).toThrow(/2499 probabilities for 50×50 cells/);
    expect(() => surfaceInputs(0, 3)).toThrow(/cols 0/);
  });
});

describe('surfaceInputs', () => {
  it('lists the cell centres row by row, row 0 at the bottom (y = -1), column 0 at the left', () => {
    const inputs = Array.from(surfaceInputs(4, 2));
    expect(inputs).toHaveLength(16);
    expect(inputs.slice(0, 2)).toEqual([-0.75, -0.5]);
    expect(inputs.slice(2, 4)).toEqual([-0.25, -0.5]);
    expect(inputs.slice(8, 10)).toEqual([-0.75, 0.5]);
    expect(inputs.slice(14, 16)).toEqual([0.75, 0.5]);
  });
});

describe('surfaceColor', () => {
  it("is class 1's tint where p = 1, class 2's where p = 0, white on the boundary", () => {
    expect(surfaceColor(1)).toBe(tint(0));
    expect(surfaceColor(0)).toBe(tint(1));
    expect(surfaceColor(0.5)).toBe('rgb(255, 255, 255)');
  });

  it('fades linearly from white to the tint with the certainty |2p - 1|', () => {
    const [r, g, b] = CLASS_STYLES[0].tint;
    const half = (c: number) => Math.round(255 + (c - 255) / 2);
    expect(surfaceColor(0.75)).toBe(`rgb(${half(r)}, ${half(g)}, ${half(b)})`);
    const [r2, g2, b2] = CLASS_STYLES[1].tint;
    expect(surfaceColor(0.25)).toBe(`rgb(${half(r2)}, ${half(g2)}, ${half(b2)})`);
  });

  it('clamps probabilities outside [0, 1] and greys out non-finite ones', () => {
    expect(surfaceColor(1.5)).toBe(tint(0));
    expect(surfaceColor(-0.1)).toBe(tint(1));
    expect(surfaceColor(Number.NaN)).toBe('rgb(204, 204, 204)');
  });
});

describe('decisionSurfacePlugin', () => {
  // A chart area from pixel 40 to 440 across and 20 to 420 down: 200 pixels per data unit, y up.
  const scale = (zero: number, perUnit: number) => ({
    getPixelForValue: (v: number) => zero + v * perUnit,
  });
  function draw(options: object): { color: string; x: number; y: number; w: number; h: number }[] {
    const cells: { color: string; x: number; y: number; w: number; h: number }[] = [];
    const ctx = {
      fillStyle: '',
      save() {},
      restore() {},
      beginPath() {},
      rect() {},
      clip() {},
      fillRect(x: number, y: number, w: number, h: number) {
        cells.push({ color: this.fillStyle, x, y, w, h });
      },
    };
    const chart = {
      ctx,
      chartArea: { left: 40, top: 20, width: 400, height: 400 },
      scales: { x: scale(240, 200), y: scale(220, -200) },
    } as unknown as Chart<'scatter'>;
    decisionSurfacePlugin.beforeDatasetsDraw?.(chart, { cancelable: true }, options);
    return cells;
  }

  it("fills each cell with its probability's colour, row 0 at the bottom, tiling the area without gaps", () => {
    const cells = draw({ surface: { cols: 2, rows: 2, probabilities: [1, 0, 0.5, 0.75] } });
    expect(cells).toEqual([
      { color: surfaceColor(1), x: 40, y: 220, w: 200, h: 200 },
      { color: surfaceColor(0), x: 240, y: 220, w: 200, h: 200 },
      { color: surfaceColor(0.5), x: 40, y: 20, w: 200, h: 200 },
      { color: surfaceColor(0.75), x: 240, y: 20, w: 200, h: 200 },
    ]);
  });

  it('puts cell edges on whole pixels, so neighbours meet without seams', () => {
    const cells = draw({ surface: { cols: 3, rows: 1, probabilities: [0, 0.5, 1] } });
    expect(cells.map((c) => [c.x, c.w])).toEqual([
      [40, 133],
      [173, 134],
      [307, 133],
    ]);
  });

  it('draws nothing without a surface', () => {
    expect(draw({})).toEqual([]);
  });
});

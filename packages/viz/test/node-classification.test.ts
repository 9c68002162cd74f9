import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import {
  CLASS_STYLES,
  type ClassificationFrame,
  classificationChartConfig,
  regressionChartConfig,
  surfaceInputs,
} from '../src/index.js';
import {
  ChartRenderer,
  CLASSIFICATION_CHART_SIZE,
  renderClassificationGif,
  renderClassificationPng,
} from '../src/node/index.js';
import { commonestColor, decodeGif, distance, hexColor, pixelsNear, type Rgb } from './pixels.js';

const grid = Array.from({ length: 21 }, (_, i) => -1 + i * 0.1);
const points = grid.flatMap((x) => grid.flatMap((y) => [x, y]));
const above = (x: number, y: number) => y >= Math.sin(Math.PI * x);
const outputs = grid.flatMap((x) => grid.flatMap((y) => (above(x, y) ? [0.9, 0.1] : [0.2, 0.8])));

/** A 50 × 50 surface that is sure everywhere: P(class 1) = 1 above the curve, 0 below; or undecided (0.5). */
function surface(sure: boolean): ClassificationFrame['surface'] {
  const inputs = surfaceInputs(50, 50);
  const probabilities = Float64Array.from({ length: 2500 }, (_, i) =>
    sure ? Number(above(inputs[2 * i] as number, inputs[2 * i + 1] as number)) : 0.5,
  );
  return { cols: 50, rows: 50, probabilities };
}

const final: ClassificationFrame = {
  points,
  predictions: outputs,
  surface: surface(true),
  epoch: 100,
  epochs: 101,
  error: 0.0625,
};
const { width: W, height: H } = CLASSIFICATION_CHART_SIZE;
// Image spots surely inside the chart area: upper left is x < 0, y > 0 (above sin(πx) ≤ 0, class 1),
// lower right is x > 0, y < 0 (below sin(πx) ≥ 0, class 2).
const UPPER_LEFT = [0.28 * W, 0.28 * H] as const;
const LOWER_RIGHT = [0.78 * W, 0.72 * H] as const;
const WHITE: Rgb = [255, 255, 255];

describe('renderClassificationPng', () => {
  const png = PNG.sync.read(renderClassificationPng(final));

  it('writes a 480×520 PNG, about square axes for the [-1, 1]² square', () => {
    expect([png.width, png.height]).toEqual([480, 520]);
  });

  it("shades class 1's region with its tint and class 2's with its own", () => {
    expect(commonestColor(png.data, W, ...UPPER_LEFT)).toEqual(CLASS_STYLES[0].tint);
    expect(commonestColor(png.data, W, ...LOWER_RIGHT)).toEqual(CLASS_STYLES[1].tint);
  });

  it('draws the markers of both classes in their own colours over the surface', () => {
    for (const style of CLASS_STYLES) {
      // 441 markers of two 9-pixel strokes, about half of them each class's.
      expect(pixelsNear(png.data, hexColor(style.marker), 24)).toBeGreaterThan(1500);
    }
  });

  it('puts the surface row 0 at the bottom and column 0 at the left, as surfaceInputs lists them', () => {
    const inputs = surfaceInputs(50, 50);
    // P(class 1) = 1 in the upper left quadrant (x < 0, y > 0) only.
    const probabilities = Float64Array.from({ length: 2500 }, (_, i) =>
      Number((inputs[2 * i] as number) < 0 && (inputs[2 * i + 1] as number) > 0),
    );
    const quadrant = PNG.sync.read(
      renderClassificationPng({ ...final, surface: { cols: 50, rows: 50, probabilities } }),
    );
    expect(commonestColor(quadrant.data, W, ...UPPER_LEFT)).toEqual(CLASS_STYLES[0].tint);
    expect(commonestColor(quadrant.data, W, ...LOWER_RIGHT)).toEqual(CLASS_STYLES[1].tint);
    expect(commonestColor(quadrant.data, W, LOWER_RIGHT[0], UPPER_LEFT[1])).toEqual(
      CLASS_STYLES[1].tint,
    );
    expect(commonestColor(quadrant.data, W, UPPER_LEFT[0], LOWER_RIGHT[1])).toEqual(
      CLASS_STYLES[1].tint,
    );
  });

  it('leaves the chart area white without a surface', () => {
    const { surface: _, ...bare } = final;
    const plain = PNG.sync.read(renderClassificationPng(bare));
    expect(commonestColor(plain.data, W, ...UPPER_LEFT)).toEqual(WHITE);
    expect(commonestColor(plain.data, W, ...LOWER_RIGHT)).toEqual(WHITE);
  });
});

describe('renderClassificationGif', () => {
  const frames: ClassificationFrame[] = [
    { ...final, surface: surface(false), epoch: 0, error: 0.7 },
    { ...final, surface: surface(true), epoch: 50, error: 0.1 },
    final,
  ];
  const { reader, frames: decoded } = decodeGif(renderClassificationGif(frames));

  it('writes one 480×520 frame per training frame, looping, the last one held longer', () => {
    expect(reader.numFrames()).toBe(3);
    expect([reader.width, reader.height]).toEqual([480, 520]);
    expect(reader.loopCount()).toBe(0);
    expect(reader.frameInfo(2).delay).toBeGreaterThan(reader.frameInfo(0).delay);
  });

  it('shows the surface as it was in each frame: undecided (white), then sure', () => {
    const [first, , last] = decoded as [Uint8Array, Uint8Array, Uint8Array];
    expect(commonestColor(first, W, ...UPPER_LEFT)).toEqual(WHITE);
    // The GIF's 256-colour palette may move a colour slightly.
    expect(distance(commonestColor(last, W, ...UPPER_LEFT), CLASS_STYLES[0].tint)).toBeLessThan(8);
    expect(distance(commonestColor(last, W, ...LOWER_RIGHT), CLASS_STYLES[1].tint)).toBeLessThan(8);
  });
});

describe('ChartRenderer', () => {
  it('draws one kind of chart after another, each with its own plugins', () => {
    const x = Array.from({ length: 63 }, (_, i) => (i * 0.1 - Math.PI) / Math.PI);
    const target = x.map((v) => Math.sin(Math.PI * v));
    const regression = regressionChartConfig({
      x,
      target,
      predictions: target,
      epoch: 0,
      epochs: 1,
      error: 0,
    });
    const renderer = new ChartRenderer(CLASSIFICATION_CHART_SIZE);
    try {
      renderer.draw(regression);
      expect(commonestColor(renderer.pixels() as unknown as Uint8Array, W, ...LOWER_RIGHT)).toEqual(
        WHITE,
      );
      renderer.draw(classificationChartConfig(final));
      expect(commonestColor(renderer.pixels() as unknown as Uint8Array, W, ...LOWER_RIGHT)).toEqual(
        CLASS_STYLES[1].tint,
      );
      renderer.draw(
        regressionChartConfig({ x, target, predictions: target, epoch: 1, epochs: 1, error: 0 }),
      );
      expect(commonestColor(renderer.pixels() as unknown as Uint8Array, W, ...LOWER_RIGHT)).toEqual(
        WHITE,
      );
    } finally {
      renderer.destroy();
    }
  });
});

import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import {
  type ErrorCurvesFrame,
  errorCurvesBounds,
  errorCurvesChartConfig,
  growErrorCurves,
} from '../src/index.js';
import { ChartRenderer, renderErrorCurvesGif, renderErrorCurvesPng } from '../src/node/index.js';
import { decodeGif, hexColor, pixelsNear, sameRegion } from './pixels.js';

const iris: ErrorCurvesFrame = {
  epochs: [0, 100, 200, 300, 400, 500, 600, 700, 800, 900],
  train: [
    1.09003, 0.05938, 0.03719, 0.02793, 0.02248, 0.0186, 0.01571, 0.01353, 0.01178, 0.0102918,
  ],
  test: [1.08968, 0.0843, 0.07323, 0.07036, 0.06921, 0.06807, 0.06843, 0.06917, 0.0695, 0.0703059],
  epochsTotal: 1000,
  accuracy: { train: 100, test: (73 / 75) * 100 },
};
const config = errorCurvesChartConfig(iris);
const TRAIN = hexColor(config.data.datasets[0]?.borderColor as string);
const TEST = hexColor(config.data.datasets[1]?.borderColor as string);

describe('renderErrorCurvesPng', () => {
  it('draws both curves in their colours on a 480×320 PNG', () => {
    const png = PNG.sync.read(renderErrorCurvesPng(iris));
    expect([png.width, png.height]).toEqual([480, 320]);
    // Two lines across ~400 pixels of epochs, plus their markers and legend keys.
    expect(pixelsNear(png.data, TRAIN, 16)).toBeGreaterThan(400);
    expect(pixelsNear(png.data, TEST, 16)).toBeGreaterThan(400);
  });

  it('draws only the train curve without a test set', () => {
    const { test: _, ...trainOnly } = iris;
    const png = PNG.sync.read(renderErrorCurvesPng(trainOnly));
    expect(pixelsNear(png.data, TRAIN, 16)).toBeGreaterThan(400);
    expect(pixelsNear(png.data, TEST, 16)).toBe(0);
  });
});

describe('renderErrorCurvesGif', () => {
  const frames = growErrorCurves(iris);
  const { reader, frames: decoded } = decodeGif(renderErrorCurvesGif(frames));

  it('writes one frame per reported epoch', () => {
    expect(reader.numFrames()).toBe(10);
    expect([reader.width, reader.height]).toEqual([480, 320]);
    expect(reader.loopCount()).toBe(0);
  });

  it('grows the curves from frame to frame', () => {
    const drawn = decoded.map((rgba) => pixelsNear(rgba, TEST, 24));
    expect(drawn[9]).toBeGreaterThan(2 * (drawn[1] as number));
    for (let i = 2; i < 10; i++) expect(drawn[i]).toBeGreaterThanOrEqual(drawn[i - 1] as number);
  });
});

describe('error curves frames on shared bounds', () => {
  // The y tick labels and axis title: they move if the axis or the plot area moves.
  const yAxisStrip = { x0: 0, x1: 36, y0: 40, y1: 260 };

  function pixels(configs: ReturnType<typeof errorCurvesChartConfig>[]): Uint8Array[] {
    const renderer = new ChartRenderer();
    try {
      return configs.map((c) => {
        renderer.draw(c);
        return Uint8Array.from(renderer.pixels());
      });
    } finally {
      renderer.destroy();
    }
  }

  it('keep the axes where they are when the accuracy line arrives on the last frame', () => {
    const frames = growErrorCurves(iris);
    const bounds = errorCurvesBounds(frames);
    const [first, last] = pixels([
      errorCurvesChartConfig(frames[0] as ErrorCurvesFrame, bounds),
      errorCurvesChartConfig(frames[9] as ErrorCurvesFrame, bounds),
    ]);
    expect(sameRegion(first as Uint8Array, last as Uint8Array, 480, yAxisStrip)).toBe(true);
    // Each frame on its own bounds: the second title line squeezes the plot.
    const [alone, withAccuracy] = pixels([
      errorCurvesChartConfig(frames[0] as ErrorCurvesFrame),
      errorCurvesChartConfig(frames[9] as ErrorCurvesFrame),
    ]);
    expect(sameRegion(alone as Uint8Array, withAccuracy as Uint8Array, 480, yAxisStrip)).toBe(
      false,
    );
  });
});

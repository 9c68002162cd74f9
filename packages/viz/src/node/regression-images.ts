import { type ChartSize, DEFAULT_CHART_SIZE } from '../export-style.js';
import {
  type RegressionFrame,
  regressionBounds,
  regressionChartConfig,
} from '../regression-chart.js';
import { type ChartGifOptions, renderChartGif, renderChartPng } from './render-chart.js';

export type RegressionGifOptions = ChartGifOptions;

/** The regression chart of one frame as PNG bytes (480×320 by default). */
export function renderRegressionPng(
  frame: RegressionFrame,
  size: ChartSize = DEFAULT_CHART_SIZE,
): Buffer {
  return renderChartPng(regressionChartConfig(frame), size);
}

/** The training as an animated GIF: one regression chart per frame, axes fixed by the first. */
export function renderRegressionGif(
  frames: readonly RegressionFrame[],
  options: RegressionGifOptions = {},
): Uint8Array {
  const first = frames[0];
  const bounds = first === undefined ? undefined : regressionBounds(first.x, first.target);
  return renderChartGif(frames, (frame) => regressionChartConfig(frame, bounds), options);
}

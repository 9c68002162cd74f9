import {
  type ErrorCurvesFrame,
  errorCurvesBounds,
  errorCurvesChartConfig,
} from '../error-curves-chart.js';
import { type ChartSize, DEFAULT_CHART_SIZE } from '../export-style.js';
import { type ChartGifOptions, renderChartGif, renderChartPng } from './render-chart.js';

/** The chapter-6 error curves of one frame as PNG bytes (480×320 by default). */
export function renderErrorCurvesPng(
  frame: ErrorCurvesFrame,
  size: ChartSize = DEFAULT_CHART_SIZE,
): Buffer {
  return renderChartPng(errorCurvesChartConfig(frame), size);
}

/**
 * The training as an animated GIF of growing error curves, one frame per
 * entry of `frames` (growErrorCurves(final) gives one per reported epoch),
 * on axes that hold every frame, so none jumps.
 */
export function renderErrorCurvesGif(
  frames: readonly ErrorCurvesFrame[],
  options: ChartGifOptions = {},
): Uint8Array {
  const bounds = errorCurvesBounds(frames);
  return renderChartGif(frames, (frame) => errorCurvesChartConfig(frame, bounds), options);
}

import { type ClassificationFrame, classificationChartConfig } from '../classification-chart.js';
import { type ChartSize, CLASSIFICATION_CHART_SIZE } from '../export-style.js';
import { type ChartGifOptions, renderChartGif, renderChartPng } from './render-chart.js';

/** The §5.10 chart of one frame as PNG bytes (480×520 by default: square axes). */
export function renderClassificationPng(
  frame: ClassificationFrame,
  size: ChartSize = CLASSIFICATION_CHART_SIZE,
): Buffer {
  return renderChartPng(classificationChartConfig(frame), size);
}

/** The training as an animated GIF: one §5.10 chart per reported epoch, on the fixed [-1, 1]² axes. */
export function renderClassificationGif(
  frames: Iterable<ClassificationFrame>,
  options: ChartGifOptions = {},
): Uint8Array {
  return renderChartGif(frames, classificationChartConfig, {
    ...options,
    size: options.size ?? CLASSIFICATION_CHART_SIZE,
  });
}

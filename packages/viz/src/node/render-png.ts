import { type ChartSize, DEFAULT_CHART_SIZE } from '../export-style.js';
import type { RegressionFrame } from '../regression-chart.js';
import { ChartRenderer } from './chart-renderer.js';

/** The regression chart of one frame as PNG bytes. */
export function renderRegressionPng(
  frame: RegressionFrame,
  size: ChartSize = DEFAULT_CHART_SIZE,
): Buffer {
  const renderer = new ChartRenderer(size);
  try {
    renderer.draw(frame);
    return renderer.png();
  } finally {
    renderer.destroy();
  }
}

import { encodeGif } from '../encode-gif.js';
import { type ChartSize, DEFAULT_CHART_SIZE } from '../export-style.js';
import type { RegressionFrame } from '../regression-chart.js';
import { ChartRenderer } from './chart-renderer.js';

export interface RegressionGifOptions {
  size?: ChartSize;
  delayMs?: number;
  lastDelayMs?: number;
}

/** The training as an animated GIF: one regression chart per frame, axes fixed by the first. */
export function renderRegressionGif(
  frames: readonly RegressionFrame[],
  options: RegressionGifOptions = {},
): Uint8Array {
  const size = options.size ?? DEFAULT_CHART_SIZE;
  const renderer = new ChartRenderer(size);
  try {
    const pixels = frames.map((frame) => {
      renderer.draw(frame);
      return renderer.pixels().slice();
    });
    return encodeGif(pixels, {
      ...size,
      delayMs: options.delayMs,
      lastDelayMs: options.lastDelayMs,
    });
  } finally {
    renderer.destroy();
  }
}

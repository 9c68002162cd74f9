import { GifWriter } from '../encode-gif.js';
import { type ChartSize, DEFAULT_CHART_SIZE } from '../export-style.js';
import type { ScatterChartConfig } from '../scatter-chart.js';
import { ChartRenderer } from './chart-renderer.js';

export interface ChartGifOptions {
  size?: ChartSize;
  /** Milliseconds per frame (default 500). */
  delayMs?: number;
  /** Milliseconds the last frame stays (default 2000). */
  lastDelayMs?: number;
}

/** One chart as PNG bytes. */
export function renderChartPng(
  config: ScatterChartConfig,
  size: ChartSize = DEFAULT_CHART_SIZE,
): Buffer {
  const renderer = new ChartRenderer(size);
  try {
    renderer.draw(config);
    return renderer.png();
  } finally {
    renderer.destroy();
  }
}

/**
 * An animated GIF, one chart per frame, looping forever. Each frame's config
 * is built, drawn and encoded before the next is built, so memory holds one
 * frame's pixels and the compressed GIF, however many frames there are.
 */
export function renderChartGif<F>(
  frames: Iterable<F>,
  toConfig: (frame: F) => ScatterChartConfig,
  options: ChartGifOptions = {},
): Uint8Array {
  const size = options.size ?? DEFAULT_CHART_SIZE;
  const writer = new GifWriter({
    ...size,
    ...(options.delayMs === undefined ? {} : { delayMs: options.delayMs }),
    ...(options.lastDelayMs === undefined ? {} : { lastDelayMs: options.lastDelayMs }),
  });
  const renderer = new ChartRenderer(size);
  try {
    for (const frame of frames) {
      renderer.draw(toConfig(frame));
      writer.add(renderer.pixels());
    }
  } finally {
    renderer.destroy();
  }
  return writer.finish();
}

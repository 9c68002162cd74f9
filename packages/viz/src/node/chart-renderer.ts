import { type Canvas, createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { Chart, type ChartItem, type Plugin } from 'chart.js';
import { chartComponents } from '../chart-components.js';
import { type ChartSize, DEFAULT_CHART_SIZE, whiteBackground } from '../export-style.js';
import type { ScatterChartConfig, XY } from '../scatter-chart.js';
import { registerBundledFont } from './bundled-font.js';

let chartReady = false;

/**
 * Draws @nn/viz chart configs (regression, classification, error curves) on
 * one @napi-rs/canvas with one Chart.js chart, reused from frame to frame
 * (building a chart costs more than drawing it), on an opaque white page.
 */
export class ChartRenderer {
  readonly width: number;
  readonly height: number;
  readonly #canvas: Canvas;
  readonly #context: SKRSContext2D;
  #chart: Chart<'scatter', XY[]> | undefined;
  #plugins: Plugin<'scatter'>[] = [];

  constructor(size: ChartSize = DEFAULT_CHART_SIZE) {
    for (const [name, value] of Object.entries(size)) {
      if (!Number.isInteger(value) || value < 16 || value > 4096) {
        throw new RangeError(
          `viz: ${name} ${value} is not a whole number of pixels from 16 to 4096`,
        );
      }
    }
    if (!chartReady) {
      Chart.register(...chartComponents);
      Chart.defaults.font.family = registerBundledFont();
      chartReady = true;
    }
    this.width = size.width;
    this.height = size.height;
    this.#canvas = createCanvas(size.width, size.height);
    this.#context = this.#canvas.getContext('2d');
  }

  /** Draws a chart; one with other plugins than the last (another kind of chart) gets a new Chart. */
  draw(config: ScatterChartConfig): void {
    const plugins = [whiteBackground, ...(config.plugins ?? [])];
    const chart = this.#chart;
    if (chart !== undefined && samePlugins(plugins, this.#plugins)) {
      chart.data = config.data;
      chart.options = config.options ?? {};
      chart.update();
      return;
    }
    chart?.destroy();
    this.#plugins = plugins;
    // Chart.js takes any 2D context that has a `canvas`; @napi-rs/canvas's is one.
    this.#chart = new Chart(this.#context as unknown as ChartItem, { ...config, plugins });
  }

  /** The pixels of the last chart drawn, RGBA row by row. */
  pixels(): Uint8ClampedArray {
    return this.#context.getImageData(0, 0, this.width, this.height).data;
  }

  png(): Buffer {
    return this.#canvas.toBuffer('image/png');
  }

  destroy(): void {
    this.#chart?.destroy();
    this.#chart = undefined;
    this.#plugins = [];
  }
}

function samePlugins(a: readonly Plugin<'scatter'>[], b: readonly Plugin<'scatter'>[]): boolean {
  return a.length === b.length && a.every((plugin, i) => plugin === b[i]);
}

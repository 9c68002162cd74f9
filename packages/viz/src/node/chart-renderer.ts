import { type Canvas, createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { Chart, type ChartItem } from 'chart.js';
import { regressionChartComponents } from '../chart-components.js';
import { type ChartSize, DEFAULT_CHART_SIZE, whiteBackground } from '../export-style.js';
import {
  type AxisBounds,
  type RegressionFrame,
  regressionBounds,
  regressionChartConfig,
} from '../regression-chart.js';
import { registerBundledFont } from './bundled-font.js';

let chartReady = false;

/**
 * Draws regression frames on one @napi-rs/canvas with one Chart.js chart,
 * reused from frame to frame (building a chart costs more than drawing it).
 */
export class ChartRenderer {
  readonly width: number;
  readonly height: number;
  readonly #canvas: Canvas;
  readonly #context: SKRSContext2D;
  #chart: Chart<'scatter', { x: number; y: number }[]> | undefined;
  #bounds: AxisBounds | undefined;

  constructor(size: ChartSize = DEFAULT_CHART_SIZE, bounds?: AxisBounds) {
    for (const [name, value] of Object.entries(size)) {
      if (!Number.isInteger(value) || value < 16 || value > 4096) {
        throw new RangeError(
          `viz: ${name} ${value} is not a whole number of pixels from 16 to 4096`,
        );
      }
    }
    if (!chartReady) {
      Chart.register(...regressionChartComponents);
      Chart.defaults.font.family = registerBundledFont();
      chartReady = true;
    }
    this.width = size.width;
    this.height = size.height;
    this.#bounds = bounds;
    this.#canvas = createCanvas(size.width, size.height);
    this.#context = this.#canvas.getContext('2d');
  }

  /** Draws the frame; the axes are fixed by the first frame unless bounds were given. */
  draw(frame: RegressionFrame): void {
    this.#bounds ??= regressionBounds(frame.x, frame.target);
    const config = regressionChartConfig(frame, this.#bounds);
    const chart = this.#chart;
    if (chart === undefined) {
      config.plugins = [whiteBackground];
      // Chart.js takes any 2D context that has a `canvas`; @napi-rs/canvas's is one.
      this.#chart = new Chart(this.#context as unknown as ChartItem, config);
      return;
    }
    chart.data = config.data;
    chart.options = config.options ?? {};
    chart.update();
  }

  /** The pixels of the last frame drawn, RGBA row by row. */
  pixels(): Uint8ClampedArray {
    return this.#context.getImageData(0, 0, this.width, this.height).data;
  }

  png(): Buffer {
    return this.#canvas.toBuffer('image/png');
  }

  destroy(): void {
    this.#chart?.destroy();
    this.#chart = undefined;
  }
}

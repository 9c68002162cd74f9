import {
  type AxisBounds,
  type RegressionFrame,
  regressionBounds,
  regressionChartConfig,
} from '@nn/viz';
import { Chart } from 'chart.js';

/** The live fit: @nn/viz's regression chart (the CLI's GIF frame) redrawn as training goes. */
export class FitChart {
  readonly #chart: Chart<'scatter', { x: number; y: number }[]>;
  #bounds: AxisBounds;

  constructor(canvas: HTMLCanvasElement, frame: RegressionFrame) {
    this.#bounds = regressionBounds(frame.x, frame.target);
    this.#chart = new Chart(canvas, config(frame, this.#bounds));
  }

  /** Draws `frame`; new data (a CSV) moves the axes, predictions never do. */
  draw(frame: RegressionFrame, newData = false): void {
    if (newData) this.#bounds = regressionBounds(frame.x, frame.target);
    const next = config(frame, this.#bounds);
    this.#chart.data = next.data;
    this.#chart.options = next.options ?? {};
    this.#chart.update();
  }
}

/**
 * The shared chart, resized with the page (the one option the page changes:
 * exported frames keep the fixed size); before the first epoch there is no
 * error to title it with.
 */
function config(frame: RegressionFrame, bounds: AxisBounds) {
  const chart = regressionChartConfig(frame, bounds);
  chart.options = { ...chart.options, responsive: true, aspectRatio: 1.5 };
  const title = chart.options?.plugins?.title;
  if (Number.isNaN(frame.error) && title !== undefined) title.text = 'Not trained yet';
  return chart;
}

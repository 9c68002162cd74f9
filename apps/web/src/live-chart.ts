import type { ScatterChartConfig, XY } from '@nn/viz';
import { Chart, type Plugin } from 'chart.js';

/**
 * One of @nn/viz's charts on the page, redrawn as training goes: the same
 * config the exports draw, resized with the page. A chart of another kind
 * (other plugins) replaces the Chart.js chart; the same kind updates it in
 * place. The chart fills its box, whose shape CSS keeps (aspect-ratio):
 * Chart.js's own aspect ratio never lets a chart grow taller than its box
 * already is, so a chart made in a short box would stay small.
 */
export class LiveChart {
  readonly #canvas: HTMLCanvasElement;
  #chart: Chart<'scatter', XY[]> | undefined;
  #plugins: readonly Plugin<'scatter'>[] = [];

  constructor(canvas: HTMLCanvasElement) {
    this.#canvas = canvas;
  }

  /** Draws `config` across the canvas's box, shaped `aspectRatio` (width / height). */
  draw(config: ScatterChartConfig, aspectRatio: number): void {
    const box = this.#canvas.parentElement;
    if (box !== null) box.style.aspectRatio = String(aspectRatio);
    const options = { ...config.options, responsive: true, maintainAspectRatio: false };
    const plugins = config.plugins ?? [];
    const chart = this.#chart;
    if (chart !== undefined && this.#samePlugins(plugins)) {
      chart.data = config.data;
      chart.options = options;
      chart.update();
      return;
    }
    chart?.destroy();
    this.#plugins = plugins;
    this.#chart = new Chart(this.#canvas, { ...config, options, plugins });
  }

  #samePlugins(plugins: readonly Plugin<'scatter'>[]): boolean {
    return (
      plugins.length === this.#plugins.length &&
      plugins.every((plugin, i) => plugin === this.#plugins[i])
    );
  }
}

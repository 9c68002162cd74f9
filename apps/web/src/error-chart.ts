import { MAX_CHART_POINTS } from '@nn/core';
import { Chart } from 'chart.js';

/** The error at each reported epoch, on a log scale (it falls by orders of magnitude). */
export class ErrorChart {
  readonly #chart: Chart<'scatter', { x: number; y: number }[]>;

  constructor(canvas: HTMLCanvasElement) {
    this.#chart = new Chart(canvas, {
      type: 'scatter',
      data: {
        datasets: [
          {
            label: 'error',
            data: [],
            showLine: true,
            borderColor: '#d62728',
            backgroundColor: '#d62728',
            pointRadius: 2,
          },
        ],
      },
      options: {
        animation: false,
        // Fills its box, which CSS keeps at 3:2 (see LiveChart for why not Chart.js's aspectRatio).
        responsive: true,
        maintainAspectRatio: false,
        events: [],
        scales: {
          x: { type: 'linear', title: { display: true, text: 'epoch' }, min: 0 },
          y: {
            type: 'logarithmic',
            title: { display: true, text: 'error' },
            // Powers of ten only: the in-between ticks of a log axis crowd into each other.
            ticks: {
              callback: (value) => {
                const exponent = Math.log10(Number(value));
                return Math.abs(exponent - Math.round(exponent)) < 1e-9
                  ? `1e${Math.round(exponent)}`
                  : '';
              },
            },
          },
        },
        plugins: {
          title: { display: true, text: 'Error per reported epoch' },
          legend: { display: false },
          tooltip: { enabled: false },
        },
      },
    });
  }

  /** Replaces the points; errors of 0 cannot sit on a log scale and are left out. */
  draw(points: readonly { epoch: number; error: number }[], epochs: number): void {
    const dataset = this.#chart.data.datasets[0];
    if (dataset === undefined) return;
    // Past MAX_CHART_POINTS, every k-th point (and the last): a line of thousands of points draws slowly.
    const every = Math.ceil(points.length / MAX_CHART_POINTS);
    dataset.data = points
      .filter((p, i) => p.error > 0 && (i % every === 0 || i === points.length - 1))
      .map((p) => ({ x: p.epoch, y: p.error }));
    const x = this.#chart.options.scales?.x;
    if (x !== undefined) x.max = epochs;
    this.#chart.update();
  }
}

import type { ChartConfiguration } from 'chart.js';

/** One frame of the regression chart: the data, the network's predictions at x, and where training is. */
export interface RegressionFrame {
  x: ArrayLike<number>;
  target: ArrayLike<number>;
  predictions: ArrayLike<number>;
  epoch: number;
  epochs: number;
  error: number;
}

export interface AxisBounds {
  x: readonly [number, number];
  y: readonly [number, number];
}

export type RegressionChartConfig = ChartConfiguration<'scatter', { x: number; y: number }[]>;

/** The book's title: "Epoch i/N  Error e", e to 6 significant digits so it stays one short line. */
export function regressionTitle(
  frame: Pick<RegressionFrame, 'epoch' | 'epochs' | 'error'>,
): string {
  const error = Number(frame.error.toPrecision(6));
  const text = error !== 0 && Math.abs(error) < 1e-4 ? error.toExponential() : String(error);
  return `Epoch ${frame.epoch}/${frame.epochs}  Error ${text}`;
}

/**
 * Axes fixed by the data alone (x's range; the target's range with a quarter
 * of its span as margin), rounded out to round numbers, so the frames of an
 * animation never jump and the end ticks are labelled truthfully.
 */
export function regressionBounds(x: ArrayLike<number>, target: ArrayLike<number>): AxisBounds {
  const [xMin, xMax] = range(x);
  const [tMin, tMax] = range(target);
  const margin = (tMax - tMin || 1) / 4;
  return { x: roundOut(xMin, xMax), y: roundOut(tMin - margin, tMax + margin) };
}

/**
 * The chart shared by the CLI and the web app: the target as a dashed line,
 * the predictions at the training inputs as "+" markers, the epoch and error
 * in the title. Static (no animation, not responsive) so every frame renders
 * the same in Node and in a browser.
 */
export function regressionChartConfig(
  frame: RegressionFrame,
  bounds: AxisBounds = regressionBounds(frame.x, frame.target),
): RegressionChartConfig {
  return {
    type: 'scatter',
    data: {
      datasets: [
        {
          label: 'target',
          // Sorted by x so the line reads left to right whatever the data's row order.
          data: points(frame.x, frame.target).sort((a, b) => a.x - b.x),
          showLine: true,
          borderDash: [6, 4],
          borderColor: '#1f77b4',
          borderWidth: 2,
          pointRadius: 0,
        },
        {
          label: 'prediction',
          data: points(frame.x, frame.predictions),
          showLine: false,
          pointStyle: 'cross',
          pointRadius: 5,
          borderColor: '#d62728',
          borderWidth: 1.5,
        },
      ],
    },
    options: {
      animation: false,
      responsive: false,
      events: [],
      scales: {
        x: { type: 'linear', min: bounds.x[0], max: bounds.x[1] },
        y: { type: 'linear', min: bounds.y[0], max: bounds.y[1] },
      },
      plugins: {
        title: { display: true, text: regressionTitle(frame) },
        legend: { display: true, position: 'bottom' },
        tooltip: { enabled: false },
      },
    },
  };
}

function points(x: ArrayLike<number>, y: ArrayLike<number>): { x: number; y: number }[] {
  if (x.length !== y.length) {
    throw new RangeError(
      `regression chart: ${x.length} x values but ${y.length} y values; pass one y per x`,
    );
  }
  return Array.from({ length: x.length }, (_, i) => ({ x: x[i] as number, y: y[i] as number }));
}

/** [min, max] widened to multiples of half the span's power of ten. */
function roundOut(min: number, max: number): [number, number] {
  const step = 10 ** Math.floor(Math.log10(max - min || 1)) / 2;
  return [Math.floor(min / step) * step, Math.ceil(max / step) * step];
}

function range(values: ArrayLike<number>): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (min > max) throw new RangeError('regression chart: no finite values to draw');
  return [min, max];
}

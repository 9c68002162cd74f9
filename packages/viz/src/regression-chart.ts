import { type AxisBounds, finiteRange, roundOut } from './axis-bounds.js';
import { epochTitle } from './chart-title.js';
import { type ScatterChartConfig, staticOptions, type XY } from './scatter-chart.js';

/** One frame of the regression chart: the data, the network's predictions at x, and where training is. */
export interface RegressionFrame {
  x: ArrayLike<number>;
  target: ArrayLike<number>;
  predictions: ArrayLike<number>;
  epoch: number;
  epochs: number;
  error: number;
}

export type RegressionChartConfig = ScatterChartConfig;

/** The book's title: "Epoch i/N  Error e", e to 6 significant digits so it stays one short line. */
export const regressionTitle: (
  frame: Pick<RegressionFrame, 'epoch' | 'epochs' | 'error'>,
) => string = epochTitle;

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
 * in the title.
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
      ...staticOptions(),
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

function points(x: ArrayLike<number>, y: ArrayLike<number>): XY[] {
  if (x.length !== y.length) {
    throw new RangeError(
      `regression chart: ${x.length} x values but ${y.length} y values; pass one y per x`,
    );
  }
  return Array.from({ length: x.length }, (_, i) => ({ x: x[i] as number, y: y[i] as number }));
}

function range(values: ArrayLike<number>): [number, number] {
  const range = finiteRange(values);
  if (range === undefined) throw new RangeError('regression chart: no finite values to draw');
  return range;
}

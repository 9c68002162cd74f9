import { epochTitle } from './chart-title.js';
import { CLASS_STYLES } from './class-styles.js';
import {
  CLASSIFICATION_DOMAIN,
  type ClassificationSurface,
  checkSurface,
  decisionSurfacePlugin,
} from './decision-surface.js';
import { markerLegend, type ScatterChartConfig, staticOptions, type XY } from './scatter-chart.js';

/** One frame of the §5.10 chart: the points, what the network says at each, and where training is. */
export interface ClassificationFrame {
  /** The inputs, row-major n × 2: (x, y) per point (the book's 21 × 21 grid). */
  points: ArrayLike<number>;
  /**
   * The network's answer per point: either its two outputs (row-major n × 2;
   * class 1 where y[0] > y[1], the book's rule) or the class's index (length
   * n: 0 for class 1, 1 for class 2).
   */
  predictions: ArrayLike<number>;
  /** P(class 1) on a fine grid, shaded behind the points; the chart has no shading without it. */
  surface?: ClassificationSurface;
  epoch: number;
  epochs: number;
  error: number;
}

/** Points on y = sin(πx) drawn as the dashed boundary; enough that the curve looks smooth. */
const CURVE_POINTS = 201;

/** Each point's class index (0: class 1, 1: class 2) from either form of `predictions`. */
export function predictedClasses(
  frame: Pick<ClassificationFrame, 'points' | 'predictions'>,
): Uint8Array {
  const { points, predictions } = frame;
  if (points.length % 2 !== 0) {
    throw new RangeError(
      `classification chart: ${points.length} point coordinates is not n × 2 (x, y)`,
    );
  }
  const n = points.length / 2;
  if (predictions.length === 2 * n) {
    // The book: class 1 if y[0] > y[1], else class 2 (a tie included).
    return Uint8Array.from({ length: n }, (_, i) =>
      (predictions[2 * i] as number) > (predictions[2 * i + 1] as number) ? 0 : 1,
    );
  }
  if (predictions.length === n) {
    return Uint8Array.from({ length: n }, (_, i) => {
      const index = predictions[i];
      if (index !== 0 && index !== 1) {
        throw new RangeError(
          `classification chart: point ${i} has class index ${index}; pass 0 (class 1) or 1 (class 2)`,
        );
      }
      return index;
    });
  }
  throw new RangeError(
    `classification chart: ${predictions.length} predictions for ${n} points; pass the two outputs per point (${2 * n}) or a class index per point (${n})`,
  );
}

/**
 * The book's §5.10 plot, and better: the points by predicted class ("+" for
 * class 1, "x" for class 2) over the dashed y = sin(πx) that separates the
 * true classes, with the network's decision surface shaded behind them
 * (light blue where it says class 1, light orange where class 2, white on
 * the boundary). Axes fixed to [-1, 1]² so frames never jump. The config
 * carries the surface plugin in `plugins`: keep it there when adding others.
 */
export function classificationChartConfig(frame: ClassificationFrame): ScatterChartConfig {
  const classes = predictedClasses(frame);
  if (frame.surface !== undefined) checkSurface(frame.surface);
  const byClass: [XY[], XY[]] = [[], []];
  classes.forEach((c, i) => {
    byClass[c as 0 | 1].push({
      x: frame.points[2 * i] as number,
      y: frame.points[2 * i + 1] as number,
    });
  });
  const [from, to] = CLASSIFICATION_DOMAIN;
  const curve = Array.from({ length: CURVE_POINTS }, (_, i) => {
    const x = from + ((to - from) * i) / (CURVE_POINTS - 1);
    return { x, y: Math.sin(Math.PI * x) };
  });
  const axis = { type: 'linear', min: from, max: to, ticks: { stepSize: 0.5 } } as const;
  return {
    type: 'scatter',
    data: {
      datasets: [
        {
          label: 'y = sin(πx)',
          data: curve,
          showLine: true,
          borderDash: [6, 4],
          borderColor: '#222222',
          borderWidth: 2,
          pointRadius: 0,
          pointStyle: 'line',
        },
        ...CLASS_STYLES.map((style, c) => ({
          label: style.label,
          data: byClass[c as 0 | 1],
          showLine: false,
          pointStyle: style.pointStyle,
          pointRadius: 4.5,
          borderColor: style.marker,
          backgroundColor: style.marker,
          borderWidth: 2,
          // Points on the axes' edges (x or y = ±1) are drawn whole, not cut in half.
          clip: false as const,
        })),
      ],
    },
    options: {
      ...staticOptions(),
      scales: { x: axis, y: axis },
      plugins: {
        title: { display: true, text: epochTitle(frame) },
        legend: markerLegend(),
        tooltip: { enabled: false },
        nnDecisionSurface: {
          ...(frame.surface === undefined ? {} : { surface: frame.surface }),
          x: CLASSIFICATION_DOMAIN,
          y: CLASSIFICATION_DOMAIN,
        },
      },
    },
    plugins: [decisionSurfacePlugin],
  };
}

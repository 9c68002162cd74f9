import { type AxisBounds, finiteRange } from './axis-bounds.js';
import { epochTitle, formatError } from './chart-title.js';
import { markerLegend, type ScatterChartConfig, staticOptions, type XY } from './scatter-chart.js';

/** The chapter-6 chart's data: the train and test sets' errors at each reported epoch, so far. */
export interface ErrorCurvesFrame {
  /** The reported epochs, ascending: the x of both curves. */
  epochs: ArrayLike<number>;
  /** The train set's error at each reported epoch. */
  train: ArrayLike<number>;
  /** The test set's error at the same epochs, where there is a test set. */
  test?: ArrayLike<number>;
  /** The run's length: the x axis ends there. */
  epochsTotal: number;
  /** Accuracy in percent (ExampleRun.accuracy()), known once training ends. */
  accuracy?: { train: number; test?: number };
}

/**
 * What every frame of an error-curves animation shares: the axes, and the
 * title's line count, so the plot area stays put when the accuracy line
 * arrives on the last frame.
 */
export interface ErrorCurvesBounds extends AxisBounds {
  titleLines: number;
}

/** Markers at the reported epochs only while they are few enough to tell apart. */
const MAX_MARKED_EPOCHS = 50;

/**
 * The title: "Epoch i/N  Error train e  test e" for the last reported epoch
 * (regression's "Epoch i/N  Error e" without a test set), then, when given,
 * a second line "Accuracy train 100% test 97.3%"; padded with empty lines
 * to `lines`.
 */
export function errorCurvesTitle(frame: ErrorCurvesFrame, lines = 1): string[] {
  checkLengths(frame);
  const last = frame.epochs.length - 1;
  if (last < 0) return padded(['Not trained yet'], lines);
  const epoch = frame.epochs[last] as number;
  const train = frame.train[last] as number;
  const title = [
    frame.test === undefined
      ? epochTitle({ epoch, epochs: frame.epochsTotal, error: train })
      : `Epoch ${epoch}/${frame.epochsTotal}  Error train ${formatError(train)}  test ${formatError(frame.test[last] as number)}`,
  ];
  const { accuracy } = frame;
  if (accuracy !== undefined) {
    title.push(
      `Accuracy train ${percent(accuracy.train)}${accuracy.test === undefined ? '' : ` test ${percent(accuracy.test)}`}`,
    );
  }
  return padded(title, lines);
}

/**
 * What every frame must make room for (pass all of an animation's frames,
 * so none jumps): epochs from 0 to the run's end, errors from 0 (or a
 * negative error's value) to the largest finite one, and a second title
 * line if any frame has an accuracy.
 */
export function errorCurvesBounds(frames: readonly ErrorCurvesFrame[]): ErrorCurvesBounds {
  let epochsTotal = 0;
  let titleLines = 1;
  let min = 0;
  let max = Number.NEGATIVE_INFINITY;
  for (const frame of frames) {
    checkLengths(frame);
    epochsTotal = Math.max(epochsTotal, frame.epochsTotal);
    if (frame.accuracy !== undefined) titleLines = 2;
    for (const errors of [frame.train, frame.test ?? []]) {
      const range = finiteRange(errors);
      if (range !== undefined) {
        min = Math.min(min, range[0]);
        max = Math.max(max, range[1]);
      }
    }
  }
  return { x: [0, epochsTotal || 1], y: [min, max > min ? max : min + 1], titleLines };
}

/**
 * An animation's frames from the finished curves: one per reported epoch,
 * the curves growing, the accuracy on the last frame only.
 */
export function growErrorCurves(frame: ErrorCurvesFrame): ErrorCurvesFrame[] {
  checkLengths(frame);
  const count = frame.epochs.length;
  const { test, accuracy, ...rest } = frame;
  return Array.from({ length: count }, (_, k) => ({
    ...rest,
    epochs: head(frame.epochs, k + 1),
    train: head(frame.train, k + 1),
    ...(test === undefined ? {} : { test: head(test, k + 1) }),
    ...(accuracy !== undefined && k === count - 1 ? { accuracy } : {}),
  }));
}

/**
 * The book's chapter-6 plot: the train and test errors against the epoch,
 * two lines, titled with the last reported errors and the accuracy.
 */
export function errorCurvesChartConfig(
  frame: ErrorCurvesFrame,
  bounds: ErrorCurvesBounds = errorCurvesBounds([frame]),
): ScatterChartConfig {
  const marked = frame.epochs.length <= MAX_MARKED_EPOCHS;
  const curve = (
    label: string,
    errors: ArrayLike<number>,
    color: string,
    pointStyle: 'circle' | 'rectRot',
  ) => ({
    label,
    data: Array.from(
      { length: errors.length },
      (_, i): XY => ({
        x: frame.epochs[i] as number,
        y: errors[i] as number,
      }),
    ),
    showLine: true,
    borderColor: color,
    backgroundColor: color,
    borderWidth: 2,
    pointStyle,
    pointRadius: marked ? 3 : 0,
  });
  return {
    type: 'scatter',
    data: {
      datasets: [
        curve('train', frame.train, '#1f77b4', 'circle'),
        ...(frame.test === undefined ? [] : [curve('test', frame.test, '#ff7f0e', 'rectRot')]),
      ],
    },
    options: {
      ...staticOptions(),
      scales: {
        x: {
          type: 'linear',
          min: bounds.x[0],
          max: bounds.x[1],
          ticks: { format: { useGrouping: false } },
          title: { display: true, text: 'Epoch' },
        },
        // Suggested, not fixed: the axis runs on to Chart.js's next round tick,
        // the same one every frame since every frame's errors lie inside.
        y: {
          type: 'linear',
          suggestedMin: bounds.y[0],
          suggestedMax: bounds.y[1],
          title: { display: true, text: 'Error' },
        },
      },
      plugins: {
        title: { display: true, text: errorCurvesTitle(frame, bounds.titleLines) },
        legend: markerLegend(),
        tooltip: { enabled: false },
      },
    },
  };
}

function padded(lines: string[], count: number): string[] {
  while (lines.length < count) lines.push('');
  return lines;
}

function head(values: ArrayLike<number>, count: number): number[] {
  return Array.from({ length: count }, (_, i) => values[i] as number);
}

/** Percent to one decimal at most, as the book's accuracy reads: 100%, 97.3%. */
function percent(value: number): string {
  return `${Number(value.toFixed(1))}%`;
}

function checkLengths(frame: ErrorCurvesFrame): void {
  const n = frame.epochs.length;
  for (const [name, errors] of [
    ['train', frame.train],
    ['test', frame.test],
  ] as const) {
    if (errors !== undefined && errors.length !== n) {
      throw new RangeError(
        `error curves: ${n} epochs but ${errors.length} ${name} errors; pass one error per reported epoch`,
      );
    }
  }
}

import { MAX_GIF_FRAMES } from '@nn/core';
import {
  type ChartSize,
  CLASSIFICATION_CHART_SIZE,
  type ClassificationFrame,
  classificationChartConfig,
  DEFAULT_CHART_SIZE,
  type ErrorCurvesFrame,
  errorCurvesBounds,
  errorCurvesChartConfig,
  growErrorCurves,
  type RegressionFrame,
  regressionBounds,
  regressionChartConfig,
  type ScatterChartConfig,
} from '@nn/viz';
import type { ExportFrames } from './chart-images.js';
import { accuracyOf } from './confusion.js';
import { type ExampleData, SURFACE_CELLS } from './network-views.js';
import type { IntervalReport, NetworkView } from './protocol.js';
import type { Settings } from './settings.js';

/** core's limit, the CLI's --gif's too. */
export { MAX_GIF_FRAMES };

/** What the page knows of a run: everything its charts and exports are drawn from. */
export interface RunState {
  settings: Settings;
  data: ExampleData;
  /** Epochs done. */
  epoch: number;
  /** The last reported epoch's error (the train set's, where there is a test set). */
  error: number | null;
  /** The network as it stands, of this run's example; null until the trainer sends one. */
  view: NetworkView | null;
  /** Every reported epoch, in order; the first MAX_GIF_FRAMES with their views. */
  reports: readonly IntervalReport[];
  done: boolean;
}

/** Accuracy in percent, as the book prints it, where the example classifies. */
export function accuracy(view: NetworkView | null): { train: number; test?: number } | undefined {
  if (view === null || view.example === 'regression') return undefined;
  const classes = Math.sqrt(view.confusion.train.length);
  const train = accuracyOf(view.confusion.train, classes);
  return view.example === 'iris'
    ? { train, test: accuracyOf(view.confusion.test, classes) }
    : { train };
}

/** The size of the example's exported images: the CLI's. */
export function exportSize(settings: Settings): ChartSize {
  return settings.example === 'classification' ? CLASSIFICATION_CHART_SIZE : DEFAULT_CHART_SIZE;
}

/**
 * The main chart as the run stands: the fit (regression), the points and
 * the decision surface (classification), the error curves (Iris, with the
 * accuracy in the title once the run is done). The page shows it and the
 * PNG export draws it.
 */
export function currentChart(state: RunState): ScatterChartConfig {
  const { settings, view } = state;
  // The last epoch done, 0-based as in the book's "Epoch 2000/2001".
  const moment = {
    epoch: Math.max(state.epoch - 1, 0),
    epochs: settings.epochs,
    error: state.error ?? Number.NaN,
  };
  let config: ScatterChartConfig;
  switch (settings.example) {
    case 'regression':
      config = regressionConfig(
        state,
        view?.example === 'regression' ? view : undefined,
        moment,
        regressionBounds(state.data.train.x, state.data.train.t),
      );
      break;
    case 'classification':
      config = classificationChartConfig(
        classificationFrame(state, view?.example === 'classification' ? view : undefined, moment),
      );
      break;
    case 'iris':
      return errorCurvesChartConfig(curves(state));
  }
  const title = config.options?.plugins?.title;
  if (state.error === null && title !== undefined) title.text = 'Not trained yet';
  return config;
}

/** The GIF's frames: one per reported epoch, as the CLI's --gif draws them. */
export function gifFrames(state: RunState): ExportFrames {
  const { reports, settings } = state;
  if (reports.length > MAX_GIF_FRAMES) {
    throw new RangeError(
      `this run reported ${reports.length} epochs; a GIF holds at most ${MAX_GIF_FRAMES} frames (as in the CLI): raise the report interval`,
    );
  }
  const size = exportSize(settings);
  const moment = (report: IntervalReport) => ({
    epoch: report.epoch,
    epochs: settings.epochs,
    error: report.error,
  });
  switch (settings.example) {
    case 'regression': {
      const bounds = regressionBounds(state.data.train.x, state.data.train.t);
      return {
        count: reports.length,
        size,
        config: (i) => {
          const report = reports[i] as IntervalReport;
          const view = report.view?.example === 'regression' ? report.view : undefined;
          return regressionConfig(state, view, moment(report), bounds);
        },
      };
    }
    case 'classification':
      return {
        count: reports.length,
        size,
        config: (i) => {
          const report = reports[i] as IntervalReport;
          const view = report.view?.example === 'classification' ? report.view : undefined;
          return classificationChartConfig(classificationFrame(state, view, moment(report)));
        },
      };
    case 'iris': {
      const frames = growErrorCurves(curves(state));
      const bounds = errorCurvesBounds(frames);
      return {
        count: frames.length,
        size,
        config: (i) => errorCurvesChartConfig(frames[i] as ErrorCurvesFrame, bounds),
      };
    }
  }
}

type Moment = Pick<RegressionFrame, 'epoch' | 'epochs' | 'error'>;

function regressionConfig(
  state: RunState,
  view: Extract<NetworkView, { example: 'regression' }> | undefined,
  moment: Moment,
  bounds: ReturnType<typeof regressionBounds>,
): ScatterChartConfig {
  const { x, t } = state.data.train;
  const predictions = view?.predictions ?? new Float64Array(x.length).fill(Number.NaN);
  return regressionChartConfig({ x, target: t, predictions, ...moment }, bounds);
}

/** The points with the network's answer and its surface; no points before the network has answered. */
function classificationFrame(
  state: RunState,
  view: Extract<NetworkView, { example: 'classification' }> | undefined,
  moment: Moment,
): ClassificationFrame {
  if (view === undefined) return { points: [], predictions: [], ...moment };
  return {
    points: state.data.train.x,
    predictions: view.outputs,
    surface: { cols: SURFACE_CELLS, rows: SURFACE_CELLS, probabilities: view.surface },
    ...moment,
  };
}

/** The train and test errors at every reported epoch; the accuracy once the run is done. */
function curves(state: RunState): ErrorCurvesFrame {
  const { reports } = state;
  const known = state.done ? accuracy(state.view) : undefined;
  return {
    epochs: reports.map((r) => r.epoch),
    train: reports.map((r) => r.error),
    test: reports.map((r) => r.test ?? Number.NaN),
    epochsTotal: state.settings.epochs,
    ...(known === undefined ? {} : { accuracy: known }),
  };
}

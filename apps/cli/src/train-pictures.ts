import {
  type ExampleAccuracy,
  type ExampleName,
  type ExampleReport,
  MAX_CHART_POINTS,
  type Sequential,
} from '@nn/core';
import type { ClassificationFrame, ErrorCurvesFrame, RegressionFrame } from '@nn/viz';
import { chartSample } from './chart-sample.js';
import { CliError } from './cli-error.js';
import type { ExampleData } from './example-data.js';
import type { TrainOptions } from './train-options.js';

/** What --gif and --png draw, by example. */
export type Pictures =
  | { kind: 'regression'; frames: RegressionFrame[] }
  | { kind: 'classification'; frames: ClassificationFrame[] }
  | { kind: 'error-curves'; final: ErrorCurvesFrame };

export interface FrameRecorder {
  /** Called with each of the book's reports; draws what a frame needs from the network now. */
  record(report: ExampleReport): Promise<void>;
  /** Everything recorded, once training (and the accuracy) is done. */
  pictures(accuracy: ExampleAccuracy | undefined): Pictures;
}

/** Cells of the shaded decision surface per side: finer than the 21 × 21 points, cheap to predict. */
const SURFACE_CELLS = 60;

/** The §5.10 chart draws two features on [-1, 1]² and two classes: refuse other data before training. */
export function checkPictures(example: ExampleName, data: ExampleData): void {
  if (example === 'classification' && (data.inputs !== 2 || data.outputs !== 2)) {
    throw new CliError(
      `--gif and --png draw the §5.10 chart, 2 features and 2 classes; this data has ${data.inputs} features and ${data.outputs} classes`,
    );
  }
}

export async function frameRecorder(
  options: TrainOptions,
  data: ExampleData,
  network: Sequential,
): Promise<FrameRecorder> {
  const everyReport = options.gif !== undefined;
  const { epochs } = options;
  if (options.example === 'regression') {
    const sample = chartSample(data.train.x, data.train.t);
    const frames: RegressionFrame[] = [];
    return {
      async record(report) {
        if (!everyReport && !report.last) return;
        const predictions = await network.predict(sample.x);
        frames.push({
          x: sample.x,
          target: sample.t,
          predictions,
          epoch: report.epoch,
          epochs,
          error: report.error,
        });
      },
      pictures: () => ({ kind: 'regression', frames }),
    };
  }
  if (options.example === 'classification') {
    const { surfaceInputs } = await import('@nn/viz');
    const surface = surfaceInputs(SURFACE_CELLS, SURFACE_CELLS);
    const points = samplePoints(data.train.x, data.inputs);
    const frames: ClassificationFrame[] = [];
    return {
      async record(report) {
        if (!everyReport && !report.last) return;
        const predictions = await network.predict(points);
        const outputs = await network.predict(surface);
        frames.push({
          points,
          predictions,
          surface: {
            cols: SURFACE_CELLS,
            rows: SURFACE_CELLS,
            // P(class 1) is each row's y[0].
            probabilities: Float64Array.from(
              { length: outputs.length / 2 },
              (_, i) => outputs[2 * i] as number,
            ),
          },
          epoch: report.epoch,
          epochs,
          error: report.error,
        });
      },
      pictures: () => ({ kind: 'classification', frames }),
    };
  }
  const reported: number[] = [];
  const train: number[] = [];
  const test: number[] = [];
  return {
    async record(report) {
      reported.push(report.epoch);
      train.push(report.error);
      if (report.test !== undefined) test.push(report.test);
    },
    pictures: (accuracy) => ({
      kind: 'error-curves',
      final: {
        epochs: reported,
        train,
        ...(test.length > 0 && { test }),
        epochsTotal: epochs,
        ...(accuracy !== undefined && { accuracy }),
      },
    }),
  };
}

/** The points drawn: every row up to MAX_CHART_POINTS, else evenly spaced rows. */
function samplePoints(x: ArrayLike<number>, inputs: number): Float64Array {
  const rows = x.length / inputs;
  const kept = Math.min(rows, MAX_CHART_POINTS);
  const points = new Float64Array(kept * inputs);
  for (let k = 0; k < kept; k++) {
    const row = Math.floor((k * rows) / kept);
    for (let c = 0; c < inputs; c++) points[k * inputs + c] = x[row * inputs + c] as number;
  }
  return points;
}

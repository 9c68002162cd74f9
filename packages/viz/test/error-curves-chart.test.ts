import { describe, expect, it } from 'vitest';
import {
  type ErrorCurvesFrame,
  errorCurvesBounds,
  errorCurvesChartConfig,
  errorCurvesTitle,
  growErrorCurves,
} from '../src/index.js';

// The book's chapter-6 run, reported every 100 epochs (errors from a seed-1 run).
const iris: ErrorCurvesFrame = {
  epochs: [0, 100, 200, 300, 400, 500, 600, 700, 800, 900],
  train: [
    1.09003, 0.05938, 0.03719, 0.02793, 0.02248, 0.0186, 0.01571, 0.01353, 0.01178, 0.0102918,
  ],
  test: [1.08968, 0.0843, 0.07323, 0.07036, 0.06921, 0.06807, 0.06843, 0.06917, 0.0695, 0.0703059],
  epochsTotal: 1000,
  accuracy: { train: 100, test: (73 / 75) * 100 },
};

describe('errorCurvesChartConfig', () => {
  it('draws the train and test errors against the epoch as two lines', () => {
    const [train, test, extra] = errorCurvesChartConfig(iris).data.datasets;
    expect(extra).toBeUndefined();
    expect(train?.label).toBe('train');
    expect(test?.label).toBe('test');
    expect(train?.showLine).toBe(true);
    expect(test?.showLine).toBe(true);
    expect(train?.data[1]).toEqual({ x: 100, y: 0.05938 });
    expect(test?.data[9]).toEqual({ x: 900, y: 0.0703059 });
    expect(train?.borderColor).not.toBe(test?.borderColor);
  });

  it('draws one line without a test set, and markers only while the epochs are few', () => {
    const { test: _, ...trainOnly } = iris;
    expect(errorCurvesChartConfig(trainOnly).data.datasets).toHaveLength(1);
    expect(errorCurvesChartConfig(iris).data.datasets[0]?.pointRadius).toBe(3);
    const every = Array.from({ length: 1000 }, (_, i) => i);
    const dense = errorCurvesChartConfig({
      epochs: every,
      train: every.map((e) => 1 / (e + 1)),
      epochsTotal: 1000,
    });
    expect(dense.data.datasets[0]?.pointRadius).toBe(0);
  });

  it("runs the epoch axis from 0 to the run's end and the error axis from 0 past the largest error", () => {
    const { scales } = errorCurvesChartConfig(iris).options ?? {};
    expect(scales?.x).toMatchObject({ min: 0, max: 1000 });
    expect(scales?.y).toMatchObject({ suggestedMin: 0, suggestedMax: 1.09003 });
  });

  it('rejects errors that do not match the epochs one to one', () => {
    expect(() => errorCurvesChartConfig({ ...iris, test: [1, 2] })).toThrow(
      /10 epochs but 2 test errors/,
    );
    expect(() => errorCurvesBounds([{ ...iris, train: [] }])).toThrow(/0 train errors/);
  });
});

describe('errorCurvesTitle', () => {
  it("gives the last epoch's errors, then the accuracy as the book prints it", () => {
    expect(errorCurvesTitle(iris)).toEqual([
      'Epoch 900/1000  Error train 0.0102918  test 0.0703059',
      'Accuracy train 100% test 97.3%',
    ]);
  });

  it('reads like the regression title without a test set, and has no accuracy line until given', () => {
    const { test: _, accuracy: __, ...trainOnly } = iris;
    expect(errorCurvesTitle(trainOnly)).toEqual(['Epoch 900/1000  Error 0.0102918']);
    expect(errorCurvesTitle({ ...trainOnly, accuracy: { train: 96 } })).toEqual([
      'Epoch 900/1000  Error 0.0102918',
      'Accuracy train 96%',
    ]);
    expect(errorCurvesTitle({ epochs: [], train: [], epochsTotal: 1000 })).toEqual([
      'Not trained yet',
    ]);
  });

  it('keeps a blank accuracy line where the bounds ask for two lines', () => {
    const { accuracy: _, ...running } = iris;
    expect(errorCurvesTitle(running, 2)).toEqual([
      'Epoch 900/1000  Error train 0.0102918  test 0.0703059',
      '',
    ]);
  });
});

describe('growErrorCurves and errorCurvesBounds', () => {
  const frames = growErrorCurves(iris);

  it('makes one frame per reported epoch, the curves growing, the accuracy on the last only', () => {
    expect(frames).toHaveLength(10);
    expect(frames[0]).toEqual({
      epochs: [0],
      train: [1.09003],
      test: [1.08968],
      epochsTotal: 1000,
    });
    expect(frames[3]?.epochs).toEqual([0, 100, 200, 300]);
    expect(frames.slice(0, 9).every((f) => f.accuracy === undefined)).toBe(true);
    expect(frames[9]).toEqual(iris);
  });

  it('bounds every frame by all of them, so the axes and title height never change', () => {
    const bounds = errorCurvesBounds(frames);
    expect(bounds).toEqual({ x: [0, 1000], y: [0, 1.09003], titleLines: 2 });
    const configs = frames.map((f) => errorCurvesChartConfig(f, bounds));
    for (const config of configs) {
      expect(config.options?.scales).toEqual(configs[0]?.options?.scales);
      expect(config.options?.plugins?.title?.text).toHaveLength(2);
    }
  });

  it('ignores non-finite errors (a diverged run) and gives a unit axis when there is nothing to draw', () => {
    expect(
      errorCurvesBounds([
        { epochs: [0, 1], train: [2, Number.NaN], test: [Infinity, 3], epochsTotal: 10 },
      ]),
    ).toEqual({ x: [0, 10], y: [0, 3], titleLines: 1 });
    expect(errorCurvesBounds([{ epochs: [], train: [], epochsTotal: 0 }])).toEqual({
      x: [0, 1],
      y: [0, 1],
      titleLines: 1,
    });
  });
});

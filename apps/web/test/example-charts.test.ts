import { CLASS_STYLES } from '@nn/viz';
import { describe, expect, it } from 'vitest';
import {
  accuracy,
  currentChart,
  exportSize,
  gifFrames,
  MAX_GIF_FRAMES,
  type RunState,
} from '../src/example-charts.js';
import { exampleData, SURFACE_CELLS } from '../src/network-views.js';
import type { IntervalReport, NetworkView } from '../src/protocol.js';
import { defaultSettings } from '../src/settings.js';

const irisView: NetworkView = {
  example: 'iris',
  confusion: {
    train: Int32Array.from([25, 0, 0, 0, 24, 1, 0, 0, 25]),
    test: Int32Array.from([25, 0, 0, 0, 23, 2, 0, 1, 24]),
  },
};

function irisState(done: boolean, reports: IntervalReport[]): RunState {
  return {
    settings: defaultSettings('iris'),
    data: exampleData('iris'),
    epoch: 1000,
    error: reports.at(-1)?.error ?? null,
    view: irisView,
    reports,
    done,
  };
}

const irisReports = [0, 100, 200].map((epoch, i) => ({
  epoch,
  error: 1 / (i + 1),
  test: 1.1 / (i + 1),
}));

function title(state: RunState): unknown {
  return currentChart(state).options?.plugins?.title?.text;
}

describe('the page’s example charts', () => {
  it('titles Iris with the last errors, and the accuracy once the run is done', () => {
    expect(title(irisState(false, irisReports))).toEqual([
      'Epoch 200/1000  Error train 0.333333  test 0.366667',
    ]);
    expect(title(irisState(true, irisReports))).toEqual([
      'Epoch 200/1000  Error train 0.333333  test 0.366667',
      'Accuracy train 98.7% test 96%',
    ]);
    expect(accuracy(irisView)).toEqual({ train: (74 / 75) * 100, test: 96 });
    const gif = gifFrames(irisState(true, irisReports));
    expect([gif.count, gif.size]).toEqual([3, { width: 480, height: 320 }]);
    // The curves grow frame by frame; the accuracy comes on the last.
    expect(gif.config(0).data.datasets[0]?.data).toHaveLength(1);
    expect(gif.config(2).options?.plugins?.title?.text).toHaveLength(2);
  });

  it('draws §5.10 with its surface plugin and data, at the CLI’s 480×520', () => {
    const outputs = new Float64Array(441 * 2).map((_, i) => (i % 2 === 0 ? 0.9 : 0.1));
    const view: NetworkView = {
      example: 'classification',
      outputs,
      surface: new Float32Array(SURFACE_CELLS ** 2).fill(0.8),
      confusion: { train: Int32Array.from([200, 41, 0, 200]) },
    };
    const state: RunState = {
      settings: defaultSettings('classification'),
      data: exampleData('classification'),
      epoch: 11,
      error: 0.25,
      view,
      reports: [{ epoch: 10, error: 0.25, view }],
      done: false,
    };
    const config = currentChart(state);
    expect(config.plugins?.map((p) => p.id)).toEqual(['nnDecisionSurface']);
    expect(config.options?.plugins?.nnDecisionSurface?.surface?.cols).toBe(SURFACE_CELLS);
    expect(config.options?.plugins?.title?.text).toBe('Epoch 10/101  Error 0.25');
    // All points predicted class 1 (y[0] > y[1]).
    const classOne = config.data.datasets.find((d) => d.label === CLASS_STYLES[0].label);
    expect(classOne?.data).toHaveLength(441);
    expect(exportSize(state.settings)).toEqual({ width: 480, height: 520 });
    expect(accuracy(view)).toEqual({ train: (400 / 441) * 100 });
    // Before the network has answered: no points, no surface, "Not trained yet".
    const fresh = currentChart({ ...state, view: null, error: null, reports: [] });
    expect(fresh.options?.plugins?.title?.text).toBe('Not trained yet');
    expect(fresh.options?.plugins?.nnDecisionSurface?.surface).toBeUndefined();
  });

  it('refuses a GIF of more frames than the CLI allows, saying what to change', () => {
    const reports = Array.from({ length: MAX_GIF_FRAMES + 1 }, (_, epoch) => ({ epoch, error: 1 }));
    expect(() => gifFrames(irisState(true, reports))).toThrow(
      `this run reported ${MAX_GIF_FRAMES + 1} epochs; a GIF holds at most ${MAX_GIF_FRAMES} frames (as in the CLI): raise the report interval`,
    );
  });
});

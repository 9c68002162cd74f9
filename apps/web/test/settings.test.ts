import { describe, expect, it } from 'vitest';
import {
  BACKEND_IDS,
  DEFAULT_SETTINGS,
  parseSettings,
  type Settings,
  settingsFromQuery,
  settingsToQuery,
} from '../src/settings.js';

describe('settings', () => {
  it('round-trips through the URL query', () => {
    const settings: Settings = {
      hidden: [8, 4],
      activation: 'tanh',
      eta: 0.05,
      epochs: 500,
      interval: 50,
      batchSize: 4,
      seed: 4294967295,
      rng: 'default',
      backend: 'gpujs-webgl2',
    };
    const query = settingsToQuery(settings);
    expect(query.toString()).toBe(
      'hidden=8%2C4&activation=tanh&eta=0.05&epochs=500&interval=50&batch-size=4&seed=4294967295&rng=default&backend=gpujs-webgl2',
    );
    expect(settingsFromQuery(new URLSearchParams(query.toString()))).toEqual({
      settings,
      problems: [],
    });
  });

  it('reads every backend the page offers, gpu.js WebGPU included', () => {
    for (const backend of BACKEND_IDS) {
      expect(settingsFromQuery(new URLSearchParams({ backend }))).toEqual({
        settings: { ...DEFAULT_SETTINGS, backend },
        problems: [],
      });
    }
    expect(BACKEND_IDS).toContain('gpujs-webgpu');
  });

  it('gives the book run for an empty query', () => {
    expect(settingsFromQuery(new URLSearchParams(''))).toEqual({
      settings: DEFAULT_SETTINGS,
      problems: [],
    });
  });

  it('keeps the default and names the problem for each bad value', () => {
    const { settings, problems } = parseSettings({
      hidden: '3,x',
      eta: '-1',
      epochs: '1.5',
      seed: '4294967296',
      backend: 'webgpu',
      activation: 'relu',
    });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, activation: 'relu' });
    expect(problems.map((p) => p.key)).toEqual(['hidden', 'eta', 'epochs', 'seed', 'backend']);
    expect(problems[0]?.message).toMatch(/hidden layer width: "x"/);
    // The backend's id is gpu.js's mode with its library: plain "webgpu" names no backend.
    expect(problems[4]?.message).toMatch(
      /^backend: "webgpu" is not one of cpu-float64, .*gpujs-webgpu/,
    );
  });

  it('limits the number of hidden layers', () => {
    expect(parseSettings({ hidden: '1,1,1,1,1,1,1,1,1' }).problems[0]?.message).toMatch(
      /at most 8/,
    );
  });
});

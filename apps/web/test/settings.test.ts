import { EXAMPLE_NAMES, EXAMPLES } from '@nn/core';
import { describe, expect, it } from 'vitest';
import {
  BACKEND_IDS,
  DEFAULT_SETTINGS,
  defaultSettings,
  parseSettings,
  type Settings,
  settingsFromQuery,
  settingsToQuery,
} from '../src/settings.js';

describe('settings', () => {
  it('round-trips through the URL query', () => {
    const settings: Settings = {
      example: 'iris',
      hidden: [8, 4],
      activation: 'tanh',
      optimizer: 'rmsprop',
      eta: 0.05,
      epochs: 500,
      interval: 50,
      batchSize: 4,
      wbWidth: 0.2,
      dropout: 0.5,
      seed: 4294967295,
      rng: 'default',
      backend: 'gpujs-webgl2',
    };
    const query = settingsToQuery(settings);
    expect(query.toString()).toBe(
      'example=iris&hidden=8%2C4&activation=tanh&optimizer=rmsprop&eta=0.05&epochs=500&interval=50&batch-size=4&wb-width=0.2&dropout=0.5&seed=4294967295&rng=default&backend=gpujs-webgl2',
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
      /^backend: "webgpu" is not one of auto, cpu-float64, .*gpujs-webgpu/,
    );
  });

  it("takes each example's defaults from core's EXAMPLES, the book's", () => {
    for (const example of EXAMPLE_NAMES) {
      const book = EXAMPLES[example].settings;
      const { settings, problems } = settingsFromQuery(new URLSearchParams({ example }));
      expect(problems).toEqual([]);
      expect(settings).toEqual({
        example,
        hidden: [...book.hidden],
        activation: book.activation,
        optimizer: book.optimizer,
        eta: book.eta,
        epochs: book.epochs,
        interval: book.interval,
        batchSize: book.batchSize,
        wbWidth: book.wbWidth,
        dropout: book.dropout,
        seed: 0,
        rng: 'numpy',
        // A page opened without a backend lets auto choose (cpu float64 for the book's networks).
        backend: 'auto',
      });
    }
    expect(defaultSettings('iris')).toMatchObject({
      hidden: [25, 25],
      activation: 'relu',
      optimizer: 'adagrad',
      batchSize: 8,
    });
    // Another example keeps how the run draws its numbers and where it runs.
    const choices = { seed: 7, rng: 'default', backend: 'cpu-float32' } as const;
    expect(defaultSettings('classification', choices)).toMatchObject(choices);
  });

  it('reads the optimizer and dropout knobs over the example, and refuses bad ones with the reason', () => {
    expect(
      settingsFromQuery(new URLSearchParams('example=iris&optimizer=adam&dropout=0.5&epochs=20'))
        .settings,
    ).toEqual({ ...defaultSettings('iris'), optimizer: 'adam', dropout: 0.5, epochs: 20 });
    const { settings, problems } = parseSettings({
      example: 'classification',
      optimizer: 'lbfgs',
      dropout: '1',
    });
    expect(settings).toEqual(defaultSettings('classification'));
    expect(problems).toEqual([
      {
        key: 'optimizer',
        message: 'optimizer: "lbfgs" is not one of sgd, momentum, adagrad, rmsprop, adam',
      },
      { key: 'dropout', message: 'dropout: "1" is not a number from 0 up to, not including, 1' },
    ]);
    for (const bad of ['-0.1', 'x', '1e400', 'NaN']) {
      expect(parseSettings({ dropout: bad }).problems[0]?.key).toBe('dropout');
    }
    expect(parseSettings({ dropout: '0' }).settings.dropout).toBe(0);
  });

  it('keeps the regression for an unknown example, and says so', () => {
    const { settings, problems } = parseSettings({ example: 'mnist', hidden: '4' });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, hidden: [4] });
    expect(problems[0]?.message).toBe(
      'example: "mnist" is not one of regression, classification, iris',
    );
  });

  it('limits the number of hidden layers', () => {
    expect(parseSettings({ hidden: '1,1,1,1,1,1,1,1,1' }).problems[0]?.message).toMatch(
      /at most 8/,
    );
  });
});

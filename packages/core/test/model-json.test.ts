import { describe, expect, it } from 'vitest';
import {
  type DenseLayerJSON,
  type ErrorCode,
  isNNError,
  parseModel,
  validateModelJSON,
} from '../src/index.js';

const valid = () => ({
  format: 'nn-model',
  version: 1,
  layers: [
    {
      type: 'dense',
      inputs: 1,
      units: 2,
      activation: 'sigmoid',
      weights: [[0.5, -0.25]],
      bias: [0.1, 0.2],
    },
    { type: 'dense', inputs: 2, units: 1, activation: 'identity', weights: [[1], [2]], bias: [0] },
  ],
});

function codeOf(fn: () => unknown): { code: ErrorCode | undefined; message: string } {
  try {
    fn();
  } catch (error) {
    if (isNNError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  return { code: undefined, message: '' };
}

describe('model JSON validation', () => {
  it('accepts a well-formed model and keeps float64 numbers exact', () => {
    const model = valid();
    model.layers[0] = {
      ...model.layers[0],
      weights: [[0.1 + 0.2, -0.25]],
    } as (typeof model.layers)[0];
    const layer = parseModel(JSON.stringify(model)).layers[0] as DenseLayerJSON;
    expect(layer.weights[0]?.[0]).toBe(0.1 + 0.2);
  });

  it('refuses another version with NN_MODEL_VERSION', () => {
    const result = codeOf(() => validateModelJSON({ ...valid(), version: 3 }));
    expect(result.code).toBe('NN_MODEL_VERSION');
    expect(result.message).toContain('version 3');
  });

  it('reads version 2 with softmax and dropout layers, and a file that starts with a UTF-8 BOM', () => {
    const model = valid();
    const v2 = {
      ...model,
      version: 2,
      layers: [
        model.layers[0],
        { type: 'dropout', units: 2, ratio: 0.5 },
        { ...model.layers[1], activation: 'softmax' },
      ],
    };
    expect(parseModel(`\uFEFF${JSON.stringify(v2)}`).layers.map((l) => l.type)).toEqual([
      'dense',
      'dropout',
      'dense',
    ]);
    expect(codeOf(() => parseModel(`\uFEFF${JSON.stringify(model)}`)).code).toBeUndefined();
  });

  it('keeps version 1 to the layers it had: no softmax, no dropout', () => {
    const model = valid();
    const softmax = {
      ...model,
      layers: [model.layers[0], { ...model.layers[1], activation: 'softmax' }],
    };
    expect(codeOf(() => validateModelJSON(softmax)).message).toContain('activation');
    const dropout = {
      ...model,
      layers: [model.layers[0], { type: 'dropout', units: 2, ratio: 0.5 }],
    };
    expect(codeOf(() => validateModelJSON(dropout)).message).toContain('not "dense"');
  });

  it('says a weight beyond float64 is out of range, and cuts a long bad value', () => {
    const model = valid();
    const huge = JSON.stringify(model).replace('0.5', '1e400');
    expect(codeOf(() => parseModel(huge)).message).toContain('out of float64 range');
    const long = { ...model, format: 'x'.repeat(10_000) };
    const { message } = codeOf(() => validateModelJSON(long));
    expect(message.length).toBeLessThan(300);
    expect(message).toContain('10002 characters');
  });

  const broken: [string, (m: ReturnType<typeof valid>) => unknown, string][] = [
    ['text that is not JSON', () => '{"format": ', 'not JSON'],
    ['another format', (m) => ({ ...m, format: 'keras' }), '"format"'],
    ['no layers', (m) => ({ ...m, layers: [] }), '"layers"'],
    [
      'a missing weights field',
      (m) => ({ ...m, layers: [{ ...m.layers[0], weights: undefined }, m.layers[1]] }),
      'layers[0].weights',
    ],
    [
      'a weights row of the wrong length',
      (m) => ({ ...m, layers: [{ ...m.layers[0], weights: [[1]] }, m.layers[1]] }),
      'layers[0].weights[0]',
    ],
    [
      'a bias of the wrong length',
      (m) => ({ ...m, layers: [m.layers[0], { ...m.layers[1], bias: [0, 1] }] }),
      'layers[1].bias',
    ],
    [
      'a non-number weight',
      (m) => ({ ...m, layers: [{ ...m.layers[0], weights: [['x', 1]] }, m.layers[1]] }),
      'not a finite number',
    ],
    [
      'an unknown activation',
      (m) => ({ ...m, layers: [{ ...m.layers[0], activation: 'softsign' }, m.layers[1]] }),
      'activation',
    ],
    [
      'layers that do not chain',
      (m) => ({
        ...m,
        layers: [m.layers[0], { ...m.layers[1], inputs: 3, weights: [[1], [2], [3]] }],
      }),
      'takes 3 inputs',
    ],
  ];

  it.each(broken)('refuses %s with NN_MODEL_INVALID and the reason', (_name, breakIt, reason) => {
    const broken = breakIt(valid());
    const result = codeOf(() =>
      typeof broken === 'string' ? parseModel(broken) : parseModel(JSON.stringify(broken)),
    );
    expect(result.code).toBe('NN_MODEL_INVALID');
    expect(result.message).toContain(reason);
  });
});

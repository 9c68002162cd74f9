import { describe, expect, it } from 'vitest';
import { type ErrorCode, isNNError, parseModel, validateModelJSON } from '../src/index.js';

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
    expect(parseModel(JSON.stringify(model)).layers[0]?.weights[0]?.[0]).toBe(0.1 + 0.2);
  });

  it('refuses another version with NN_MODEL_VERSION', () => {
    const result = codeOf(() => validateModelJSON({ ...valid(), version: 2 }));
    expect(result.code).toBe('NN_MODEL_VERSION');
    expect(result.message).toContain('version 2');
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

import { isNNError, type ModelJSON, type NNError } from '@nn/core';
import { describe, expect, it } from 'vitest';
import { readModel } from '../src/read-model.js';

/** A network of `hidden` widths, 1 → 1 identity unless `shape` says otherwise, every parameter 0.5. */
function model(
  hidden: number[],
  activation = 'sigmoid',
  shape = { inputs: 1, outputs: 1, output: 'identity' },
): ModelJSON {
  const widths = [shape.inputs, ...hidden, shape.outputs];
  return {
    format: 'nn-model',
    version: shape.output === 'identity' ? 1 : 2,
    layers: widths.slice(1).map((units, i) => ({
      type: 'dense',
      inputs: widths[i] as number,
      units,
      activation: (i === hidden.length ? shape.output : activation) as 'sigmoid',
      weights: Array.from({ length: widths[i] as number }, () => Array(units).fill(0.5)),
      bias: Array(units).fill(0.5),
    })),
  };
}

/** `json` with a dropout layer of `ratio` after each of the layers at `after`. */
function withDropout(json: ModelJSON, after: number[], ratio: number | number[]): ModelJSON {
  const layers = json.layers.flatMap((layer, i) => {
    const at = after.indexOf(i);
    if (at < 0) return [layer];
    const r = Array.isArray(ratio) ? (ratio[at] as number) : ratio;
    return [layer, { type: 'dropout' as const, units: layer.units, ratio: r }];
  });
  return { ...json, version: 2, layers };
}

const IRIS_SHAPE = { inputs: 4, outputs: 3, output: 'softmax' };

function failure(text: string): NNError {
  try {
    readModel(text);
  } catch (error) {
    if (isNNError(error)) return error;
    throw error;
  }
  throw new Error('expected an NNError');
}

describe('readModel', () => {
  it('reads a model with or without a UTF-8 BOM, with the settings that describe it', () => {
    const text = JSON.stringify(model([4, 2], 'tanh'), null, 2);
    for (const file of [text, `\uFEFF${text}`]) {
      const read = readModel(file);
      expect(read.example).toBe('regression');
      expect(read.hidden).toEqual([4, 2]);
      expect(read.activation).toBe('tanh');
      expect(read.dropout).toBe(0);
      expect(read.model.layers[2]).toMatchObject({ bias: [0.5] });
    }
  });

  it('names a number past float64 range as out of range, not null', () => {
    const text = JSON.stringify(model([3])).replace(
      '"bias":[0.5,0.5,0.5]',
      '"bias":[0.5,-1e400,0.5]',
    );
    const error = failure(text);
    expect(error.code).toBe('NN_MODEL_INVALID');
    expect(error.message).toMatch(
      /^model: layers\[0\]\.bias\[1\] is out of range: beyond ±1\.8e308 it reads as -Infinity;/,
    );
  });

  it('refuses text that is not JSON, saying so with the parser reason cut short', () => {
    const error = failure(`{"format":"nn-model", ${'x'.repeat(100_000)}`);
    expect(error.code).toBe('NN_MODEL_INVALID');
    expect(error.message).toMatch(/^model: it is not JSON \(/);
    expect(error.message.length).toBeLessThan(300);
    expect(failure('{"format":"nn-model","version":1,"layers":[NaN]}').message).toMatch(/not JSON/);
  });

  it('keeps core’s checks and codes: version, shapes, non-numbers by field', () => {
    expect(failure('{"format":"nn-model","version":9}').code).toBe('NN_MODEL_VERSION');
    const withNull = JSON.stringify(model([3])).replace(
      '"bias":[0.5,0.5,0.5]',
      '"bias":[0.5,null,0.5]',
    );
    expect(failure(withNull).message).toMatch(
      /layers\[0\]\.bias\[1\] is null, not a finite number/,
    );
  });

  it('refuses networks the page does not train, naming the layer', () => {
    const twoInputs = model([3]);
    (twoInputs.layers[0] as { inputs: number }).inputs = 2;
    (twoInputs.layers[0] as { weights: number[][] }).weights.push([0.5, 0.5, 0.5]);
    expect(failure(JSON.stringify(twoInputs)).message).toMatch(
      /^model: 2 → 1 identity fits none of the page's examples \(regression 1 → 1 identity, classification 2 → 2 softmax, iris 4 → 3 softmax\);/,
    );
    expect(failure(JSON.stringify(model([]))).message).toMatch(
      /it has 0 hidden layers; the page trains 1 to 8/,
    );
    expect(failure(JSON.stringify(model(Array(9).fill(2)))).message).toMatch(
      /it has 9 hidden layers/,
    );
    expect(failure(JSON.stringify(model([3, 257]))).message).toMatch(
      /layers\[1\] has 257 units; the page trains at most 256 per layer/,
    );
    const mixed = model([3, 3]);
    (mixed.layers[1] as { activation: string }).activation = 'tanh';
    expect(failure(JSON.stringify(mixed)).message).toMatch(
      /layers\[1\]\.activation is "tanh"; the page trains hidden layers of one activation/,
    );
    expect(failure(JSON.stringify(model([3], 'identity'))).message).toMatch(
      /layers\[0\]\.activation is "identity"/,
    );
    const sigmoidOut = model([3]);
    (sigmoidOut.layers[1] as { activation: string }).activation = 'sigmoid';
    expect(failure(JSON.stringify(sigmoidOut)).message).toMatch(
      /1 → 1 sigmoid fits none of the page's examples/,
    );
  });

  it('puts a softmax classifier in the example it fits: 2 → 2 classification, 4 → 3 iris', () => {
    const classification = readModel(
      JSON.stringify(model([6], 'sigmoid', { inputs: 2, outputs: 2, output: 'softmax' })),
    );
    expect([classification.example, classification.hidden]).toEqual(['classification', [6]]);
    const iris = readModel(
      JSON.stringify(withDropout(model([25, 25], 'relu', IRIS_SHAPE), [0, 1], 0.3)),
    );
    expect(iris).toMatchObject({
      example: 'iris',
      hidden: [25, 25],
      activation: 'relu',
      dropout: 0.3,
    });
    const error = failure(
      JSON.stringify(model([6], 'relu', { inputs: 4, outputs: 2, output: 'softmax' })),
    );
    expect(error.code).toBe('NN_MODEL_INVALID');
    expect(error.message).toMatch(
      /^model: a classifier of 4 → 2 softmax fits none of the page's examples/,
    );
  });

  it('refuses dropout the page cannot describe: on some hidden layers only, mixed ratios, last', () => {
    const base = model([8, 8], 'relu', IRIS_SHAPE);
    const message = /its dropout layers are not one ratio right after every hidden layer/;
    expect(failure(JSON.stringify(withDropout(base, [0], 0.2))).message).toMatch(message);
    expect(failure(JSON.stringify(withDropout(base, [0, 1], [0.2, 0.5]))).message).toMatch(message);
    const last = {
      ...base,
      version: 2 as const,
      layers: [...base.layers, { type: 'dropout' as const, units: 3, ratio: 0.1 }],
    };
    expect(failure(JSON.stringify(last)).message).toMatch(
      /layers\[3\] is a dropout layer; the page's networks end with a dense layer/,
    );
  });
});

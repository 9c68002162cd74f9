import { isNNError, type ModelJSON, type NNError } from '@nn/core';
import { describe, expect, it } from 'vitest';
import { readModel } from '../src/read-model.js';

/** A 1-input network of `hidden` widths and one identity output, every parameter 0.5. */
function model(hidden: number[], activation = 'sigmoid'): ModelJSON {
  const widths = [1, ...hidden, 1];
  return {
    format: 'nn-model',
    version: 1,
    layers: widths.slice(1).map((units, i) => ({
      type: 'dense',
      inputs: widths[i] as number,
      units,
      activation: (i === hidden.length ? 'identity' : activation) as 'sigmoid',
      weights: Array.from({ length: widths[i] as number }, () => Array(units).fill(0.5)),
      bias: Array(units).fill(0.5),
    })),
  };
}

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
      expect(read.hidden).toEqual([4, 2]);
      expect(read.activation).toBe('tanh');
      expect(read.model.layers[2]?.bias).toEqual([0.5]);
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
    expect(failure(JSON.stringify(twoInputs)).message).toMatch(/1-input, 1-output networks/);
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
      /layers\[1\]\.activation is "sigmoid"; the page's output layer is identity/,
    );
  });
});

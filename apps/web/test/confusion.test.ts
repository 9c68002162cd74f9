import { createCpuBackend } from '@nn/backend-cpu';
import { createNetwork, crossEntropy, Evaluation, irisData, NumpyRng } from '@nn/core';
import { describe, expect, it } from 'vitest';
import { accuracyOf, confusionMatrix } from '../src/confusion.js';

describe('confusionMatrix', () => {
  it('counts each true class (row) by the predicted class (column), np.argmax taking the first of ties', () => {
    const targets = [1, 0, 0, /**/ 0, 1, 0, /**/ 0, 0, 1, /**/ 0, 0, 1, /**/ 1, 0, 0];
    const outputs = [
      0.7, 0.2, 0.1, /**/ 0.1, 0.1, 0.8, /**/ 0.2, 0.3, 0.5, /**/ 0.4, 0.4, 0.2, /**/ 0.5, 0.5, 0,
    ];
    expect(Array.from(confusionMatrix(outputs, targets, 3))).toEqual([2, 0, 0, 0, 0, 1, 1, 0, 1]);
    expect(accuracyOf(confusionMatrix(outputs, targets, 3), 3)).toBe((3 / 5) * 100);
  });

  it('reads only as many output rows as there are targets (the train rows of train ++ test)', () => {
    const matrix = confusionMatrix(
      [0.9, 0.1, 0.2, 0.8, /* another set: */ 0.9, 0.1],
      [1, 0, 0, 1],
      2,
    );
    expect(Array.from(matrix)).toEqual([1, 0, 0, 1]);
    expect(() => confusionMatrix([0.9, 0.1], [1, 0, 0, 1], 2)).toThrow(RangeError);
    expect(() => confusionMatrix([0.9, 0.1, 0.3], [1, 0, 0], 2)).toThrow(/not rows of 2 classes/);
  });

  it("gives core Evaluation's accuracy on Iris, from the network's outputs", async () => {
    const backend = createCpuBackend();
    const { test } = irisData();
    const network = createNetwork(backend, {
      inputs: 4,
      outputs: 3,
      hidden: [5],
      activation: 'relu',
      outputActivation: 'softmax',
      rng: new NumpyRng(3),
      wbWidth: 1,
    });
    const evaluation = new Evaluation(network, test, crossEntropy);
    const { correct, rows } = await evaluation.run();
    const matrix = confusionMatrix(await network.predict(test.x), test.t, 3);
    expect(matrix.reduce((a, b) => a + b, 0)).toBe(75);
    expect(accuracyOf(matrix, 3)).toBe((correct / rows) * 100);
    evaluation.dispose();
    network.dispose();
  });
});

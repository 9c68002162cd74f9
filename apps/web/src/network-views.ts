import { type Dataset, EXAMPLES, type ExampleName } from '@nn/core';
import { surfaceInputs } from '@nn/viz';
import { confusionMatrix } from './confusion.js';
import type { NetworkView } from './protocol.js';

/** The decision surface's cells per side: fine enough to look smooth at the page's chart size. */
export const SURFACE_CELLS = 64;

/** A run's data as the trainer holds it: the training set, and the test set where the example has one. */
export interface ExampleData {
  train: { x: Float64Array; t: Float64Array };
  test?: { x: Float64Array; t: Float64Array };
}

/** How a run's views are made: every input a view needs in one array, so one forward pass makes it. */
export interface ViewMaker {
  /** Row-major, rows × the network's inputs. */
  readonly inputs: Float64Array;
  /** The view from the network's outputs at `inputs`. */
  view(outputs: Float64Array): NetworkView;
}

/** The example's data as Float64Arrays (core's may be any array-like). */
export function exampleData(example: ExampleName): ExampleData {
  const { train, test } = EXAMPLES[example].data();
  return { train: copy(train), ...(test === undefined ? {} : { test: copy(test) }) };
}

export function viewMaker(example: ExampleName, data: ExampleData): ViewMaker {
  const classes = EXAMPLES[example].settings.outputs;
  const { train, test } = data;
  switch (example) {
    case 'regression':
      return { inputs: train.x, view: (outputs) => ({ example, predictions: outputs }) };
    case 'classification': {
      const n = train.x.length;
      return {
        inputs: concat(train.x, surfaceInputs(SURFACE_CELLS, SURFACE_CELLS)),
        view: (outputs) => ({
          example,
          outputs: outputs.slice(0, n),
          // Each cell's y[0], P(class 1): the rows after the points.
          surface: Float32Array.from(
            { length: SURFACE_CELLS ** 2 },
            (_, i) => outputs[n + 2 * i] as number,
          ),
          confusion: { train: confusionMatrix(outputs, train.t, classes) },
        }),
      };
    }
    case 'iris': {
      if (test === undefined) throw new RangeError('iris: the data has no test set');
      const split = train.t.length;
      return {
        inputs: concat(train.x, test.x),
        view: (outputs) => ({
          example,
          confusion: {
            train: confusionMatrix(outputs, train.t, classes),
            test: confusionMatrix(outputs.subarray(split), test.t, classes),
          },
        }),
      };
    }
  }
}

function copy(data: Dataset): { x: Float64Array; t: Float64Array } {
  return { x: Float64Array.from(data.x), t: Float64Array.from(data.t) };
}

function concat(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const joined = new Float64Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

import type { Dataset } from '../training/training-session.js';
import { IRIS_CSV } from './iris-csv.js';
import { standardize } from './standardize.js';

export const IRIS_SPECIES = ['setosa', 'versicolor', 'virginica'] as const;

export interface SplitData {
  train: Dataset & { samples: number };
  test: Dataset & { samples: number };
}

/**
 * The book's chapter-6 data: Iris, each column standardised over all 150
 * rows, targets one-hot; even rows train (75), odd rows test (75).
 */
export function irisData(): SplitData {
  const lines = IRIS_CSV.trim().split('\n').slice(1);
  const features = new Float64Array(lines.length * 4);
  const classes = new Int32Array(lines.length);
  for (const [row, line] of lines.entries()) {
    const cells = line.split(',');
    for (let c = 0; c < 4; c++) features[row * 4 + c] = Number(cells[c]);
    classes[row] = IRIS_SPECIES.indexOf(cells[4] as (typeof IRIS_SPECIES)[number]);
  }
  return splitEvenOdd(standardize(features, 4), classes, 4, IRIS_SPECIES.length);
}

/** Even rows train, odd rows test (the book's split), with one-hot targets of `classes`. */
export function splitEvenOdd(
  x: ArrayLike<number>,
  classes: ArrayLike<number>,
  inputs: number,
  outputs: number,
): SplitData {
  const part = (parity: number) => {
    const rows = Array.from({ length: classes.length }, (_, i) => i).filter(
      (i) => i % 2 === parity,
    );
    const px = new Float64Array(rows.length * inputs);
    const pt = new Float64Array(rows.length * outputs);
    for (const [k, i] of rows.entries()) {
      for (let c = 0; c < inputs; c++) px[k * inputs + c] = x[i * inputs + c] as number;
      pt[k * outputs + (classes[i] as number)] = 1;
    }
    return { x: px, t: pt, samples: rows.length };
  };
  return { train: part(0), test: part(1) };
}

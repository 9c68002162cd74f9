import { type Dataset, EXAMPLES, type ExampleName, splitEvenOdd, standardize } from '@nn/core';
import { CliError } from './cli-error.js';
import { readCsv } from './read-csv.js';

export interface ExampleData {
  train: Dataset;
  test?: Dataset;
  inputs: number;
  outputs: number;
  /** --data's class labels, in class-index order (sorted); undefined for the book's data. */
  classes?: string[];
}

/**
 * The data an example trains on: the book's, or --data. Regression reads
 * x,y rows; classification and Iris read feature columns then a class label
 * (Iris, like the book, trains on the even rows and tests on the odd ones).
 */
export async function readExampleData(
  example: ExampleName,
  path: string | undefined,
  scale: boolean,
): Promise<ExampleData> {
  const { settings } = EXAMPLES[example];
  if (path === undefined) {
    return { ...EXAMPLES[example].data(), inputs: settings.inputs, outputs: settings.outputs };
  }
  if (example === 'regression') {
    const table = await readCsv(path, [2]);
    const x = new Float64Array(table.rows);
    const t = new Float64Array(table.rows);
    for (let row = 0; row < table.rows; row++) {
      x[row] = table.values[2 * row] as number;
      t[row] = table.values[2 * row + 1] as number;
    }
    return { train: { x, t }, inputs: 1, outputs: 1 };
  }
  const table = await readCsv(path, 'labelled');
  const labels = table.labels as string[];
  const classes = sortedClasses(labels);
  if (classes.length < 2) {
    throw new CliError(
      `${path}: every row has the class ${classes[0]}; a classifier needs two classes or more`,
    );
  }
  const index = new Map(classes.map((label, i) => [label, i]));
  const classOf = Int32Array.from(labels, (label) => index.get(label) as number);
  const inputs = table.columns;
  const x = scale ? standardize(table.values, inputs) : table.values;
  const outputs = classes.length;
  if (settings.report === 'evaluation') {
    if (table.rows < 2)
      throw new CliError(
        `${path}: Iris-like data needs 2 rows or more (even rows train, odd rows test)`,
      );
    return { ...splitEvenOdd(x, classOf, inputs, outputs), inputs, outputs, classes };
  }
  const t = new Float64Array(table.rows * outputs);
  classOf.forEach((c, row) => {
    t[row * outputs + c] = 1;
  });
  return { train: { x, t }, inputs, outputs, classes };
}

/** Class indices follow the labels sorted: numerically when every label is a number, else by code point. */
function sortedClasses(labels: readonly string[]): string[] {
  const unique = [...new Set(labels)];
  const numeric = unique.every((label) => Number.isFinite(Number(label)));
  return numeric
    ? unique.sort((a, b) => Number(a) - Number(b))
    : unique.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
